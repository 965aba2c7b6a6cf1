"""GENERATORS[doc_type]: the document types BPMN user tasks name in their `documents` property."""

from documents import (
    closure,
    decision,
    evidence,
    execution,
    hearing,
    intake,
    investigation,
    notice,
    records,
    review,
    summary,
    transfer,
)

GENERATORS = {
    **intake.GENERATORS,
    **records.GENERATORS,
    **evidence.GENERATORS,
    **investigation.GENERATORS,
    **review.GENERATORS,
    **notice.GENERATORS,
    **hearing.GENERATORS,
    **decision.GENERATORS,
    **summary.GENERATORS,
    **execution.GENERATORS,
    **transfer.GENERATORS,
    **closure.GENERATORS,
}
