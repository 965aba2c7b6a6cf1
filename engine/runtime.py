"""The engine's operations. Each one is a single database transaction: it commits whole or not at all.

Callers pass a ``sessionmaker``; nothing outside this module commits. A completion runs as named
stages (load, authorise, validate, advance, save, project, audit) so that each can be reasoned
about - and fault-tested - on its own.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from uuid import UUID

from marshmallow import ValidationError
from SpiffWorkflow.task import TaskState
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from engine import (
    audit,
    calendar_store,
    deadlines,
    duties,
    guards,
    issuing,
    projection,
    rendering,
    state,
    timers,
)
from engine.clock import today, utcnow
from engine.errors import Conflict, Forbidden, InvalidSubmission, LegalGuardViolation, NotFound
from engine.models import Agency, Case, CaseCounter, Deployment, HumanTask, Party, User
from engine.roles import Role
from engine.specs import cached_bundle, load_bundle, read_bundle
from forms import get_form

PROCEDURES = {"general": "administrative_penalty", "summary": "summary_procedure"}
ASSIGNER_ROLES = {Role.DEPT_HEAD, Role.AGENCY_HEAD}


@dataclass(frozen=True)
class Snapshot:
    """The READY user tasks and waiting timers of a workflow as restored, which its rows mirror."""

    ready: set[str]
    waiting: set[str]


@dataclass(frozen=True)
class Outcome:
    """What a completion did, for the caller to show."""

    case_id: int
    case_version: int
    status: str
    new_task_ids: list[int]
    flows: list[list[str]]
    document_ids: list[int]


@contextmanager
def transaction(db: sessionmaker) -> Iterator[Session]:
    """One operation: a database transaction with the agency calendar in use for deadlines and timers."""
    with db.begin() as session:
        with deadlines.calendar_in_use(calendar_store.current(session)):
            yield session


def deploy(db: sessionmaker, files: dict[str, str] | None = None, user_id: int | None = None) -> Deployment:
    """Validate a bundle and store it as the next version, unless the same content is already deployed."""
    files = files if files is not None else read_bundle()
    bundle = load_bundle(files)
    try:
        return _store_deployment(db, files, bundle.content_hash, user_id)
    except IntegrityError as exc:
        raise Conflict("另一个版本正在同时部署，请刷新后重试") from exc


def _store_deployment(
    db: sessionmaker, files: dict[str, str], content_hash: str, user_id: int | None
) -> Deployment:
    with db.begin() as session:
        existing = session.scalar(select(Deployment).where(Deployment.content_hash == content_hash))
        if existing is not None:
            return existing
        latest = session.scalar(select(Deployment.version).order_by(Deployment.version.desc()).limit(1)) or 0
        deployment = Deployment(
            version=latest + 1, content_hash=content_hash, files=files, created_by_id=user_id
        )
        session.add(deployment)
        session.flush()
        audit.record(
            session,
            None,
            user_id,
            "definition.deployed",
            {"version": deployment.version, "hash": content_hash, "files": sorted(files)},
        )
        return deployment


def open_case(
    db: sessionmaker, *, user_id: int, party: dict, procedure: str = "general", violation_code: str = ""
) -> Case:
    """Open a case on the newest deployment and run it to its first user task."""
    if procedure not in PROCEDURES:
        raise InvalidSubmission("程序类型无效", {"procedure": ["应为 general 或 summary"]})
    for _retry in range(2):
        try:
            return _open_case(db, user_id, party, procedure, violation_code)
        except IntegrityError:
            continue
    try:
        return _open_case(db, user_id, party, procedure, violation_code)
    except IntegrityError as exc:
        raise Conflict("案件编号分配冲突，请重试") from exc


def _open_case(db: sessionmaker, user_id: int, party: dict, procedure: str, violation_code: str) -> Case:
    """One attempt: a concurrent first case of the year may collide on the new counter row."""
    with transaction(db) as session:
        user = _user(session, user_id)
        if Role.HANDLER not in user.roles:
            raise Forbidden("只有执法人员（承办人）可以登记案件")
        deployment = session.scalar(select(Deployment).order_by(Deployment.version.desc()).limit(1))
        if deployment is None:
            raise NotFound("尚未部署流程定义，请先运行 caseflow init-db")
        party_row = _party(session, party)
        case = Case(
            number=_next_case_number(session, user.agency),
            agency_id=user.agency_id,
            party=party_row,
            violation_code=violation_code,
            procedure=procedure,
            process_id=PROCEDURES[procedure],
            status="new",
            deployment=deployment,
            opened_by_id=user.id,
            workflow_state=b"",
            state_format=state.FORMAT,
            steps=1,
        )
        session.add(case)
        session.flush()
        spec, subprocess_specs = deployment_bundle(deployment).specs(case.process_id)
        workflow = state.new_workflow(spec, subprocess_specs, _initial_data(case, party_row))
        before = projection.reached_ids(workflow)
        workflow.do_engine_steps()
        flows = projection.flows_taken(workflow, before)
        case.workflow_state = state.dump(workflow)
        case.status = projection.current_status(workflow)
        audit.record(
            session,
            case,
            user.id,
            "case.opened",
            {"number": case.number, "procedure": procedure, "party": party_row.name, "flows": flows},
        )
        projection.sync_tasks(session, case, workflow)
        timers.sync_timers(session, case, workflow)
        return case


def claim_task(db: sessionmaker, task_id: int, user_id: int) -> HumanTask:
    """Take an open task into one's own inbox; refused if someone else holds it or duties forbid it."""
    with transaction(db) as session:
        task, case, user = _open_task(session, task_id, user_id)
        _authorise(session, task, case, user)
        if task.assignee_id not in (None, user.id):
            raise Conflict("此任务已被他人认领")
        _set_assignee(session, task, user.id)
        audit.record(session, case, user.id, "task.claimed", {"task": task.element_id, "task_id": task.id})
        return task


