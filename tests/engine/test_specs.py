"""Bundle validation: what a broken or hostile definition gets back, and that nothing is deployed."""

import pytest
from sqlalchemy import func, select

from engine import runtime
from engine.errors import DefinitionError
from engine.models import Deployment
from engine.specs import load_bundle, read_bundle

MAIN = "administrative_penalty.bpmn"


def _problems(files):
    with pytest.raises(DefinitionError) as caught:
        load_bundle(files)
    return caught.value.details["problems"]


def _with(name, old, new):
    files = read_bundle()
    assert old in files[name], old
    files[name] = files[name].replace(old, new, 1)
    return files


def test_shipped_bundle_is_valid():
    bundle = load_bundle(read_bundle())
    assert {"administrative_penalty", "summary_procedure", "criminal_transfer", "transfer_out"} <= set(
        bundle.parser.get_process_ids()
    )


def test_external_entity_is_refused():
    files = read_bundle()
    files[MAIN] = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + files[MAIN].split("?>", 1)[1]
    )
    assert "DOCTYPE" in _problems(files)[0]["reason"]


def test_entity_bomb_is_refused():
    bomb = '<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    files = read_bundle()
    files[MAIN] = bomb + files[MAIN].split("?>", 1)[1]
    assert _problems(files)[0]["file"] == MAIN


def test_malformed_xml_is_refused():
    files = read_bundle()
    files[MAIN] = files[MAIN][:500]
    assert "XML" in _problems(files)[0]["reason"]


def test_condition_escaping_the_sandbox_is_reported_with_its_element():
    files = _with(MAIN, 'registration_decision == "register"', "().__class__.__base__.__subclasses__()")
    problem = _problems(files)[0]
    assert problem["element_id"].startswith("flow_") and "受限求值器" in problem["reason"]


def test_unknown_form_is_reported():
    files = _with(MAIN, 'name="formKey" value="service"', 'name="formKey" value="no_such_form"')
    problem = _problems(files)[0]
    assert (problem["element_id"], "no_such_form" in problem["reason"]) == ("service", True)


def test_user_task_in_a_lane_without_a_role_is_reported():
    files = _with(MAIN, 'name="法制审核"', 'name="保洁"')
    problems = _problems(files)
    assert {"legal_review", "hearing"} <= {p["element_id"] for p in problems}
    assert all("泳道" in p["reason"] for p in problems)


def test_dmn_cell_escaping_the_sandbox_is_reported():
    files = _with("hearing_right.dmn", "<text>&gt;= 5000</text>", "<text>__import__('os')</text>")
    assert "受限求值器" in _problems(files)[0]["reason"]


def test_failed_deploy_stores_nothing(db):
    files = _with(MAIN, 'name="formKey" value="service"', 'name="formKey" value="no_such_form"')
    with pytest.raises(DefinitionError):
        runtime.deploy(db, files)
    with db() as session:
        assert session.scalar(select(func.count()).select_from(Deployment)) == 0


def test_redeploying_the_same_files_keeps_the_version_and_a_change_makes_the_next(db):
    first = runtime.deploy(db)
    assert runtime.deploy(db).version == first.version
    changed = _with(MAIN, 'name="送达"', 'name="送达当事人"')
    assert runtime.deploy(db, changed).version == first.version + 1


def test_document_without_a_generator_is_reported():
    files = _with(
        MAIN, 'name="documents" value="service_receipt"', 'name="documents" value="no_such_document"'
    )
    problem = _problems(files)[0]
    assert (problem["element_id"], "no_such_document" in problem["reason"]) == ("service", True)


def test_gateway_branch_without_condition_is_reported():
    files = _with(MAIN, 'registration_decision == "register"', "")
    problem = _problems(files)[0]
    assert problem["element_id"] == "flow_gw_registration_to_investigation" and "条件" in problem["reason"]
