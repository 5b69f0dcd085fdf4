"""Who a reporting clause names as the speaker, resolved to the article's fullest name.

`SpeakerResolver` is built once per Doc. It indexes the article's person names
(so "Putin" becomes "Vladimir Putin"), remembers the speakers it has resolved
(so "he", "the official" or "the spokeswoman" can be followed back), and turns
the subject of a reporting verb into a `Speaker`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..doc_facts import facts
from ..lexicon.organisations import INSTITUTION_NOUNS, ORG_HEADS, ORG_WORDS
from ..lexicon.people import KIN_NOUNS, PERSON_ROLES, ROLE_WORDS, SPEAKER_TITLES
from ..lexicon.speech_words import (
    DOCUMENT_NOUNS,
    FIRST_PERSON_OWNERS,
    FIRST_PERSON_PRONOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    NAME_CONNECTORS,
    PERSON_PRONOUNS,
    QUANTIFIERS,
    SPEAKER_PREPS,
    SPEECH_VERBS,
    THING_PRONOUNS,
)
from .quote_marks import OPEN_DOUBLE, OPEN_SINGLE

PERSON = "PERSON"
OPENING_MARKS = OPEN_DOUBLE + OPEN_SINGLE + "\"'"
ORG = "ORG"
ANONYMOUS = "anonymous"

# Rule names, as explanations and tests give them: how a speaker was resolved.
NAMED_PERSON = "named-person"  # a person's name, as written
FULLEST_NAME = "fullest-name"  # "Putin" -> the fullest name the article gives, "Vladimir Putin"
NAMED_ORGANISATION = "named-organisation"  # "the Kremlin said", "TASS reported"
APPOSITIVE_NAME = "appositive-name"  # "One survivor, Juana Quispe, said": the name in apposition
PERSON_PRONOUN = "person-pronoun"  # he/she: the last person who spoke or was the subject
GROUP_PRONOUN = "group-pronoun"  # "they": the last organisation or unnamed source that spoke
IT_IS_THE_ORGANISATION = "it-is-the-organisation"  # see `_organisation_before`
IT_IS_THE_LAST_ISSUER = "it-is-the-last-issuer"  # see `SpeakerResolver.last_issuer`
ROLE_WORD = "role-word"  # "the official said": the earlier source with that role
ROLE_TAKEN_AS = "role-taken-as"  # see `_role_holder`
ROLE_WORD_IS_NOT_A_NAME = "role-word-is-not-a-name"  # see `_speaker_name_run`
OWNER_SPEAKS = "owner-speaks"  # see `_owner`
STATEMENT_ISSUER = "statement-issuer"  # "a statement from the ministry": the ministry
INSTITUTION_NOUN = "institution-noun"  # "the ministry said" with no name: an ORG
ANONYMOUS_SOURCE = "anonymous-source"  # "a U.S. official": a short description as its name
SPEAKERS_OWN_WORDS = "speakers-own-words"  # see `in_speakers_voice`


def _is_reported(token: Token) -> bool:
    """Is `token` inside a clause reported by a speech verb ("said [that X ...]")?"""
    node = token
    for _ in range(MAX_CLIMB):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS:
            return True
        node = head
    return False


# Child relations kept when reading a speaker noun phrase: not clauses or asides.
NP_KEEP_DEPS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "case",
        "nmod",
        "nummod",
        "quantmod",
        "prep",
        "pobj",
        "npadvmod",
        "advmod",
        "predet",
        "cc",
        "conj",
        "punct",
        "flat",
        "hmod",
        "hyph",
    }
)
MAX_NP_TOKENS = 14
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
MAX_NAME_TOKENS = 8
PRONOUN_LOOKBACK = 40
# Tokens searched back for the organisation an "it said" points to (a few sentences).
ORG_LOOKBACK = 120
# Clause levels climbed to find the speech verb that reports a clause.
MAX_CLIMB = 8
ROLE_LOOKBACK = 200


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote, by the fullest name the article gives."""

    name: str  # "Maria Zakharova"; for an unnamed source "U.S. official"
    type: str  # "PERSON", "ORG" or "anonymous"
    description: str | None  # the role given, e.g. "Foreign Ministry spokeswoman"
    mention: str  # the words at the attribution: "Zakharova", "he", "the official"
    # The rules that resolved it (not served; they explain the quote).
    rules: tuple[str, ...] = field(default=(), compare=False)


