"""Text normalisation, article ids and simple text statistics."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE_RUN = re.compile(r"\s+")
_LINE_TRAILING = re.compile(r"[ \t\f\v]+\n")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def clean_text(raw: str) -> str:
    """The text as stored: NFC, Unix newlines, no trailing blanks, paragraphs kept.

    Paragraph breaks survive (unlike in the id's normalisation) because
    readers, offsets and the paragraph count rely on them.
    """
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x00", "")
    text = _LINE_TRAILING.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def id_text(text: str) -> str:
    """The contract's normalised text: NFC, whitespace runs collapsed, trimmed."""
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """First 16 hex digits of SHA-256 of the normalised text."""
    return hashlib.sha256(id_text(text).encode("utf-8")).hexdigest()[:16]


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def count_paragraphs(text: str) -> int:
    return sum(1 for part in text.split("\n\n") if part.strip())
