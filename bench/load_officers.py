"""The officers of the load test (a locustfile): each lists its inbox, opens a case and completes a task.

Run by bench/load_test.py, which seeds the agencies and passes their officers and API tokens in
the file named by CASEFLOW_LOAD_PEOPLE. An officer lists 我的待办, else 待认领, and works down
the list it got: for each task it opens the case, then completes the task with the form's example
data; with an empty list it looks again after a pause, as a person would. Two officers may pick
the same queued task: the loser's 409 is the engine refusing a double completion, counted as a
conflict, not an error, and sends the loser back to its inbox. Any other unexpected answer is an
error.
"""

import json
import os
import random

import gevent
from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

from forms.examples import EXAMPLES

PEOPLE = json.loads(open(os.environ["CASEFLOW_LOAD_PEOPLE"], encoding="utf-8").read())
OFFICERS = list(PEOPLE["officers"])
CONFLICTS = {"count": 0}
IDLE_PAUSE = 0.5
WORKLIST = 4


@events.quitting.add_listener
def report_conflicts(environment, **_kwargs):
    path = os.environ.get("CASEFLOW_LOAD_CONFLICTS")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(CONFLICTS, out)


class Officer(FastHttpUser):
    wait_time = between(0.05, 0.15)

    def on_start(self):
        if not OFFICERS:
            raise StopUser()
        self.me = OFFICERS.pop()
        self.headers = {"Authorization": f"Bearer {self.me['token']}"}
        self.agency = PEOPLE["agencies"][str(self.me["agency_id"])]
        self.worklist = []

    @task
    def work_a_task(self):
        if not self.worklist:
            self.worklist = self._inbox()
        if not self.worklist:
            gevent.sleep(IDLE_PAUSE)
            return
        row = self.worklist.pop()
        case = self._get(f"/api/v1/cases/{row['case_id']}", "GET /api/v1/cases/[id]")
        if case is not None and not self._complete(row, case):
            self.worklist = []

    def _inbox(self) -> list[dict]:
        """A few of 我的待办, else of 待认领, in random order: two handlers of one case, or two heads
        sharing a queue, then rarely reach for the same task, and a short list goes stale less."""
        for listing, size in (("mine", 20), ("queue", 50)):
            url = f"/api/v1/tasks?list={listing}&per_page={size}"
            page = self._get(url, f"GET /api/v1/tasks?list={listing}")
            items = page["items"] if page else []
            if items:
                return random.sample(items, min(WORKLIST, len(items)))
        return []

    def _get(self, url: str, name: str):
        with self.client.get(url, headers=self.headers, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.text[:200]}")
                return None
            return response.json()

    def _complete(self, row: dict, case: dict):
        body = {"data": self._form_data(row, case), "expected_version": case["version"]}
        with self.client.post(
            f"/api/v1/tasks/{row['id']}/complete",
            json=body,
            headers=self.headers,
            name="POST /api/v1/tasks/[id]/complete",
            catch_response=True,
        ) as response:
            if response.status_code == 409:
                CONFLICTS["count"] += 1
                reason = f"{row['form_key']}: {response.json().get('message')}"
                CONFLICTS.setdefault("reasons", {}).setdefault(reason, 0)
                CONFLICTS["reasons"][reason] += 1
                response.success()
                return False
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.text[:300]}")
            return True

    def _form_data(self, row: dict, case: dict) -> dict:
        data = dict(EXAMPLES[row["form_key"]])
        if row["form_key"] == "registration_approval":
            involved = {t["completed_by_id"] for t in case["tasks"] if t["element_id"] == "intake_record"}
            others = [h for h in self.agency["handlers"] if h not in involved]
            data["handler_ids"] = sorted({*involved, random.choice(others)} - {None})
        return data
