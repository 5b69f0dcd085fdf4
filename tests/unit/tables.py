"""Parametrize tables written as groups of rows named by the rule they check.

    CASES = [
        *rule("passive voice", ("Sixty people were killed.", [...]), ...),
        *rule("vague quantities", ("Dozens of people were hurt.", [...]), ...),
    ]

Each row becomes a `pytest.param` whose id reads "<rule>: <its first text, shortened>",
so a failing case says what it checks (`test_figures[passive voice: Sixty people were
killed.]`) instead of `test_figures[text12-expected12]`.
"""

import unicodedata

import pytest

MAX_LABEL = 50

_ParameterSet = type(pytest.param())

# Typographic marks pytest would print as \u escapes in an id.
_PLAIN = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2014": "-",
        "\u2013": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)


def rule(name: str, *rows) -> list:
    """The rows as pytest params with ids "<name>: <label>", unique within the group.

    A row is a tuple of argument values, a single value (for a one-argument test), or a
    `pytest.param`, whose values and marks are kept (and its own id, if it has one, is
    used as the label). The label is the row's first string value, shortened; a row of
    plain scalars is labelled by its values; any other row by the name alone. Repeated
    ids get a " #2", " #3", ... suffix.
    """
    params = []
    seen: dict[str, int] = {}
    for row in rows:
        if isinstance(row, _ParameterSet):
            values, marks, label = row.values, row.marks, row.id
        else:
            values, marks, label = (row if isinstance(row, tuple) else (row,)), (), None
        label = label or _label(values)
        base = f"{name}: {label}" if label else name
        seen[base] = seen.get(base, 0) + 1
        ident = base if seen[base] == 1 else f"{base} #{seen[base]}"
        params.append(pytest.param(*values, marks=marks, id=ident))
    return params


def _label(values: tuple) -> str:
    for value in values:
        if isinstance(value, str):
            return _short(value)
    if all(value is None or isinstance(value, bool | int | float) for value in values):
        return ", ".join(str(value) for value in values)
    return ""


def _short(text: str) -> str:
    """One line of plain ASCII-ish text, cut at a word near MAX_LABEL characters."""
    if not text:
        return "(empty)"
    flat = " ".join(text.translate(_PLAIN).split())
    flat = "".join(c for c in unicodedata.normalize("NFKD", flat) if not unicodedata.combining(c))
    if not flat:
        return "(blank)"
    if len(flat) <= MAX_LABEL:
        return flat
    cut = flat[: MAX_LABEL - 3]
    space = cut.rfind(" ")
    if space > MAX_LABEL // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "..."
