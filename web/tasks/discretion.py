"""The discretion table's suggestion beside the conclusion form (调查终结报告): tier and fine range.

Computed from the table of the case's own version, for the data entered so far, and again as the
officer types. It only suggests: the legal-range guard still decides which fine may be submitted.
"""

from marshmallow import ValidationError

from engine.discretion import DECISION_ID, INPUT_DEFAULTS, suggest
from engine.models import Case
from engine.runtime import deployment_bundle
from forms import get_form
from forms.choices import DISCRETION_TIERS

FORM_KEY = "investigation_conclusion"
TIER_LABELS = dict(DISCRETION_TIERS) | {
    "transfer": "涉嫌犯罪，应移送公安机关",
    "not_applicable": "裁量基准表不适用于该违法行为",
}


def suggestion(case: Case, values: dict) -> dict | None:
    """The table's answer for ``values`` (form input or stored data); None if the version has no table."""
    bundle = deployment_bundle(case.deployment)
    if DECISION_ID not in bundle.parser.dmn_parsers:
        return None
    result = suggest(bundle, {"violation_code": case.violation_code} | _typed(values))
    return result | _words(result)


def _words(result: dict) -> dict:
    """The lines the page shows, worded once here for the first render and for every refresh alike."""
    fine = "—"
    if result.get("fine_max"):
        fine = (
            f"{result['fine_min']} – {result['fine_max']} 元"
            f"（基数 {result['base']} 元 × {result['multiple_min']}–{result['multiple_max']} 倍）"
        )
    statutory = result.get("statutory")
    return {
        "tier_label": TIER_LABELS.get(result["tier"], result["tier"] or "—"),
        "fine_range": fine,
        "statutory_range": f"{statutory['basis']}：{statutory['min']} – {statutory['max']} 元"
        if statutory
        else "—",
    }


def _typed(values: dict) -> dict:
    """Form input arrives as text; a value the form would refuse is left to the table's default."""
    fields, typed = get_form(FORM_KEY).fields, {}
    for name in INPUT_DEFAULTS:
        if values.get(name) in (None, ""):
            continue
        try:
            typed[name] = fields[name].deserialize(values[name])
        except ValidationError:
            continue
    return typed
