"""Run complaints through bpmn/complaint.bpmn, the way ``engine.runtime`` runs cases.

A complaint has its own row with its workflow state (saved by ``engine.state``, without the spec),
its open user tasks mirrored in ``complaint_task`` rows, and its steps written to the audit trail
with the sequence flows taken. Which step comes next, who does it and by when is read from the
diagram (lanes, ``formKey``, ``status`` and ``deadline`` properties), never from code.

The reporter's identity is stored beside the complaint, never in workflow data or audit entries.
"""

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from marshmallow import ValidationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from engine import deadlines, projection, runtime, state
from engine.campaigns import case_opening, complaint_effects, officers, serials, trail
from engine.campaigns.validation import checked, field_errors
from engine.clock import today, utcnow
from engine.errors import Conflict, Forbidden, InvalidSubmission, NotFound
from engine.models import Agency, Complaint, ComplaintReporter, ComplaintTask, Deployment, Institution, User
from engine.roles import LANE_ROLES, ROLE_LABELS, Role
from forms import get_form
from forms.registers import ComplaintIntakeSchema

PROCESS_ID = "complaint"
FEEDBACK_FORM = "complaint_feedback"
CASE_OPENING_FORM = "complaint_case_opening"
# Who checked the facts does not also approve the check.
SEPARATED = {"complaint_review": "complaint_verification"}


@dataclass(frozen=True)
class Outcome:
    complaint_id: int
    status: str
    new_task_ids: list[int]
    flows: list[list[str]]
    case_id: int | None


def register(db: sessionmaker, user_id: int, data: dict) -> Complaint:
    """Register a complaint and run its workflow to the first task (受理审查)."""
    values = checked(ComplaintIntakeSchema(), data)
    with runtime.transaction(db) as session:
        user = officers.acting(session, user_id, Role.HANDLER)
        if values["institution_id"]:
            officers.own(session.get(Institution, values["institution_id"]), user, "机构")
        deployment = session.scalar(select(Deployment).order_by(Deployment.version.desc()).limit(1))
        if deployment is None:
            raise NotFound("尚未部署流程定义，请先运行 caseflow init-db")
        complaint = _new_complaint(session, user, deployment, values)
        if values["real_name"]:
            session.add(
                ComplaintReporter(
                    complaint_id=complaint.id,
                    name=values["reporter_name"],
                    phone=values["reporter_phone"],
                    id_number=values["reporter_id_number"],
                    address=values["reporter_address"],
                )
            )
        spec, subprocess_specs = runtime.deployment_bundle(deployment).specs(PROCESS_ID)
        workflow = state.new_workflow(spec, subprocess_specs, _initial_data(complaint))
        before = projection.reached_ids(workflow)
        workflow.do_engine_steps()
        flows = projection.flows_taken(workflow, before)
        _save(complaint, workflow)
        complaint.feedback_due_on = _feedback_due(deployment, complaint) if complaint.real_name else None
        _record(
            session,
            complaint,
            user.id,
            "complaint.registered",
            {"channel": complaint.channel, "flows": flows},
        )
        sync_tasks(session, complaint, workflow)
        return complaint


def _new_complaint(session: Session, user: User, deployment: Deployment, values: dict) -> Complaint:
    agency = session.get(Agency, user.agency_id)
    year = today().year
    serial = serials.next_serial(session, agency.id, "complaint", year)
    complaint = Complaint(
        number=f"{agency.short_name}卫投〔{year}〕{serial:04d}号",
        agency_id=agency.id,
        channel=values["channel"],
        source_ref=values["source_ref"],
        received_on=values["received_on"],
        real_name=values["real_name"],
        content=values["content"],
        target_name=values["target_name"],
        target_address=values["target_address"],
        institution_id=values["institution_id"],
        status="new",
        process_id=PROCESS_ID,
        deployment=deployment,
        workflow_state=b"",
        state_format=state.FORMAT,
        received_by_id=user.id,
    )
    session.add(complaint)
    session.flush()
    return complaint


def _initial_data(complaint: Complaint) -> dict:
    return {
        "complaint_id": complaint.id,
        "complaint_number": complaint.number,
        "agency_id": complaint.agency_id,
        "channel": complaint.channel,
        "received_on": complaint.received_on.isoformat(),
        "real_name": complaint.real_name,
    }


