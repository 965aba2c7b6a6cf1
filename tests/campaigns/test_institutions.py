"""The institution register: registering, editing, searching, and another agency's records."""

import pytest

from engine.campaigns import institutions
from engine.errors import Forbidden, InvalidSubmission, NotFound
from tests.campaigns.conftest import add_institution, credit_code, institution


def test_a_credit_code_is_registered_once_per_agency(db, people, county):
    with pytest.raises(InvalidSubmission) as refused:
        add_institution(db, people["handler1"], "另一家医院", "public_hospital", 1)
    assert refused.value.details == {"credit_code": ["统一社会信用代码已登记为“示例县人民医院”"]}
    add_institution(db, people["outsider"], "邻县人民医院", "public_hospital", 1)


def test_codes_are_stored_upper_case_and_blank_codes_as_none(db, people):
    code = credit_code(9)
    found = institution(
        db, add_institution(db, people["handler1"], "某诊所", "clinic", 9, credit_code=code.lower())
    )
    assert found.credit_code == code
    site = add_institution(
        db, people["handler1"], "某无证场所", "unlicensed_site", 0, credit_code="", ownership="none"
    )
    assert institution(db, site).credit_code is None


def test_editing_changes_the_particulars(db, people, county):
    form = {
        **institutions.as_form(institution(db, county["clinic1"])),
        "status": "banned",
        "phone": "0376-1234567",
    }
    institutions.edit(db, people["handler2"], county["clinic1"], form)
    edited = institution(db, county["clinic1"])
    assert (edited.status, edited.phone) == ("banned", "0376-1234567")


def test_another_agency_neither_sees_nor_edits(db, people, county):
    form = institutions.as_form(institution(db, county["clinic1"]))
    with pytest.raises(NotFound):
        institutions.edit(db, people["outsider"], county["clinic1"], form)
    with db() as session:
        found = institutions.search(
            session, institution(db, county["clinic1"]).agency_id + 1, institutions.Search()
        )
    assert found == []


def test_only_handlers_and_department_heads_edit_the_register(db, people):
    with pytest.raises(Forbidden):
        add_institution(db, people["legal"], "某诊所", "clinic", 8)


def test_search_by_name_code_kind_and_township(db, people, county):
    agency = institution(db, county["clinic1"]).agency_id
    with db() as session:

        def names(**filters):
            return [i.name for i in institutions.search(session, agency, institutions.Search(**filters))]

        assert names(text="王氏") == ["城关镇王氏诊所"]
        assert names(text=credit_code(5).lower()) == ["河口乡李氏诊所"]
        assert len(names(kind="clinic")) == 4
        assert names(kind="clinic", township="柳林镇") == ["柳林镇赵氏诊所"]
        assert institutions.count(session, agency, institutions.Search(kind="tcm_hospital")) == 1
        assert sorted(institutions.townships(session, agency)) == sorted(
            ["城关镇", "柳林镇", "河口乡", "王集乡"]
        )
