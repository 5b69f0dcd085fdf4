"""Sentence compression by deletion (Knight and Marcu 2000; Filippova et al. 2015).

A summary sentence may lose what carries no key fact, cut from its parse:
attribution tails (", police said", "according to state media"), appositions,
parenthetical and non-restrictive relative clauses, leading adverbials, and a
quote's reporting clause. Nothing is invented or reordered: what stays is the
sentence's own words in order, as character spans of the article. A cut never
takes the root verb or its subject, nor anything holding a number, a date or
place, or a named person (the protected tokens), so the sentence still reads
as one clause with its subject. Each rule is named; its words live in the
lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon.speech_words import SAYING_VERBS

# Entity types a cut must keep: who, where, when, how many.
PROTECTED_ENTITY_TYPES = frozenset(
    {"PERSON", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
)
# An attribution tail's speaker is kept when it is a named person (who said it is news).
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# What belongs to a saying clause: who, to whom, where and when it was said.
_SAYING_PARTS = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative", "prep", "npadvmod", "advmod"}
)
_QUOTE_MARKS = frozenset("\"“”‘’'")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_DOUBLE_COMMA = re.compile(r",\s*([,.;:!?])")
_LEADING_PUNCT = re.compile(r"^[\s,;:–—-]+")
# '"We will rebuild," .' once the reporting clause is cut: the comma closes the sentence.
_COMMA_BEFORE_CLOSING_QUOTE = re.compile(r",([\"”’'])\s*\.?$")
_SPACE_BEFORE_CLOSING_QUOTE = re.compile(r"\s+([\"”’])(?=[\s.!?]*$)")
_STOP_AFTER_CLOSING_QUOTE = re.compile(r"(\w)([\"”’])\.$")


@dataclass(frozen=True)
class Compressed:
    """A sentence as kept: character spans into the article, their mended text, the cuts made."""

    spans: tuple[tuple[int, int], ...]
    text: str
    rules: tuple[str, ...]

    @property
    def words(self) -> int:
        return len(self.text.split())


def compress(sent: Span) -> Compressed:
    """The sentence without what the deletion rules may cut (each cut a whole subtree)."""
    protected = _protected(sent)
    speakers = {t.i for t in sent if t.like_num or t.ent_type_ == "PERSON"}
    core = _core(sent)
    dropped: set[int] = set()
    rules: list[str] = []
    for name, rule in DELETION_RULES.items():
        for cut in rule(sent):
            indices = {t.i for t in cut}
            # Who said it may go ("according to U.S. officials"), unless a named person.
            guarded = speakers if name in ATTRIBUTION_RULES else protected
            if not indices or indices & guarded or indices <= dropped:
                continue
            if name not in CLAUSE_RULES and indices & core:
                continue  # only a rule that cuts a whole saying clause may take its verb
            if not _leaves_a_clause(sent, dropped | indices):
                continue
            dropped |= indices
            rules.append(name)
    kept = [t for t in sent if t.i not in dropped]
    spans = _spans(kept)
    # The sentence's own text, not the Doc's: Doc.text joins every token of the article.
    offset = sent.start_char
    text = _mend(sent.text, [(start - offset, end - offset) for start, end in spans])
    return Compressed(spans, text, tuple(dict.fromkeys(rules)))


# -- the deletion rules ------------------------------------------------------------


def _attribution_tail(sent: Span) -> Iterable[list[Token]]:
    """ "12 people were killed, police said": the saying verb, who said it and how (its
    subject, object, "on Sunday", "in a statement"), after the clause it reports; what
    else hangs on the verb ("..., killing 12 people") stays."""
    root = sent.root
    if root.lemma_.lower() not in SAYING_VERBS:
        return
    content = [c for c in root.children if c.dep_ in _CLAUSE_DEPS and c.i < root.i]
    if not content or not _has_subject(content[0]):
        return
    speaker = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
    if any(_names_a_person(s) for s in speaker):
        return
    cut = _saying_parts(root, after=content[0].right_edge.i)
    first = min(t.i for t in cut)
    if first > sent.start and sent.doc[first - 1].text == ",":
        cut.append(sent.doc[first - 1])
    yield cut


def _attribution_aside(sent: Span) -> Iterable[list[Token]]:
    """ "a gunman opened fire, police said, killing 12": a saying verb set off by a comma
    inside the sentence it attributes; what else hangs on it ("killing 12") stays."""
    for token in sent:
        if token.i == sent.root.i or token.lemma_.lower() not in SAYING_VERBS:
            continue
        if token.dep_ != "parataxis" or token.i < token.head.i:
            continue
        speaker = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if not speaker or any(_names_a_person(s) for s in speaker):
            continue
        cut = _saying_parts(token)
        first = min(t.i for t in cut)
        if first > sent.start and sent.doc[first - 1].text == ",":
            yield [sent.doc[first - 1], *cut]


def _saying_parts(verb: Token, after: int = -1) -> list[Token]:
    """The saying verb with who said it, to whom, where and when (children after `after`)."""
    cut = [verb]
    for child in verb.children:
        goes_along = child.dep_ in _SAYING_PARTS or (
            child.dep_ in {"advcl", "xcomp", "conj"} and child.lemma_.lower() in SAYING_VERBS
        )  # ", adding that ...": another saying verb of the same speaker
        if goes_along and child.i > after:
            cut += [t for t in child.subtree if t.text not in _QUOTE_MARKS]
    return cut


def _according_to(sent: Span) -> Iterable[list[Token]]:
    """ ", according to state media": the phrase and the comma before it."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            phrase = _subtree(token)
            yield _with_comma_before(sent, phrase)


