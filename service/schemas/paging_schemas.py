"""Paginated lists: the page query (`limit`, `cursor`) and the page body (`items`, `next_cursor`).

Every list endpoint uses these: a query schema subclasses PageQuerySchema, a
page schema subclasses PageSchema and declares its `items`, and a view returns
`page_body(items, next_cursor)`.
"""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

from service.storage.paging import Cursor


class CursorField(fields.String):
    """The opaque `cursor` of paginated lists."""

    def _deserialize(self, value, attr, data, **kwargs):
        token = super()._deserialize(value, attr, data, **kwargs)
        try:
            return Cursor.decode(token)
        except ValueError as exc:
            raise ValidationError(
                "Not a valid cursor; use next_cursor from the previous page."
            ) from exc


class PageQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    cursor = CursorField(metadata={"description": "next_cursor of the previous page"})


class PageSchema(Schema):
    """One page of a list; subclasses declare `items`."""

    next_cursor = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "Pass as `cursor` for the next page; null on the last page"},
    )


def page_body(items: list, next_cursor: Cursor | None) -> dict:
    """The body of one page, as every PageSchema dumps it."""
    return {"items": items, "next_cursor": next_cursor.encode() if next_cursor else None}