def release_task(db: sessionmaker, task_id: int, user_id: int) -> HumanTask:
    """Put a claimed task back in the queue of its role."""
    with transaction(db) as session:
        task, case, user = _open_task(session, task_id, user_id)
        if task.assignee_id != user.id:
            raise Forbidden("只能退回自己认领的任务")
        _set_assignee(session, task, None)
        audit.record(session, case, user.id, "task.released", {"task": task.element_id, "task_id": task.id})
        return task


def assign_task(db: sessionmaker, task_id: int, assignee_id: int, by_user_id: int) -> HumanTask:
    """A department or agency head hands a task to an eligible officer of the same agency."""
    with transaction(db) as session:
        task, case, by_user = _open_task(session, task_id, by_user_id)
        if not (ASSIGNER_ROLES & by_user.roles) or by_user.agency_id != case.agency_id:
            raise Forbidden("只有本机关的科室负责人或机关负责人可以分派任务")
        assignee = _user(session, assignee_id)
        _authorise(session, task, case, assignee)
        _set_assignee(session, task, assignee.id)
        audit.record(
            session,
            case,
            by_user.id,
            "task.assigned",
            {"task": task.element_id, "task_id": task.id, "assignee_id": assignee.id},
        )
        return task


def render_document(db: sessionmaker, case_id: int, doc_type: str, user_id: int):
    """Render a document of the case again from its current data, as the next version (the old stays)."""
    with transaction(db) as session:
        case = session.get(Case, case_id, with_for_update=True)
        if case is None:
            raise NotFound(f"案件 {case_id} 不存在")
        user = _user(session, user_id)
        if user.agency_id != case.agency_id:
            raise Forbidden("不能办理其他机关的案件")
        if doc_type not in issuing.documents.GENERATORS:
            raise InvalidSubmission("未知的文书类型", {"doc_type": [f"未知的文书类型 {doc_type}"]})
        data = projection.current_data(restore_workflow(case))
        document = issuing.issue(session, case, doc_type, data, user)
        audit.record(
            session,
            case,
            user.id,
            "document.rendered",
            {
                "document_id": document.id,
                "type": doc_type,
                "number": document.number,
                "version": document.version,
                "verify_code": document.verify_code,
            },
        )
    return rendering.rendered(db, document)


MAX_DRAFT_BYTES = 200_000


def save_draft(db: sessionmaker, task_id: int, user_id: int, data: dict) -> HumanTask:
    """Keep what the user typed without validating or advancing anything (暂存)."""
    if not isinstance(data, dict) or len(json.dumps(data, ensure_ascii=False, default=str)) > MAX_DRAFT_BYTES:
        raise InvalidSubmission("草稿格式无效或过大", {"_schema": ["草稿须为不超过 200 KB 的 JSON 对象"]})
    with transaction(db) as session:
        task, case, user = _open_task(session, task_id, user_id)
        authorise_completion(session, task, case, user)
        task.draft = data
        return task


