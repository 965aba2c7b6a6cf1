"""The summary figures worded as the campaign work summary template words them, for PDF and XLSX."""

from datetime import date

from documents.work_summary import FigureTable, Section, WorkSummary
from engine.campaigns.summary import TEMPLATE_KINDS


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def period_text(figures: dict) -> str:
    """The period in words, as a report to the level above writes it."""
    return f"{_day(figures['start'])}至{_day(figures['end'])}"


def sections(figures: dict) -> tuple[Section, ...]:
    """The template's four sections with the figures in their sentences."""
    inspections, cases = figures["inspections"], figures["cases"]
    template = "、".join(f"{label}{inspections['template'][kind]}家" for kind, label in TEMPLATE_KINDS)
    transfers, complaints = figures["transfers"], figures["complaints"]
    rate = complaints["feedback"]["rate"]
    return (
        Section(
            "一、监督检查情况",
            (
                f"共检查各类医疗机构{inspections['institutions']}家（{inspections['visits']}户次）。其中{template}。",
                f"检查发现问题{inspections['findings']}个，出具卫生监督意见书{inspections['correction_orders']}份。",
            ),
        ),
        Section(
            "二、案件查处情况",
            (
                f"共立案{cases['filed']}起，其中简易程序{cases['summary']}起，一般程序{cases['general']}起。"
                f"给予警告{cases['warnings']}起。",
                f"罚款{cases['fined']}起，计{cases['fines_wan']}万元；没收违法所得{cases['confiscated_wan']}万元。",
                f"查处无证行医案件{cases['unlicensed']}起，其中通过群众投诉举报查处{cases['unlicensed_from_complaints']}起。"
                f"已结案{cases['closed']}起。",
            ),
        ),
        Section(
            "三、案件移送情况",
            (
                f"移送公安机关{transfers['police']}起，移送其他部门{transfers['other']}起，接收其他部门移送{transfers['in']}起。",
            ),
        ),
        Section(
            "四、投诉举报办理情况",
            (
                f"受理投诉举报{complaints['received']}件，其中实名举报{complaints['real_name']}件，"
                f"经核查立案{complaints['case_opened']}件；实名举报按期反馈率"
                f"{'—' if rate is None else f'{rate}%'}。",
            ),
        ),
    )


def indicator_rows(figures: dict) -> list[tuple[str, object]]:
    """The figures as (指标, 数值) pairs, in the order of the template."""
    inspections, cases = figures["inspections"], figures["cases"]
    transfers, complaints = figures["transfers"], figures["complaints"]
    feedback = complaints["feedback"]
    return [
        ("检查医疗机构（家）", inspections["institutions"]),
        ("检查户次", inspections["visits"]),
        *((f"其中：{label}（家）", inspections["template"][kind]) for kind, label in TEMPLATE_KINDS),
        ("发现问题（个）", inspections["findings"]),
        ("出具卫生监督意见书（份）", inspections["correction_orders"]),
        ("立案（起）", cases["filed"]),
        ("其中：简易程序（起）", cases["summary"]),
        ("其中：一般程序（起）", cases["general"]),
        ("警告（起）", cases["warnings"]),
        ("罚款（起）", cases["fined"]),
        ("罚款（万元）", cases["fines_wan"]),
        ("没收违法所得（万元）", cases["confiscated_wan"]),
        ("无证行医案件（起）", cases["unlicensed"]),
        ("其中：投诉举报查处（起）", cases["unlicensed_from_complaints"]),
        ("结案（起）", cases["closed"]),
        ("移送公安机关（起）", transfers["police"]),
        ("移送其他部门（起）", transfers["other"]),
        ("接收移送（起）", transfers["in"]),
        ("受理投诉举报（件）", complaints["received"]),
        ("其中：实名举报（件）", complaints["real_name"]),
        ("实名举报按期反馈率（%）", feedback["rate"] if feedback["rate"] is not None else "—"),
    ]


def kind_rows(figures: dict) -> list[tuple[str, int, int]]:
    """Institutions inspected and visits per institution kind."""
    return [(row["label"], row["institutions"], row["visits"]) for row in figures["inspections"]["by_kind"]]


def work_summary(figures: dict, agency_name: str) -> WorkSummary:
    """The whole report, ready for the PDF generator."""
    return WorkSummary(
        agency=agency_name,
        title="医疗乱象专项整治工作情况统计",
        period=period_text(figures),
        sections=sections(figures),
        tables=(
            FigureTable(
                "附表1　主要数据", ("指标", "数值"), tuple((k, str(v)) for k, v in indicator_rows(figures))
            ),
            FigureTable(
                "附表2　分类别检查情况",
                ("机构类别", "检查机构（家）", "检查户次"),
                tuple((label, str(n), str(v)) for label, n, v in kind_rows(figures)),
            ),
        ),
    )
