"""The vote on a mention's type: the model's label, curated lists, the shape of
the name and the words around it each add evidence of their strength."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import gazetteer as gz
from ..lexicon.media import MEDIA_NOUNS
from ..lexicon.named_things import (
    EVENT_HEADS,
    EVENT_PREFIXES,
    FACILITY_HEADS,
    NON_ENTITIES,
    VEHICLE_COLOURS,
    WEAPON_NOUNS,
)
from ..lexicon.organisations import ORG_HEADS
from ..lexicon.people import PERSON_ROLES, PERSON_TITLES
from ..lexicon.place_words import (
    PLACE_CONFIRMING_NOUNS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    REGION_NOUNS,
)
from .entity_records import CONTEXT_VOTE, LIST_VOTE, MODEL_VOTE, Mention
from .mention_spans import NATIONALITY_BEFORE_NAME
from .name_shapes import POSSESSIVE, is_personal_name, list_type, person_shaped

# The rules' names (`Entity.rules`): the votes that can decide a type.
LIST_TYPE = "list-type"
NAME_SHAPE = "name-shape"
ORG_HEAD = "org-head"
WEAPON_NAME = "weapon-name"
VEHICLE_BY_COLOUR = "vehicle-by-colour"
MODEL_LABEL = "model-label"
PLACE_AFTER_PREPOSITION = "place-after-preposition"
PERSON_SHAPED = "person-shaped"
MEDIA_NOUN_BEFORE = "media-noun-before"
PLACE_NOUN_CONTEXT = "place-noun-context"
ROLE_BEFORE_NAME = "role-before-name"
ROLE_APPOSITION = "role-apposition"

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OFTEN_A_MISSED_PLACE = frozenset({"PERSON", "NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART"})


def _shape_type(tokens: list[Token], label: str) -> str | None:
    """Types implied by how a name is built: "X Stadium", "Storm X", "X Cup", "X region"."""
    words = [tok.text.casefold() for tok in tokens]
    last_two = " ".join(words[-2:])
    if len(words) > 1 and (words[0] in EVENT_PREFIXES or last_two in EVENT_PREFIXES):
        return "EVENT"
    if words[-1] in EVENT_HEADS or last_two in EVENT_HEADS:
        return "EVENT"
    if words[-1] in FACILITY_HEADS or last_two in FACILITY_HEADS:
        return "FAC"
    if len(words) > 1 and words[-1] in REGION_NOUNS:
        return "GPE" if label in {"GPE", "NORP"} else "LOC"
    return None


def is_bare_head(tokens: list[Token]) -> bool:
    """ "Opens" or "Hall" alone is a common noun the model capitalised, not a name; so is
    a run of title and role words ("Executive Officer" of "Chief Executive Officer X")."""
    words = [tok.text.casefold() for tok in tokens]
    if len(words) == 1:
        word = words[0]
        return word in EVENT_HEADS or word in FACILITY_HEADS or word in PERSON_TITLES
    return all(word in PERSON_TITLES or word in PERSON_ROLES for word in words)


def _names_a_weapon(span: Span) -> bool:
    """ "Iskander" in "Iskander short-range missiles" names a model, not a person."""
    root = span.root
    doc = span.doc
    if root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].text in POSSESSIVE):
        return False
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.lemma_.casefold() in WEAPON_NOUNS


def _names_a_coloured_vehicle(span: Span) -> bool:
    """VEHICLE_BY_COLOUR: "a white Hyundai i20", "a black Nissan Qashqai", "a silver
    Toyota Corolla": a make and model after a lower-case colour describe a vehicle, not
    the company. The name heads its noun phrase or stands before its model's name or
    number; "a black Labour MP" describes the MP."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text not in VEHICLE_COLOURS:
        return False
    head = span.root
    if head.dep_ != "compound" or head.head.i < span.end:
        return True
    model = head.head  # "i20" of "Hyundai i20", "Corolla" of "Toyota Corolla"
    if any(ch.isdigit() for ch in model.text):
        return True
    return model.tag_ == "NNP" and not is_role_noun(model)


