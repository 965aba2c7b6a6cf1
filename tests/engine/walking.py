"""Route helpers for lifecycle tests: open a case and walk it step by step, checking the stored state
after every step (save/restore round trip, task rows equal to the READY user tasks)."""

from datetime import datetime

from sqlalchemy import select

from engine import projection, runtime, scripted, state, worker
from engine.models import Case, HumanTask
from engine.scripted import Step

PERSON = {
    "kind": "person",
    "name": "王某（某采耳店经营者）",
    "id_number": "511502199001011234",
    "address": "示例县城关镇解放路18号",
}
CLINIC = {
    "kind": "organization",
    "name": "示例县某诊所",
    "credit_code": "92511500MA00000001",
    "legal_representative": "赵某",
    "address": "示例县城关镇人民路66号",
}


class Walker:
    """Holds the people of a test and opens/walks cases as them."""

    def __init__(self, db, people):
        self.db = db
        self.people = people
        self.handlers = [people["handler1"], people["handler2"]]

    def open(self, party=PERSON, procedure="general") -> int:
        return runtime.open_case(
            self.db, user_id=self.people["handler1"], party=party, procedure=procedure
        ).id

    def step(self, case_id: int, element_id: str, who: str, **changes) -> runtime.Outcome:
        outcome = scripted.complete(self.db, case_id, Step(element_id, self.people[who], changes))
        self.check_round_trip(case_id)
        return outcome

    def walk(self, case_id: int, steps) -> runtime.Outcome:
        """Complete steps in order; the pseudo-step ("worker", ISO time) runs the timer worker then."""
        outcome = None
        for element_id, who, *changes in steps:
            if element_id == "worker":
                self.run_worker(who)
                continue
            outcome = self.step(case_id, element_id, who, **(changes[0] if changes else {}))
        return outcome

    def run_worker(self, now: str) -> int:
        """Fire the timers due at ``now`` (naive UTC, ISO text), as ``caseflow worker --once --now`` would."""
        fired = worker.fire_due_timers(self.db, datetime.fromisoformat(now))
        self.check_all_round_trips()
        return fired

    def check_all_round_trips(self) -> None:
        with self.db() as session:
            case_ids = session.scalars(select(Case.id)).all()
        for case_id in case_ids:
            self.check_round_trip(case_id)

    def check_round_trip(self, case_id: int) -> None:
        with self.db() as session:
            case = session.get(Case, case_id)
            workflow = runtime.restore_workflow(case)
            assert state.dump(
                state.load(state.dump(workflow), workflow.spec, workflow.subprocess_specs)
            ) == state.dump(workflow)
            ready = sorted(str(t.id) for t in projection.ready_user_tasks(workflow))
            rows = sorted(
                session.scalars(
                    select(HumanTask.spiff_task_id).where(
                        HumanTask.case_id == case_id, HumanTask.status == "open"
                    )
                ).all()
            )
            assert ready == rows

    def open_tasks(self, case_id: int) -> list[str]:
        with self.db() as session:
            return sorted(
                session.scalars(
                    select(HumanTask.element_id).where(
                        HumanTask.case_id == case_id, HumanTask.status == "open"
                    )
                ).all()
            )

    def case(self, case_id: int) -> Case:
        with self.db() as session:
            return session.get(Case, case_id)

    def data(self, case_id: int) -> dict:
        """Task data as the case's last completed task left it."""
        with self.db() as session:
            workflow = runtime.restore_workflow(session.get(Case, case_id))
            return dict(workflow.last_task.data)

    # Route fragments shared by several tests -------------------------------------------------

    def to_investigation(self, party=PERSON) -> int:
        case_id = self.open(party)
        self.walk(
            case_id,
            [
                ("intake_record", "handler1"),
                ("registration_approval", "head", {"handler_ids": self.handlers}),
            ],
        )
        return case_id

    def conclude(self, case_id: int, **conclusion) -> None:
        self.walk(
            case_id,
            [
                ("investigation", "handler1"),
                ("investigation_conclusion", "handler2", conclusion),
                ("conclusion_review", "depthead"),
            ],
        )

    def to_notice(self, party=PERSON, **conclusion) -> int:
        case_id = self.to_investigation(party)
        self.conclude(case_id, **conclusion)
        self.step(case_id, "deliberation", "depthead")
        return case_id

    def close(self, case_id: int) -> runtime.Outcome:
        return self.walk(case_id, [("closure_report", "handler1"), ("closure_approval", "head")])
