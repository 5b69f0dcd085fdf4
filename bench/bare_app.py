"""The baseline for cached reads: a bare Flask endpoint returning a constant JSON body.

Served by gunicorn with the same settings as newsfacts; BARE_BODY_FILE names the body.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response

BODY = Path(os.environ["BARE_BODY_FILE"]).read_bytes()

app = Flask(__name__)


@app.get("/constant")
def constant() -> Response:
    return Response(BODY, mimetype="application/json")