def _feedback_due(deployment: Deployment, complaint: Complaint):
    """The last day to answer the reporter: the feedback task's deadline as the diagram declares it."""
    element = next(
        e
        for e in runtime.deployment_bundle(deployment).elements.values()
        if e.process_id == PROCESS_ID and e.properties.get("formKey") == FEEDBACK_FORM
    )
    due = deadlines.task_deadline(element.properties, _initial_data(complaint), utcnow())
    return deadlines.china_date(due.due_at - timedelta(microseconds=1))


def complete(db: sessionmaker, task_id: int, user_id: int, data: dict) -> Outcome:
    """Validate and complete a complaint task; the case-opening step first opens the case."""
    with db() as session:
        task, complaint, user = _task(session, task_id, user_id)
        _authorise(session, task, complaint, user)
        form_key = task.form_key
    submitted = _validated(form_key, data)
    case = None
    if form_key == CASE_OPENING_FORM:
        case = case_opening.open_case(
            db,
            user_id,
            case_opening.party_of(submitted),
            submitted["violation_code"],
            _clue(complaint, submitted),
        )
        submitted |= {"case_id": case.id, "case_number": case.number}
    try:
        return _complete(db, task_id, user_id, submitted)
    except (StaleDataError, IntegrityError) as exc:
        raise Conflict("投诉举报已被他人更新，请刷新后重试") from exc


def _validated(form_key: str, data: dict) -> dict:
    form = get_form(form_key)
    try:
        return form.dump(form.load(data or {}))
    except ValidationError as exc:
        raise InvalidSubmission("提交的内容有误，请按提示修改", field_errors(exc.messages)) from exc


def _clue(complaint: Complaint, submitted: dict) -> dict:
    """What the case's intake record starts from: the complaint's number and the handler's facts only."""
    return {
        "source": "complaint",
        "source_ref": complaint.number,
        "received_on": complaint.received_on.isoformat(),
        "place": submitted["place"] or complaint.target_address,
        "summary": submitted["facts"],
    }


def _complete(db: sessionmaker, task_id: int, user_id: int, submitted: dict) -> Outcome:
    with runtime.transaction(db) as session:
        task, complaint, user = _task(session, task_id, user_id, lock=True)
        _authorise(session, task, complaint, user)
        workflow = restore_workflow(complaint)
        spiff_task = workflow.get_task_from_id(UUID(task.spiff_task_id))
        flows = runtime.advance_workflow(workflow, spiff_task, submitted)
        complaint_effects.apply(session, complaint, task.form_key, submitted, user)
        _save(complaint, workflow)
        _close_row(session, task, user, submitted)
        created = sync_tasks(session, complaint, workflow)
        _record(
            session,
            complaint,
            user.id,
            "complaint.task_completed",
            {
                "task": task.element_id,
                "task_id": task.id,
                "data": submitted,
                "flows": flows,
                "status": complaint.status,
            },
        )
        session.flush()
        return Outcome(complaint.id, complaint.status, [t.id for t in created], flows, complaint.case_id)


def claim(db: sessionmaker, task_id: int, user_id: int) -> ComplaintTask:
    """Take a complaint task; its holder becomes one of the complaint's handlers."""
    with runtime.transaction(db) as session:
        task, complaint, user = _task(session, task_id, user_id, lock=True)
        _authorise(session, task, complaint, user)
        task.assignee_id = user.id
        _record(
            session,
            complaint,
            user.id,
            "complaint.task_claimed",
            {"task": task.element_id, "task_id": task.id},
        )
        return task


def release(db: sessionmaker, task_id: int, user_id: int) -> ComplaintTask:
    """Put a claimed complaint task back for anyone of its role."""
    with runtime.transaction(db) as session:
        task, complaint, user = _task(session, task_id, user_id, lock=True)
        if task.assignee_id != user.id:
            raise Forbidden("只能退回自己认领的任务")
        task.assignee_id = None
        _record(
            session,
            complaint,
            user.id,
            "complaint.task_released",
            {"task": task.element_id, "task_id": task.id},
        )
        return task


