"""Campaign fixtures: the county's register in small, a campaign over spring 2026, complaint walking,
and the web fixtures of tests/web (an app on the test database, signed-in clients)."""

from datetime import date

import pytest
from sqlalchemy import select

from engine.campaigns import complaint_workflow, institutions, plans
from engine.models import ComplaintTask, Institution
from forms.examples import EXAMPLES
from forms.identifiers import credit_code_check_char
from tests.web.conftest import app, browser, live_url, passwords, signed_in  # noqa: F401 - shared fixtures


def credit_code(serial: int, prefix: str = "12411500") -> str:
    """A valid unified social credit code, distinct per serial."""
    body = f"{prefix}{serial:09d}"
    return body + credit_code_check_char(body)


def add_institution(db, user_id: int, name: str, kind: str, serial: int, **changes) -> int:
    ownership = {"clinic": "individual", "private_hospital": "private"}.get(kind, "public")
    form = {"name": name, "kind": kind, "ownership": ownership, "credit_code": credit_code(serial), **changes}
    return institutions.add(db, user_id, form).id


@pytest.fixture
def county(db, people):
    """Three hospitals and four clinics of the county agency, by short name."""
    handler = people["handler1"]
    return {
        "hospital": add_institution(
            db,
            handler,
            "示例县人民医院",
            "public_hospital",
            1,
            address="城关镇人民路1号",
            legal_representative="张院长",
        ),
        "tcm": add_institution(db, handler, "示例县中医院", "tcm_hospital", 2),
        "private": add_institution(db, handler, "示例县仁爱医院", "private_hospital", 3),
        "clinic1": add_institution(db, handler, "城关镇王氏诊所", "clinic", 4, township="城关镇"),
        "clinic2": add_institution(db, handler, "河口乡李氏诊所", "clinic", 5, township="河口乡"),
        "clinic3": add_institution(db, handler, "柳林镇赵氏诊所", "clinic", 6, township="柳林镇"),
        "clinic4": add_institution(db, handler, "王集乡周氏诊所", "clinic", 7, township="王集乡"),
    }


@pytest.fixture
def campaign(db, people):
    form = plans.default_form(date(2026, 3, 1), date(2026, 6, 30))
    form |= {"name": "2026年规范医疗市场秩序专项整治行动", "focus": ["unlicensed_practice"]}
    return plans.create(db, people["depthead"], form)


def institution(db, institution_id: int) -> Institution:
    with db() as session:
        return session.get(Institution, institution_id)


REPORTER = {
    "reporter_name": "赵举报",
    "reporter_phone": "13912345678",
    "reporter_id_number": "411500197001010011",
}


def complaint_form(real_name: bool = True, **changes) -> dict:
    form = {
        "channel": "hotline",
        "source_ref": "12345-20260302-001",
        "received_on": "2026-03-02",
        "real_name": real_name,
        "target_name": "解放路采耳店",
        "target_address": "城关镇解放路18号",
        "content": "解放路采耳店为顾客采耳、打针，无执业许可。",
        **(REPORTER if real_name else {}),
    }
    return {**form, **changes}


class ComplaintWalker:
    """Completes a complaint's open task as an officer of the test agency, from the form's example."""

    def __init__(self, db, people):
        self.db = db
        self.people = people

    def open_task(self, complaint_id: int) -> ComplaintTask | None:
        with self.db() as session:
            return session.scalar(
                select(ComplaintTask).where(
                    ComplaintTask.complaint_id == complaint_id, ComplaintTask.status == "open"
                )
            )

    def step(self, complaint_id: int, who: str, **changes) -> complaint_workflow.Outcome:
        task = self.open_task(complaint_id)
        data = {**EXAMPLES[task.form_key], **changes}
        if "officer_ids" in data:
            data["officer_ids"] = [self.people["handler1"], self.people["handler2"]]
        return complaint_workflow.complete(self.db, task.id, self.people[who], data)

    def walk(self, complaint_id: int, steps) -> complaint_workflow.Outcome:
        outcome = None
        for who, *changes in steps:
            outcome = self.step(complaint_id, who, **(changes[0] if changes else {}))
        return outcome


@pytest.fixture
def walker(db, people):
    return ComplaintWalker(db, people)
