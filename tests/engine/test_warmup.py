"""The gunicorn master parses the definitions cases run on before it forks its workers."""

from engine import specs
from engine.warmup import warm_up
from tests.engine.walking import Walker


def test_warm_up_parses_the_definitions_open_cases_run_on(db, deployment, people, monkeypatch):
    Walker(db, people).open()
    monkeypatch.setattr(specs, "_CACHE", {})

    assert warm_up(db) == 1
    assert list(specs._CACHE) == [deployment.content_hash]
