"""Direct quotations in a news article and who said them.

The work runs in three passes, each linear in the article's length:

1. `find_pieces` pairs quotation marks paragraph by paragraph (curly, straight and
   guillemets; single quotes only outside double ones). An unclosed mark is kept
   only when the next paragraph opens with a mark, the way a quote running over
   several paragraphs is written; otherwise it is dropped and never swallows text.
2. Each piece looks for its reporting clause: first up the dependency tree from the
   quoted words ("Putin described them as "..." "), then in the words of its own
   sentence outside any quote ("..., he said." / "X said: "...").
3. Pieces of one quote split by its attribution are joined; an unattributed full
   quote right after a quote or reported statement continues that speaker; quoted
   terms nobody is said to utter (scare quotes, titles, nicknames) are dropped.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from .doc_facts import facts, facts_scope
from .lexicon.people import PERSON_ROLES
from .speakers import Speaker, SpeakerResolver

__all__ = ["Quote", "QuoteSpan", "Speaker", "extract_quotes"]

FULL = "full"
PARTIAL = "partial"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that report speech or writing, by lemma.
REPORTING_VERBS = _words("""
    say tell add write state announce note explain declare claim insist warn argue ask
    reply respond answer continue remark comment recall acknowledge admit confirm deny
    report tweet post testify urge vow promise predict suggest assert maintain stress
    emphasize emphasise observe quip joke shout yell scream whisper mutter exclaim concede
    conclude complain lament boast pledge caution counter retort inform recount reiterate
    contend allege agree mention point read speak announce proclaim reveal disclose add
""")
# Verbs that put a quoted label on something: a cue only with someone doing it
# ("Putin called it "..." "), a mere name otherwise ("a policy called "..." ").
CHARACTERIZING_VERBS = _words("""
    describe call dub label term brand characterize characterise hail denounce condemn
    dismiss refer accuse blame criticize criticise slam blast praise decry
""")
NAMING_VERBS = frozenset(
    {
        "call",
        "dub",
        "name",
        "title",
        "entitle",
        "label",
        "term",
        "know",
        "nickname",
        "brand",
        "bill",
        "style",
        "christen",
    }
)
QUOTING_VERBS = frozenset({"quote", "cite"})
# Verbs whose object is the listener ("told reporters"), not what was said.
LISTENER_VERBS = frozenset({"tell", "inform", "ask", "assure", "remind", "warn", "urge", "answer"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
MARKS = re.compile("[\"“”„«»‘’‹›']")
PARAGRAPHS = re.compile(r"[^\n]+")
OPENING_CONTEXT = "([{—–-/\n"
CLOSING_CONTEXT = ".,;:!?)]}—–-…"
SENTENCE_END = frozenset({".", "?", "!", "…"})
TRAILING_PUNCT = ",.;:"
# What may stand before a quote that is its own sentence: a paragraph start, the end of a
# sentence or of another quote, or the colon/comma of "X said: " and "X said, ".
SENTENCE_OPENERS = "\n.?!:,—–…\"'" + CLOSE_DOUBLE + CLOSE_SINGLE
# Small words left lower-case in titles ("Lord of the Rings").
TITLE_SMALL_WORDS = _words("""
    a an the of in on at to for and or but nor with by from as vs via de la le del von van
""")

MAX_ANCESTOR_HOPS = 12
MAX_CONTEXT_TOKENS = 60
MAX_SPLIT_GAP_TOKENS = 25
MIN_UNATTRIBUTED_WORDS = 3
MAX_REPORT_LOOKBACK = 80
MAX_NAME_SPAN = 8
NOMINAL_TAGS = ("NOUN", "PROPN")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One contiguous piece of a quote inside its marks; `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its words (pieces split by the attribution joined with one space),
    `full` or `partial`, who said it (None when nobody is said to) and the cue used."""

    text: str
    kind: str
    speaker: Speaker | None
    cue: str | None  # "said", "told", "according to"...; None when carried over
    start: int  # start of the first piece
    end: int  # end of the last piece
    spans: tuple[QuoteSpan, ...]


@dataclass(slots=True)
class _Piece:
    """One contiguous run of quoted words, with the marks around it."""

    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it runs to paragraph end
    start: int  # the quoted words, trimmed
    end: int
    paragraph: int
    first_token: int = 0  # token range of the piece including its marks
    end_token: int = 0


