"""Verbs of saying, whose subject is a speaker."""

from __future__ import annotations

from .word_blocks import names

# Verbs of saying: their subject is a person or an organisation, never a place.
SPEECH_VERBS = names(
    """
    say
    tell
    add
    write
    announce
    ask
    claim
    confirm
    deny
    explain
    insist
    note
    state
    warn
    urge
    """
)
