import datetime
import decimal
import json

import pytest

from forms import fields as field
from forms.base import FormSchema


class SampleSchema(FormSchema):
    title = field.text("标题", min_length=2)
    note = field.textarea("备注", required=False)
    amount = field.money("金额", required=False)
    due_on = field.date("期限", required=False)
    count = field.integer("次数", default=0)
    confirmed = field.boolean("已确认", default=False)
    kind = field.choice("类型", (("a", "甲"), ("b", "乙")), default="a")
    kinds = field.multichoice("类型", (("a", "甲"), ("b", "乙")))
    owner_id = field.user_id("负责人")
    team_ids = field.user_ids("成员")
    tags = field.texts("标签")


def load(**values):
    return SampleSchema().load({"title": "标题", "owner_id": 1, "team_ids": [1, 2], **values})


def error_of(name, value):
    return SampleSchema().validate({"title": "标题", "owner_id": 1, "team_ids": [1, 2], name: value})


def test_defaults_fill_every_optional_field():
    loaded = load()
    assert loaded["note"] == "" and loaded["due_on"] is None and loaded["kinds"] == []
    assert loaded["amount"] == decimal.Decimal("0") and loaded["count"] == 0
    assert loaded["confirmed"] is False and loaded["kind"] == "a" and loaded["tags"] == []


def test_list_defaults_are_not_shared_between_loads():
    first = load()
    first["kinds"].append("a")
    assert load()["kinds"] == []


def test_strings_are_stripped():
    assert load(title="  非法行医 \n", note=" 见附件 ")["title"] == "非法行医"
    assert load(note=" 见附件 ")["note"] == "见附件"


def test_text_min_length_counts_stripped_characters():
    assert error_of("title", " 甲 ") == {"title": ["至少需要填写2个字"]}


def test_optional_text_may_be_blank():
    assert load(note="   ")["note"] == ""


def test_non_string_text_is_refused():
    assert error_of("title", 12) == {"title": ["格式不正确"]}


@pytest.mark.parametrize(
    ("raw", "amount"),
    [(0, "0"), ("12.5", "12.50"), (99.99, "99.99"), ("100000000", "100000000"), ("1.500", "1.50")],
)
def test_money_loads_as_decimal(raw, amount):
    loaded = load(amount=raw)["amount"]
    assert isinstance(loaded, decimal.Decimal)
    assert loaded == decimal.Decimal(amount)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("12.345", "金额最多保留两位小数"),
        (0.001, "金额最多保留两位小数"),
        (-1, "金额不能为负数"),
        ("-0.01", "金额不能为负数"),
        ("100000000.01", "金额不能超过1亿元"),
        ("1e9", "金额不能超过1亿元"),
        ("十元", "金额格式不正确"),
        ("NaN", "金额格式不正确"),
        ("Infinity", "金额格式不正确"),
        (True, "金额格式不正确"),
    ],
)
def test_bad_money_is_refused(raw, message):
    assert error_of("amount", raw) == {"amount": [message]}


@pytest.mark.parametrize(("raw", "dumped"), [("5000", 5000), ("5000.00", 5000), ("12.3", 12.3)])
def test_money_dumps_as_json_number(raw, dumped):
    schema = SampleSchema()
    stored = schema.dump(load(amount=raw))["amount"]
    assert stored == dumped and type(stored) is type(dumped)


def test_date_loads_and_dumps_as_iso_string():
    loaded = load(due_on="2024-01-05")
    assert loaded["due_on"] == datetime.date(2024, 1, 5)
    assert SampleSchema().dump(loaded)["due_on"] == "2024-01-05"


@pytest.mark.parametrize("raw", ["2024-02-30", "2024/01/05", "20240105", "2024-1-5", 20240105])
def test_dates_other_than_yyyy_mm_dd_are_refused(raw):
    assert error_of("due_on", raw) == {"due_on": ["日期格式不正确，应为YYYY-MM-DD"]}


def test_blank_optional_date_loads_as_none():
    assert load(due_on=" ")["due_on"] is None


@pytest.mark.parametrize(("raw", "count"), [(3, 3), ("4", 4), (5.0, 5)])
def test_integer_accepts_whole_numbers(raw, count):
    assert load(count=raw)["count"] == count


@pytest.mark.parametrize(("raw", "message"), [(2.5, "须为整数"), ("两次", "须为整数"), (-1, "不能小于0")])
def test_integer_refuses_fractions_words_and_negatives(raw, message):
    assert error_of("count", raw) == {"count": [message]}


def test_boolean_refuses_unclear_answers():
    assert error_of("confirmed", "也许") == {"confirmed": ["须为是或否"]}


def test_choice_outside_the_list_is_refused():
    assert error_of("kind", "c") == {"kind": ["取值不在可选范围内"]}


def test_multichoice_refuses_unknown_and_repeated_codes():
    assert error_of("kinds", ["a", "c"]) == {"kinds": {1: ["取值不在可选范围内"]}}
    assert error_of("kinds", ["a", "a"]) == {"kinds": ["不能重复"]}
    assert error_of("kinds", "a") == {"kinds": ["须为选项列表"]}


@pytest.mark.parametrize("raw", [0, -3, "张三"])
def test_user_id_must_be_a_positive_integer(raw):
    assert error_of("owner_id", raw) == {"owner_id": ["人员编号无效"]}


@pytest.mark.parametrize(
    ("raw", "message"),
    [([1], "至少需要2名不同人员"), ([], "至少需要2名不同人员"), ([1, 1], "不能重复")],
)
def test_team_needs_two_distinct_users(raw, message):
    assert message in error_of("team_ids", raw)["team_ids"]


def test_texts_refuse_blank_entries():
    assert error_of("tags", ["现场照片", "  "]) == {"tags": {1: ["必填项，不能只填空白"]}}
    assert load(tags=[" 现场照片 "])["tags"] == ["现场照片"]


def test_field_metadata_carries_label_help_and_widget():
    amount = SampleSchema().fields["amount"]
    assert amount.metadata == {"label": "金额", "help": "", "widget": "money"}


def test_dump_of_a_full_load_is_json_safe():
    schema = SampleSchema()
    stored = schema.dump(load(amount="1.2", due_on="2024-01-05", kinds=["b"], tags=["x"]))
    assert json.loads(json.dumps(stored)) == stored
