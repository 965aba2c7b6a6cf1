"""The institution register (机构台账): add, edit, find.

Credit codes and licence numbers are unique within an agency, so a register never counts one
institution twice; the form has already checked the credit code's check character.
"""

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from engine.campaigns import officers, trail
from engine.campaigns.validation import checked
from engine.clock import utcnow
from engine.errors import InvalidSubmission
from engine.models import Institution
from engine.roles import Role
from engine.runtime import transaction
from forms.registers import InstitutionSchema

EDITORS = (Role.HANDLER, Role.DEPT_HEAD)


def add(db: sessionmaker, user_id: int, data: dict) -> Institution:
    """Register one institution."""
    values = checked(InstitutionSchema(), data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, *EDITORS)
        refuse_duplicates(session, user.agency_id, values)
        institution = Institution(agency_id=user.agency_id, **stored(values))
        session.add(institution)
        session.flush()
        trail.record(
            session, user.id, "institution.added", {"institution_id": institution.id, "name": values["name"]}
        )
        return institution


def edit(db: sessionmaker, user_id: int, institution_id: int, data: dict) -> Institution:
    """Change an institution's particulars or status."""
    values = checked(InstitutionSchema(), data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, *EDITORS)
        institution = officers.own(session.get(Institution, institution_id), user, "机构")
        refuse_duplicates(session, user.agency_id, values, institution.id)
        for name, value in stored(values).items():
            setattr(institution, name, value)
        institution.updated_at = utcnow()
        trail.record(
            session, user.id, "institution.edited", {"institution_id": institution.id, "name": values["name"]}
        )
        return institution


def stored(values: dict) -> dict:
    """Form values as columns: an empty code is no code, so uniqueness ignores it."""
    return {
        **values,
        "credit_code": values["credit_code"] or None,
        "licence_no": values["licence_no"] or None,
    }


def refuse_duplicates(session: Session, agency_id: int, values: dict, own_id: int | None = None) -> None:
    """Refuse a credit code or licence number another institution of the agency already has."""
    problems = {}
    for name, label in (("credit_code", "统一社会信用代码"), ("licence_no", "执业许可证登记号")):
        value = values.get(name)
        if not value:
            continue
        found = session.scalar(
            select(Institution.name).where(
                Institution.agency_id == agency_id,
                getattr(Institution, name) == value,
                Institution.id != (own_id or 0),
            )
        )
        if found:
            problems[name] = [f"{label}已登记为“{found}”"]
    if problems:
        raise InvalidSubmission("机构已在台账中", problems)


@dataclass(frozen=True)
class Search:
    text: str = ""
    kind: str = ""
    township: str = ""
    status: str = ""

    @classmethod
    def from_args(cls, args) -> "Search":
        return cls(**{name: (args.get(name) or "").strip()[:100] for name in cls.__dataclass_fields__})

    def as_args(self) -> dict:
        return {name: value for name, value in vars(self).items() if value}


def search(
    session: Session, agency_id: int, filters: Search, offset: int = 0, limit: int = 50
) -> list[Institution]:
    """Institutions of the agency matching the filters, by township then name."""
    query = _filtered(agency_id, filters).order_by(Institution.township, Institution.name, Institution.id)
    return list(session.scalars(query.offset(offset).limit(limit)))


def count(session: Session, agency_id: int, filters: Search) -> int:
    """How many institutions match, for the list's heading."""
    query = _filtered(agency_id, filters).with_only_columns(func.count(Institution.id))
    return session.scalar(query)


def _filtered(agency_id: int, filters: Search) -> Select:
    query = select(Institution).where(Institution.agency_id == agency_id)
    if filters.text:
        query = query.where(
            or_(
                Institution.name.contains(filters.text, autoescape=True),
                Institution.credit_code == filters.text.upper(),
                Institution.licence_no == filters.text,
                Institution.address.contains(filters.text, autoescape=True),
            )
        )
    for name in ("kind", "township", "status"):
        if getattr(filters, name):
            query = query.where(getattr(Institution, name) == getattr(filters, name))
    return query


def townships(session: Session, agency_id: int) -> list[str]:
    """The townships the register names, for the filter."""
    return list(
        session.scalars(
            select(Institution.township)
            .where(Institution.agency_id == agency_id, Institution.township != "")
            .distinct()
            .order_by(Institution.township)
        )
    )


def as_form(institution: Institution) -> dict:
    """The institution's values as its form shows them."""
    return {name: getattr(institution, name) or "" for name in InstitutionSchema().fields}
