"""Versioned deployments, the diff between versions, and moving running cases only where safe."""

import pytest
from sqlalchemy import select

from engine import accounts, definitions, migration, runtime
from engine.errors import Forbidden
from engine.models import Agency, AuditEvent, Case, Deployment, HumanTask
from engine.specs import load_bundle, read_bundle
from tests.engine.walking import Walker

MAIN = "administrative_penalty.bpmn"


def _renamed(old_name: str, new_name: str) -> dict[str, str]:
    files = read_bundle()
    assert f'name="{old_name}"' in files[MAIN]
    files[MAIN] = files[MAIN].replace(f'name="{old_name}"', f'name="{new_name}"', 1)
    return files


def _version(db, case_id) -> int:
    with db() as session:
        return session.scalar(select(Deployment.version).join(Case).where(Case.id == case_id))


@pytest.fixture
def admin(db, people):
    with db.begin() as session:
        agency = session.scalar(select(Agency).where(Agency.code == "demo-county"))
        return accounts.create_user(
            session, username="admin", full_name="管理员", password_hash="x", agency=agency, roles=["admin"]
        ).id


def test_diff_lists_the_renamed_task_and_nothing_else():
    changes = definitions.diff(load_bundle(read_bundle()), load_bundle(_renamed("送达", "送达当事人")))
    assert (changes.added, changes.removed) == ([], [])
    assert [(c.id, c.what) for c in changes.changed] == [("service", "名称“送达”改为“送达当事人”")]


def test_new_cases_start_on_the_newest_version_while_running_cases_keep_theirs(db, people):
    walker = Walker(db, people)
    old_case = walker.open()
    runtime.deploy(db, _renamed("案件受理记录", "案件受理登记"))
    new_case = walker.open()
    assert (_version(db, old_case), _version(db, new_case)) == (1, 2)
    with db() as session:
        names = dict(session.execute(select(Case.id, Case.status)).all())
    assert names == {old_case: "intake", new_case: "intake"}
    with db() as session:
        task_names = dict(session.execute(select(HumanTask.case_id, HumanTask.name)).all())
    assert task_names == {old_case: "案件受理记录", new_case: "案件受理登记"}


def test_migration_refuses_a_case_that_reached_a_changed_task_and_moves_a_safe_one(db, people, admin):
    walker = Walker(db, people)
    unsafe = walker.to_investigation()
    walker.walk(
        unsafe,
        [
            ("investigation", "handler1"),
            ("investigation_conclusion", "handler2"),
            ("conclusion_review", "depthead"),
            ("deliberation", "depthead"),
        ],
    )
    safe = walker.to_investigation()
    target = runtime.deploy(db, _renamed("调查终结审核", "调查终结报告审核"))

    dry = migration.migrate_cases(db, [unsafe, safe], target.version, admin, dry_run=True)
    assert [(r.moved, r.blocking) for r in dry] == [(False, ["conclusion_review"]), (False, [])]
    assert _version(db, safe) == 1

    results = migration.migrate_cases(db, [unsafe, safe], target.version, admin)
    assert [r.moved for r in results] == [False, True]
    assert (_version(db, unsafe), _version(db, safe)) == (1, 2)
    walker.check_round_trip(safe)
    walker.walk(safe, [("investigation", "handler1"), ("investigation_conclusion", "handler2")])
    with db() as session:
        name = session.scalar(
            select(HumanTask.name).where(HumanTask.case_id == safe, HumanTask.status == "open")
        )
        audit = session.scalars(select(AuditEvent.action).where(AuditEvent.case_id == safe)).all()
    assert name == "调查终结报告审核"
    assert "case.migrated" in audit


def test_only_admins_migrate(db, people):
    walker = Walker(db, people)
    case_id = walker.open()
    target = runtime.deploy(db, _renamed("送达", "送达当事人"))
    with pytest.raises(Forbidden):
        migration.migrate_cases(db, [case_id], target.version, people["head"])
