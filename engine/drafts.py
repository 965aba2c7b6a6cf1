"""Admins' edits of the procedure: drafts kept between sittings, checked whole and deployed as a bundle.

A draft is never run; only ``deploy`` makes a version, through ``runtime.deploy``. The checks here
add to ``load_bundle`` what only a hand-edited bundle can get wrong: file names, and losing a
process new cases start on or the discretion table the conclusion page asks for - either would
deploy cleanly and then fail on the next case.
"""

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from engine import runtime
from engine.clock import utcnow
from engine.discretion import DECISION_ID
from engine.errors import DefinitionError, Forbidden, NotFound
from engine.models import DefinitionDraft, Deployment, User
from engine.roles import Role
from engine.specs import MAX_FILE_BYTES, Bundle, Problem, load_bundle

FILE_NAME = re.compile(r"^[\w\-. \u4e00-\u9fff]{1,96}\.(bpmn|dmn)$")
MAX_FILES = 40
ENTRY_PROCESSES = set(runtime.PROCEDURES.values())


def check(files: dict[str, str]) -> Bundle:
    """Parse and validate a bundle for deployment, or raise DefinitionError listing every problem."""
    problems = _file_problems(files)
    if problems:
        raise DefinitionError("流程定义校验未通过", {"problems": [p.as_dict() for p in problems]})
    bundle = load_bundle(files)
    problems = _missing_parts(bundle)
    if problems:
        raise DefinitionError("流程定义校验未通过", {"problems": [p.as_dict() for p in problems]})
    return bundle


def deploy(db: sessionmaker, files: dict[str, str], user_id: int) -> tuple[Deployment, bool]:
    """Check and deploy a bundle as the next version; False when the same content was already deployed."""
    with db() as session:
        _require_admin(session, user_id)
        latest = session.scalar(select(func.max(Deployment.version))) or 0
    check(files)
    deployment = runtime.deploy(db, files, user_id)
    return deployment, deployment.version > latest


def save_draft(
    db: sessionmaker,
    user_id: int,
    files: dict[str, str],
    *,
    name: str,
    comment: str = "",
    base_version: int | None = None,
    draft_id: int | None = None,
) -> dict:
    """Store an unfinished bundle as it is (it need not validate yet); a new draft unless ``draft_id``."""
    problems = _file_problems(files)
    if problems:
        raise DefinitionError("草稿文件不合要求", {"problems": [p.as_dict() for p in problems]})
    with db.begin() as session:
        _require_admin(session, user_id)
        draft = DefinitionDraft() if draft_id is None else _draft(session, draft_id)
        draft.name, draft.comment, draft.files = name.strip()[:100] or "未命名草稿", comment[:500], files
        draft.base_version = base_version if draft_id is None else draft.base_version
        draft.updated_by_id, draft.updated_at = user_id, utcnow()
        session.add(draft)
        session.flush()
        return draft_row(draft, with_files=True)


def list_drafts(db: sessionmaker) -> list[dict]:
    """Every draft, the most recently saved first, with the name of who saved it."""
    with db() as session:
        rows = session.execute(
            select(DefinitionDraft, User.full_name)
            .join(User, User.id == DefinitionDraft.updated_by_id)
            .order_by(DefinitionDraft.updated_at.desc(), DefinitionDraft.id.desc())
        )
        return [draft_row(draft) | {"updated_by": name} for draft, name in rows]


def get_draft(db: sessionmaker, draft_id: int) -> dict:
    with db() as session:
        return draft_row(_draft(session, draft_id), with_files=True)


def delete_draft(db: sessionmaker, draft_id: int, user_id: int) -> None:
    with db.begin() as session:
        _require_admin(session, user_id)
        session.delete(_draft(session, draft_id))


def draft_row(draft: DefinitionDraft, with_files: bool = False) -> dict:
    row = {
        "id": draft.id,
        "name": draft.name,
        "comment": draft.comment,
        "base_version": draft.base_version,
        "updated_by_id": draft.updated_by_id,
        "updated_at": draft.updated_at,
    }
    if with_files:
        row["files"] = dict(draft.files)
    return row


def _draft(session: Session, draft_id: int) -> DefinitionDraft:
    draft = session.get(DefinitionDraft, draft_id)
    if draft is None:
        raise NotFound("草稿不存在")
    return draft


def _require_admin(session: Session, user_id: int) -> None:
    user = session.get(User, user_id)
    if user is None or Role.ADMIN not in user.roles:
        raise Forbidden("只有系统管理员可以编辑和部署流程定义")


def _file_problems(files) -> list[Problem]:
    if not isinstance(files, dict) or not files:
        return [Problem("", "", "", "没有提交任何流程定义文件")]
    if len(files) > MAX_FILES:
        return [Problem("", "", "", f"文件过多（至多 {MAX_FILES} 个）")]
    problems = []
    for name, text in files.items():
        if not isinstance(name, str) or not FILE_NAME.match(name):
            problems.append(Problem(str(name)[:100], "", "", "文件名须以 .bpmn 或 .dmn 结尾，且不含路径"))
        elif not isinstance(text, str):
            problems.append(Problem(name, "", "", "文件内容须为 XML 文本"))
        elif len(text.encode("utf-8")) > MAX_FILE_BYTES:
            problems.append(Problem(name, "", "", "文件超过 2 MB"))
    return problems


def _missing_parts(bundle: Bundle) -> list[Problem]:
    present = set(bundle.parser.get_process_ids())
    problems = [
        Problem("", process_id, "", f"缺少新案件启动所用的流程“{process_id}”")
        for process_id in sorted(ENTRY_PROCESSES - present)
    ]
    if DECISION_ID not in bundle.parser.dmn_parsers:
        problems.append(Problem("", DECISION_ID, "", "缺少裁量基准表（调查终结报告据此给出裁量建议）"))
    return problems
