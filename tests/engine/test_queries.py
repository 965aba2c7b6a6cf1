"""Read models: a case's detail pairs its version with the tasks it lists."""

from sqlalchemy.orm.attributes import set_committed_value

from engine import queries, runtime
from engine.models import Case
from tests.engine.walking import PERSON, Walker


def test_the_case_version_is_read_with_the_tasks_not_from_an_older_row(db, people):
    """A timer firing between the two reads must not pair the new tasks with the old version: the
    officer would then send a version the engine refuses as a conflict."""
    case_id = Walker(db, people).to_investigation()
    with db() as session:
        case = session.get(Case, case_id)
        current = case.steps
        set_committed_value(case, "steps", current - 1)  # as loaded before the timer's commit
        detail = queries.case_detail(session, case_id)
    assert detail["version"] == current
    assert any(t["element_id"] == "investigation" and t["status"] == "open" for t in detail["tasks"])


def test_a_new_case_reports_the_version_a_completion_expects(db, people):
    case_id = runtime.open_case(db, user_id=people["handler1"], party=dict(PERSON)).id
    with db() as session:
        assert queries.case_detail(session, case_id)["version"] == session.get(Case, case_id).steps
