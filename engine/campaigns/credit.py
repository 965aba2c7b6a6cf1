"""Credit: bad-practice points of institutions (不良执业行为记分) and repeat unlicensed practice.

Points are 1, 2, 4, 6 or 10 per item and count per yearly cycle; the total places an institution
in a tier (12, 16 and 20 points are the thresholds; a threshold belongs to the tier above it, and
20 itself to the third). A person penalised twice for unlicensed practice who practises again
commits a crime (法释〔2008〕5号 art. 2 (四)): their open unlicensed-practice cases are flagged
for transfer to the police. Penalties of every agency count, since the person's history does.
"""

from sqlalchemy import String, case, cast, func, select
from sqlalchemy.orm import Session, sessionmaker

from engine.campaigns import officers, trail
from engine.campaigns.validation import checked
from engine.models import Case, Institution, Party, PracticeScore
from engine.roles import Role
from engine.runtime import transaction
from forms.registers import ScoreSchema

TIERS = (
    (12, "first", "一档（12分以下）"),
    (16, "second", "二档（12分至16分）"),
    (21, "third", "三档（16分至20分）"),
    (None, "fourth", "四档（20分以上）"),
)
UNLICENSED = "unlicensed_practice"
PRIOR_PENALTIES_FOR_CRIME = 2
REPEAT_NOTE = "曾因非法行医受过二次以上行政处罚，再次非法行医，涉嫌非法行医罪，应移送公安机关"


def tier(points: int) -> tuple[str, str]:
    """The tier (code, label) a yearly total reaches."""
    return next((code, label) for limit, code, label in TIERS if limit is None or points < limit)


def score(db: sessionmaker, user_id: int, data: dict) -> PracticeScore:
    """Score points against an institution for one item of bad practice."""
    values = checked(ScoreSchema(), data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, Role.HANDLER, Role.DEPT_HEAD)
        institution = officers.own(session.get(Institution, values["institution_id"]), user, "机构")
        if values["case_id"]:
            officers.own(session.get(Case, values["case_id"]), user, "案件")
        row = PracticeScore(
            agency_id=user.agency_id,
            institution_id=institution.id,
            year=values["scored_on"].year,
            points=int(values["points"]),
            reason=values["reason"],
            scored_on=values["scored_on"],
            case_id=values["case_id"],
            created_by_id=user.id,
        )
        session.add(row)
        session.flush()
        trail.record(
            session,
            user.id,
            "credit.scored",
            {"institution_id": institution.id, "points": row.points, "year": row.year},
        )
        return row


def standings(session: Session, agency_id: int, year: int) -> list[dict]:
    """Institutions with points in ``year``, highest total first, with their tier."""
    total = func.sum(PracticeScore.points).label("points")
    query = (
        select(Institution, total, func.count(PracticeScore.id))
        .join(PracticeScore, PracticeScore.institution_id == Institution.id)
        .where(PracticeScore.agency_id == agency_id, PracticeScore.year == year)
        .group_by(Institution.id)
        .order_by(total.desc(), Institution.name)
    )
    return [
        {"institution": institution, "points": int(points), "count": count, "tier": tier(int(points))}
        for institution, points, count in session.execute(query)
    ]


def scores_of(session: Session, institution_id: int) -> list[PracticeScore]:
    """An institution's points, newest first, over every cycle."""
    return list(
        session.scalars(
            select(PracticeScore)
            .where(PracticeScore.institution_id == institution_id)
            .order_by(PracticeScore.scored_on.desc(), PracticeScore.id.desc())
        )
    )


def _person():
    """One person across cases: their ID number, else the party row."""
    return case((Party.id_number.is_not(None), Party.id_number), else_=cast(Party.id, String))


def penalties_by_person():
    """Penalised unlicensed-practice cases per person, as a subquery (person, penalties)."""
    person = _person()
    return (
        select(person.label("person"), func.count(Case.id).label("penalties"))
        .join(Party, Party.id == Case.party_id)
        .where(Case.violation_code == UNLICENSED, Case.decided_on.is_not(None), Party.kind == "person")
        .group_by(person)
        .subquery()
    )


def repeat_offences(session: Session, case_scope) -> dict[int, int]:
    """Undecided unlicensed-practice cases among ``case_scope`` (a select of case ids) whose party was
    penalised for it at least twice before, with the number of those penalties."""
    counts = penalties_by_person()
    query = (
        select(Case.id, counts.c.penalties)
        .join(Party, Party.id == Case.party_id)
        .join(counts, counts.c.person == _person())
        .where(
            Case.id.in_(case_scope),
            Case.violation_code == UNLICENSED,
            Case.decided_on.is_(None),
            Case.closed_at.is_(None),
            counts.c.penalties >= PRIOR_PENALTIES_FOR_CRIME,
        )
    )
    return dict(session.execute(query).all())


def repeat_offenders(session: Session, agency_id: int) -> list[dict]:
    """The agency's flagged cases, with party and prior penalties, for the credit page."""
    flagged = repeat_offences(session, select(Case.id).where(Case.agency_id == agency_id))
    if not flagged:
        return []
    query = (
        select(Case, Party)
        .join(Party, Party.id == Case.party_id)
        .where(Case.id.in_(list(flagged)))
        .order_by(Case.id)
    )
    return [{"case": c, "party": p, "penalties": flagged[c.id]} for c, p in session.execute(query)]