@dataclass(slots=True)
class _Attribution:
    cue: Token | None
    cue_text: str | None
    speaker: Speaker | None


# ---------------------------------------------------------------- marks


def _is_opening_context(text: str, i: int, para_start: int) -> bool:
    return i == para_start or text[i - 1].isspace() or text[i - 1] in OPENING_CONTEXT


def _is_closing_context(text: str, i: int, para_end: int) -> bool:
    return i + 1 >= para_end or text[i + 1].isspace() or text[i + 1] in CLOSING_CONTEXT


def _double_role(text: str, i: int, start: int, end: int, is_open: bool) -> str:
    """'open' or 'close' for a double mark, trusting context over a misused glyph."""
    mark = text[i]
    opening = _is_opening_context(text, i, start)
    closing = _is_closing_context(text, i, end)
    if mark in OPEN_DOUBLE:
        return "close" if is_open and closing and not opening else "open"
    if mark in CLOSE_DOUBLE:
        return "open" if not is_open and opening and not closing else "close"
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "close" if is_open else "open"


def _single_role(text: str, i: int, start: int, end: int) -> str | None:
    """'open', 'close' or None (an apostrophe) for a single mark."""
    mark = text[i]
    after = text[i + 1] if i + 1 < end else " "
    if mark in OPEN_SINGLE or mark == "'":
        if _is_opening_context(text, i, start) and after.isalpha():
            return "open"
        if mark in OPEN_SINGLE:
            return None
    if (mark in CLOSE_SINGLE or mark == "'") and i > start and not text[i - 1].isspace():
        if after.isalnum() or _is_plural_possessive(text, i, end):
            return None
        return "close"
    return None


def _is_plural_possessive(text: str, i: int, end: int) -> bool:
    """ "the kids’ rooms": an s, the mark, then a lower-case word."""
    return (
        text[i - 1] in "sS"
        and i + 2 < end
        and text[i + 1] == " "
        and text[i + 2].isalpha()
        and text[i + 2].islower()
    )


