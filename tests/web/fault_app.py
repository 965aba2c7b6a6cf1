"""The app as gunicorn serves it, with one engine stage that stops mid-way so a test can kill the server.

CASEFLOW_FAULT_STAGE names ``module:function``; when a request reaches it, the worker writes the
file CASEFLOW_FAULT_MARKER and sleeps until it is killed.
"""

import importlib
import os
import time
from pathlib import Path

from web import create_app

MARKER = Path(os.environ["CASEFLOW_FAULT_MARKER"])
MODULE, FUNCTION = os.environ["CASEFLOW_FAULT_STAGE"].split(":")


def _stopping_at(stage):
    def stopped(*args, **kwargs):
        MARKER.write_text(str(os.getpid()))
        time.sleep(600)
        return stage(*args, **kwargs)

    return stopped


module = importlib.import_module(MODULE)
setattr(module, FUNCTION, _stopping_at(getattr(module, FUNCTION)))
app = create_app()
