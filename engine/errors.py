"""Errors the engine raises to its callers; each carries a message fit to show a user (Chinese)."""


class CaseflowError(Exception):
    """Base class: ``code`` is stable for APIs, ``message`` is for people."""

    code = "error"

    def __init__(self, message: str, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or {}


class NotFound(CaseflowError):
    code = "not_found"


class Forbidden(CaseflowError):
    code = "forbidden"


class Conflict(CaseflowError):
    """The case moved on since the caller read it; nothing was changed."""

    code = "conflict"


class InvalidSubmission(CaseflowError):
    """Form data failed validation; ``details`` maps field names to lists of messages."""

    code = "invalid"


class LegalGuardViolation(InvalidSubmission):
    """The data is well formed but the law forbids it (a fine outside the statutory range...)."""

    code = "legal_guard"


class DefinitionError(CaseflowError):
    """A BPMN/DMN bundle failed validation; ``details['problems']`` lists element id, name, reason."""

    code = "definition_invalid"
