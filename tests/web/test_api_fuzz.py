"""Schemathesis against the app's own /api/v1/openapi.json, in process, on a database with real cases.

Every request is judged by what the document promises (status codes, content types, response
bodies; errors are ``{"code", "message", "details"}``) and by ``not_a_server_error``; malformed
input must be refused. Path ids are folded into the range of existing rows, so lookups find cases,
tasks, documents and drafts as often as they miss. The run is derandomized and the number of
requests is asserted, so the fuzzing can neither flake nor quietly shrink.
"""

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from sqlalchemy import func, select

from engine import drafts
from engine.models import Attachment, Case, DefinitionDraft, Deployment, Document, HumanTask
from forms.examples import EXAMPLES
from tests.engine.walking import CLINIC, PERSON, Walker
from web.cases import evidence

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
EXAMPLES_PER_MODE = 30
MIN_REQUESTS = 2000
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.unsupported_method,
]
# A multipart text part is text whatever the generator meant: a description "negated" into an
# integer or object arrives as the string "-390" or "{}", which is valid, and is rightly accepted.
MULTIPART_CHECKS = [check for check in CHECKS if check is not schemathesis.checks.negative_data_rejection]
FUZZING = settings(
    max_examples=EXAMPLES_PER_MODE,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
ROW_MODELS = {
    "case_id": Case,
    "task_id": HumanTask,
    "attachment_id": Attachment,
    "document_id": Document,
    "draft_id": DefinitionDraft,
}


@pytest.fixture
def records(app, db, people, admin):
    """Cases at intake, investigation and notice, a summary case, one of another agency, an attachment
    and a draft; returns the highest id per path parameter, which generated ids are folded under."""
    walker = Walker(db, people)
    intake = walker.open()
    walker.to_investigation(CLINIC)
    walker.to_notice()
    walker.open(procedure="summary")
    walker.open(PERSON)
    walker.open(CLINIC)
    Walker(db, {**people, "handler1": people["outsider"]}).open()
    with app.app_context():
        evidence.store(db, intake, people["handler1"], "现场.png", PNG, "现场照片")
    with db() as session:
        bundle = dict(session.scalars(select(Deployment)).one().files)
    drafts.save_draft(db, admin, bundle, name="草稿")
    with db() as session:
        highest = {name: session.scalar(select(func.max(model.id))) for name, model in ROW_MODELS.items()}
        version = session.scalar(select(func.max(Deployment.version)))
    return highest | {"version": version, "other": version, "bundle": bundle, "intake": intake}


@pytest.fixture
def sent():
    return Counter()


@pytest.fixture
def api(app, admin_token, records, sent):
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json",
        app,
        headers={"Authorization": f"Bearer {admin_token}"},
        config=schemathesis.Config.from_dict({"generation": {"with-security-parameters": False}}),
    )

    @schema.hook
    def map_path_parameters(context, path_parameters):
        return {name: near_rows(value, records[name]) for name, value in (path_parameters or {}).items()}

    @schema.hook
    def after_call(context, case, response):
        sent[case.operation.label] += 1

    return schema