def _apposition(sent: Span) -> Iterable[list[Token]]:
    """ "Ana Ruiz, the town's mayor, said": the apposition and its commas."""
    for token in sent:
        if token.dep_ == "appos" and token.head.i < token.i:
            yield _with_commas(sent, _subtree(token))


def _parenthesis(sent: Span) -> Iterable[list[Token]]:
    """ "(125 miles)", "(AFP)": everything between brackets, with them."""
    opened: int | None = None
    for token in sent:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            yield list(sent.doc[opened : token.i + 1])
            opened = None


def _non_restrictive_clause(sent: Span) -> Iterable[list[Token]]:
    """ "the bridge, which opened in 1990, collapsed": a relative clause set off by a comma."""
    for token in sent:
        if token.dep_ == "relcl" and token.left_edge.i > sent.start:
            before = sent.doc[token.left_edge.i - 1]
            if before.text == ",":
                yield _with_commas(sent, _subtree(token))


def _leading_adverbial(sent: Span) -> Iterable[list[Token]]:
    """ "In a statement, ...", "Meanwhile, ...": what comes before the first comma, when it
    is a modifier of the root and not its subject."""
    root = sent.root
    for child in root.children:
        if child.i > root.i or child.dep_ not in {"prep", "advmod", "advcl", "npadvmod"}:
            continue
        phrase = _subtree(child)
        after = sent.doc[phrase[-1].i + 1] if phrase[-1].i + 1 < sent.end else None
        if phrase[0].i == sent.start and after is not None and after.text == ",":
            yield [*phrase, after]


def _quote_reporting_clause(sent: Span) -> Iterable[list[Token]]:
    """'"We will rebuild," he said.': the reporting clause after a quote."""
    root = sent.root
    if root.lemma_.lower() not in SAYING_VERBS or not any(t.text in _QUOTE_MARKS for t in sent):
        return
    content = [c for c in root.children if c.dep_ in _CLAUSE_DEPS and c.i < root.i]
    if not content:
        return
    speaker = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
    if any(_names_a_person(s) for s in speaker):
        return
    quote_end = max(t.i for t in sent if t.text in _QUOTE_MARKS)
    if quote_end < root.i:
        yield [t for t in sent if t.i > quote_end and not _is_final_stop(t, sent)]


