"""The case list page: sign-in required, CSRF on forms, only the user's own agency."""

import pytest

from engine import runtime
from tests.engine.walking import PERSON
from tests.web.conftest import sign_in


def test_case_list_requires_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_post_without_csrf_token_is_refused(client):
    assert client.post("/login", data={"username": "handler1", "password": "secret-pass"}).status_code == 400


def test_wrong_password_is_refused(client):
    assert "用户名或密码错误" in sign_in(client, "handler1", "nope").get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_signed_in_user_sees_own_agency_cases_with_current_step(client, db, people):
    case = runtime.open_case(db, user_id=people["handler1"], party=dict(PERSON))
    runtime.open_case(db, user_id=people["outsider"], party={"kind": "person", "name": "邻县当事人"})
    assert sign_in(client, "handler2").status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert case.number in page and "案件受理记录" in page
    assert "邻县当事人" not in page


@pytest.mark.parametrize("path", ["/cases/{}", "/tasks/{}", "/documents/{}"])
def test_an_id_beyond_the_database_integers_is_a_chinese_404(signed_in, path):
    response = signed_in("handler1").get(path.format(10**40))
    assert response.status_code == 404 and "不存在" in response.get_data(as_text=True)
