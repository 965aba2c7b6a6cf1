"""What the campaign pages share: the signed-in officer's agency, register forms, dates from the query."""

from datetime import date

from flask import abort, render_template, request
from flask_login import current_user
from sqlalchemy import select

from engine.models import User
from engine.roles import Role
from forms import describe_schema
from web.access import agency_officers
from web.tasks import formdata


def form_fields(schema_class) -> tuple[dict, ...]:
    return tuple(describe_schema(schema_class()))


def posted(schema_class) -> dict:
    """The posted form as the schema's plain data (blank typed fields left out)."""
    return formdata.parse(form_fields(schema_class), request.form)


def pickers(session) -> dict:
    """Officers offered by user fields: anyone with a role, and certified handlers for teams."""
    officers = agency_officers(session)
    return {
        "user": [u for u in officers if u.roles - {Role.ADMIN}],
        "users": [u for u in officers if Role.HANDLER in u.roles and u.certificate_no],
    }


def form_page(session, title: str, schema_class, values: dict, refused=None, **extra):
    """A register form on the shared form template; ``refused`` (an engine error) re-shows it with
    the messages next to the fields and status 422."""
    fields = form_fields(schema_class)
    page = render_template(
        "campaigns/form.html",
        title=title,
        fields=fields,
        values=formdata.initial_values(fields, values),
        errors=(refused.details if refused else None) or {},
        message=refused.message if refused else None,
        pickers=pickers(session),
        **extra,
    )
    return page, 422 if refused else 200


def day_arg(name: str, default: date | None = None) -> date | None:
    """A YYYY-MM-DD query argument; a malformed one is a bad request, not a silent default."""
    text = (request.args.get(name) or "").strip()
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        abort(400)


def own(record):
    """The record if it belongs to the signed-in officer's agency, else 404."""
    if record is None or record.agency_id != current_user.agency_id:
        abort(404)
    return record


def names(session) -> dict[int, str]:
    """Officers of the agency by id, to show who did what."""
    query = select(User.id, User.full_name).where(User.agency_id == current_user.agency_id)
    return dict(session.execute(query).all())
