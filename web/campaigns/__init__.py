"""Campaign operations (专项整治): dashboard and summary, institution register, campaigns, inspections,
complaints, transfers, the case ledger, credit and disclosure. Every page needs sign-in (the app-wide
guard) and shows the signed-in officer's agency only.
"""

from web.campaigns import (
    assets,
    complaints,
    credit,
    dashboard,
    inspections,
    institutions,
    ledger,
    plans,
    transfers,
)
from web.campaigns.blueprint import bp

# Importing a page module adds its routes to bp; the tuple names them so the import is not "unused".
PAGES = (assets, complaints, credit, dashboard, inspections, institutions, ledger, plans, transfers)

__all__ = ["PAGES", "bp"]
