"""Reducing an HTML page to the article's text and metadata (trafilatura)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import trafilatura
from trafilatura.settings import Document


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None  # ISO date as the page states it


def html_to_article(html: str) -> HtmlArticle:
    """The main text of an HTML page (scripts, navigation, bylines dropped) and its metadata."""
    if not html.strip():
        return HtmlArticle("", None, (), None)
    # A Document, not a dict: as_dict is left False.
    document = cast(
        "Document | None",
        trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        ),
    )
    if document is None or not document.text:
        return HtmlArticle("", None, (), None)
    lines = [line.strip() for line in document.text.split("\n") if line.strip()]
    title = (document.title or "").strip() or None
    # trafilatura keeps the <h1> headline as the first line of the body
    if title and lines and lines[0] == title:
        lines = lines[1:]
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    return HtmlArticle("\n\n".join(lines), title, authors, document.date or None)
