"""Load, once in the gunicorn master, what every worker would otherwise load on its first request.

Parsing a deployed BPMN bundle takes about a second and opening the document font a few hundred
milliseconds. Workers are forked from the preloaded master and recycled after a number of
requests; warmed here, every new worker starts with both in memory (shared copy-on-write)
instead of making its first users wait.
"""

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from documents.fonts import document_font
from engine.models import Case, Deployment
from engine.runtime import deployment_bundle


def warm_up(db: sessionmaker) -> int:
    """Parse the newest deployment and every one an unfinished case runs on; return how many."""
    with db() as session:
        in_use = select(Case.deployment_id).where(Case.closed_at.is_(None)).distinct()
        newest = select(Deployment.id).order_by(Deployment.version.desc()).limit(1).scalar_subquery()
        deployments = session.scalars(
            select(Deployment).where(Deployment.id.in_(in_use) | (Deployment.id == newest))
        ).all()
        for deployment in deployments:
            deployment_bundle(deployment)
    document_font()
    return len(deployments)
