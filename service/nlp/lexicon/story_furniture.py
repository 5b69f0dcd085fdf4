"""Text around a story that is not the story: author lines, credits, and the labels
a story opens with ("BREAKING:")."""

from __future__ import annotations

import re

from .word_blocks import names

# Sentence openers of author lines, credits and contributor notes.
BYLINE_OPENERS = (
    "by ",
    "write to ",
    "reporting by",
    "(reporting by",
    "additional reporting",
    "editing by",
    "contributing:",
    "compiled by",
    "photo:",
    "photo by ",
    "photos by ",
    "photograph by ",
    "image by ",
    "photos:",
    "photograph:",
    "image:",
    "credit:",
    "caption:",
)

# Labels a story may open with in capitals, where a dateline would name a place
# ("BREAKING:", "UPDATE —").
STORY_LABELS = names(
    """
    alert
    analysis
    breaking
    clarification
    comment
    correction
    developing
    editorial
    exclusive
    explainer
    flash
    in
    just
    listen
    live
    note
    opinion
    photos
    read
    review
    update
    updated
    urgent
    video
    warning
    watch
    """
)

# An agency's tag in a dateline: "KYIV (Reuters) -".
DATELINE_AGENCY = re.compile(
    r"\((?:Reuters|REUTERS|AP|AFP|UPI|dpa|Xinhua|Bloomberg|IANS|PTI|ANI|CNN|BBC)\)"
)

# A photo credit at the end of a paragraph, which makes the paragraph a caption.
CREDIT = re.compile(
    r"via (?:REUTERS|Reuters|AP|AFP|Getty Images|EPA)\b"
    r"|/ ?(?:AP|AFP|Reuters|REUTERS|Getty Images|Handout|EPA|Bloomberg)\b"
    r"|\bGetty Images\b"
    r"|\b(?:AP|AFP|Reuters) Photo\b"
)