def _pair_double(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed double-mark pairs in one paragraph, and an opening left unclosed at its end."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in MARKS.finditer(text, start, end):
        i = match.start()
        if text[i] not in OPEN_DOUBLE + CLOSE_DOUBLE + '"':
            continue
        role = _double_role(text, i, start, end, open_at is not None)
        if role == "open":
            open_at = i  # an earlier unclosed mark is abandoned, not extended
        elif open_at is not None:
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _pair_single(
    text: str, start: int, end: int, skip: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Single-mark pairs in one paragraph outside the double-quoted stretches `skip`."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    # A mark after an s that looks like a plural possessive ("the kids’ rooms") but may
    # close the open quote ("‘a tragedy beyond words’ in a post"): it does if nothing
    # else closes the quote before the paragraph ends.
    possessive_at: int | None = None
    k = 0
    for match in MARKS.finditer(text, start, end):
        i = match.start()
        if text[i] not in OPEN_SINGLE + CLOSE_SINGLE + "'":
            continue
        while k < len(skip) and skip[k][1] < i:
            k += 1
        if k < len(skip) and skip[k][0] <= i <= skip[k][1]:
            continue
        role = _single_role(text, i, start, end)
        if role == "open":
            open_at, possessive_at = i, None
        elif role == "close" and open_at is not None:
            pairs.append((open_at, i))
            open_at, possessive_at = None, None
        elif (
            role is None
            and open_at is not None
            and possessive_at is None
            and _may_close_as_possessive(text, i, start, end)
        ):
            # The first such mark: quoted phrases are short, later possessives are
            # more likely the reporter's own words than the speaker's.
            possessive_at = i
    if open_at is not None and possessive_at is not None:
        pairs.append((open_at, possessive_at))
    return pairs


def _may_close_as_possessive(text: str, i: int, start: int, end: int) -> bool:
    return (
        text[i] in CLOSE_SINGLE + "'"
        and i > start
        and not text[i - 1].isspace()
        and _is_plural_possessive(text, i, end)
    )


def _drop_nested(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for pair in sorted(pairs):
        if kept and pair[1] <= kept[-1][1]:
            continue
        kept.append(pair)
    return kept


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without surrounding blanks or the comma/period before the mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in TRAILING_PUNCT:
        end -= 0 if _ends_with_abbreviation(text, start, end) else 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    # "U.S." and "..." keep their final period.
    return text[end - 1] == "." and end - start >= 3 and text[end - 3] == "."


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    return start < end and (text[start] in OPEN_DOUBLE or text[start] == '"')


def _opens_sentence(text: str, mark: int, para_start: int) -> bool:
    """Does the quote opening at `mark` begin a sentence of its own? Only such quotes run on
    over paragraphs; an unclosed mark mid-sentence is a typo."""
    first = next((ch for ch in text[mark + 1 : mark + 40] if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    i = mark - 1
    while i >= para_start and text[i] in " \t":
        i -= 1
    return i < para_start or text[i] in SENTENCE_OPENERS


def find_pieces(text: str) -> list[_Piece]:
    """Every run of quoted words in the text, in order."""
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPHS.finditer(text)]
    pieces: list[_Piece] = []
    for index, (start, end) in enumerate(paragraphs):
        doubles, dangling = _pair_double(text, start, end)
        next_opens = index + 1 < len(paragraphs) and _opens_paragraph(text, *paragraphs[index + 1])
        runs_on = dangling is not None and next_opens and _opens_sentence(text, dangling, start)
        inside = doubles + [(dangling, end)] if runs_on else doubles
        pairs = _drop_nested(doubles + _pair_single(text, start, end, inside))
        runs: list[tuple[int, int | None]] = list(pairs)
        if runs_on:
            runs.append((dangling, None))
        for open_at, close_at in runs:
            inner_start, inner_end = _trim(text, open_at + 1, end if close_at is None else close_at)
            if _has_words(text, inner_start, inner_end):
                pieces.append(_Piece(open_at, close_at, inner_start, inner_end, index))
    return pieces


# ---------------------------------------------------------------- the document view


class _Article:
    """The Doc with per-token facts the attribution passes share."""

    def __init__(
        self, doc: Doc, text: str, pieces: list[_Piece], people: Sequence[tuple[int, int]] = ()
    ):
        self.doc = doc
        self.text = text
        self.pieces = pieces
        self.token_starts = [t.idx for t in facts(doc).tokens]
        self.quoted = [False] * len(doc)
        self.piece_of = [-1] * len(doc)
        for number, piece in enumerate(pieces):
            mark_end = piece.end if piece.close_at is None else piece.close_at + 1
            piece.first_token = self.token_at(piece.open_at)
            piece.end_token = max(piece.first_token + 1, self.token_after(mark_end))
            for i in range(piece.first_token, piece.end_token):
                self.quoted[i] = True
                self.piece_of[i] = number
        self.paragraph_starts = [m.start() for m in PARAGRAPHS.finditer(self.text)]
        self.speakers = SpeakerResolver(doc, self.quoted, people)
        self.memo: dict[tuple[str, int], Any] = {}

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.token_starts, char) - 1)

    def token_after(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        return bisect_left(self.token_starts, char)

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding `char`, numbered as `find_pieces` numbers them."""
        return bisect_right(self.paragraph_starts, char) - 1

    def words_tokens(self, piece: _Piece) -> range:
        return range(self.token_after(piece.start), self.token_after(piece.end))


# ---------------------------------------------------------------- cues


def _per_token(fn: Callable[[Token, _Article], Any]) -> Callable[[Token, _Article], Any]:
    """Work out a fact about a token once per article: a verb many quotes hang from (or a
    hostile sentence with thousands of quotes) must not have its children re-read each time."""

    @functools.wraps(fn)
    def cached(token: Token, article: _Article) -> Any:
        key = (fn.__name__, token.i)
        if key not in article.memo:
            article.memo[key] = fn(token, article)
        return article.memo[key]

    return cached


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subject(verb: Token, article: _Article) -> Token | None:
    """The verb's subject. The parser sometimes makes the quotation, or a dateline
    ("LONDON (Reuters) -"), a second subject: the speaker is the unquoted one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not article.quoted[c.i]]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


@_per_token
def _is_naming(verb: Token, article: _Article) -> bool:
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


def _speaker_head(verb: Token, article: _Article) -> Token | None:
    """Who performs the reporting verb: its subject, or the subject it shares with the verb
    it hangs from ("..., he said, adding that ..."); for "X was quoted as saying", X."""
    current = verb
    for _ in range(4):
        if current.lemma_.lower() in QUOTING_VERBS:
            # "TASS quoted Peskov as saying", "Peskov was quoted as saying": Peskov.
            quoted = [c for c in current.children if c.dep_ in ("dobj", "nsubjpass")]
            if quoted:
                return quoted[0]
        subject = _subject(current, article)
        if subject is not None:
            return subject
        if current.i == verb.i and _follows_quote(verb, article):
            return _inverted_subject(verb)
        if current.i == verb.i and _is_misread_as_modifier(verb):
            return verb.head
        if current.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "pobj", "prep"):
            return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _is_misread_as_modifier(verb: Token) -> bool:
    """ "Tom Reyes posted on X: ...", "The mayor, Tom Reyes, posted ...": the parser
    reads "posted" as a participle on the name ("a video posted on X"). After a name or
    a role noun, with no auxiliary or agent of its own, it is that person's report."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.head.i > verb.i:
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head
    return head.pos_ == "PROPN" or head.lower_ in PERSON_ROLES


def _follows_quote(verb: Token, article: _Article) -> bool:
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


@_per_token
def _is_reporting(token: Token, article: _Article) -> bool:
    if article.quoted[token.i] or token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in QUOTING_VERBS:
        return True
    if lemma not in REPORTING_VERBS:
        return False
    # "were told by neighbours" names the listener; the report belongs to whoever tells it.
    return not _is_passive(token)


@_per_token
def _attribution_from_verb(verb: Token, article: _Article) -> _Attribution | None:
    head = _speaker_head(verb, article)
    if head is None or article.quoted[head.i]:
        return None
    # A speaker that cannot be resolved ("I think," she said) still marks a quotation.
    return _Attribution(verb, _cue_text(verb), article.speakers.from_subject(head))


@_per_token
def _attribution_from_according(token: Token, article: _Article) -> _Attribution | None:
    source = _according_to(token)
    if source is None or article.quoted[source.i]:
        return None
    speaker = article.speakers.from_subject(source)
    return _Attribution(token, "according to", speaker) if speaker else None


def _ancestor_cue(piece: _Piece, article: _Article) -> _Attribution | None | bool:
    """The reporting verb governing the quoted words in the parse. False means the words are a
    label ("a policy called X") and not a quotation at all; None means nothing found."""
    doc = article.doc
    words = article.words_tokens(piece)
    roots = [i for i in words if not words.start <= doc[i].head.i < words.stop]
    if not roots:
        return None
    verb = doc[roots[0]].head
    for _ in range(MAX_ANCESTOR_HOPS):
        # The parser may run a sentence on into the next paragraph; a verb there reports
        # the next paragraph's words, not these.
        if article.paragraph_of(verb.idx) != piece.paragraph:
            return None
        if not article.quoted[verb.i]:
            lemma = verb.lemma_.lower()
            if _is_naming(verb, article):
                return False
            if lemma in CHARACTERIZING_VERBS and _subject(verb, article) is not None:
                return _attribution_from_verb(verb, article)
            if _is_reporting(verb, article):
                found = _attribution_from_verb(verb, article)
                if found is not None:
                    return found
        # Conditions and time clauses are not what anyone is reported to have said; a bare
        # participle clause is ("said its forces struck a post, killing "up to 60" ...").
        if verb.dep_ == "advcl" and not _is_participle_clause(verb):
            return None
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _is_participle_clause(verb: Token) -> bool:
    """An -ing clause with no conjunction or subject of its own: ", killing 60 people"."""
    return verb.tag_ == "VBG" and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") and c.i < verb.i for c in verb.children
    )


# ---------------------------------------------------------------- the quote's own sentence


def _is_boundary(token: Token, article: _Article, paragraph: int) -> bool:
    if token.is_space and "\n" in token.text:
        return True
    if article.paragraph_of(token.idx) != paragraph:
        return True
    return not article.quoted[token.i] and token.text in SENTENCE_END


def _ends_sentence_inside(piece: _Piece, article: _Article) -> bool:
    text = article.text
    i = (piece.end if piece.close_at is None else piece.close_at) - 1
    while i > piece.start and text[i].isspace():
        i -= 1
    return text[i] in ".…"


def _left_context(piece: _Piece, article: _Article) -> list[Token]:
    """Tokens of the quote's sentence before it, outside any quote, nearest first."""
    doc, found = article.doc, []
    i = piece.first_token - 1
    for _ in range(2 * MAX_CONTEXT_TOKENS):
        if i < 0 or len(found) >= MAX_CONTEXT_TOKENS:
            break
        token = doc[i]
        if _is_boundary(token, article, piece.paragraph):
            break
        if article.quoted[token.i]:
            other = article.pieces[article.piece_of[i]]
            if _ends_sentence_inside(other, article):
                break
            i = other.first_token - 1
            continue
        found.append(token)
        i -= 1
    return found


def _right_context(piece: _Piece, article: _Article) -> list[Token]:
    """Tokens of the quote's sentence after it, outside any quote, nearest first."""
    doc, found = article.doc, []
    i = piece.end_token
    if piece.close_at is None:
        return found
    if _ends_sentence_inside(piece, article) and not _lowercase_follows(i, article):
        return found
    while i < len(doc) and len(found) < MAX_CONTEXT_TOKENS:
        token = doc[i]
        if _is_boundary(token, article, piece.paragraph) or article.quoted[i]:
            break
        found.append(token)
        i += 1
    return found


def _lowercase_follows(i: int, article: _Article) -> bool:
    doc = article.doc
    return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].islower()