# Rules that cut the sentence's own saying verb, leaving the clause it reports.
CLAUSE_RULES = frozenset({"attribution-tail", "attribution-aside", "quote-reporting-clause"})
# Rules that cut who said it: a source's place or people ("Russian authorities said") may go.
ATTRIBUTION_RULES = CLAUSE_RULES | {"according-to", "attribution-aside"}
DELETION_RULES: dict[str, Callable[[Span], Iterable[list[Token]]]] = {
    "attribution-tail": _attribution_tail,
    "attribution-aside": _attribution_aside,
    "according-to": _according_to,
    "apposition": _apposition,
    "parenthesis": _parenthesis,
    "non-restrictive-clause": _non_restrictive_clause,
    "leading-adverbial": _leading_adverbial,
    "quote-reporting-clause": _quote_reporting_clause,
}


# -- helpers -------------------------------------------------------------------------


def _protected(sent: Span) -> set[int]:
    """Tokens no cut may take: numbers, and the named people, places and dates."""
    return {t.i for t in sent if t.like_num or t.ent_type_ in PROTECTED_ENTITY_TYPES}


def _core(sent: Span) -> set[int]:
    """The root verb and its subject's head: what makes the sentence a clause."""
    root = sent.root
    return {root.i} | {c.i for c in root.children if c.dep_ in _SUBJECT_DEPS}


def _leaves_a_clause(sent: Span, dropped: set[int]) -> bool:
    """Some verb with its subject stays (the sentence still reads as a clause)."""
    for token in sent:
        if token.i in dropped or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ in _SUBJECT_DEPS and c.i not in dropped for c in token.children):
            return True
    return False


def _is_final_stop(token: Token, sent: Span) -> bool:
    return token.i == sent.end - 1 and token.is_punct


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _names_a_person(token: Token) -> bool:
    return any(t.ent_type_ == "PERSON" for t in token.subtree)


def _subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def _with_comma_before(sent: Span, phrase: list[Token]) -> list[Token]:
    start = phrase[0].i
    if start > sent.start and sent.doc[start - 1].text == ",":
        return [sent.doc[start - 1], *phrase]
    return phrase


def _with_commas(sent: Span, phrase: list[Token]) -> list[Token]:
    """The phrase with the comma before it and, when one follows, the comma after:
    "Ana Ruiz, the mayor, said" loses both, "met Ana Ruiz, the mayor." the one."""
    tokens = _with_comma_before(sent, phrase)
    end = phrase[-1].i + 1
    if end < sent.end and sent.doc[end].text == ",":
        return [*tokens, sent.doc[end]]
    return tokens


def _spans(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """Runs of consecutive kept tokens as character spans."""
    spans: list[tuple[int, int]] = []
    previous = -2
    for token in tokens:
        end = token.idx + len(token.text)
        if spans and token.i == previous + 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((token.idx, end))
        previous = token.i
    return tuple(spans)


def _mend(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The pieces joined: no dangling commas, a capital first letter and a full stop."""
    joined = " ".join(text[start:end] for start, end in spans)
    joined = _LEADING_PUNCT.sub("", joined)
    joined = _DOUBLE_COMMA.sub(r"\1", _SPACE_BEFORE_PUNCT.sub(r"\1", joined)).strip(" ,;:")
    joined = _COMMA_BEFORE_CLOSING_QUOTE.sub(r".\1", joined)
    joined = _SPACE_BEFORE_CLOSING_QUOTE.sub(r"\1", joined)
    if not joined:
        return joined
    joined = joined[0].upper() + joined[1:]
    if joined[-1] not in ".!?\"”’'":
        joined += "."
    return _STOP_AFTER_CLOSING_QUOTE.sub(r"\1.\2", joined)
