"""The discretion table's suggestion for a conclusion (裁量基准), next to the statutory range.

The table (a DMN an admin edits) proposes a tier and a multiple of the illegal income; the
conclusion form shows the resulting fine range, and the legal-range guard still refuses any fine
the statute does not allow, whatever the table says.
"""

from decimal import Decimal
from types import SimpleNamespace

from engine.legal_ranges import INCOME_FLOOR, fine_bounds
from engine.scripting import SCRIPT_ENGINE
from engine.specs import Bundle

DECISION_ID = "discretion_unlicensed_practice"
INPUT_DEFAULTS = {"violation_code": "", "prior_penalties": 0, "no_penalty_ground": False, "mitigating": False,
                  "months_practising": 0, "patient_harm": False, "is_health_professional": False,
                  "invasive_acts": False, "illegal_income": 0}


def suggest(bundle: Bundle, data: dict) -> dict:
    """Run the discretion table on the conclusion's data; add the fine range and the statutory bounds."""
    inputs = INPUT_DEFAULTS | {k: v for k, v in data.items() if k in INPUT_DEFAULTS and v is not None}
    task = SimpleNamespace(data=inputs, workflow=SimpleNamespace(script_engine=SCRIPT_ENGINE))
    result = bundle.parser.get_engine(DECISION_ID, None).result(task)
    income = Decimal(str(inputs["illegal_income"] or 0))
    base = max(income, INCOME_FLOOR)
    suggestion = {
        "tier": result.get("suggested_tier"),
        "multiple_min": result.get("suggested_multiple_min"),
        "multiple_max": result.get("suggested_multiple_max"),
        "base": str(base),
    }
    if suggestion["multiple_max"]:
        suggestion["fine_min"] = str(base * Decimal(str(suggestion["multiple_min"])))
        suggestion["fine_max"] = str(base * Decimal(str(suggestion["multiple_max"])))
    bounds = fine_bounds(inputs["violation_code"], income)
    if bounds:
        suggestion["statutory"] = {"basis": bounds[0], "min": str(bounds[1]), "max": str(bounds[2])}
    return suggestion
