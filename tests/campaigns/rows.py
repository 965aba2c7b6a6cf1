"""Cases written straight into their tables, for figures computed by hand: only the columns and completed
task data that the ledger and summary read, without walking a workflow."""

from datetime import date, datetime
from decimal import Decimal

from engine.models import Case, HumanTask, Party


class CaseRows:
    def __init__(self, session, agency_id: int, user_id: int, deployment_id: int):
        self.session = session
        self.agency_id = agency_id
        self.user_id = user_id
        self.deployment_id = deployment_id
        self.count = 0
        self.tasks = 0

    def case(self, party: dict | None = None, procedure="general", status="investigating", **columns) -> Case:
        self.count += 1
        party_row = Party(**(party or {"kind": "person", "name": f"当事人{self.count}"}))
        case = Case(
            number=f"示县卫医案〔2026〕{self.count:04d}号",
            agency_id=self.agency_id,
            party=party_row,
            procedure=procedure,
            process_id="administrative_penalty" if procedure == "general" else "summary_procedure",
            status=status,
            deployment_id=self.deployment_id,
            opened_by_id=self.user_id,
            workflow_state=b"",
            state_format=1,
            **{k: Decimal(v) if k == "fine_amount" else v for k, v in columns.items()},
        )
        self.session.add(case)
        self.session.flush()
        return case

    def task(
        self, case: Case, form_key: str, data: dict, completed_at: datetime = datetime(2026, 3, 1, 2)
    ) -> None:
        self.tasks += 1
        self.session.add(
            HumanTask(
                case_id=case.id,
                agency_id=self.agency_id,
                spiff_task_id=f"task-{self.tasks}",
                element_id=form_key,
                name=form_key,
                form_key=form_key,
                lane="承办人",
                role="handler",
                status="completed",
                completed_at=completed_at,
                completed_by_id=self.user_id,
                data=data,
            )
        )
        self.session.flush()


def day(text: str) -> date:
    return date.fromisoformat(text)
