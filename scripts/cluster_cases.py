"""Walk penalty cases through the JSON API of several app servers, as the cluster check does.

Each step goes to the next server in turn, so every case is worked by all of them; one step is
sent to two servers at the same moment, and exactly one of the two may win. Timers are left to
the timer workers: the walk only waits for the task a fired timer opens.
"""

import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from forms.examples import EXAMPLES

PARTY = {
    "kind": "person",
    "name": "王某（集群检查）",
    "id_number": "411500199001011234",
    "address": "城关镇解放路18号",
}
RACED = "conclusion_review"
TIMER_WAIT_SECONDS = 60


class CheckFailed(Exception):
    """What went wrong, in words fit for the CI log."""


@dataclass(frozen=True)
class Step:
    element_id: str
    user: str
    changes: dict = field(default_factory=dict)
    opened_by_timer: bool = False


def penalty_steps(handler_ids: list[int]) -> list[Step]:
    """General procedure with a fine: the hearing window and the payment period lapse, both via timers."""
    return [
        Step("intake_record", "zhangming"),
        Step("registration_approval", "liuyang", {"handler_ids": handler_ids}),
        Step("investigation", "zhangming"),
        Step("investigation_conclusion", "lihua"),
        Step(RACED, "wangqiang"),
        Step("deliberation", "wangqiang"),
        Step("advance_notice", "zhangming"),
        Step("decision_approval", "liuyang", opened_by_timer=True),
        Step("service", "lihua"),
        Step("demand_letter", "zhangming", {"demand_result": "paid"}, opened_by_timer=True),
        Step("closure_report", "zhangming"),
        Step("closure_approval", "liuyang"),
    ]


class Api:
    def __init__(self, base_url: str, tokens: dict[str, str]):
        self.base_url = base_url
        self.tokens = tokens

    def call(self, user: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        request = urllib.request.Request(
            self.base_url + path,
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={"Authorization": f"Bearer {self.tokens[user]}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def expect(self, status: int, user: str, method: str, path: str, body: dict | None = None) -> dict:
        answered, data = self.call(user, method, path, body)
        if answered != status:
            raise CheckFailed(f"{method} {self.base_url}{path} as {user}: {answered}, not {status}: {data}")
        return data


@dataclass
class CaseReport:
    case_id: int
    number: str
    status: str
    race: list[int]


def walk_case(servers: list[Api], handler_ids: list[int], first: int) -> CaseReport:
    """Open a case on ``servers[first]`` and take it to closure, each step on the next server."""
    opened = servers[first].expect(201, "zhangming", "POST", "/api/v1/cases", {"party": PARTY})
    case_id, race = opened["id"], []
    for index, step in enumerate(penalty_steps(handler_ids), start=first + 1):
        api = servers[index % len(servers)]
        task_id = _open_task_id(api, case_id, step)
        task = api.expect(200, step.user, "GET", f"/api/v1/tasks/{task_id}")
        data = {**EXAMPLES[task["form_key"]], **step.changes}
        body = {"data": data, "expected_version": task["case_version"]}
        path = f"/api/v1/tasks/{task_id}/complete"
        if step.element_id == RACED:
            race = _race(servers, step.user, path, body)
        else:
            api.expect(200, step.user, "POST", path, body)
    closed = servers[first].expect(200, "liuyang", "GET", f"/api/v1/cases/{case_id}")
    return CaseReport(case_id, closed["number"], closed["status"], race)


def _open_task_id(api: Api, case_id: int, step: Step) -> int:
    """The open task of the step, waiting for the timer workers when a timer is to open it.

    The version to complete it against is read from the task afterwards, as a client should: the
    case's own answer reads its version and its tasks in two statements, so a timer fired between
    them can show the task the timer opened beside the version from before.
    """
    deadline = time.monotonic() + (TIMER_WAIT_SECONDS if step.opened_by_timer else 0)
    while True:
        case = api.expect(200, step.user, "GET", f"/api/v1/cases/{case_id}")
        for task in case["tasks"]:
            if task["status"] == "open" and task["element_id"] == step.element_id:
                return task["id"]
        if time.monotonic() > deadline:
            open_now = [t["element_id"] for t in case["tasks"] if t["status"] == "open"]
            raise CheckFailed(f"case {case_id}: no open {step.element_id}, open are {open_now}")
        time.sleep(0.2)


def _race(servers: list[Api], user: str, path: str, body: dict) -> list[int]:
    """Send one completion to every server at the same moment; exactly one may succeed, the rest get 409."""
    start = threading.Barrier(len(servers))
    statuses = [0] * len(servers)

    def send(index: int) -> None:
        start.wait()
        statuses[index] = servers[index].call(user, "POST", path, body)[0]

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(servers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if sorted(statuses) != [200] + [409] * (len(servers) - 1):
        raise CheckFailed(f"the same completion on every server at once answered {statuses}")
    return statuses
