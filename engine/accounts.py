"""Agencies and their officers. Passwords arrive hashed: hashing is the web layer's business."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.models import Agency, User, UserRole
from engine.roles import Role


def create_agency(session: Session, code: str, name: str, short_name: str, region: str = "") -> Agency:
    """``region`` names the agency's level of government (示例县): reconsideration goes to its 人民政府."""
    agency = session.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        agency = Agency(code=code, name=name, short_name=short_name, region=region)
        session.add(agency)
        session.flush()
    return agency


def create_user(
    session: Session,
    *,
    username: str,
    full_name: str,
    password_hash: str,
    agency: Agency,
    roles: list[str],
    certificate_no: str | None = None,
    legal_qualification: bool = False,
) -> User:
    unknown = set(roles) - set(Role)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    user = User(
        username=username,
        full_name=full_name,
        password_hash=password_hash,
        agency_id=agency.id,
        certificate_no=certificate_no,
        legal_qualification=legal_qualification,
        role_rows=[UserRole(role=role) for role in roles],
    )
    session.add(user)
    session.flush()
    return user