@_per_token
def _is_parenthetical(verb: Token, article: _Article) -> bool:
    """A reporting clause that reports the words around it: "police said", "he told
    reporters", "..., she wrote on X" -- finite, and not followed by content of its own
    (a sentence-final "X said" governs the clause before it, which is fine)."""
    if verb.tag_ not in FINITE_TAGS and not _is_misread_as_modifier(verb):
        return False
    if _follows_quote(verb, article):
        return True
    for child in verb.children:
        if article.quoted[child.i] or child.i < verb.i:
            continue
        if child.dep_ in ("ccomp", "xcomp", "csubj"):
            return False
        if child.dep_ == "dobj" and verb.lemma_.lower() not in LISTENER_VERBS:
            return False
    return True


def _context_cue(tokens: list[Token], article: _Article) -> _Attribution | None:
    for token in tokens:
        if token.lower_ == "according":
            found = _attribution_from_according(token, article)
        elif _is_reporting(token, article) and _is_parenthetical(token, article):
            found = _attribution_from_verb(token, article)
        else:
            continue
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------- kinds and labels


def _kind(piece: _Piece, article: _Article) -> str:
    """Full when the quote stands as its own sentence(s); partial inside the reporter's."""
    text = article.text
    if piece.close_at is None:
        return FULL
    first = next((ch for ch in text[piece.start : piece.end] if ch.isalnum() or ch in "(["), "")
    if not (first.isupper() or first.isdigit() or first in "(["):
        return PARTIAL
    i = piece.open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in SENTENCE_OPENERS:
        return FULL
    return PARTIAL


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text)]
    if not words or len(words) > 10:
        return False
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _is_label(piece: _Piece, article: _Article) -> bool:
    """A name, title or nickname in quotes rather than somebody's words."""
    text = article.text
    before = text[max(0, piece.open_at - 12) : piece.open_at].lower()
    if before.rstrip().endswith("so-called"):
        return True
    return _is_title_case(text[piece.start : piece.end])


