"""Pass 2a: reporting verbs and "according to" as cues, who performs them, and the verb
that governs a quote in the parse ("Putin described them as "..." ").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..lexicon.people import PERSON_ROLES
from ..lexicon.speech_words import (
    CHARACTERIZING_VERBS,
    NAMING_VERBS,
    QUOTING_VERBS,
    REPORTING_VERBS,
)
from .quote_marks import Piece
from .quoted_article import Article, per_token
from .speaker_resolver import SPEAKERS_OWN_WORDS, Speaker

MAX_ANCESTOR_HOPS = 12
MAX_NAME_SPAN = 8
NOMINAL_TAGS = ("NOUN", "PROPN")

# Rule names, as explanations and tests give them.
# GOVERNING_VERB: a reporting verb governs the quoted words in the parse.
GOVERNING_VERB = "governing-verb"
# CHARACTERIZING_VERB: "Putin described them as "..."": a verb that characterises, with a subject.
CHARACTERIZING_VERB = "characterizing-verb"
# REPORTED_CONDITION: see `ancestor_cue`.
REPORTED_CONDITION = "reported-condition"
# ACCORDING_TO: "according to X".
ACCORDING_TO = "according-to"
# Who performs the verb when it has no plain subject (`_speaker_head`):
QUOTED_AS_SAYING = "quoted-as-saying"  # "TASS quoted Peskov as saying", "was quoted as saying"
SHARED_SUBJECT = "shared-subject"  # "..., he said, adding that ...": the subject of "said"
INVERTED_SUBJECT = "inverted-subject"  # '"...," said the spokesman'
MISREAD_AS_MODIFIER = "misread-as-modifier"  # see `is_misread_as_modifier`


@dataclass(slots=True)
class Attribution:
    cue: Token | None
    cue_text: str | None
    speaker: Speaker | None
    # The rules that found the cue and its speaker, in the order they applied.
    rules: tuple[str, ...] = ()


def with_rules(attribution: Attribution, *rules: str) -> Attribution:
    """A copy with `rules` before its own (attributions found per token are shared)."""
    return replace(attribution, rules=(*rules, *attribution.rules))


# ---------------------------------------------------------------- cues


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subject(verb: Token, article: Article) -> Token | None:
    """The verb's subject. The parser sometimes makes the quotation, or a dateline
    ("LONDON (Reuters) -"), a second subject: the speaker is the unquoted one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not article.quoted[c.i]]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


@per_token
def _is_naming(verb: Token, article: Article) -> bool:
    """ "a policy called X", "is known as X": a label, not somebody speaking."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    if verb.dep_ in ("acl", "amod", "relcl") or _is_passive(verb):
        return True
    return _subject(verb, article) is None


def _cue_text(verb: Token) -> str:
    particles = [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.text, *particles])


def _according_to(token: Token) -> Token | None:
    """The object of "according to" when `token` is "according"."""
    if token.lower_ != "according":
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    return nxt.nbor(1) if nxt.i + 1 < len(token.doc) else None


def _speaker_head(verb: Token, article: Article) -> tuple[Token | None, tuple[str, ...]]:
    """Who performs the reporting verb: its subject, or the subject it shares with the verb
    it hangs from ("..., he said, adding that ..."); for "X was quoted as saying", X. With
    the rule that found it when it is not the verb's own subject."""
    current = verb
    for _ in range(4):
        if current.lemma_.lower() in QUOTING_VERBS:
            # "TASS quoted Peskov as saying", "Peskov was quoted as saying": Peskov.
            quoted = [c for c in current.children if c.dep_ in ("dobj", "nsubjpass")]
            if quoted:
                return quoted[0], (QUOTED_AS_SAYING,)
        subject = _subject(current, article)
        if subject is not None:
            return subject, (() if current.i == verb.i else (SHARED_SUBJECT,))
        if current.i == verb.i and follows_quote(verb, article):
            return _inverted_subject(verb), (INVERTED_SUBJECT,)
        if current.i == verb.i and is_misread_as_modifier(verb):
            return verb.head, (MISREAD_AS_MODIFIER,)
        if current.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "pobj", "prep"):
            return None, ()
        if current.head.i == current.i:
            return None, ()
        current = current.head
    return None, ()


