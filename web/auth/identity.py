"""The signed-in user as request code sees it."""

from engine.models import User


class SessionUser:
    """A detached snapshot of the user for Flask-Login, never a live ORM row."""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def __init__(self, user: User):
        self.id = user.id
        self.username = user.username
        self.full_name = user.full_name
        self.agency_id = user.agency_id
        self.roles = user.roles

    def get_id(self) -> str:
        return str(self.id)

    def has_any(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))