def near_rows(value, highest: int):
    """Small generated ids land on existing rows or just past them; large and malformed ones stay."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000:
        return value % (highest + 2)
    return value


def test_fuzzed_requests_get_documented_answers_and_no_server_error(api, sent, tokens, admin_token, subtests):
    officer = {"Authorization": f"Bearer {tokens['multi']}"}
    administrator = {"Authorization": f"Bearer {admin_token}"}
    operations = [result.ok() for result in api.get_all_operations()]
    for operation in operations:
        admin_only = operation.path.startswith(("/api/v1/definitions", "/api/v1/migrations"))
        headers = administrator if admin_only else officer
        checks = MULTIPART_CHECKS if "multipart/form-data" in media_types(operation) else CHECKS
        with subtests.test(operation.label):
            judge_coverage(api, operation, headers, checks)
            fuzz(operation, GenerationMode.POSITIVE, headers, checks)
            if negatable(operation):
                fuzz(operation, GenerationMode.NEGATIVE, headers, checks)
    assert set(sent) == {operation.label for operation in operations}
    assert sum(sent.values()) >= MIN_REQUESTS


def media_types(operation) -> list[str]:
    return operation.get_request_payload_content_types() if list(operation.body) else []


def negatable(operation) -> bool:
    """Without parameters or a body (the security schemes are not generated) nothing can be malformed."""
    return bool(list(operation.iter_parameters()) or list(operation.body))


def judge_coverage(schema, operation, headers, checks):
    """Every boundary, missing or mistyped value and undeclared method, which random generation
    reaches only by chance."""
    for case in schema.iter_coverage_cases(
        operation,
        generation_modes=list(GenerationMode),
        generation_config=schema.config.generation_for(operation=operation, phase="coverage"),
    ):
        case.call_and_validate(headers=headers, checks=checks)


def fuzz(operation, mode, headers, checks):
    @FUZZING
    @given(case=operation.as_strategy(mode))
    def call(case):
        case.call_and_validate(headers=headers, checks=checks)

    call()


def test_the_work_of_an_officer_and_an_admin_conforms(api, tokens, admin_token, records, people):
    """What random input rarely reaches: successes, whose bodies the response schemas must describe."""
    officer = {"Authorization": f"Bearer {tokens['multi']}"}
    administrator = {"Authorization": f"Bearer {admin_token}"}

    def send(method, path, headers=officer, media_type="application/json", **kwargs):
        case = api[path][method].Case(media_type=media_type if "body" in kwargs else None, **kwargs)
        return case.call_and_validate(headers=headers, checks=CHECKS)

    opened = send("POST", "/api/v1/cases", body={"party": {"kind": "organization", "name": "某诊所"}})
    assert opened.status_code == 201
    case_id = opened.json()["id"]
    task_id = opened.json()["tasks"][0]["id"]
    task = {"task_id": task_id}
    assert send("POST", "/api/v1/tasks/{task_id}/claim", path_parameters=task).status_code == 200
    assert send("POST", "/api/v1/tasks/{task_id}/release", path_parameters=task).status_code == 200
    draft = {"data": {"summary": "草稿"}}
    assert send("PUT", "/api/v1/tasks/{task_id}/draft", path_parameters=task, body=draft).status_code == 200
    handler = {"assignee_id": people["multi"]}
    assert (
        send("POST", "/api/v1/tasks/{task_id}/assign", path_parameters=task, body=handler).status_code == 200
    )
    version = send("GET", "/api/v1/tasks/{task_id}", path_parameters=task).json()["case_version"]
    completion = {"data": EXAMPLES["intake_record"], "expected_version": version}
    done = send("POST", "/api/v1/tasks/{task_id}/complete", path_parameters=task, body=completion)
    assert (done.status_code, done.json()["status"]) == (200, "registration")
    upload = {"file": PNG, "description": "现场照片"}
    filed = send(
        "POST",
        "/api/v1/cases/{case_id}/attachments",
        path_parameters={"case_id": case_id},
        body=upload,
        media_type="multipart/form-data",
    )
    assert filed.status_code == 201
    attachment = {"attachment_id": filed.json()["id"]}
    assert send("GET", "/api/v1/attachments/{attachment_id}", path_parameters=attachment).content == PNG
    documents = send("GET", "/api/v1/cases/{case_id}/documents", path_parameters={"case_id": case_id}).json()
    pdf = send("GET", "/api/v1/documents/{document_id}", path_parameters={"document_id": documents[0]["id"]})
    assert pdf.content.startswith(b"%PDF")

    bundle = {"files": records["bundle"]}
    assert send("POST", "/api/v1/definitions/validate", administrator, body=bundle).json()["valid"]
    again = send("POST", "/api/v1/definitions", administrator, body=bundle)
    assert (again.status_code, again.json()["created"]) == (200, False)
    diff = send(
        "GET",
        "/api/v1/definitions/{version}/diff/{other}",
        administrator,
        path_parameters={"version": 1, "other": 1},
    )
    assert diff.status_code == 200
    saved = send("POST", "/api/v1/definitions/drafts", administrator, body=bundle | {"name": "新草稿"})
    draft_id = {"draft_id": saved.json()["id"]}
    edited = send(
        "PUT", "/api/v1/definitions/drafts/{draft_id}", administrator, path_parameters=draft_id, body=bundle
    )
    assert edited.status_code == 200
    deleted = send("DELETE", "/api/v1/definitions/drafts/{draft_id}", administrator, path_parameters=draft_id)
    assert deleted.status_code == 204
    moved = send(
        "POST",
        "/api/v1/migrations",
        administrator,
        body={"case_ids": [records["intake"], case_id], "target_version": 1, "dry_run": True},
    )
    assert [r["case_id"] for r in moved.json()["results"]] == [records["intake"], case_id]


def test_without_a_valid_token_every_operation_answers_401(api):
    for result in api.get_all_operations():
        operation = result.ok()
        for headers in ({}, {"Authorization": "Bearer cf_not-a-token"}):
            case = operation.Case(path_parameters={p.name: 1 for p in operation.path_parameters})
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            assert response.status_code == 401, operation.label
