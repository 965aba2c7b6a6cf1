"""Bad-practice points and tiers per institution and year; repeat unlicensed practice flagged for the
police (法释〔2008〕5号 art. 2 (四)); publication and withdrawal of penalty decisions."""

from datetime import datetime

import pytest
from sqlalchemy import select

from engine.campaigns import credit, disclosure, ledger
from engine.errors import Conflict, Forbidden, InvalidSubmission
from engine.models import Case, Document, User
from tests.campaigns.rows import CaseRows, day
from tests.engine.walking import PERSON


@pytest.mark.parametrize(
    ("points", "tier"),
    [
        (0, "first"),
        (11, "first"),
        (12, "second"),
        (15, "second"),
        (16, "third"),
        (20, "third"),
        (21, "fourth"),
    ],
)
def test_tiers_break_at_twelve_sixteen_and_twenty_points(points, tier):
    assert credit.tier(points)[0] == tier


def _score(db, people, institution_id, points, on="2026-05-01"):
    return credit.score(
        db,
        people["handler1"],
        {
            "institution_id": institution_id,
            "points": str(points),
            "reason": "未按规定公示价格",
            "scored_on": on,
        },
    )


def test_points_add_up_per_institution_and_year(db, people, county):
    for points in (10, 4, 2):
        _score(db, people, county["private"], points)
    _score(db, people, county["private"], 10, on="2025-12-31")
    _score(db, people, county["clinic1"], 6)
    with db() as session:
        agency_id = session.get(User, people["handler1"]).agency_id
        standings = credit.standings(session, agency_id, 2026)
    assert [(r["institution"].name, r["points"], r["count"], r["tier"][1]) for r in standings] == [
        ("示例县仁爱医院", 16, 3, "三档（16分至20分）"),
        ("城关镇王氏诊所", 6, 1, "一档（12分以下）"),
    ]


def test_points_are_one_two_four_six_or_ten(db, people, county):
    with pytest.raises(InvalidSubmission) as refused:
        _score(db, people, county["private"], 3)
    assert "points" in refused.value.details
    with pytest.raises(Forbidden):
        credit.score(
            db,
            people["legal"],
            {"institution_id": county["private"], "points": "2", "reason": "x", "scored_on": "2026-05-01"},
        )


@pytest.fixture
def offender_cases(db, people, deployment):
    """Two penalised unlicensed-practice cases of one person, a third still under investigation."""
    with db.begin() as session:
        agency_id = session.get(User, people["handler1"]).agency_id
        rows = CaseRows(session, agency_id, people["handler1"], deployment.id)
        party = {k: PERSON[k] for k in ("kind", "name", "id_number")}
        first = rows.case(party=party, violation_code="unlicensed_practice", decided_on=day("2025-05-01"))
        second = rows.case(
            party={**party, "name": "王某（改名后）"},
            violation_code="unlicensed_practice",
            decided_on=day("2025-11-01"),
        )
        third = rows.case(party=party, violation_code="unlicensed_practice", registered_on=day("2026-03-01"))
        other = rows.case(
            party={"kind": "person", "name": "李某", "id_number": "411500198001010022"},
            violation_code="unlicensed_practice",
            registered_on=day("2026-03-01"),
        )
        return agency_id, [first.id, second.id, third.id, other.id]


def test_a_third_unlicensed_practice_case_is_flagged_for_the_police(db, people, offender_cases):
    agency_id, (first, second, third, other) = offender_cases
    with db() as session:
        flagged = credit.repeat_offenders(session, agency_id)
        notes = {line["case_id"]: line["note"] for line in ledger.rows(session, agency_id, ledger.Filters())}
    assert [(row["case"].id, row["penalties"]) for row in flagged] == [(third, 2)]
    assert notes == {first: "", second: "", third: credit.REPEAT_NOTE, other: ""}


def test_one_prior_penalty_is_not_yet_a_crime(db, people, offender_cases):
    agency_id, (first, *_rest) = offender_cases
    with db.begin() as session:
        session.get(Case, first).decided_on = None
    with db() as session:
        assert credit.repeat_offenders(session, agency_id) == []


@pytest.fixture
def decided_case(db, people, deployment):
    with db.begin() as session:
        agency_id = session.get(User, people["handler1"]).agency_id
        rows = CaseRows(session, agency_id, people["handler1"], deployment.id)
        case = rows.case(registered_on=day("2026-03-01"), decided_on=day("2026-04-01"), fine_amount=5000)
        undecided = rows.case(registered_on=day("2026-03-01"))
    return case.id, undecided.id


def _decision(db, case_id):
    with db.begin() as session:
        session.add(
            Document(
                case_id=case_id,
                agency_id=session.get(Case, case_id).agency_id,
                doc_type="penalty_decision",
                title="行政处罚决定书",
                number="示县卫医罚〔2026〕007号",
                sha256="a" * 64,
                verify_code="b" * 64,
                size=1,
                content=b"%",
                issued_on=day("2026-04-01"),
                rendered_at=datetime(2026, 4, 1),
            )
        )


def test_a_decision_is_published_withdrawn_with_a_reason_and_published_again(db, people, decided_case):
    case_id, undecided = decided_case
    with pytest.raises(InvalidSubmission, match="尚未作出处罚决定"):
        disclosure.publish(db, people["depthead"], case_id)
    _decision(db, case_id)
    with pytest.raises(Forbidden):
        disclosure.publish(db, people["handler1"], case_id)
    disclosure.publish(db, people["depthead"], case_id)
    with pytest.raises(Conflict):
        disclosure.publish(db, people["depthead"], case_id)
    agency_id = _agency_of(db, case_id)
    with db() as session:
        (row,) = disclosure.published(session, agency_id)
        assert (row["decision_number"], row["party"]) == ("示县卫医罚〔2026〕007号", "当事人1")
        assert [r["case"].id for r in disclosure.awaiting(session, agency_id)] == []
    with pytest.raises(InvalidSubmission):
        disclosure.withdraw(db, people["head"], case_id, {"withdrawal_reason": " "})
    disclosure.withdraw(db, people["head"], case_id, {"withdrawal_reason": "处罚决定经复议被撤销"})
    with db() as session:
        assert disclosure.published(session, agency_id) == []
        (withdrawn,) = disclosure.published(session, agency_id, include_withdrawn=True)
        assert withdrawn["disclosure"].withdrawal_reason == "处罚决定经复议被撤销"
    disclosure.publish(db, people["depthead"], case_id)
    with db() as session:
        assert len(disclosure.published(session, agency_id)) == 1
    with pytest.raises(InvalidSubmission):
        disclosure.publish(db, people["depthead"], undecided)


def test_decisions_awaiting_publication_turn_red_after_seven_working_days(db, people, decided_case):
    case_id, _undecided = decided_case
    _decision(db, case_id)
    with db() as session:
        (row,) = disclosure.awaiting(session, _agency_of(db, case_id))
    assert (row["due_on"], row["colour"]) == (day("2026-04-13"), "red")


def _agency_of(db, case_id) -> int:
    with db() as session:
        return session.scalar(select(Case.agency_id).where(Case.id == case_id))
