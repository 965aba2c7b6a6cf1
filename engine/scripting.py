"""SpiffWorkflow script engine that runs every condition, script and DMN cell in the restricted evaluator."""

from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.script_engine.python_environment import BasePythonScriptEngineEnvironment

from engine import expressions


class RestrictedEnvironment(BasePythonScriptEngineEnvironment):
    """Replaces Spiff's ``eval``/``exec`` environment; nothing here ever reaches Python's evaluator."""

    def evaluate(self, expression, context, external_context=None):
        names = dict(context)
        names.update(external_context or {})
        return expressions.evaluate(expression, names)

    def execute(self, script, context, external_context=None):
        names = dict(external_context or {})
        names.update(context)
        before = set(names)
        expressions.execute(script, names)
        for key, value in names.items():
            if key in context or key not in before:
                context[key] = value
        return True

    def call_service(self, context, **kwargs):
        raise expressions.ExpressionError("service tasks are not supported")


class RestrictedScriptEngine(PythonScriptEngine):
    """Script engine whose ``validate`` also enforces the whitelist, so DMN cells are checked when probed."""

    def __init__(self):
        super().__init__(environment=RestrictedEnvironment())

    def validate(self, expression):
        expressions.parse(expression, "eval")


SCRIPT_ENGINE = RestrictedScriptEngine()
