"""Move running cases to a newer version of the procedure, only where it is safe.

A case may move when nothing it has reached - its open tasks, its waiting timers, and every
element its audit trail shows it passed - was changed or removed in the new version. The workflow
then keeps its task tree; each task is re-pointed at the same element of the new spec, so claims,
drafts and due dates survive. Each case is one transaction with an audit entry; a dry run checks
and reports without changing anything.
"""

from dataclasses import dataclass

from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.util.diff import diff_workflow, migrate_workflow
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from engine import audit, definitions, projection, state, timers
from engine.errors import Forbidden, NotFound
from engine.models import AuditEvent, Case, CaseTimer, Deployment, HumanTask, User
from engine.roles import Role
from engine.runtime import deployment_bundle, restore_workflow, transaction

_REGISTRY = BpmnWorkflowSerializer.configure(SPIFF_CONFIG)


@dataclass(frozen=True)
class MigrationResult:
    case_id: int
    number: str
    moved: bool
    reason: str
    blocking: list[str]
    movable: bool = False

    def as_dict(self) -> dict:
        return {
            "case_id": self.case_id,
            "number": self.number,
            "moved": self.moved,
            "movable": self.movable,
            "reason": self.reason,
            "blocking": self.blocking,
        }


def migrate_cases(
    db: sessionmaker, case_ids: list[int], target_version: int, user_id: int, dry_run: bool = False
) -> list[MigrationResult]:
    """Check (and unless ``dry_run`` move) each case; one result per case, in the order given."""
    return [_migrate_one(db, case_id, target_version, user_id, dry_run) for case_id in case_ids]


def _migrate_one(db: sessionmaker, case_id: int, target_version: int, user_id: int, dry_run: bool):
    with transaction(db) as session:
        user = session.get(User, user_id)
        if user is None or Role.ADMIN not in user.roles:
            raise Forbidden("只有系统管理员可以迁移案件")
        case = session.get(Case, case_id, with_for_update=True)
        target = session.scalar(select(Deployment).where(Deployment.version == target_version))
        if case is None or target is None:
            raise NotFound("案件或目标版本不存在")
        blocking = _blocking(session, case, target)
        if blocking or target.version <= case.deployment.version:
            reason = (
                "目标版本不比当前版本新"
                if not blocking
                else "本案已到达或正处于在新版本中被修改或删除的环节：" + "、".join(blocking)
            )
            return MigrationResult(case.id, case.number, False, reason, blocking)
        if dry_run:
            return MigrationResult(
                case.id, case.number, False, "可以迁移（试运行，未作变更）", [], movable=True
            )
        _move(session, case, target, user)
        return MigrationResult(case.id, case.number, True, f"已迁移到版本 {target.version}", [], movable=True)


def _blocking(session: Session, case: Case, target: Deployment) -> list[str]:
    changes = definitions.diff(deployment_bundle(case.deployment), deployment_bundle(target))
    touched = _reached(session, case)
    return sorted(touched & changes.touched_ids())


def _reached(session: Session, case: Case) -> set[str]:
    """Every element the case has reached: from the audit's flows, open tasks and waiting timers."""
    reached = set(session.scalars(select(HumanTask.element_id).where(HumanTask.case_id == case.id)))
    reached |= set(
        session.scalars(
            select(CaseTimer.element_id).where(CaseTimer.case_id == case.id, CaseTimer.status == "pending")
        )
    )
    for data in session.scalars(select(AuditEvent.data).where(AuditEvent.case_id == case.id)):
        for source, target in data.get("flows", []):
            reached |= {source, target}
    return reached


def _move(session: Session, case: Case, target: Deployment, user: User) -> None:
    """Re-point the task tree with SpiffWorkflow's own migration; READY tasks keep their ids."""
    workflow = restore_workflow(case)
    spec, subprocess_specs = deployment_bundle(target).specs(case.process_id)
    top_diff, subprocess_diffs = diff_workflow(_REGISTRY, workflow, spec, subprocess_specs)
    migrate_workflow(top_diff, workflow, spec)
    for subprocess_id, subprocess_diff in subprocess_diffs.items():
        subprocess = workflow.subprocesses[subprocess_id]
        migrate_workflow(subprocess_diff, subprocess, subprocess_specs[subprocess.spec.name])
    workflow.subprocess_specs = subprocess_specs
    previous = case.deployment.version
    case.workflow_state = state.dump(workflow)
    case.steps += 1
    case.deployment_id = target.id
    audit.record(
        session, case, user.id, "case.migrated", {"from_version": previous, "to_version": target.version}
    )
    projection.sync_tasks(session, case, workflow)
    timers.sync_timers(session, case, workflow)
