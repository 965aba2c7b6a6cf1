"""The schema every task form derives from, and the checks its cross-field rules share."""

from marshmallow import RAISE, Schema, ValidationError


class FormSchema(Schema):
    """Refuses unknown keys: a misspelt key would otherwise drop the officer's input silently."""

    error_messages = {
        "unknown": "未知字段，表单不接受此项",
        "type": "表单数据格式不正确",
    }

    class Meta:
        unknown = RAISE


def require_when(reason, data, *names):
    """Refuse each named field left empty, saying which choice made it necessary."""
    missing = {name: [f"{reason}时必填"] for name in names if data[name] in ("", None, [])}
    if missing:
        raise ValidationError(missing)


def check_fine_amount(fine_chosen, data):
    """Keep fine_amount in step with the penalty: a fine needs an amount, no fine needs none."""
    if fine_chosen and not data["fine_amount"]:
        raise ValidationError("处罚种类包含罚款时，罚款金额须大于0", "fine_amount")
    if data["fine_amount"] and not fine_chosen:
        raise ValidationError("未选择罚款时，罚款金额应为0", "fine_amount")