def _prefixed(rule: str, speaker: Speaker | None) -> Speaker | None:
    return None if speaker is None else replace(speaker, rules=(rule, *speaker.rules))


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    name: str
    is_subject: bool


def _strip_the(text: str) -> str:
    lowered = text.lower()
    for article in ("the ", "a ", "an "):
        if lowered.startswith(article):
            return text[len(article) :]
    return text


def _tidy(text: str) -> str:
    return " ".join(text.replace(" ,", ",").split()).strip(" ,;:-—–")


def split_title(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split a proper-name run into its leading titles and the name itself:
    "White House Press Secretary Karoline Leavitt" -> (..."Secretary", "Karoline Leavitt")."""
    words = list(run)
    while words and words[-1].text in ("'s", "’s", "'", "’"):
        words.pop()
    cut = 0
    for k, token in enumerate(words[:-1]):
        if token.lower_.rstrip(".") in SPEAKER_TITLES:
            cut = k + 1
    person = [k for k, t in enumerate(words) if t.ent_type_ == PERSON]
    if person and person[0] > cut and all(t.ent_type_ == PERSON for t in words[person[0] :]):
        cut = person[0]
    return words[:cut], words[cut:]


def _looks_like_org_name(words: list[str]) -> bool:
    if any(w.lower() in ORG_WORDS or w.lower() in ORG_HEADS for w in words):
        return True
    return len(words) == 1 and words[0].isupper() and len(words[0]) > 1


def _singular(token: Token) -> str:
    return token.lemma_ if token.tag_ in ("NNS", "NNPS") and token.lemma_ else token.text


class SpeakerResolver:
    """Resolves reporting-clause subjects of one Doc to `Speaker`s."""

    def __init__(self, doc: Doc, quoted: list[bool], people: Sequence[tuple[int, int]] = ()):
        self.doc = doc
        self.people = people
        self.text = facts(doc).text
        self.quoted = quoted
        self.by_last: dict[str, str] = {}
        self.by_first: dict[str, str] = {}
        self.mentions: list[_Mention] = []
        self.history: list[Speaker] = []
        self.descriptions: dict[str, str] = {}
        self.mention_starts: list[int] = []
        self.person_speakers: list[tuple[int, str]] = []
        self.org_speakers: list[int] = []  # where each organisation speaker was named
        # IT_IS_THE_LAST_ISSUER: what an "it said" points to, the last organisation that
        # spoke or the issuer of the last statement quoted ("The MP’s statement read: ...
        # It added: ...").
        self.last_issuer: Speaker | None = None
        self._index_people()

    # ---- the article's people ----

    def _index_people(self) -> None:
        runs = [list(ent) for ent in facts(self.doc).ents if ent.label_ == PERSON]
        runs += self._unlabelled_subject_names()
        runs += self._people_runs()
        runs = [run for run in runs if not self.quoted[run[0].i]]
        for run in runs:
            name_tokens = split_title(run)[1]
            if len(name_tokens) > 1 and name_tokens[0].text[:1].isupper():
                full = self._phrase(name_tokens)
                for key, table in (
                    (name_tokens[-1].lower_, self.by_last),
                    (name_tokens[0].lower_, self.by_first),
                ):
                    if len(full) > len(table.get(key, "")):
                        table[key] = full
        for run in sorted(runs, key=lambda r: r[0].i):
            name_tokens = split_title(run)[1]
            if name_tokens:
                name = self.full_name(name_tokens)
                is_subject = self._is_subject_run(run)
                self.mentions.append(_Mention(run[0].idx, name, is_subject))
                if name not in self.descriptions:
                    described = self._described_at(run)
                    if described:
                        self.descriptions[name] = described
        self.mention_starts = [m.start for m in self.mentions]

    def _is_subject_run(self, run: list[Token]) -> bool:
        """Does the name act in its clause? Its subject, the subject's apposition ("One
        survivor, Juana Quispe, said"), or a name a finite verb follows when the small model
        misparses it ("... farmer Bir Bahadur Khadka said"). Not the subject of what someone
        else is said to have said ("Delgado said [Kessler had been thrown out]"): a later
        "he said" points to the one who spoke."""
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in run):
            return not _is_reported(run[-1])
        head = run[-1]
        if head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"):
            return not _is_reported(head.head)
        after = head.i + 1
        return after < len(self.doc) and self.doc[after].tag_ in FINITE_VERB_TAGS

    def _described_at(self, run: list[Token]) -> str | None:
        """The role a mention gives its person: "Foreign Ministry spokeswoman Maria Zakharova"
        or "Mykola Lukashuk, head of the region council,"."""
        head = run[-1]
        titles, _ = split_title(run)
        before = [t for t in self._np_tokens(head, any_prep=True) if t.i < run[0].i] + titles
        described = self._description(before) or self._appositive_description(head)
        if described is None and head.dep_ == "appos" and not self._name_run(head.head):
            # "The mayor, Hugo Lind, ..."
            described = self._description(self._np_tokens(head.head, any_prep=True))
        return described

    def _people_runs(self) -> list[list[Token]]:
        """Token runs of the PERSON spans the entity extractor found (and retyped)."""
        runs = []
        for start, end in self.people:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                runs.append(list(span))
        return runs

    def _unlabelled_subject_names(self) -> list[list[Token]]:
        """Proper-name subjects the NER left unlabelled (or mislabelled as a place or
        building); a clause subject like "Tamer Ramadan" is far more often a person."""
        runs = []
        for token in facts(self.doc).tokens:
            if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.ent_type_ == PERSON:
                continue
            if token.ent_type_ in (ORG, "GPE", "NORP", "LOC", "DATE", "TIME", "EVENT", "LAW"):
                continue
            run = self._name_run(token)
            if run and not _looks_like_org_name([t.text for t in run]):
                runs.append(run)
        return runs

    def is_known_name(self, word: str) -> bool:
        return word.lower() in self.by_last or word.lower() in self.by_first

    def full_name(self, tokens: list[Token]) -> str:
        """The fullest form of a person's name the article gives: "Putin" -> "Vladimir Putin"."""
        written = self._phrase(tokens)
        last = tokens[-1].lower_
        if last in self.by_last:
            candidate = self.by_last[last]
            lowered = candidate.lower()
            if (
                len(tokens) == 1
                or lowered.endswith(written.lower())
                or lowered.startswith(tokens[0].lower_)
            ):
                return candidate
        if len(tokens) == 1 and last in self.by_first:
            return self.by_first[last]
        return written

    # ---- history, for pronouns and definite descriptions ----

    def remember(self, speaker: Speaker | None, at: int) -> None:
        """Note a resolved speaker (quotes arrive in text order, `at` is the attribution)."""
        if speaker is not None:
            self.history.append(speaker)
            if speaker.type == PERSON:
                self.person_speakers.append((at, speaker.name))
            elif speaker.type == ORG:
                self.org_speakers.append(at)
                self.last_issuer = speaker

    def _person_before(self, char: int) -> str | None:
        """The person a he/she most likely points to: the last subject or quoted speaker,
        else the last person named."""
        end = bisect_left(self.mention_starts, char)
        first = max(0, end - PRONOUN_LOOKBACK)
        subject = next((m for m in reversed(self.mentions[first:end]) if m.is_subject), None)
        spoken = self.person_speakers[-1] if self.person_speakers else None
        spoken_later = spoken is not None and (subject is None or spoken[0] > subject.start)
        if spoken is not None and spoken[0] < char and spoken_later:
            return spoken[1]
        if subject is not None:
            return subject.name
        return self.mentions[end - 1].name if end else None

    def introduced_in(self, start: int, end: int) -> Speaker | None:
        """The person a stretch of text introduces: its last person subject ("Mayor Tom Reed
        addressed the crowd", "Ana Costa was pulled from the rubble")."""
        first, stop = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        for mention in reversed(self.mentions[first:stop]):
            if mention.is_subject:
                return Speaker(
                    mention.name, PERSON, self._known_description(mention.name), mention.name
                )
        return None

    def _last_speaker(self, types: tuple[str, ...]) -> Speaker | None:
        for speaker in reversed(self.history[-PRONOUN_LOOKBACK:]):
            if speaker.type in types:
                return speaker
        return None

    def _earlier_with_role(self, role: str) -> Speaker | None:
        for speaker in reversed(self.history[-PRONOUN_LOOKBACK:]):
            words = f"{speaker.name} {speaker.description or ''}".lower().split()
            if role in words or role + "s" in words:
                return speaker
        return None

    # ---- reading the subject noun phrase ----

    def _whole_trailing_name(self, head: Token, stretch: list[Token]) -> list[Token]:
        """ "a spokesperson for Stand Up to Racism": a capitalised name ending the phrase
        runs on through the parse's particles and small words inside the head's subtree,
        which would otherwise cut it at "Stand"."""
        if not stretch or not stretch[-1].is_title:
            return stretch
        doc = head.doc
        inside = {t.i for t in head.subtree}
        extended = list(stretch)
        i = extended[-1].i + 1
        while i in inside and len(extended) < MAX_NP_TOKENS and not self.quoted[i]:
            token = doc[i]
            if token.is_title and token.ent_type_ not in ("DATE", "TIME"):
                extended.append(token)
                i += 1
            elif (
                token.lower_ in NAME_CONNECTORS
                and i + 1 in inside
                and doc[i + 1].is_title
                and not self.quoted[i + 1]
            ):
                extended.extend((token, doc[i + 1]))
                i += 2
            else:
                break
        return extended

    def _np_tokens(self, head: Token, *, any_prep: bool = False) -> list[Token]:
        """The noun phrase headed by `head`, without clauses or asides. A speaker's phrase keeps
        only prepositions that identify ("one of", "spokesman for"), not where or how it
        spoke ("the family in a statement"); a description keeps them all."""
        keep = [head]
        stack = [head]
        while stack and len(keep) < MAX_NP_TOKENS:
            token = stack.pop()
            for child in token.children:
                if len(keep) >= MAX_NP_TOKENS:
                    break
                if child.dep_ == "prep" and not any_prep and child.lower_ not in SPEAKER_PREPS:
                    continue
                # A finite verb is never part of a name ("shouted firefighter Dan Wu").
                if child.tag_ in FINITE_VERB_TAGS:
                    continue
                if child.dep_ in NP_KEEP_DEPS and not self.quoted[child.i]:
                    keep.append(child)
                    stack.append(child)
        keep.sort(key=lambda t: t.i)
        # Keep one contiguous stretch through the head: a parse may hang far tokens on it.
        lo = hi = next(k for k, t in enumerate(keep) if t.i == head.i)
        while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
            lo -= 1
        while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
            hi += 1
        stretch = self._whole_trailing_name(head, keep[lo : hi + 1])
        while stretch and stretch[-1].dep_ in ("punct", "cc", "case") and stretch[-1].i != head.i:
            stretch.pop()
        while stretch and stretch[0].is_punct:
            stretch.pop(0)
        return stretch

    def _name_run(self, head: Token) -> list[Token]:
        """The proper-name words ending at the head ("Maria Zakharova" in "... spokeswoman Maria
        Zakharova"), empty when the head is not a name."""
        if not self._is_name_word(head):
            return []
        run = [head]
        i = head.i - 1
        while (
            i >= 0
            and len(run) < MAX_NAME_TOKENS
            and (self._is_name_word(self.doc[i]) or self._is_name_hyphen(i))
            and self.doc[i].head.i in (head.i, i + 1, run[-1].i)
        ):
            run.insert(0, self.doc[i])
            i -= 1
        return run

    def _speaker_name_run(self, head: Token) -> list[Token]:
        """ROLE_WORD_IS_NOT_A_NAME: the name run of a speaker, empty when it is a lone role
        word written capitalised ("Chief said", "The MP’s statement", "Head told reporters"),
        which is read as the role it is; a role word that is somebody's known name stays."""
        run = self._name_run(head)
        if (
            len(run) == 1
            and run[0].lower_.rstrip(".") in ROLE_WORDS
            and run[0].ent_type_ != PERSON
            and not self.is_known_name(run[0].text)
        ):
            return []
        return run

    def _is_name_hyphen(self, i: int) -> bool:
        """The hyphen of a double-barrelled name ("Barra-Lyons"), glued to both neighbours."""
        token = self.doc[i]
        return (
            token.text in ("-", "‐")
            and i > 0
            and not token.whitespace_
            and not self.doc[i - 1].whitespace_
            and self._is_name_word(self.doc[i - 1])
        )

    def _is_name_word(self, token: Token) -> bool:
        if token.ent_type_ == PERSON:
            return True
        return token.pos_ == "PROPN" and token.text[:1].isupper()

    def _appositive(self, head: Token) -> Token | None:
        for child in head.children:
            if child.dep_ == "appos" and not self.quoted[child.i]:
                return child
        return None

    def _phrase(self, tokens: list[Token]) -> str:
        if not tokens:
            return ""
        return self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]

    def _description(self, tokens: list[Token]) -> str | None:
        # "Ms." or "Dr." alone says nothing about the person's role.
        tokens = [t for t in tokens if t.lower_.rstrip(".") not in HONORIFICS]
        while tokens and (tokens[0].dep_ in ("det", "predet") or tokens[0].is_punct):
            tokens = tokens[1:]
        text = _tidy(self._phrase(tokens))
        return text if any(ch.isalpha() for ch in text) else None

    def _appositive_description(self, head: Token) -> str | None:
        appos = self._appositive(head)
        if appos is None or self._name_run(appos):
            return None
        return self._description(self._np_tokens(appos, any_prep=True))

    # ---- the public entry point ----

    def from_subject(self, head: Token) -> Speaker | None:
        """The speaker named by the subject `head` of a reporting verb."""
        if self.in_speakers_voice(head):
            return None
        lower = head.text.lower()
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
            return self._from_pronoun(head)
        name_run = self._speaker_name_run(head)
        if name_run:
            return self._from_name(head, name_run)
        speaker = self._from_unnamed_subject(head)
        if self._name_run(head):
            return _prefixed(ROLE_WORD_IS_NOT_A_NAME, speaker)
        return speaker

    def _from_unnamed_subject(self, head: Token) -> Speaker | None:
        appos = self._appositive(head)
        if appos is not None and self._name_run(appos):
            named = self._from_name(appos, self._name_run(appos))
            role = self._description(self._np_tokens(head, any_prep=True))
            return Speaker(
                named.name,
                named.type,
                role or named.description,
                named.mention,
                (APPOSITIVE_NAME, *named.rules),
            )
        return self._from_common_noun(head)

    def in_speakers_voice(self, head: Token) -> bool:
        """SPEAKERS_OWN_WORDS: "my children", "our team", "your family" belong to somebody's
        own words, where a quote mark was lost or never closed: not a speaker when the
        paragraph opens with a quote mark that closes nowhere, or its sentence says "I",
        "me", "we" or "us" outside any quote. (A club's own "our captain said" has neither.)"""
        owners = [c for c in head.children if c.dep_ in ("poss", "det")]
        if not any(c.lower_ in FIRST_PERSON_OWNERS for c in owners):
            return False
        para = self.text.rfind("\n", 0, head.idx) + 1
        first = head.i
        while first > 0 and head.doc[first - 1].idx >= para:
            first -= 1
        if self.text[para] in OPENING_MARKS and not self.quoted[first]:
            return True  # a mark that opens the paragraph and closes nowhere
        return any(
            t.lower_ in FIRST_PERSON_PRONOUNS and not self.quoted[t.i] and t.i != head.i
            for t in head.sent
        )

    def _from_pronoun(self, head: Token) -> Speaker | None:
        lower = head.text.lower()
        if lower in PERSON_PRONOUNS:
            name = self._person_before(head.idx)
            if name is None:
                earlier = self._last_speaker((PERSON,))
                if earlier is None:
                    return None
                return Speaker(
                    earlier.name, PERSON, earlier.description, head.text, (PERSON_PRONOUN,)
                )
            described = self._known_description(name)
            return Speaker(name, PERSON, described, head.text, (PERSON_PRONOUN,))
        if lower in THING_PRONOUNS:
            named = self._organisation_before(head)
            if named is not None:
                rules = (IT_IS_THE_ORGANISATION,)
                return Speaker(named.name, ORG, named.description, head.text, rules)
            earlier, rule = self.last_issuer, IT_IS_THE_LAST_ISSUER
        elif lower in GROUP_PRONOUNS:
            earlier, rule = self._last_speaker((ORG, ANONYMOUS)), GROUP_PRONOUN
        else:
            return None
        if earlier is None:
            return None
        return Speaker(earlier.name, earlier.type, earlier.description, head.text, (rule,))

    def _organisation_before(self, pronoun: Token) -> Speaker | None:
        """What an "it said" points to when an organisation was the subject of a clause
        since the last organisation spoke ("Corvana will close the plant, which it said
        had ..."): a subject the model tags ORG, read as a speaker would be."""
        last_spoken = self.org_speakers[-1] if self.org_speakers else -1
        doc = self.doc
        for i in range(pronoun.i - 1, max(-1, pronoun.i - ORG_LOOKBACK), -1):
            token = doc[i]
            if token.idx <= last_spoken:
                return None
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and (token.ent_type_ == ORG or token.lemma_.lower() in INSTITUTION_NOUNS)
                and not self.quoted[i]
                and token.lower_ not in THING_PRONOUNS
            ):
                found = self.from_subject(token)
                return found if found is not None and found.type == ORG else None
        return None

    def _known_description(self, name: str) -> str | None:
        return self.descriptions.get(name)

    def _from_name(self, head: Token, run: list[Token]) -> Speaker:
        np_tokens = self._np_tokens(head)
        titles, name_tokens = split_title(run)
        before = [t for t in np_tokens if t.i < run[0].i] + titles
        words = [t.text for t in name_tokens]
        mention = self._phrase(name_tokens)
        description = self._description(before) or self._appositive_description(head)
        if self._is_org_name(run, words):
            return Speaker(_strip_the(mention), ORG, description, mention, (NAMED_ORGANISATION,))
        name = self.full_name(name_tokens)
        rules = (NAMED_PERSON,) if name == mention else (FULLEST_NAME,)
        return Speaker(name, PERSON, description or self._known_description(name), mention, rules)

    def _is_org_name(self, run: list[Token], words: list[str]) -> bool:
        if any(self.is_known_name(w) for w in words) or any(t.ent_type_ == PERSON for t in run):
            return False
        if any(t.ent_type_ in (ORG, "GPE", "NORP") for t in run):
            return True
        return _looks_like_org_name(words)

    def _from_common_noun(self, head: Token) -> Speaker | None:
        np_tokens = self._np_tokens(head)
        if not np_tokens:
            return None
        is_document = head.lemma_.lower() in DOCUMENT_NOUNS
        owner, owner_rule = self._owner(head), OWNER_SPEAKS
        if owner is None and is_document:
            owner, owner_rule = self._issuer(head), STATEMENT_ISSUER
        if owner is not None:
            issued = self.from_subject(owner)
            if is_document and issued is not None:
                self.last_issuer = issued
            return _prefixed(owner_rule, issued)
        mention = self._phrase(np_tokens)
        first = np_tokens[0].text.lower()
        role = head.lemma_.lower()
        if first in ("the", "this", "that") and (head.tag_ == "NN" or role in ROLE_WORDS):
            earlier = self._earlier_role_mention(role, np_tokens[0].i) or self._earlier_with_role(
                role
            )
            if earlier is not None:
                rules = (ROLE_WORD, *earlier.rules)
                return Speaker(earlier.name, earlier.type, earlier.description, mention, rules)
        kind, rule = (
            (ORG, INSTITUTION_NOUN) if role in INSTITUTION_NOUNS else (ANONYMOUS, ANONYMOUS_SOURCE)
        )
        return Speaker(self._anonymous_name(head, np_tokens), kind, None, mention, (rule,))

    def _owner(self, head: Token) -> Token | None:
        """OWNER_SPEAKS: "Singh's refusal", "the minister's reply": a thing somebody owns
        is not a speaker, its owner is. A person ("Ruiz's lawyer", "his wife") or an
        institution ("the governor's office") owned by someone still speaks for itself."""
        lemma = head.lemma_.lower()
        if lemma in PERSON_ROLES or lemma in KIN_NOUNS or lemma in INSTITUTION_NOUNS:
            return None
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ != "PRON" and not self.quoted[child.i]:
                return child
        return None

    def _issuer(self, document: Token) -> Token | None:
        """Who issued a statement: "Smith's statement", "a statement from the ministry"."""
        for child in document.children:
            if self.quoted[child.i]:
                continue
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return child
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return None

    def _earlier_role_mention(self, role: str, before: int) -> Speaker | None:
        """ "the official said" after "One of the U.S. officials said": the same source."""
        for i in range(before - 1, max(-1, before - ROLE_LOOKBACK), -1):
            token = self.doc[i]
            if self.quoted[i] or token.lemma_.lower() != role:
                continue
            head = token
            if token.dep_ == "compound" and self._is_name_word(token.head):
                head = token.head
            elif (
                token.dep_ == "pobj"
                and token.head.lower_ == "of"
                and token.head.head.lower_ in QUANTIFIERS
            ):
                head = token.head.head
            if head.i == token.i and token.dep_ not in ("nsubj", "nsubjpass", "pobj", "appos"):
                continue
            holder = self._role_holder(token)
            if holder is not None:
                return holder
            if self._speaker_name_run(head):
                return self._from_name(head, self._speaker_name_run(head))
            np_tokens = self._np_tokens(head)
            name = self._anonymous_name(head, np_tokens)
            return Speaker(name, ANONYMOUS, None, self._phrase(np_tokens), (ANONYMOUS_SOURCE,))
        return None

    def _role_holder(self, role: Token) -> Speaker | None:
        """ROLE_TAKEN_AS: "Lena Park served as mayor", "Dana Osei resigned as MP for
        Eastfield": the role after "as" is the named subject's, so "the mayor" later is her."""
        prep = role.head
        if role.dep_ != "pobj" or prep.lower_ != "as" or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        for child in prep.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not self.quoted[child.i]:
                run = self._speaker_name_run(child)
                return _prefixed(ROLE_TAKEN_AS, self._from_name(child, run)) if run else None
        return None

    def _anonymous_name(self, head: Token, np_tokens: list[Token]) -> str:
        """A short description: "a U.S. official" -> "U.S. official"; "one of the officials"
        -> "official" with its modifiers, singular."""
        if head.lower_ in QUANTIFIERS:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        inner = self._np_tokens(objects[0])
                        words = [t for t in inner if t.dep_ not in ("det", "predet")]
                        if head.lower_ == "one":
                            return _tidy(
                                " ".join(
                                    _singular(t) if t.i == objects[0].i else t.text for t in words
                                )
                            )
                        return _tidy(self._phrase(words))
        words = [
            t
            for t in np_tokens
            if t.dep_ not in ("det", "predet") and not (t.dep_ == "nummod" and t.lower_ == "one")
        ]
        name = _tidy(self._phrase(words)) or head.text
        if (
            words
            and not words[0].text.isupper()
            and (words[0].pos_ != "PROPN" or words[0].lower_ in ROLE_WORDS)
        ):
            # "Police said" at a sentence start is still just "police".
            name = name[:1].lower() + name[1:]
        return name
