"""Mentions the model left untagged: short forms of names found, listed places and
agencies, a dateline's place, and names the words around them give away."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc_facts import facts
from ..lexicon.media import SOCIAL_PLATFORMS
from ..lexicon.people import PERSON_TITLES
from ..lexicon.place_words import ROAD_HEADS
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
NUMBERED_ORG_BEFORE_ROLE = "numbered-org-before-role"

# What the model may call the number of a name written with one ("Rescue 1122").
_NUMBER_LABELS = frozenset({"", "CARDINAL", "DATE"})
# Parts of speech a word before that number may have: a name's or a noun's.
_NAME_WORD_POS = frozenset({"PROPN", "NOUN"})


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
        numbered = _numbered_org_end(doc, i, taken)
        if numbered is not None and not overlaps(excluded, starts, tok.idx, tok.idx + len(tok)):
            found.append(_numbered_org_mention(doc, i, numbered))
            i = numbered
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


def _has_letters_and_digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text)


def _numbered_org_end(doc: Doc, i: int, taken: set[int]) -> int | None:
    """Where a name written with its number ends ("ER24", "Netcare911", "Rescue 1122")
    when a lower-case role noun follows it ("ER24 spokesperson Werner Vermaak"): the
    model tags no name with digits in it, and the tagger reads "Rescue" as a noun."""
    tok = doc[i]
    if not tok.text[:1].isupper() or tok.lower_ in ROAD_HEADS:
        return None  # "Route 66 driver" names a road
    if tok.text.isalnum() and _has_letters_and_digits(tok.text):
        end = i + 1  # "ER24", "Netcare911"
    elif (
        tok.is_alpha
        and tok.pos_ in _NAME_WORD_POS
        and i + 1 < len(doc)
        and doc[i + 1].text.isdigit()
    ):
        end = i + 2  # "Rescue 1122"; not "All 21 coaches"
    else:
        return None
    if tok.ent_type_ or any(
        j in taken or doc[j].ent_type_ not in _NUMBER_LABELS for j in range(i, end)
    ):
        return None  # the model's name is cleaned elsewhere; its "1122" is a number or date
    if end >= len(doc):
        return None
    role = doc[end]
    return end if role.is_lower and is_role_noun(role) else None


def _numbered_org_mention(doc: Doc, start: int, end: int) -> Mention:
    """NUMBERED_ORG_BEFORE_ROLE: a name with its number before a role noun is the
    organisation the person speaks for ("Netcare911 spokesperson Chris Botha")."""
    mention = Mention(start, end, "ORG", rules=[NUMBERED_ORG_BEFORE_ROLE])
    mention.add_vote("ORG", CONTEXT_VOTE, NUMBERED_ORG_BEFORE_ROLE)
    mention.is_subject = is_subject(doc, start, end)
    return mention


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