def context_type(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """What the words around a name say it is (a role noun, a media noun, a place noun),
    and the rule that read it."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in MEDIA_NOUNS:
        return "ORG", MEDIA_NOUN_BEFORE  # "the broadcaster NHK"
    if _in_place_context(doc, start, end):
        return "GPE", PLACE_NOUN_CONTEXT
    if not person_shaped(list(doc[start:end])):
        return None
    if before is not None and (
        before.lower_ in PERSON_ROLES or before.text.casefold() in PERSON_TITLES
    ):
        return "PERSON", ROLE_BEFORE_NAME  # "spokesman Ian Reed"
    if (
        before is not None
        and before.text.casefold() in gz.DEMONYMS
        and is_personal_name(doc, start, end)
    ):
        return "PERSON", NATIONALITY_BEFORE_NAME  # "Kenyan Eliud Kipchoge"
    root = doc[start:end].root
    if any(is_role_noun(child) for child in root.children if child.dep_ == "appos"):
        return "PERSON", ROLE_APPOSITION  # "Juana Quispe, a survivor, said"
    if root.dep_ == "appos" and root.head.i < start and is_role_noun(root.head):
        return "PERSON", ROLE_APPOSITION  # "One survivor, Juana Quispe, said"
    return None


def after_capitalised_title(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    before = doc[start - 1]
    return before.text[:1].isupper() and before.text.casefold() in PERSON_TITLES


def is_role_noun(tok: Token) -> bool:
    return tok.lower_ in PERSON_ROLES or tok.lemma_.casefold() in PERSON_ROLES


def _in_place_context(doc: Doc, start: int, end: int) -> bool:
    """ "the town of Derna", "Tamil Nadu state", "Chennai, the capital of ..."."""
    root = doc[start:end].root
    if root.dep_ == "conj" and root.head.i < start:
        root = root.head  # "the cities of Indore and Patna"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in PLACE_NOUNS:
        return True
    if end < len(doc) and doc[end].text in PLACE_CONFIRMING_NOUNS and head.i == end:
        return True  # lower case only: "Islamic State" is not a state
    return any(
        child.dep_ == "appos" and child.lemma_ in PLACE_NOUNS
        for child in doc[start:end].root.children
    )


def _after_place_preposition(span: Span) -> bool:
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in PLACE_PREPOSITIONS:
        return False
    # "confidence in Biden": after a noun, "in" takes people too
    return prep.head.pos_ == "VERB" or root.ent_type_ != "PERSON"


def is_subject(doc: Doc, start: int, end: int) -> bool:
    root = doc[start:end].root
    if root.dep_ in _SUBJECT_DEPS:
        return True
    return root.dep_ == "poss" and root.head.dep_ in _SUBJECT_DEPS


def vote(doc: Doc, mention: Mention, titles: list[str], weight: float) -> None:
    """Add the evidence for the mention's type; `titles` names the rules that stripped a
    title before it (a title says the rest is a person)."""
    span = doc[mention.start : mention.end]
    text = span.text
    tokens = list(span)
    if (
        text.casefold() in NON_ENTITIES
        or is_bare_head(tokens)
        or not any(tok.text[:1].isupper() for tok in tokens)
    ):
        return  # "the health ministry" in lower case is a description, not a name
    listed = list_type(text)
    if listed is not None:
        mention.add_vote(listed, LIST_VOTE, LIST_TYPE)
        return
    shaped = _shape_type(tokens, mention.label)
    if shaped is not None and (mention.label != "PERSON" or len(tokens) > 2):
        mention.add_vote(shaped, LIST_VOTE, NAME_SHAPE)
        return
    if shaped is not None:
        # "Wembley Arena" tagged PERSON, unless a title or role says "Stuart Hall" is one
        mention.add_vote(shaped, CONTEXT_VOTE, NAME_SHAPE)
    if len(tokens) > 1 and tokens[-1].text.casefold() in ORG_HEADS:
        # ORG_HEAD: "Thames Water", "Fresno Police": no surnames
        mention.add_vote("ORG", LIST_VOTE, ORG_HEAD)
        return
    if mention.label != "GPE" and _names_a_weapon(span):
        mention.add_vote("PRODUCT", LIST_VOTE, WEAPON_NAME)
        return
    if _names_a_coloured_vehicle(span):
        mention.add_vote("PRODUCT", LIST_VOTE, VEHICLE_BY_COLOUR)
        return
    mention.add_vote(mention.label, weight, MODEL_LABEL)
    if (
        mention.label in _OFTEN_A_MISSED_PLACE
        and len(tokens) == 1
        and _after_place_preposition(span)
    ):
        # PLACE_AFTER_PREPOSITION: "rescuers worked in Antakya"
        mention.add_vote("GPE", 1.5 * MODEL_VOTE, PLACE_AFTER_PREPOSITION)
    if weight < MODEL_VOTE and 2 <= len(tokens) <= 3 and person_shaped(tokens):
        mention.add_vote("PERSON", MODEL_VOTE, PERSON_SHAPED)  # "Steffi" (GPE) + "Graf"
    context = (
        ("PERSON", titles[0])
        if titles and person_shaped(tokens)
        else context_type(doc, mention.start, mention.end)
    )
    if context is not None:
        mention.add_vote(context[0], CONTEXT_VOTE, context[1])
