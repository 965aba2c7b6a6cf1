"""How values are written in documents: dates, codes, amounts, penalties, people and the party.

Task data arrives as the workflow stores it (ISO date strings, JSON numbers), so every helper
accepts both stored and Python forms.
"""

from datetime import date
from decimal import Decimal

from documents.money import as_amount, to_chinese_capital, to_figures
from forms.choices import PENALTY_TYPES


def is_blank(value) -> bool:
    """Tell whether a value gives the document nothing to print; False and 0 are real answers."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | dict):
        return not value
    return False


def as_date(value) -> date:
    """Read a date given as a date or as the YYYY-MM-DD the workflow stores."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def chinese_date(value) -> str:
    """Write a date as 2026年4月28日."""
    day = as_date(value)
    return f"{day.year}年{day.month}月{day.day}日"


def label(choices, code) -> str:
    """Return the Chinese label of code in a forms.choices table."""
    return dict(choices)[code]


def labels(choices, codes) -> str:
    """Return the labels of codes joined with 、, in the order the choices table lists them."""
    return "、".join(text for value, text in choices if value in codes)


def yuan(value) -> str:
    """Write an amount as 人民币110000.00元（大写：壹拾壹万元整）."""
    return f"人民币{to_figures(value)}元（大写：{to_chinese_capital(value)}）"


def amount(fields, key) -> Decimal:
    """Read a money field, 0 when the form left it out."""
    value = fields.get(key)
    return as_amount(0 if is_blank(value) else value)


def fine_amount(fields) -> Decimal:
    """The fine in force: a revision after 陈述申辩 replaces the proposed amount."""
    if fields.get("penalty_changed") and amount(fields, "revised_fine_amount") > 0:
        return amount(fields, "revised_fine_amount")
    return amount(fields, "fine_amount")


def penalty_lines(fields) -> list[str]:
    """One line per penalty imposed, amounts in figures and capitals, in the order of the penalty table."""
    chosen = set(fields.get("penalty_types") or ())
    lines = []
    for code, text in PENALTY_TYPES:
        if code not in chosen:
            continue
        if code == "fine":
            text = f"罚款{yuan(fine_amount(fields))}"
        elif code == "confiscate_income":
            text = f"没收违法所得{yuan(amount(fields, 'confiscation_amount'))}"
        elif code == "confiscate_items" and not is_blank(fields.get("preservation_items")):
            text = f"没收非法财物：{fields['preservation_items']}"
        lines.append(text)
    return lines


def numbered(lines) -> str:
    """Join lines as （一）…；（二）…。 the way decisions enumerate their orders."""
    counters = "一二三四五六七八九十"
    last = len(lines) - 1
    return "\n".join(f"（{counters[i]}）{line}{'。' if i == last else '；'}" for i, line in enumerate(lines))


def you(party) -> str:
    """Address the party as a letter does: 你 for a person, 你单位 for an organization."""
    return "你单位" if party.kind == "organization" else "你"


def one_case(doc) -> str:
    """Name the case as letters do, 涉嫌……一案, whether or not the recorded 案由 ends in 案."""
    return f"{doc.case.cause.removesuffix('案')}一案"


def party_rows(party, role="当事人") -> tuple[tuple[str, str], ...]:
    """Identify the party, under the name of its role here, by the particulars the file holds."""
    if party.kind == "organization":
        rows = ((role, party.name), ("统一社会信用代码", party.credit_code),
                ("法定代表人（负责人）", party.legal_representative), ("地址", party.address))
    else:
        rows = ((role, party.name), ("身份证件号码", party.id_number), ("住址", party.address))
    return tuple((name, value) for name, value in rows if not is_blank(value))


def officer_names(officers) -> str:
    """Name the officers, e.g. 张明、李华."""
    return "、".join(officer.name for officer in officers)


def officer_credentials(officers) -> str:
    """Name the officers with their certificate numbers, as shown to the party."""
    return "、".join(f"{officer.name}（执法证号：{officer.certificate_no}）" for officer in officers)


def reconsideration_body(doc) -> str:
    """The 复议 body: the agency's own level of government (行政复议法 art 24) unless fields name another.

    Without a region the level is read from the agency name (示例县卫生健康委员会 → 示例县);
    "" when neither tells it.
    """
    named = doc.fields.get("reconsideration_body")
    if not is_blank(named):
        return named
    prefix, health, _ = doc.agency.name.partition("卫生")
    region = doc.agency.region or (prefix if health else "")
    return f"{region}人民政府" if region else ""
