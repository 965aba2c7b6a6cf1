"""Deployed versions as admins see them: who deployed what and when, the cases still running on each,
and what changed between two of them. Shared by the admin pages and the API."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from engine import definitions
from engine.errors import NotFound
from engine.models import Case, Deployment, HumanTask, Party, User
from engine.runtime import deployment_bundle
from engine.specs import Bundle


def version_rows(session: Session, agency_id: int, version: int | None = None) -> list[dict]:
    """Every version (or the one asked for), newest first, with the agency's running cases on it."""
    running = dict(
        session.execute(
            select(Case.deployment_id, func.count())
            .where(Case.agency_id == agency_id, Case.closed_at.is_(None))
            .group_by(Case.deployment_id)
        ).all()
    )
    query = (
        select(Deployment, User.full_name)
        .outerjoin(User, User.id == Deployment.created_by_id)
        .options(undefer(Deployment.files))
        .order_by(Deployment.version.desc())
    )
    if version is not None:
        query = query.where(Deployment.version == version)
    rows = session.execute(query).all()
    return [
        {
            "version": deployment.version,
            "content_hash": deployment.content_hash,
            "created_at": deployment.created_at,
            "created_by_id": deployment.created_by_id,
            "created_by": deployer or "系统初始化",
            "file_names": sorted(deployment.files),
            "running_cases": running.get(deployment.id, 0),
        }
        for deployment, deployer in rows
    ]


def deployment(session: Session, version: int) -> Deployment:
    found = session.scalar(
        select(Deployment).where(Deployment.version == version).options(undefer(Deployment.files))
    )
    if found is None:
        raise NotFound(f"版本 {version} 不存在")
    return found


def newest_version(session: Session) -> int | None:
    return session.scalar(select(func.max(Deployment.version)))


def version_diff(session: Session, old: int, new: int) -> dict:
    """Elements added, removed and changed from version ``old`` to version ``new``, and the files touched."""
    before, after = deployment(session, old), deployment(session, new)
    return {"from_version": old, "to_version": new, **_changes(before, after.files, deployment_bundle(after))}


def version_row(session: Session, agency_id: int, version: int) -> dict:
    rows = version_rows(session, agency_id, version)
    if not rows:
        raise NotFound(f"版本 {version} 不存在")
    return rows[0]


def changes_from_newest(session: Session, files: dict[str, str], bundle: Bundle) -> tuple[int | None, dict]:
    """What a checked bundle would change against the newest version, before it is deployed."""
    newest = newest_version(session)
    if newest is None:
        return None, {"added": [], "removed": [], "changed": [], "files": file_changes({}, files)}
    before = deployment(session, newest)
    return newest, _changes(before, files, bundle)


def file_changes(old: dict[str, str], new: dict[str, str]) -> dict[str, list[str]]:
    """Files added, removed and edited; the element diff does not look inside DMN tables, this does."""
    return {
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "changed": sorted(name for name in old if name in new and old[name] != new[name]),
    }


def _changes(before: Deployment, files: dict[str, str], bundle: Bundle) -> dict:
    return definitions.diff(deployment_bundle(before), bundle).as_dict() | {
        "files": file_changes(before.files, files)
    }


def require_own_cases(session: Session, case_ids: list[int], agency_id: int) -> None:
    """Refuse case ids of another agency as if they did not exist, as every case page does."""
    own = set(session.scalars(select(Case.id).where(Case.id.in_(case_ids), Case.agency_id == agency_id)))
    missing = [case_id for case_id in case_ids if case_id not in own]
    if missing:
        raise NotFound(f"案件 {missing[0]} 不存在或不属于本机关")


def running_cases(session: Session, agency_id: int) -> list[dict]:
    """The agency's unfinished cases with their version and open steps, oldest version first."""
    rows = session.execute(
        select(Case.id, Case.number, Case.status, Party.name, Deployment.version)
        .join(Party, Party.id == Case.party_id)
        .join(Deployment, Deployment.id == Case.deployment_id)
        .where(Case.agency_id == agency_id, Case.closed_at.is_(None))
        .order_by(Deployment.version, Case.id)
    ).all()
    steps: dict[int, list[str]] = {}
    for case_id, name in session.execute(
        select(HumanTask.case_id, HumanTask.name).where(
            HumanTask.status == "open", HumanTask.case_id.in_([row.id for row in rows])
        )
    ):
        steps.setdefault(case_id, []).append(name)
    return [
        {
            "id": row.id,
            "number": row.number,
            "status": row.status,
            "party": row.name,
            "version": row.version,
            "open_steps": steps.get(row.id, []),
        }
        for row in rows
    ]
