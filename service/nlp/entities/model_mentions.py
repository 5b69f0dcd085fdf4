"""Mentions from the spaCy model's entity spans, cleaned and voted on."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from ..doc_facts import facts
from ..lexicon import gazetteer as gz
from .entity_records import MODEL_VOTE, Mention
from .excluded_text import overlaps
from .mention_spans import extend, is_title_fragment, opens_title, strip_titles, trim
from .name_shapes import LEADING_DROP, POSSESSIVE, TRAILING_DROP
from .type_votes import is_subject, vote

# Labels that name something; DATE, TIME, CARDINAL, MONEY and the like are
# values, not entities, and are left to the other extractors.
NAME_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)


def model_mentions(doc: Doc, excluded: list[tuple[int, int]]) -> list[Mention]:
    starts = [r[0] for r in excluded]
    mentions: list[Mention] = []
    taken: set[int] = set()
    last_end = 0
    for ent in facts(doc).ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for start, end in _paragraph_pieces(ent):
            if start < last_end or overlaps(
                excluded, starts, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            ):
                continue  # swallowed by the previous span's extension, or a byline
            for mention in _clean_mentions(doc, start, end, ent.label_, taken):
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))
                last_end = max(last_end, mention.end)
    return mentions


def _paragraph_pieces(ent: Span) -> list[tuple[int, int]]:
    """A model span cut at line breaks: "Associated Press\n\nTOKYO" is two names."""
    pieces = []
    start = ent.start
    for tok in ent:
        if "\n" in tok.text:
            if tok.i > start:
                pieces.append((start, tok.i))
            start = tok.i + 1
    if ent.end > start:
        pieces.append((start, ent.end))
    return pieces


def _clean_mentions(doc: Doc, start: int, end: int, label: str, taken: set[int]) -> list[Mention]:
    """The cleaned mention for one model span, plus a place named inside it, if any."""
    end = _before_open_bracket(doc, start, end)
    trimmed_start, trimmed_end = trim(doc, start, end, label)
    if trimmed_start >= trimmed_end or is_title_fragment(doc, trimmed_start, trimmed_end):
        return []
    # a span the model drew wrongly also gives weaker evidence of its label
    weight = (
        MODEL_VOTE
        if trimmed_end - trimmed_start >= _name_length(doc, start, end)
        else MODEL_VOTE / 2
    )
    if (
        label == "NORP"
        and doc[start:end].text.casefold() not in gz.DEMONYMS
        and doc[trimmed_start:trimmed_end].text != doc[start:end].text.strip()
    ):
        label = "ORG"  # "Russian Telegram" minus the demonym
    if label == "PERSON" and trimmed_end < end and opens_title(doc, trimmed_end):
        label = "ORG"  # "Fed" of "Fed Chair": what goes before a title is its institution
    new_start, new_end, new_label = extend(doc, trimmed_start, trimmed_end, label, taken)
    if new_end - new_start > trimmed_end - trimmed_start and new_label == label:
        weight = MODEL_VOTE / 2
    new_start, new_end, titled = strip_titles(doc, new_start, new_end)
    mention = Mention(new_start, new_end, new_label)
    vote(doc, mention, titled, weight)
    if not mention.votes:
        return []
    mention.is_subject = is_subject(doc, new_start, new_end)
    if label == "GPE" and new_label == "ORG":
        # "Virginia Beach police" names the police and the city
        place = Mention(trimmed_start, trimmed_end, "GPE", Counter({"GPE": MODEL_VOTE}))
        return [place, mention]
    return [mention]


def _before_open_bracket(doc: Doc, start: int, end: int) -> int:
    """ "Shanghai Cooperation Organisation (SCO": a span the model ran into a bracket it
    did not close ends before the bracket (the acronym is found on its own)."""
    for i in range(start + 1, end):
        if doc[i].text == "(" and all(doc[j].text != ")" for j in range(i + 1, end)):
            return i
    return end


def _name_length(doc: Doc, start: int, end: int) -> int:
    """Tokens of a model span that can belong to a name (not "the", "'s", punctuation)."""
    return sum(
        1
        for tok in doc[start:end]
        if not (
            tok.is_punct
            or tok.is_space
            or tok.lower_ in LEADING_DROP
            or tok.text in POSSESSIVE
            or tok.pos_ in TRAILING_DROP
        )
    )