# ---------------------------------------------------------------- assembling quotes


@dataclass(slots=True)
class _Draft:
    pieces: list[_Piece]
    kind: str
    attribution: _Attribution | None


def _attribute(piece: _Piece, article: _Article) -> _Attribution | None | bool:
    """The piece's own attribution: from the parse, else a reporting clause next to it.
    False when the quoted words are a label."""
    ancestor = _ancestor_cue(piece, article)
    if ancestor is not None:
        return ancestor
    right, left = _right_context(piece, article), _left_context(piece, article)
    return _context_cue(right, article) or _context_cue(left, article)


def _same_clause(
    previous: _Draft, piece: _Piece, attribution: _Attribution | None, article: _Article
) -> bool:
    """Is `piece` the second half of a quote split by its attribution ("A," he said. "B")?"""
    last = previous.pieces[-1]
    if previous.kind != FULL or last.close_at is None or last.paragraph != piece.paragraph:
        return False
    cue = previous.attribution.cue if previous.attribution else None
    if cue is None or not last.end_token <= cue.i < piece.first_token:
        return False
    if piece.first_token - last.end_token > MAX_SPLIT_GAP_TOKENS:
        return False
    return attribution is None or (attribution.cue is not None and attribution.cue.i == cue.i)


def _drafts(article: _Article) -> list[_Draft]:
    drafts: list[_Draft] = []
    for piece in article.pieces:
        kind = _kind(piece, article)
        found = _attribute(piece, article)
        if found is False:
            continue
        attribution = found if isinstance(found, _Attribution) else None
        if drafts and _same_clause(drafts[-1], piece, attribution, article):
            drafts[-1].pieces.append(piece)
            continue
        if attribution is not None:
            at = attribution.cue.idx if attribution.cue is not None else piece.start
            article.speakers.remember(attribution.speaker, at)
        drafts.append(_Draft([piece], kind, attribution))
    return drafts


