"""The shapes the brief reads from the other extractors (casualty totals, entities,
quotes), as protocols so the brief does not import those extractors."""

from __future__ import annotations

from typing import Protocol


class TotalLike(Protocol):
    @property
    def value(self) -> int: ...
    @property
    def qualifier(self) -> str: ...


class EntityLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def salience(self) -> float: ...


class SpeakerLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...


class QuoteLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> SpeakerLike | None: ...
