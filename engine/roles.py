"""Roles of an enforcement agency and the BPMN lanes that stand for them."""

from enum import StrEnum


class Role(StrEnum):
    HANDLER = "handler"
    DEPT_HEAD = "dept_head"
    LEGAL_REVIEWER = "legal_reviewer"
    AGENCY_HEAD = "agency_head"
    PRINCIPAL_HEAD = "principal_head"
    ADMIN = "admin"


LANE_ROLES = {
    "承办人": Role.HANDLER,
    "科室负责人": Role.DEPT_HEAD,
    "法制审核": Role.LEGAL_REVIEWER,
    "机关负责人": Role.AGENCY_HEAD,
    "正职负责人": Role.PRINCIPAL_HEAD,
}

ROLE_LABELS = {
    Role.HANDLER: "承办人",
    Role.DEPT_HEAD: "科室负责人",
    Role.LEGAL_REVIEWER: "法制审核人员",
    Role.AGENCY_HEAD: "机关负责人",
    Role.PRINCIPAL_HEAD: "正职负责人",
    Role.ADMIN: "系统管理员",
}