def complete_task(
    db: sessionmaker, task_id: int, user_id: int, data: dict, expected_version: int | None = None
) -> Outcome:
    """Validate the submission, advance the workflow and record it, all in one transaction.

    The PDFs of the documents the step issued are rendered after the commit.
    """
    outcome = _complete(db, task_id, user_id, data, expected_version)
    rendering.after_commit(db, outcome.document_ids)
    return outcome


def _complete(db: sessionmaker, task_id: int, user_id: int, data: dict, expected_version: int | None):
    try:
        with transaction(db) as session:
            task, case, user = load_for_completion(session, task_id, user_id, expected_version)
            authorise_completion(session, task, case, user)
            workflow = restore_workflow(case)
            before = Snapshot(projection.ready_ids(workflow), timers.waiting_ids(workflow))
            spiff_task = workflow.get_task_from_id(UUID(task.spiff_task_id))
            submitted = validate_submission(session, task, case, user, data, spiff_task.data)
            flows = advance_workflow(workflow, spiff_task, submitted)
            issued = issue_documents(session, case, task, user, spiff_task)
            save_workflow(session, case, workflow, submitted)
            write_audit(session, case, task, user, submitted, flows, issued)
            new_tasks = project_tasks(session, case, task, user, workflow, submitted, before)
            session.flush()
            return Outcome(
                case.id, case.steps, case.status, [t.id for t in new_tasks], flows, [d.id for d in issued]
            )
    except (StaleDataError, IntegrityError) as exc:
        raise Conflict("案件已被他人更新，请刷新后重试") from exc


def load_for_completion(session: Session, task_id: int, user_id: int, expected_version: int | None):
    task, case, user = _open_task(session, task_id, user_id)
    if expected_version is not None and expected_version != case.steps:
        raise Conflict("案件已被他人更新，请刷新后重试")
    return task, case, user


def authorise_completion(session: Session, task: HumanTask, case: Case, user: User) -> None:
    _authorise(session, task, case, user)
    if task.assignee_id not in (None, user.id):
        raise Forbidden("此任务已由他人认领")


def restore_workflow(case: Case):
    spec, subprocess_specs = deployment_bundle(case.deployment).specs(case.process_id)
    return state.load(case.workflow_state, spec, subprocess_specs)


def validate_submission(
    session: Session, task: HumanTask, case: Case, user: User, data: dict, case_data: dict
) -> dict:
    """Check the form schema, then the legal guards; return the JSON-safe data to store."""
    form = get_form(task.form_key)
    try:
        submitted = form.dump(form.load(data or {}))
    except ValidationError as exc:
        raise InvalidSubmission("提交的内容有误，请按提示修改", _field_errors(exc.messages)) from exc
    problems = guards.check(task.form_key, guards.GuardContext(session, case, user, submitted, case_data))
    if problems:
        raise LegalGuardViolation("提交的内容不符合法定要求", problems)
    return submitted


def advance_workflow(workflow, spiff_task, submitted: dict) -> list[list[str]]:
    if not spiff_task.has_state(TaskState.READY):
        raise Conflict("此任务已不在待办状态")
    before = projection.reached_ids(workflow)
    spiff_task.data.update(submitted)
    spiff_task.run()
    workflow.do_engine_steps()
    return projection.flows_taken(workflow, before)


def issue_documents(session: Session, case: Case, task: HumanTask, user: User, spiff_task) -> list:
    return issuing.issue_for_step(
        session, case, task, projection.properties(spiff_task), spiff_task.data, user
    )


def save_workflow(session: Session, case: Case, workflow, submitted: dict) -> None:
    case.workflow_state = state.dump(workflow)
    case.steps += 1
    case.state_format = state.FORMAT
    projection.sync_case(session, case, workflow, submitted)


def project_tasks(
    session: Session, case: Case, task: HumanTask, user: User, workflow, submitted: dict, before: "Snapshot"
):
    rows = HumanTask.__table__
    closed = session.execute(
        update(rows)
        .where(rows.c.id == task.id, rows.c.status == "open")
        .values(
            status="completed",
            completed_at=utcnow(),
            completed_by_id=user.id,
            data=submitted,
            assignee_id=user.id,
            draft=None,
        )
    )
    if closed.rowcount != 1:
        raise Conflict("此任务已被他人办理")
    created = projection.sync_tasks(session, case, workflow, before.ready - {task.spiff_task_id})
    timers.sync_timers(session, case, workflow, before.waiting)
    return created


