"""现场笔录 and 询问笔录: what officers saw and heard, signed on the spot by both sides (行政处罚法 art 55).

A general-procedure case lists its records under fields["records"]; a summary-procedure case has
no such list, and its one on-site record is the decision's own date, place and facts.
"""

from dataclasses import dataclass
from functools import partial

from documents.blocks import Para, Rows
from documents.generator import Generator
from documents.sections import sign_line
from documents.wording import chinese_date, is_blank, officer_credentials, officer_names, party_rows


@dataclass(frozen=True)
class RecordKind:
    """The wording that differs between an inspection record and an interview record."""

    code: str
    name: str
    when: str
    where: str
    person: str
    officers: str
    content: str
    caution: str
    closing: str


ONSITE = RecordKind(
    "onsite", "现场检查记录", "检查时间", "检查地点", "被检查人", "执法人员", "现场检查情况",
    "执法人员已出示执法证件，表明身份，告知被检查人检查的依据及其依法享有申请回避的权利。",
    "以上笔录已经被检查人核对。",
)
INQUIRY = RecordKind(
    "inquiry", "询问记录", "询问时间", "询问地点", "被询问人", "询问人", "询问内容",
    "执法人员已出示执法证件，表明身份，告知被询问人如实回答询问、协助调查的义务和申请执法人员回避的权利。",
    "以上笔录我已看过，与我所说的一致。",
)


def records_of(fields, kind):
    """The records of one kind in the case data, oldest first."""
    listed = [record for record in fields.get("records") or () if record.get("kind") == kind]
    if kind == "onsite" and not listed and fields.get("procedure") == "summary":
        listed = [{"date": fields.get("decided_on"), "place": fields.get("place"),
                   "content": fields.get("facts")}]
    return sorted(listed, key=lambda record: str(record.get("date")))


def _incomplete(kind, doc):
    records = records_of(doc.fields, kind.code)
    gaps = any(is_blank(record.get(key)) for record in records for key in ("date", "place", "content"))
    return [f"{kind.name}的时间、地点或内容"] if gaps else []


def _compose(kind, doc):
    person_rows = party_rows(doc.party, kind.person)
    blocks = []
    for record in records_of(doc.fields, kind.code):
        blocks += [
            Rows(((kind.when, chinese_date(record["date"])), (kind.where, record["place"]), *person_rows,
                  (kind.officers, officer_credentials(doc.officers)))),
            Para(kind.caution),
            Rows(((kind.content, record["content"]),)),
        ]
    signatures = [sign_line(kind.person), sign_line(kind.officers, officer_names(doc.officers))]
    return [*blocks, Para(kind.closing), *signatures]


def _record_generator(title, kind):
    return Generator(
        title, partial(_compose, kind), min_officers=2, checks=(partial(_incomplete, kind),),
        applies_if=lambda fields: bool(records_of(fields, kind.code)),
        inapplicable_reason=f"调查记录中没有{kind.name}",
    )


GENERATORS = {
    "onsite_record": _record_generator("现场笔录", ONSITE),
    "inquiry_record": _record_generator("询问笔录", INQUIRY),
}
