"""The records the extraction passes along: the entities it returns, and the
mentions it finds, each with the votes on its type."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str
    mentions: int
    salience: float
    aliases: tuple[str, ...]
    spans: tuple[EntitySpan, ...]
    # The names of the rules that found, cut, typed or merged the entity.
    rules: tuple[str, ...] = ()


# Evidence strengths for the vote on an entity's type.
MODEL_VOTE = 1.0
CONTEXT_VOTE = 3.0
LIST_VOTE = 100.0


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    votes: Counter = field(default_factory=Counter)
    is_subject: bool = False
    # The rules that found and cut the mention, in the order they applied.
    rules: list[str] = field(default_factory=list)
    # (type, rule) for each vote on its type, so the entity names those of its type.
    vote_rules: list[tuple[str, str]] = field(default_factory=list)

    def add_vote(self, label: str, weight: float, rule: str) -> None:
        self.votes.update({label: weight})
        self.vote_rules.append((label, rule))