def write_audit(
    session: Session, case: Case, task: HumanTask, user: User, submitted: dict, flows, issued: list
) -> None:
    audit.record(
        session,
        case,
        user.id,
        "task.completed",
        {
            "task": task.element_id,
            "task_id": task.id,
            "name": task.name,
            "data": submitted,
            "flows": flows,
            "status": case.status,
            "documents": [
                {"id": d.id, "type": d.doc_type, "number": d.number, "verify_code": d.verify_code}
                for d in issued
            ],
        },
    )


def deployment_bundle(deployment: Deployment):
    """The parsed bundle of a deployed version, parsed once per content hash."""
    return cached_bundle(deployment.content_hash, lambda: deployment.files)


def _field_errors(messages) -> dict[str, list[str]]:
    if isinstance(messages, dict):
        return {k: v if isinstance(v, list) else [str(v)] for k, v in messages.items()}
    return {"_schema": list(messages)}


def _open_task(session: Session, task_id: int, user_id: int):
    """Lock the case first, then read the task and the case's handlers in statements of their own.

    A row joined to a ``FOR UPDATE`` query keeps the snapshot from before the wait on PostgreSQL;
    read separately after the lock, the task's status and the handlers the duty check compares with
    are the ones the previous holder committed.
    """
    case = (
        session.scalars(
            select(Case)
            .join(HumanTask, HumanTask.case_id == Case.id)
            .where(HumanTask.id == task_id)
            .options(joinedload(Case.deployment, innerjoin=True), selectinload(Case.handler_rows))
            .with_for_update(of=Case)
        )
        .unique()
        .one_or_none()
    )
    if case is None:
        raise NotFound(f"任务 {task_id} 不存在")
    task = session.get(HumanTask, task_id)
    if task.status != "open":
        raise Conflict("此任务已办理或已取消")
    return task, case, _user(session, user_id)


def _authorise(session: Session, task: HumanTask, case: Case, user: User) -> None:
    reason = duties.refusal(session, user, case, task.role)
    if reason:
        raise Forbidden(reason)


def _set_assignee(session: Session, task: HumanTask, assignee_id: int | None) -> None:
    task.assignee_id = assignee_id
    task.claimed_at = utcnow() if assignee_id else None
    session.flush()


def _user(session: Session, user_id: int) -> User:
    user = (
        session.scalars(select(User).options(joinedload(User.role_rows)).where(User.id == user_id))
        .unique()
        .one_or_none()
    )
    if user is None:
        raise NotFound(f"用户 {user_id} 不存在")
    return user


def _party(session: Session, party: dict) -> Party:
    """Reuse a known party by credit code or ID number, so the ledger counts a party once."""
    if party.get("id"):
        found = session.get(Party, party["id"])
        if found is None:
            raise NotFound("当事人不存在")
        return found
    kind = party.get("kind")
    if kind not in ("person", "organization") or not (party.get("name") or "").strip():
        raise InvalidSubmission(
            "当事人信息不完整", {"party": ["需要当事人类型（person/organization）和名称"]}
        )
    key = Party.credit_code if kind == "organization" else Party.id_number
    value = party.get("credit_code") if kind == "organization" else party.get("id_number")
    if value:
        found = session.scalar(select(Party).where(key == value))
        if found is not None:
            return found
    row = Party(
        kind=kind,
        name=party["name"].strip(),
        id_number=party.get("id_number"),
        credit_code=party.get("credit_code"),
        legal_representative=party.get("legal_representative"),
        address=party.get("address"),
        phone=party.get("phone"),
    )
    session.add(row)
    return row


def _next_case_number(session: Session, agency: Agency) -> str:
    """Take the next number of the agency's year under a row lock: unique and gap-free."""
    year = today().year
    counter = session.get(CaseCounter, (agency.id, year), with_for_update=True)
    if counter is None:
        counter = CaseCounter(agency_id=agency.id, year=year, last=0)
        session.add(counter)
    counter.last += 1
    session.flush()
    return f"{agency.short_name}卫医案〔{year}〕{counter.last:04d}号"


def _initial_data(case: Case, party: Party) -> dict:
    return {
        "case_id": case.id,
        "case_number": case.number,
        "agency_id": case.agency_id,
        "party_type": party.kind,
        "party_name": party.name,
        "violation_code": case.violation_code,
        "procedure": case.procedure,
    }
