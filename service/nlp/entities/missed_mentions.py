"""Mentions the model left untagged: short forms of names found, listed places and
agencies, a dateline's place, and names the words around them give away."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc_facts import facts
from ..lexicon.media import SOCIAL_PLATFORMS
from ..lexicon.people import PERSON_TITLES
from ..lexicon.story_furniture import STORY_LABELS
from .descriptor_nouns import (
    REGION_NOUN_OF_A_ROLE,
    descriptor_extension,
    region_noun_follows_role,
)
from .entity_records import CONTEXT_VOTE, LIST_VOTE, Mention
from .excluded_text import overlaps
from .name_shapes import initials_of, is_glued_hyphen, is_name_token, list_type
from .type_votes import (
    LIST_TYPE,
    after_capitalised_title,
    context_type,
    is_bare_head,
    is_role_noun,
    is_subject,
)

# A dateline: up to three words in capitals, then one of these.
_DATELINE_WORDS = 3
_DATELINE_ENDS = frozenset({":", "—", "–", "-", "--", ","})

# The rules' names (`Entity.rules`), each beside its code below.
SHORT_FORM = "short-form"
SOCIAL_PLATFORM = "social-platform"
DATELINE_PLACE = "dateline-place"
MISSED_LISTED_NAME = "missed-listed-name"
MISSED_CONTEXT_NAME = "missed-context-name"
MISSED_DESCRIBED_NAME = "missed-described-name"


def short_forms_of(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Surnames of the personal names found, and initials of the other long names, by type."""
    forms: dict[str, str] = {}
    for mention in mentions:
        if mention.end - mention.start < 2:
            continue
        label = mention.votes.most_common(1)[0][0]
        if label == "PERSON":
            forms[doc[mention.end - 1].text] = label
        elif mention.end - mention.start > 2:
            initials = initials_of(doc[mention.start : mention.end].text)
            forms[initials.upper()] = label
    return forms


def missed_mentions(
    doc: Doc, excluded: list[tuple[int, int]], taken: set[int], short_forms: dict[str, str]
) -> list[Mention]:
    """Names the model left untagged: listed places and agencies, and "X Y, a spokesman"."""
    starts = [r[0] for r in excluded]
    found: list[Mention] = []
    tokens = facts(doc).tokens
    i = 0
    n = len(doc)
    while i < n:
        tok = tokens[i]
        if i in taken or tok.ent_type_:
            i += 1
            continue
        short = short_forms.get(tok.text)
        label = short or _platform_label(doc, i)
        if label is not None and not overlaps(excluded, starts, tok.idx, tok.idx + len(tok)):
            found.append(
                _short_form_mention(doc, i, label, SHORT_FORM if short else SOCIAL_PLATFORM)
            )
            i += 1
            continue
        if (
            (tok.tag_ not in {"NNP", "NNPS"} and not _is_capitalised_listed(tok))
            or not is_name_token(tok)
            or tok.text.casefold() in PERSON_TITLES  # the name starts after the title
        ):
            i += 1
            continue
        end = i + 1
        while end < n and end - i < 4 and end not in taken and not tokens[end].ent_type_:
            if tokens[end].tag_ in {"NNP", "NNPS"} and is_name_token(tokens[end]):
                end += 1
            elif (
                is_glued_hyphen(doc, end)
                and end + 1 not in taken
                and not tokens[end + 1].ent_type_
                and is_name_token(tokens[end + 1])
            ):
                end += 2  # "Babajide Sanwo-Olu"
            else:
                break
        mention = _described_mention(doc, i, end, taken) or _untagged_mention(doc, i, end)
        if mention is not None and not overlaps(
            excluded, starts, doc[i].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1])
        ):
            found.append(mention)
            end = max(end, mention.end)
        i = end
    return found


def _is_capitalised_listed(tok: Token) -> bool:
    """ "MADRID — At least ...": the tagger reads some all-caps datelines as common
    nouns; a listed place or agency in capitals is still a name."""
    return tok.is_upper and len(tok.text) > 1 and list_type(tok.text) is not None


def _platform_label(doc: Doc, i: int) -> str | None:
    """ "He warned on X": the tagger reads a one-letter network as a common noun."""
    tokens = facts(doc).tokens
    if tokens[i].text in SOCIAL_PLATFORMS and i > 0 and tokens[i - 1].lower_ == "on":
        return "ORG"
    return None


