"""RFC 9457 problem documents as plain data, for the web side and the job workers alike.

`web/problems.py` turns them into application/problem+json responses; a batch
job records one per rejected item (no Flask here).
"""

from __future__ import annotations

from collections.abc import Mapping


def problem_body(
    status: int,
    title: str,
    detail: str | None = None,
    errors: Mapping[str, list[str]] | None = None,
) -> dict[str, object]:
    """The problem document itself, for places that report problems inside JSON (jobs)."""
    body: dict[str, object] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = dict(errors)
    return body


def validation_problem(messages: object) -> dict[str, object]:
    errors = flatten_messages(messages)
    return problem_body(
        422,
        "Unprocessable Entity",
        "The article is invalid: " + ", ".join(sorted(errors)),
        errors,
    )


def problem_for_exception(error: Exception) -> dict[str, object]:
    """A problem document for an error that happened to one item of a job."""
    field = getattr(error, "field", None)
    if field:
        return problem_body(422, "Unprocessable Entity", str(error), {field: [str(error)]})
    return problem_body(500, "Internal Server Error", "The article could not be processed.")


def flatten_messages(messages: object, prefix: str = "") -> dict[str, list[str]]:
    """webargs/marshmallow nest messages by location and field; clients want `field: [..]`."""
    if isinstance(messages, list | tuple) and all(isinstance(m, str) for m in messages):
        return {prefix or "_schema": [str(m) for m in messages]}
    if isinstance(messages, str):
        return {prefix or "_schema": [messages]}
    flat: dict[str, list[str]] = {}
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for field, msgs in flatten_messages(value, name).items():
                flat.setdefault(field, []).extend(msgs)
    return flat