def is_misread_as_modifier(verb: Token) -> bool:
    """ "Tom Reyes posted on X: ...", "The mayor, Tom Reyes, posted ...": the parser
    reads "posted" as a participle on the name ("a video posted on X"). After a name or
    a role noun, with no auxiliary or agent of its own, it is that person's report."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.head.i > verb.i:
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head
    return head.pos_ == "PROPN" or head.lower_ in PERSON_ROLES


def follows_quote(verb: Token, article: Article) -> bool:
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_punct and not article.quoted[i]:
        i -= 1
    return i >= 0 and article.quoted[i]


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker of '"...," said the spokesman', which the parser often reads as verb and
    object, or as an adjective on the noun after it ("shouted firefighter Dan Wu")."""
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "dep"):
            return child
    if verb.i + 1 >= len(verb.doc):
        return None
    noun = verb.doc[verb.i + 1]
    for _ in range(MAX_NAME_SPAN):
        head = noun.head
        if head.i == noun.i or not verb.i < head.i <= verb.i + MAX_NAME_SPAN:
            break
        if head.pos_ not in NOMINAL_TAGS:
            break
        noun = head
    return noun if noun.pos_ in NOMINAL_TAGS else None


@per_token
def is_reporting(token: Token, article: Article) -> bool:
    if article.quoted[token.i] or token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in QUOTING_VERBS:
        return True
    if lemma not in REPORTING_VERBS:
        return False
    # "were told by neighbours" names the listener; the report belongs to whoever tells it.
    return not _is_passive(token)


@per_token
def attribution_from_verb(verb: Token, article: Article) -> Attribution | None:
    head, rules = _speaker_head(verb, article)
    if head is None or article.quoted[head.i]:
        return None
    # A speaker that cannot be resolved ("I think," she said) still marks a quotation.
    speaker = article.speakers.from_subject(head)
    if speaker is None and article.speakers.in_speakers_voice(head):
        rules = (*rules, SPEAKERS_OWN_WORDS)
    return Attribution(verb, _cue_text(verb), speaker, rules)


@per_token
def attribution_from_according(token: Token, article: Article) -> Attribution | None:
    source = _according_to(token)
    if source is None or article.quoted[source.i]:
        return None
    speaker = article.speakers.from_subject(source)
    return Attribution(token, "according to", speaker, (ACCORDING_TO,)) if speaker else None


def ancestor_cue(piece: Piece, article: Article) -> Attribution | None | bool:
    """The reporting verb governing the quoted words in the parse. False means the words are a
    label ("a policy called X") and not a quotation at all; None means nothing found."""
    doc = article.doc
    words = article.words_tokens(piece)
    roots = [i for i in words if not words.start <= doc[i].head.i < words.stop]
    if not roots:
        return None
    verb = doc[roots[0]].head
    in_condition = False  # climbed out of a condition or time clause
    came_from: Token | None = None
    for _ in range(MAX_ANCESTOR_HOPS):
        # The parser may run a sentence on into the next paragraph; a verb there reports
        # the next paragraph's words, not these.
        if article.paragraph_of(verb.idx) != piece.paragraph:
            return None
        reported = came_from is not None and came_from.dep_ == "ccomp"
        if not article.quoted[verb.i] and (not in_condition or reported):
            lemma = verb.lemma_.lower()
            if _is_naming(verb, article):
                return False
            condition = (REPORTED_CONDITION,) if in_condition else ()
            if lemma in CHARACTERIZING_VERBS and _subject(verb, article) is not None:
                found = attribution_from_verb(verb, article)
                return None if found is None else with_rules(found, CHARACTERIZING_VERB, *condition)
            if is_reporting(verb, article):
                found = attribution_from_verb(verb, article)
                if found is not None:
                    return with_rules(found, GOVERNING_VERB, *condition)
        # Conditions and time clauses are not what anyone is reported to have said; a bare
        # participle clause is ("said its forces struck a post, killing "up to 60" ...).
        # REPORTED_CONDITION: unless the condition itself sits in a clause someone is said
        # to have said ("said his children asked him to leave after the family lived an
        # 'indescribable nightmare'"): then that clause's speech verb reports it.
        if verb.dep_ == "advcl" and not _is_participle_clause(verb):
            in_condition = True
        if verb.head.i == verb.i:
            return None
        came_from, verb = verb, verb.head
    return None


def _is_participle_clause(verb: Token) -> bool:
    """An -ing clause with no conjunction or subject of its own: ", killing 60 people"."""
    return verb.tag_ == "VBG" and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") and c.i < verb.i for c in verb.children
    )