def _short_form_mention(doc: Doc, i: int, label: str, rule: str) -> Mention:
    """SHORT_FORM: a surname or acronym of a name found ("Starmer met ...", "LAFD
    spokesperson"), or SOCIAL_PLATFORM: a network ("on X"), that the tagger missed."""
    mention = Mention(i, i + 1, label, rules=[rule])
    mention.add_vote(label, CONTEXT_VOTE, rule)
    mention.is_subject = is_subject(doc, i, i + 1)
    return mention


def dateline_place(doc: Doc, taken: set[int]) -> Mention | None:
    """DATELINE_PLACE: "NEW DELHI: ...", "PUNE —", "MEDFORD, Ore. —": the capitals an
    article opens with, before the dateline's colon, dash or comma, name the place it was
    filed from (the model often misses a city no list holds, or tags "NEW" as an
    adjective)."""
    tokens = facts(doc).tokens
    start = 0
    while start < len(tokens) and tokens[start].is_space:
        start += 1
    end = start
    while end < len(tokens) and end - start < _DATELINE_WORDS and _is_capital_word(tokens[end]):
        end += 1
    if end == start or end >= len(tokens) or tokens[end].text not in _DATELINE_ENDS:
        return None
    if any(i in taken or tokens[i].ent_type_ for i in range(start, end)):
        return None
    if any(tokens[i].lower_ in STORY_LABELS for i in range(start, end)):
        return None  # "BREAKING:", "UPDATE —": a label of the story, not a place
    mention = Mention(start, end, "GPE", rules=[DATELINE_PLACE])
    mention.add_vote("GPE", LIST_VOTE, DATELINE_PLACE)
    return mention


def _is_capital_word(token: Token) -> bool:
    return token.is_upper and token.is_alpha and len(token.text) > 1


def _described_mention(doc: Doc, start: int, end: int, taken: set[int]) -> Mention | None:
    """MISSED_DESCRIBED_NAME: an untagged name with the noun that says what it is: "the
    Atlas mountains", "Karnali province", "Kebbi district officer" (the place "Kebbi")."""
    if is_bare_head(list(doc[start:end])) or any(is_role_noun(t) for t in doc[start:end]):
        return None
    grown = descriptor_extension(doc, start, end, None, taken)
    if grown is None and not (end < len(doc) and region_noun_follows_role(doc, end)):
        return None
    new_end, label, rule = grown if grown is not None else (end, "GPE", REGION_NOUN_OF_A_ROLE)
    mention = Mention(start, new_end, label, rules=[MISSED_DESCRIBED_NAME, rule])
    mention.add_vote(label, CONTEXT_VOTE, rule)
    mention.is_subject = is_subject(doc, start, new_end)
    return mention


def _untagged_mention(doc: Doc, start: int, end: int) -> Mention | None:
    """MISSED_LISTED_NAME: an untagged name a curated list knows; MISSED_CONTEXT_NAME:
    one the words around it give away ("Ian Reed, a spokesman")."""
    if end - start == 1 and is_role_noun(doc[start]):
        return None  # "Executive" of "Chief Executive Lars Eriksson" is the title's rest
    if is_bare_head(list(doc[start:end])):
        return None  # "Executive Officer" of "Chief Executive Officer Lars Eriksson"
    listed = list_type(doc[start:end].text)
    if listed is not None and listed != "NORP":
        mention = Mention(start, end, listed, rules=[MISSED_LISTED_NAME])
        mention.add_vote(listed, LIST_VOTE, LIST_TYPE)
    else:
        context = context_type(doc, start, end)
        # one capitalised word after a role noun is too often not a name ("chief Executive"),
        # but after a capitalised title it is a surname ("Governor Lopez", "Dr. Okafor")
        if context is None or (
            context[0] == "PERSON" and end - start < 2 and not after_capitalised_title(doc, start)
        ):
            return None
        mention = Mention(start, end, context[0], rules=[MISSED_CONTEXT_NAME])
        mention.add_vote(context[0], CONTEXT_VOTE, context[1])
    mention.is_subject = is_subject(doc, start, end)
    return mention
