"""Factories for form fields, so every field carries Chinese messages and the metadata UIs read.

Each factory makes a field either required or given a load default, never neither: the
workflow conditions read task data by key, and a missing key would fail far from the form.
"""

import decimal
import re

from marshmallow import ValidationError, fields, validate

MONEY_CEILING = decimal.Decimal("100000000")
CENT = decimal.Decimal("0.01")

_REQUIRED = object()

_MESSAGES = {
    "required": "必填项",
    "null": "不能为空值",
    "validator_failed": "取值无效",
    "invalid": "格式不正确",
    "type": "格式不正确",
}
_USER_ID_MESSAGES = {"invalid": "人员编号无效"}
_VALID_USER_ID = validate.Range(min=1, error="人员编号无效")


class Text(fields.String):
    """A string stripped on load: text pasted from documents carries stray spaces and newlines."""

    default_error_messages = {"blank": "必填项，不能只填空白"}

    def _deserialize(self, value, attr, data, **kwargs):
        stripped = super()._deserialize(value, attr, data, **kwargs).strip()
        if self.required and not stripped:
            raise self.make_error("blank")
        return stripped


class CalendarDate(fields.Date):
    """A date written only as YYYY-MM-DD, the single form shared by UI, API and stored task data."""

    PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        written = value.strip()
        if not written and self.required:
            raise self.make_error("required")
        if not written:
            return None
        if not self.PATTERN.fullmatch(written):
            raise self.make_error("invalid")
        return super()._deserialize(written, attr, data, **kwargs)


class WholeNumber(fields.Integer):
    """An integer that refuses 2.5 instead of truncating it to 2 as marshmallow would."""

    def _validated(self, value):
        if isinstance(value, float) and not value.is_integer():
            raise self.make_error("invalid")
        return super()._validated(value)


class Money(fields.Decimal):
    """Yuan as a Decimal in code, so sums never drift, but a plain JSON number in stored data."""

    default_error_messages = {
        "special": "金额格式不正确",
        "negative": "金额不能为负数",
        "too_large": "金额不能超过1亿元",
        "too_precise": "金额最多保留两位小数",
    }

    def _deserialize(self, value, attr, data, **kwargs):
        amount = super()._deserialize(value, attr, data, **kwargs)
        if amount < 0:
            raise self.make_error("negative")
        if amount > MONEY_CEILING:
            raise self.make_error("too_large")
        if amount != amount.quantize(CENT):
            raise self.make_error("too_precise")
        return amount.quantize(CENT)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        amount = decimal.Decimal(str(value))
        return int(amount) if amount == amount.to_integral_value() else float(amount)


def text(label, *, required=True, min_length=None, help=""):
    """Build a one-line text field; optional text loads as ""."""
    return _text(label, "text", required, min_length, help)


def textarea(label, *, required=True, min_length=None, help=""):
    """Build a multi-line text field; optional text loads as ""."""
    return _text(label, "textarea", required, min_length, help)


def date(label, *, required=True, help=""):
    """Build a YYYY-MM-DD date field; an optional date loads as None."""
    default = _REQUIRED if required else None
    messages = {"invalid": "日期格式不正确，应为YYYY-MM-DD"}
    return _build(CalendarDate, label, "date", help, default, messages=messages)


def money(label, *, required=True, help=""):
    """Build an amount in yuan; an optional amount loads as 0."""
    default = _REQUIRED if required else decimal.Decimal("0")
    return _build(Money, label, "money", help, default, messages={"invalid": "金额格式不正确"})


def integer(label, *, default=_REQUIRED, min_value=0, help=""):
    """Build a whole-number field; omitting default makes it required."""
    at_least = validate.Range(min=min_value, error=f"不能小于{min_value}")
    messages = {"invalid": "须为整数"}
    return _build(WholeNumber, label, "int", help, default, messages=messages, validate=at_least)


def boolean(label, *, default=_REQUIRED, help=""):
    """Build a yes/no field; omitting default makes it required."""
    return _build(fields.Boolean, label, "bool", help, default, messages={"invalid": "须为是或否"})


def choice(label, choices, *, default=_REQUIRED, help=""):
    """Build a single choice among (code, label) pairs; omitting default makes it required."""
    return _build(Text, label, "choice", help, default, choices=choices, validate=_one_of(choices))


def multichoice(label, choices, *, min_count=0, help=""):
    """Build a list of distinct codes; with min_count it is required, otherwise it loads as []."""
    item = Text(required=True, validate=_one_of(choices), error_messages=_MESSAGES)
    validators = [_no_repeats]
    if min_count:
        validators.append(_at_least(min_count, "至少选择{count}项"))
    default = _REQUIRED if min_count else list
    return _list_of(
        item, "multichoice", label, help, default, "须为选项列表", choices=choices, validate=validators
    )


def user_id(label, *, help=""):
    """Build a required reference to one user, by user id."""
    return _build(
        WholeNumber, label, "user", help, _REQUIRED, messages=_USER_ID_MESSAGES, validate=_VALID_USER_ID
    )


def user_ids(label, *, min_count=2, required=True, help=""):
    """Build a team of distinct user ids; optional teams load as [] yet need min_count if given."""
    item = WholeNumber(
        required=True, validate=_VALID_USER_ID, error_messages={**_MESSAGES, **_USER_ID_MESSAGES}
    )
    team_size = _at_least(min_count, "至少需要{count}名不同人员")
    if not required:
        team_size = _empty_or(team_size)
    default = _REQUIRED if required else list
    return _list_of(item, "users", label, help, default, "须为人员列表", validate=[_no_repeats, team_size])


def texts(label, *, help=""):
    """Build a list of non-blank strings that loads as []."""
    item = Text(required=True, error_messages=_MESSAGES)
    return _list_of(item, "texts", label, help, list, "须为文字列表")


def records(label, schema_class, *, help=""):
    """Build a list of nested entries described by schema_class; it loads as []."""
    entry = fields.Nested(schema_class, required=True, error_messages=_MESSAGES)
    return _list_of(entry, "records", label, help, list, "须为记录列表")


def _build(field_class, label, widget, help, default, choices=None, messages=None, **options):
    metadata = {"label": label, "help": help, "widget": widget}
    if choices is not None:
        metadata["choices"] = choices
    presence = {"required": True} if default is _REQUIRED else {"load_default": default}
    return field_class(
        metadata=metadata, error_messages={**_MESSAGES, **(messages or {})}, **presence, **options
    )


def _text(label, widget, required, min_length, help):
    validators = []
    if min_length:
        validators.append(validate.Length(min=min_length, error=f"至少需要填写{min_length}个字"))
    default = _REQUIRED if required else ""
    return _build(Text, label, widget, help, default, validate=validators)


def _one_of(choices):
    return validate.OneOf([code for code, _ in choices], error="取值不在可选范围内")


def _list_of(item, widget, label, help, default, invalid_message, **options):
    messages = {"invalid": invalid_message}
    return _build(
        fields.List, label, widget, help, default, messages=messages, cls_or_instance=item, **options
    )


def _no_repeats(values):
    if len(set(values)) != len(values):
        raise ValidationError("不能重复")


def _at_least(count, message):
    def check(values):
        if len(values) < count:
            raise ValidationError(message.format(count=count))

    return check


def _empty_or(check):
    def check_unless_empty(values):
        if values:
            check(values)

    return check_unless_empty