def _task(session: Session, task_id: int, user_id: int, lock: bool = False):
    task = session.get(ComplaintTask, task_id)
    user = officers.acting(session, user_id)
    if task is None or task.agency_id != user.agency_id:
        raise NotFound(f"任务 {task_id} 不存在")
    complaint = session.get(Complaint, task.complaint_id, with_for_update=lock, populate_existing=lock)
    if lock:
        session.refresh(task)
    if task.status != "open":
        raise Conflict("此任务已办理或已取消")
    return task, complaint, user


def _authorise(session: Session, task: ComplaintTask, complaint: Complaint, user: User) -> None:
    if task.role not in user.roles:
        raise Forbidden(f"此任务须由{ROLE_LABELS.get(task.role, task.role)}办理")
    if task.assignee_id not in (None, user.id):
        raise Forbidden("此任务已由他人认领")
    earlier = SEPARATED.get(task.form_key)
    if earlier and session.scalar(
        select(ComplaintTask.id).where(
            ComplaintTask.complaint_id == complaint.id,
            ComplaintTask.form_key == earlier,
            ComplaintTask.completed_by_id == user.id,
        )
    ):
        raise Forbidden("核查人员不能审核自己的核查结论")


def _close_row(session: Session, task: ComplaintTask, user: User, submitted: dict) -> None:
    rows = ComplaintTask.__table__
    closed = session.execute(
        update(rows)
        .where(rows.c.id == task.id, rows.c.status == "open")
        .values(
            status="completed",
            completed_at=utcnow(),
            completed_by_id=user.id,
            assignee_id=user.id,
            data=submitted,
        )
    )
    if closed.rowcount != 1:
        raise Conflict("此任务已被他人办理")


def restore_workflow(complaint: Complaint):
    """The complaint's workflow, its spec taken from the deployment it started on."""
    spec, subprocess_specs = runtime.deployment_bundle(complaint.deployment).specs(complaint.process_id)
    return state.load(complaint.workflow_state, spec, subprocess_specs)


def _save(complaint: Complaint, workflow) -> None:
    complaint.workflow_state = state.dump(workflow)
    complaint.state_format = state.FORMAT
    complaint.status = projection.current_status(workflow)
    complaint.outcome = projection.current_data(workflow).get("complaint_outcome") or complaint.outcome
    if workflow.is_completed():
        complaint.closed_at = complaint.closed_at or utcnow()


def sync_tasks(session: Session, complaint: Complaint, workflow) -> list[ComplaintTask]:
    """Insert rows for new READY user tasks and cancel rows whose task is no longer READY."""
    ready = {str(t.id): t for t in projection.ready_user_tasks(workflow)}
    open_rows = session.scalars(
        select(ComplaintTask).where(
            ComplaintTask.complaint_id == complaint.id, ComplaintTask.status == "open"
        )
    ).all()
    for row in open_rows:
        if row.spiff_task_id not in ready:
            row.status = "cancelled"
    known = {row.spiff_task_id for row in open_rows}
    created = [_new_row(complaint, task) for task_id, task in ready.items() if task_id not in known]
    session.add_all(created)
    session.flush()
    return created


def _new_row(complaint: Complaint, task) -> ComplaintTask:
    props = projection.properties(task)
    now = utcnow()
    deadline = deadlines.task_deadline(props, task.data, now)
    return ComplaintTask(
        complaint_id=complaint.id,
        agency_id=complaint.agency_id,
        spiff_task_id=str(task.id),
        element_id=task.task_spec.bpmn_id,
        name=task.task_spec.bpmn_name or task.task_spec.bpmn_id,
        form_key=props.get("formKey", task.task_spec.bpmn_id),
        role=str(LANE_ROLES.get(task.task_spec.lane or "", "")),
        created_at=now,
        deadline=deadline.period if deadline else None,
        due_at=deadline.due_at if deadline else None,
        due_confirmed=deadline.confirmed if deadline else True,
    )


def _record(session: Session, complaint: Complaint, user_id: int, action: str, data: dict) -> None:
    trail.record(
        session, user_id, action, {"complaint_id": complaint.id, "complaint_number": complaint.number, **data}
    )

