"""`Accept: text/csv` for the corpus and event lists: negotiation and flattening.

A list answers CSV when the client prefers text/csv to JSON; any other Accept
(none, */*, or a type we do not serve) gets the JSON list, as every other
endpoint does. The CSV has a header row and one row per item of the page;
the next page's cursor is in `Link: <...>; rel="next"` and `X-Next-Cursor`.
Cells a spreadsheet would run as a formula get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Response, request
from marshmallow import Schema

from service.schemas.analysis_schemas import CATEGORIES

CSV_MIMETYPE = "text/csv"
JSON_MIMETYPE = "application/json"
LIST_SEPARATOR = "; "
# Spreadsheets run a cell starting with these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """One CSV column: its header and the path to its value in a JSON list item."""

    name: str
    path: tuple[str, ...]


def columns(*names: str, **paths: str) -> list[Column]:
    """Columns named like the item's fields, plus renamed nested ones ("speaker.name")."""
    return [Column(n, (n,)) for n in names] + [
        Column(name, tuple(path.split("."))) for name, path in paths.items()
    ]


def totals_columns(prefix: str = "totals") -> list[Column]:
    """killed, killed_qualifier, injured, injured_qualifier, missing, missing_qualifier."""
    return [
        Column(f"{category}{suffix}", (prefix, category, field))
        for category in CATEGORIES
        for suffix, field in (("", "value"), ("_qualifier", "qualifier"))
    ]


def wants_csv() -> bool:
    """Whether the client prefers text/csv to JSON (ties and wildcards go to JSON)."""
    best = request.accept_mimetypes.best_match([JSON_MIMETYPE, CSV_MIMETYPE])
    return best == CSV_MIMETYPE


def csv_or_json(page: Mapping, schema: Schema, table: Sequence[Column]):
    """The page as CSV when asked for, else as it is for the JSON response (`Vary: Accept`)."""
    if not wants_csv():
        return page, 200, {"Vary": "Accept"}
    items = schema.dump(page)["items"]
    response = Response(render_csv(items, table), mimetype=CSV_MIMETYPE)
    response.headers["Content-Type"] = f"{CSV_MIMETYPE}; charset=utf-8"
    response.headers["Vary"] = "Accept"
    if page.get("next_cursor"):
        response.headers["X-Next-Cursor"] = page["next_cursor"]
        response.headers["Link"] = f'<{_next_page_url(page["next_cursor"])}>; rel="next"'
    return response


def render_csv(items: Sequence[Mapping], table: Sequence[Column]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.name for c in table])
    for item in items:
        writer.writerow([cell(_at(item, c.path)) for c in table])
    return out.getvalue()


def cell(value: object) -> str:
    """A value as one safe CSV cell: lists joined, null empty, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list | tuple):
        text = LIST_SEPARATOR.join(cell(v) for v in value)
    else:
        text = str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def csv_response_doc(example: str) -> dict:
    """The text/csv alternative of a list's 200, for `blp.alt_response`."""
    return {
        "content_type": CSV_MIMETYPE,
        "description": "The page as JSON; with `Accept: text/csv` (preferred to JSON), the "
        "same page as CSV: a header row and one row per item, nested values flattened, lists "
        "joined with '; ', cells starting with = + - @ prefixed with an apostrophe",
        "schema": {"type": "string", "description": "RFC 4180 CSV, UTF-8"},
        "example": example,
        "headers": {
            "Link": {
                "description": 'The next page: <url>; rel="next" (absent on the last page)',
                "schema": {"type": "string"},
            },
            "X-Next-Cursor": {
                "description": "next_cursor of the JSON list (absent on the last page)",
                "schema": {"type": "string"},
            },
        },
        "success": True,
    }


def _at(item: Mapping, path: tuple[str, ...]) -> object:
    value: object = item
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _next_page_url(cursor: str) -> str:
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "cursor"]
    return f"{request.path}?{urlencode([*args, ('cursor', cursor)])}"