def _carry_speakers(drafts: list[_Draft], article: _Article) -> None:
    """Give an unattributed full quote the speaker of the latest report before it in the same
    or previous paragraph: a quote, or a sentence like "X said the team was tired." """
    for i, draft in enumerate(drafts):
        if (draft.attribution and draft.attribution.speaker) or draft.kind != FULL:
            continue
        cue, cue_text = (
            (draft.attribution.cue, draft.attribution.cue_text)
            if draft.attribution
            else (None, None)
        )
        first = draft.pieces[0]
        candidates = []
        if i > 0:
            before = drafts[i - 1]
            if before.attribution and first.paragraph - before.pieces[-1].paragraph <= 1:
                candidates.append((before.pieces[-1].end, before.attribution.speaker))
        reported = _reported_before(first, article)
        if reported is not None and reported.cue is not None:
            candidates.append((reported.cue.idx, reported.speaker))
        candidates = [c for c in candidates if c[1] is not None]
        if candidates:
            speaker = max(candidates, key=lambda c: c[0])[1]
            draft.attribution = _Attribution(cue, cue_text, speaker)


def _reported_before(piece: _Piece, article: _Article) -> _Attribution | None:
    """The latest reporting clause with a speaker before `piece`, in its paragraph or the
    one before."""
    doc = article.doc
    lowest = piece.first_token - MAX_REPORT_LOOKBACK
    for i in range(piece.first_token - 1, max(-1, lowest), -1):
        token = doc[i]
        if article.paragraph_of(token.idx) < piece.paragraph - 1:
            break
        if _is_reporting(token, article):
            found = _attribution_from_verb(token, article)
            if found is not None:
                return found
    return None


def _carry_backwards(drafts: list[_Draft]) -> None:
    """A quote running over paragraphs may be attributed only in its last paragraph: the
    earlier paragraphs (left open) take that speaker."""
    for i in range(len(drafts) - 2, -1, -1):
        draft, after = drafts[i], drafts[i + 1]
        if (
            draft.attribution is None
            and draft.kind == FULL
            and draft.pieces[-1].close_at is None
            and after.attribution is not None
            and after.attribution.speaker is not None
        ):
            draft.attribution = _Attribution(None, None, after.attribution.speaker)


def _keeps(draft: _Draft, article: _Article) -> bool:
    """Partial quotes need somebody saying them; unattributed full ones enough words to be
    a statement rather than a stray quoted word."""
    if draft.kind == PARTIAL:
        return draft.attribution is not None and not _is_label(draft.pieces[0], article)
    if draft.attribution is not None:
        return True
    piece = draft.pieces[0]
    return len(article.text[piece.start : piece.end].split()) >= MIN_UNATTRIBUTED_WORDS


def _to_quote(draft: _Draft, text: str) -> Quote:
    spans = tuple(QuoteSpan(p.start, p.end, text[p.start : p.end]) for p in draft.pieces)
    attribution = draft.attribution
    return Quote(
        text=" ".join(span.text for span in spans),
        kind=draft.kind,
        speaker=attribution.speaker if attribution else None,
        cue=attribution.cue_text if attribution else None,
        start=spans[0].start,
        end=spans[-1].end,
        spans=spans,
    )


def extract_quotes(doc: Doc, *, people: Sequence[tuple[int, int]] = ()) -> list[Quote]:
    """Direct quotations in `doc`, in text order, each with its speaker and cue.

    `people` are character spans the entity extractor typed PERSON; they name
    speakers the small NER model mislabels ("Chancellor Olaf Scholz" as ORG).
    """
    with facts_scope(doc) as shared:
        text = shared.text
        pieces = find_pieces(text)
        if not pieces:
            return []
        article = _Article(doc, text, pieces, people)
        drafts = _drafts(article)
        _carry_backwards(drafts)
        _carry_speakers(drafts, article)
        return [_to_quote(d, text) for d in drafts if _keeps(d, article)]
