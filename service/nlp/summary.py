"""Extractive summary: score every body sentence once, pick the best few without repeats.

How sentences are counted (the `index` of a SummarySentence): spaCy's sentences,
split again at paragraph breaks (a sentence never spans a blank line), trimmed of
surrounding whitespace, with quote marks or punctuation that spaCy left dangling
at a paragraph end kept with the sentence they close, and whitespace-only pieces
dropped. Non-body lines (bylines, photo captions and credits, datelines, very
short fragments, "Read more" boilerplate) keep their place in that count but are
never scored or returned.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .doc_facts import facts

SUMMARY_METHOD = "lead-facts-v2"

MIN_SENTENCES = 1
MAX_SENTENCES = 10

# MMR looks only at the best candidates: enough to replace redundant picks,
# small enough to keep selection cheap on 200,000-word articles.
_CANDIDATES = 30
_MMR_LAMBDA = 0.7
_DUPLICATE_OVERLAP = 0.6

_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Per-sentence feature weights (they sum to 1, so a score stays within 0..1).
_WEIGHTS = {
    "lead": 0.295,
    "casualty": 0.185,
    "responsibility": 0.145,
    "centrality": 0.09,
    "entities": 0.075,
    "record": 0.08,
    "numbers": 0.045,
    "when": 0.045,
    "attribution": 0.04,
}

_CASUALTY_WORDS = frozenset(
    {
        "kill",
        "killed",
        "die",
        "dead",
        "death",
        "toll",
        "fatality",
        "body",
        "life",
        "victim",
        "casualty",
        "injure",
        "injured",
        "wound",
        "wounded",
        "hurt",
        "injury",
        "hospitalize",
        "hospitalise",
        "miss",
        "missing",
        "trap",
        "unaccounted",
    }
)
_VAGUE_NUMBERS = frozenset(
    {"dozens", "hundreds", "thousands", "scores", "dozen", "hundred", "thousand"}
)
_NUMBER_WINDOW = 12
_OWN_CUE_WITH_FIGURES = 0.5

_RESPONSIBILITY_LEMMAS = frozenset(
    {
        "responsibility",
        "responsible",
        "blame",
        "accuse",
        "perpetrate",
        "mastermind",
        "orchestrate",
    }
)
# Who did it and what became of them: "officers fatally shot the gunman", "suspects detained".
_PERPETRATOR_NOUNS = frozenset(
    {
        "gunman",
        "gunmen",
        "shooter",
        "attacker",
        "assailant",
        "suspect",
        "bomber",
        "perpetrator",
        "terrorist",
        "militant",
        "killer",
        "culprit",
        "hijacker",
        "insurgent",
    }
)
_PERPETRATOR_FATE_LEMMAS = frozenset(
    {
        "arrest",
        "detain",
        "kill",
        "shoot",
        "identify",
        "charge",
        "name",
        "capture",
        "apprehend",
        "surrender",
        "die",
        "custody",
        "convict",
        "sentence",
    }
)
# Being identified or named is a step in the inquiry; dead or in custody is how it ended,
# which is as much the news as a claim of responsibility.
_IDENTIFYING_LEMMAS = frozenset({"identify", "name"})
_ENDING_FATE_LEMMAS = _PERPETRATOR_FATE_LEMMAS - _IDENTIFYING_LEMMAS
_FATE_ENDED = 1.0
_FATE_PENDING = 0.8
# Fates that need no object: "the gunman died", "the suspect surrendered".
_INTRANSITIVE_FATE_LEMMAS = frozenset({"die", "surrender"})
# What a fate verb does to its perpetrator: "shot the gunman", "the suspect was detained".
_FATE_TARGET_DEPS = frozenset({"dobj", "nsubjpass"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "They were arrested" stands for the gunmen the sentence has just named.
# ("the gunman shot himself" is a fate too.)
_PERPETRATOR_PRONOUNS = frozenset(
    {"he", "she", "they", "him", "them", "who", "himself", "herself", "themselves"}
)

# "The deadliest attack in years", "the worst crash in the country's history", "the first
# woman since 1988": how the event ranks among others. The scope word must follow the
# superlative, so "the biggest venue" or "the latest attack" do not count.
_RECORD_WORDS = frozenset({"first"})
_NOT_RECORD_SUPERLATIVES = frozenset({"least", "most", "latest"})
_RECORD_SCOPE_LEMMAS = frozenset(
    {"history", "year", "decade", "generation", "memory", "era", "record", "ever", "since"}
)
_RECORD_WINDOW = 10

_ATTRIBUTION_LEMMAS = frozenset(
    {"say", "tell", "announce", "confirm", "report", "state", "according", "add", "write"}
)

_CONTENT_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_NUMBER_ENTITY_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_WHEN_ENTITY_TYPES = frozenset({"DATE", "TIME"})

# Sentences that lean on the one before them read badly out of context.
_CONTEXT_DEPENDENT_STARTS = frozenset(
    {
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "but",
        "and",
        "also",
        "so",
    }
)

_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"

# Short paragraphs that are page furniture rather than article body.
_BOILERPLATE_START = re.compile(
    r"(?:read more|related|advertisement|sign up|subscribe|follow us|follow \S+ on|click here"
    r"|watch|listen|share this|copyright|all rights reserved)\b|©",
    re.IGNORECASE,
)
_BYLINE_START = re.compile(
    r"(?:write to|reporting by|additional reporting by|editing by|written by|compiled by"
    r"|contact the (?:reporter|author)|email the (?:reporter|author))\b",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"(?:file photo|photo|photograph|image|picture|caption|credit|pictured)s?\s*:",
    re.IGNORECASE,
)
# A credit closes a caption: "…/Reuters", "… via REUTERS", "Photo: AFP", "(AP Photo/Evan Vucci)".
_CREDIT_TAIL = re.compile(
    r"(?:[/|]\s?|\bvia\s|\b(?:photo|photograph|image|picture|credit)s?(?:\sby)?:?\s)"
    r"\s?[A-Z][\w.&' -]{0,60}$"
    r"|\((?:AP|AFP|Reuters|EPA|Getty)[^()\n]{0,80}\)$"
)
_AGENCY_CREDITS = frozenset(
    {
        "reuters",
        "afp",
        "ap",
        "epa",
        "getty",
        "images",
        "shutterstock",
        "alamy",
        "xinhua",
        "anadolu",
        "sipa",
        "pool",
        "handout",
        "bloomberg",
    }
)
# "WASHINGTON (Reuters) - ", "(Reuters) -", "KYIV, Ukraine (AP) — ", "LONDON: ".
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'’ ,-]{0,50}\s)?\((?:Reuters|AP|AFP|UPI|CNN|dpa|Xinhua|Bloomberg"
    r"|The Associated Press)\)\s?[-–—:]+\s*"
    r"|[A-Z][A-Z.'’ -]{1,40}(?:,\s[A-Z][A-Za-z.'’ ]{1,30})?\s?[-–—:]+\s+(?=[A-Z“\"‘'])"
)
_DATELINE_MAX_CHARS = 120
_DATELINE_MIN_REST = 20
_NAME_CONNECTORS = frozenset({"and", "by", "in", "at", "for", "of", "the", "de", "van", "von"})
_FURNITURE_MAX_CHARS = 400
_FRAGMENT_MIN_WORDS = 3
_SHORT_SENTENCE_WORDS = 8
_LONG_SENTENCE_WORDS = 70
_HISTORICAL_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")

_STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "its",
        "their",
        "his",
        "her",
        "after",
        "before",
        "into",
        "over",
        "under",
        "than",
        "who",
        "which",
        "said",
        "says",
        "say",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "not",
        "no",
    }
)


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str  # == doc.text[start:end]
    index: int  # position among the article's sentences (see the module docstring)
    start: int
    end: int
    score: float  # 0..1, rounded to 3 decimals


@dataclass(slots=True)
class ArticleSentence:
    """One sentence of the article as the summary and brief see it (not part of the API)."""

    index: int
    start: int
    end: int
    paragraph_first: bool
    body: bool = True
    tokens: list[Token] = field(default_factory=list)
    ents: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Ranked:
    """A scored sentence and the fact cues it carries, for choosing without repeats."""

    sentence: SummarySentence
    responsibility: float
    readability: float


def rank_sentences(
    doc: Doc, *, figure_offsets: Sequence[tuple[int, int]] = ()
) -> list[SummarySentence]:
    """Every body sentence with its score, in article order."""
    return [r.sentence for r in _rank(doc, figure_offsets)]


def summarize(
    doc: Doc, *, sentences: int = 3, figure_offsets: Sequence[tuple[int, int]] = ()
) -> list[SummarySentence]:
    """The best `sentences` sentences (clamped to 1..10), non-redundant, in article order."""
    wanted = min(MAX_SENTENCES, max(MIN_SENTENCES, sentences))
    chosen = _select_diverse(_candidates(_rank(doc, figure_offsets)), wanted)
    return sorted(chosen, key=lambda s: s.index)


def summaries_by_size(
    doc: Doc, *, figure_offsets: Sequence[tuple[int, int]] = ()
) -> list[list[SummarySentence]]:
    """Every summary size at once: item k-1 equals summarize(doc, sentences=k), k = 1..10.

    Selection is greedy, so the k-sentence summary is the first k picks of the longest.
    """
    picks = _select_diverse(_candidates(_rank(doc, figure_offsets)), MAX_SENTENCES)
    return [
        sorted(picks[:size], key=lambda s: s.index)
        for size in range(MIN_SENTENCES, MAX_SENTENCES + 1)
    ]


def _candidates(ranked: list[_Ranked]) -> list[_Ranked]:
    return sorted(ranked, key=lambda r: (-r.sentence.score, r.sentence.index))[:_CANDIDATES]


def _rank(doc: Doc, figure_offsets: Sequence[tuple[int, int]]) -> list[_Ranked]:
    text = facts(doc).text  # Doc.text joins every token: built once per analysis
    sentences = [s for s in article_sentences(doc) if s.body]
    casualty_hits = _sentences_with_figures(sentences, figure_offsets)
    centrality = _centrality(sentences)
    opens_quoted = _inside_quotes_at(text, [s.start for s in sentences])
    ranked = []
    for position, sentence in enumerate(sentences):
        features = _features(sentence, position)
        features["centrality"] = centrality[position]
        if figure_offsets:
            # The extractor's current figures count fully; a toll it left out (an older
            # event, or one it missed) still counts for something.
            own_cue = _OWN_CUE_WITH_FIGURES * features["casualty"]
            features["casualty"] = 1.0 if sentence.index in casualty_hits else own_cue
        readability = _readability(sentence, starts_quoted=opens_quoted[position])
        ranked.append(
            _Ranked(
                sentence=_public(text, sentence, _weighted(features, readability)),
                responsibility=features["responsibility"],
                readability=readability,
            )
        )
    return ranked


def article_sentences(doc: Doc) -> list[ArticleSentence]:
    """The article's sentences with their tokens and entities, body lines marked.

    Shared within one analysis (summary and brief both read them): do not modify.
    """
    shared = facts(doc)
    return shared.derived("article_sentences", lambda: _article_sentences(doc, shared.text))


def _article_sentences(doc: Doc, text: str) -> list[ArticleSentence]:
    sentence_starts = _spacy_sentence_starts(doc)
    sentences: list[ArticleSentence] = []
    for para_start, para_end in _paragraphs(text):
        first_of_paragraph = len(sentences)
        for start, end in _split_paragraph(text, para_start, para_end, sentence_starts):
            is_first = len(sentences) == first_of_paragraph
            sentences.append(ArticleSentence(len(sentences), start, end, is_first))
        paragraph = sentences[first_of_paragraph:]
        if paragraph and _is_page_furniture(text[para_start:para_end]):
            for sentence in paragraph:
                sentence.body = False
    _attach_tokens(doc, sentences)
    for sentence in sentences:
        if sentence.body and _is_fragment(text[sentence.start : sentence.end], sentence.tokens):
            sentence.body = False
    _drop_trailing_name_lines(text, sentences)
    _skip_dateline(text, sentences)
    return sentences


def _skip_dateline(text: str, sentences: list[ArticleSentence]) -> None:
    """Start the first body sentence after a wire dateline ("KYIV, Ukraine (AP) — ")."""
    first = next((s for s in sentences if s.body), None)
    if first is None:
        return
    match = _DATELINE.match(text, first.start, min(first.end, first.start + _DATELINE_MAX_CHARS))
    if match is None or first.end - match.end() < _DATELINE_MIN_REST:
        return
    first.start = match.end()
    first.tokens = [t for t in first.tokens if t.idx >= first.start]
    first.ents = [e for e in first.ents if e.start_char >= first.start]


def _spacy_sentence_starts(doc: Doc) -> list[int]:
    try:
        return [sent.start_char for sent in doc.sents]
    except ValueError:  # a Doc without a parser or sentencizer: paragraphs only
        return []


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line separated paragraph, whitespace trimmed."""
    spans = []
    position = 0
    for match in _BLANK_LINE.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))[0] < trimmed[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_paragraph(
    text: str, para_start: int, para_end: int, sentence_starts: list[int]
) -> list[tuple[int, int]]:
    """The paragraph cut at spaCy's sentence starts; punctuation-only pieces join a neighbour."""
    first = bisect.bisect_right(sentence_starts, para_start)
    last = bisect.bisect_left(sentence_starts, para_end)
    cuts = [para_start, *sentence_starts[first:last], para_end]
    pieces: list[tuple[int, int]] = []
    pending_start: int | None = None
    for cut_start, cut_end in zip(cuts, cuts[1:], strict=False):
        start, end = _trim(text, cut_start, cut_end)
        if start >= end:
            continue
        if not _has_word_character(text, start, end):
            if pieces:  # a closing quote spaCy gave to the next sentence
                pieces[-1] = (pieces[-1][0], end)
            elif pending_start is None:  # an opening quote split off its sentence
                pending_start = start
            continue
        pieces.append((start if pending_start is None else pending_start, end))
        pending_start = None
    return pieces


def _has_word_character(text: str, start: int, end: int) -> bool:
    return any(text[i].isalnum() for i in range(start, end))


def _attach_tokens(doc: Doc, sentences: list[ArticleSentence]) -> None:
    """Give each sentence its tokens and entities in one pass over the document."""
    starts = [s.start for s in sentences]
    shared = facts(doc)
    for token in shared.tokens:
        sentence = _sentence_at(sentences, starts, token.idx)
        if sentence is not None and not token.is_space:
            sentence.tokens.append(token)
    for ent in shared.ents:
        sentence = _sentence_at(sentences, starts, ent.start_char)
        if sentence is not None:
            sentence.ents.append(ent)


def _sentence_at(
    sentences: list[ArticleSentence], starts: list[int], char: int
) -> ArticleSentence | None:
    position = bisect.bisect_right(starts, char) - 1
    if position < 0 or char >= sentences[position].end:
        return None
    return sentences[position]


def _is_page_furniture(paragraph: str) -> bool:
    """Bylines, photo captions and credits, and boilerplate links are not article body."""
    if len(paragraph) > _FURNITURE_MAX_CHARS:
        return False
    return bool(
        _BYLINE_START.match(paragraph)
        or _BOILERPLATE_START.match(paragraph)
        or _CAPTION_START.match(paragraph)
        or _is_by_names_line(paragraph)
        or _ends_with_photo_credit(paragraph)
    )


def _is_by_names_line(paragraph: str) -> bool:
    words = paragraph.split()
    return len(words) >= 2 and words[0].lower() == "by" and _looks_like_names(words[1:])


def _looks_like_names(words: Sequence[str]) -> bool:
    """Short runs of capitalised words ("Ann M. Simmons and Thomas Grove")."""
    if not words or len(words) > 12:
        return False
    for word in words:
        bare = word.strip(",;.()")
        if bare and bare.lower() not in _NAME_CONNECTORS and not bare[0].isupper():
            return False
    return True


def _ends_with_photo_credit(paragraph: str) -> bool:
    # Body sentences end with punctuation; a credit ends with the agency's name.
    tail = paragraph[-120:].rstrip()
    if not tail or tail[-1] in ".!?\"'”’:":
        return False
    if _CREDIT_TAIL.search(tail):
        return True
    last_words = tail.lower().split()[-2:]
    return bool(last_words) and last_words[-1] in _AGENCY_CREDITS and len(paragraph.split()) > 3


def _is_fragment(sentence_text: str, tokens: list[Token]) -> bool:
    """Datelines ("WASHINGTON:"), labels and scraps too short to say anything."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < _FRAGMENT_MIN_WORDS:
        return True
    if sentence_text.rstrip().endswith(":") and len(words) <= 6:
        return True
    return not any(t.is_alpha and t.is_lower for t in tokens)


def _drop_trailing_name_lines(text: str, sentences: list[ArticleSentence]) -> None:
    """A last line of bare names is a byline that lost its "By"."""
    for sentence in reversed(sentences):
        if not sentence.body:
            continue
        line = text[sentence.start : sentence.end]
        unterminated = line[-1:] not in '.!?"”'
        if sentence.paragraph_first and unterminated and _looks_like_names(line.split()):
            sentence.body = False
        return


def _sentences_with_figures(
    sentences: list[ArticleSentence], figure_offsets: Sequence[tuple[int, int]]
) -> set[int]:
    starts = [s.start for s in sentences]
    hits = set()
    for start, end in figure_offsets:
        position = bisect.bisect_right(starts, start) - 1
        if position >= 0 and start < sentences[position].end and end > sentences[position].start:
            hits.add(sentences[position].index)
    return hits


def _features(sentence: ArticleSentence, position: int) -> dict[str, float]:
    """Each cue in 0..1; the caller adds centrality and may replace the casualty cue."""
    casualty = 0.0
    if _states_a_casualty_count(sentence):
        casualty = 0.4 if _mentions_a_year(sentence) else 1.0  # an older event's toll
    return {
        "lead": _lead(position, sentence.paragraph_first),
        "casualty": casualty,
        "responsibility": _responsibility_cue(sentence.tokens),
        "entities": min(1.0, _distinct_entities(sentence, _CONTENT_ENTITY_TYPES) / 3),
        "numbers": min(1.0, _distinct_entities(sentence, _NUMBER_ENTITY_TYPES) / 2),
        "when": min(1.0, _distinct_entities(sentence, _WHEN_ENTITY_TYPES)),
        "attribution": float(any(t.lemma_ in _ATTRIBUTION_LEMMAS for t in sentence.tokens)),
        "record": float(_ranks_as_a_record(sentence.tokens)),
    }


def _weighted(features: dict[str, float], readability: float) -> float:
    value = sum(_WEIGHTS[name] * features.get(name, 0.0) for name in _WEIGHTS)
    return round(max(0.0, min(1.0, value * readability)), 3)


def _centrality(sentences: list[ArticleSentence]) -> list[float]:
    """How much of the article's recurring vocabulary each sentence uses (0..1)."""
    words = [_content_lemmas(s.tokens) for s in sentences]
    frequency = Counter(word for sentence_words in words for word in sentence_words)
    raw = [sum(frequency[w] - 1 for w in sentence_words) for sentence_words in words]
    top = max(raw, default=0)
    return [value / top if top else 0.0 for value in raw]


def _content_lemmas(tokens: list[Token]) -> set[str]:
    return {
        t.lemma_.lower()
        for t in tokens
        if (t.is_alpha or t.like_num) and not t.is_stop and t.lower_ not in _STOP_WORDS
    }


def _lead(position: int, paragraph_first: bool) -> float:
    # News is written as an inverted pyramid: the first sentences carry the facts.
    value = 1.0 / (1.0 + 0.35 * position)
    return value if paragraph_first else value * 0.85


def _states_a_casualty_count(sentence: ArticleSentence) -> bool:
    """Whether a count stands near a killed/injured/missing word ("at least 12 were killed")."""
    numbers, casualty_words = [], []
    for position, token in enumerate(sentence.tokens):
        if _is_count(token):
            numbers.append(position)
        if token.lemma_.lower() in _CASUALTY_WORDS or token.lower_ in _CASUALTY_WORDS:
            casualty_words.append(position)
    return _within(numbers, casualty_words, _NUMBER_WINDOW)


def _is_count(token: Token) -> bool:
    if token.lower_ in _VAGUE_NUMBERS:
        return True
    if not token.like_num or token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}:
        return False
    return not _HISTORICAL_YEAR.fullmatch(token.text)


def _within(left: list[int], right: list[int], window: int) -> bool:
    """Whether some pair from two sorted position lists is at most `window` apart."""
    i = j = 0
    while i < len(left) and j < len(right):
        if abs(left[i] - right[j]) <= window:
            return True
        if left[i] < right[j]:
            i += 1
        else:
            j += 1
    return False


def _mentions_a_year(sentence: ArticleSentence) -> bool:
    return any(e.label_ == "DATE" and _HISTORICAL_YEAR.search(e.text) for e in sentence.ents)


def _responsibility_cue(tokens: list[Token]) -> float:
    """1 when blame or responsibility is stated or the attacker is dead or held; 0.8 when
    the attacker is only identified."""
    lemmas = {t.lemma_.lower() for t in tokens}
    if lemmas & _RESPONSIBILITY_LEMMAS:
        return 1.0
    if lemmas & _PERPETRATOR_NOUNS:
        return _perpetrator_fate(tokens, lemmas)
    return 0.0


def _perpetrator_fate(tokens: list[Token], lemmas: set[str]) -> float:
    """What became of the attacker, when a fate verb acts on them: "police shot the gunman",
    "the suspects were detained", "gunmen arrested near the border". A gunman who killed
    people is the doer there, not the one whose fate is told (0)."""
    if "custody" in lemmas:
        return _FATE_ENDED
    told = [
        _FATE_ENDED if lemma in _ENDING_FATE_LEMMAS else _FATE_PENDING
        for token in tokens
        if (lemma := token.lemma_.lower()) in _PERPETRATOR_FATE_LEMMAS
        and _fate_falls_on_perpetrator(token)
    ]
    return max(told, default=0.0)


def _fate_falls_on_perpetrator(verb: Token) -> bool:
    if verb.dep_ in {"acl", "relcl"} and _is_perpetrator(verb.head):
        # "gunmen arrested …" and "who was shot" are passive; "a gunman shooting at
        # random" or "the gunman who killed …" is the doer, not a fate.
        if verb.dep_ == "acl":
            return verb.tag_ == "VBN"
        return any(c.dep_ == "nsubjpass" for c in verb.children)
    targets = [c for c in verb.children if _is_fate_target(c, verb)]
    if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children) and verb.dep_ == "conj":
        # "… were identified and arrested": the second verb shares the first one's subject.
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if passive or verb.lemma_.lower() in _INTRANSITIVE_FATE_LEMMAS:
            targets += [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
    return any(_is_perpetrator(target) for target in targets)


def _is_fate_target(child: Token, verb: Token) -> bool:
    if child.dep_ in _FATE_TARGET_DEPS:
        return True
    return child.dep_ == "nsubj" and verb.lemma_.lower() in _INTRANSITIVE_FATE_LEMMAS


def _is_perpetrator(token: Token) -> bool:
    """A perpetrator noun, or a pronoun: callers only ask of sentences that name one."""
    return token.lemma_.lower() in _PERPETRATOR_NOUNS or token.lower_ in _PERPETRATOR_PRONOUNS


def _ranks_as_a_record(tokens: list[Token]) -> bool:
    """Whether a superlative is set against history: "the worst rail disaster in decades"."""
    for position, token in enumerate(tokens):
        word = token.lower_
        superlative = token.tag_ == "JJS" and word not in _NOT_RECORD_SUPERLATIVES
        if not (superlative or word in _RECORD_WORDS):
            continue
        following = tokens[position + 1 : position + 1 + _RECORD_WINDOW]
        if any(t.lemma_.lower() in _RECORD_SCOPE_LEMMAS for t in following):
            return True
    return False


def _distinct_entities(sentence: ArticleSentence, labels: frozenset[str]) -> int:
    return len({e.text.lower() for e in sentence.ents if e.label_ in labels})


def _readability(sentence: ArticleSentence, *, starts_quoted: bool = False) -> float:
    """Down-weight sentences that read badly alone: quotes, dangling pronouns, scraps."""
    factor = 1.0
    words = [t for t in sentence.tokens if not t.is_punct]
    if len(words) < _SHORT_SENTENCE_WORDS:
        factor *= 0.6
    elif len(words) > _LONG_SENTENCE_WORDS:
        factor *= 0.85
    if words and words[0].lower_ in _CONTEXT_DEPENDENT_STARTS:
        factor *= 0.8
    return factor * (1.0 - 0.35 * _quoted_share(sentence, starts_quoted=starts_quoted))


def _inside_quotes_at(text: str, starts: Sequence[int]) -> list[bool]:
    """For each offset in `starts` (ascending), whether a double quotation opened earlier
    in its paragraph is still open there: the second sentence of a quote has no mark."""
    states: list[bool] = []
    inside = False
    position = 0
    for start in starts:
        for char in text[position:start]:
            if char == "\n":
                inside = False
            elif char in "“«":  # double marks only: a ’ is far more often an apostrophe
                inside = True
            elif char in "”»":
                inside = False
            elif char == '"':
                inside = not inside
        position = max(position, start)
        states.append(inside)
    return states


def _quoted_share(sentence: ArticleSentence, *, starts_quoted: bool = False) -> float:
    """Share of the sentence's words inside quotation marks (a run-on quote counts too)."""
    tokens = sentence.tokens
    if not tokens:
        return 0.0
    inside = starts_quoted
    quoted = words = 0
    for token in tokens:
        if token.text in _OPEN_QUOTES:
            inside = True
        elif token.text in _CLOSE_QUOTES:
            inside = False
        elif token.text == '"':
            inside = not inside
        elif not token.is_punct:
            words += 1
            quoted += inside
    return quoted / words if words else 0.0


def _public(text: str, sentence: ArticleSentence, score: float) -> SummarySentence:
    return SummarySentence(
        text=text[sentence.start : sentence.end],
        index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        score=score,
    )


def _select_diverse(candidates: list[_Ranked], wanted: int) -> list[SummarySentence]:
    """Maximal marginal relevance: good sentences that do not repeat the ones already chosen.

    Repeating means sharing words, or restating who is blamed. Near-duplicates come
    last, only when nothing else is left.
    """
    words = {c.sentence.index: _content_words(c.sentence.text) for c in candidates}
    # Each candidate's overlap with the closest chosen sentence, updated after every pick
    # with the new one only: the maximum does not depend on the order it is taken in.
    overlap = dict.fromkeys(words, 0.0)
    covered_blame = 0.0
    chosen: list[_Ranked] = []
    remaining = list(candidates)
    while remaining and len(chosen) < wanted:
        fresh = [c for c in remaining if overlap[c.sentence.index] < _DUPLICATE_OVERLAP]
        best = max(
            fresh or remaining,
            key=lambda c: (
                _MMR_LAMBDA * _novel_score(c, covered_blame)
                - (1 - _MMR_LAMBDA) * overlap[c.sentence.index],
                -c.sentence.index,
            ),
        )
        chosen.append(best)
        remaining.remove(best)
        covered_blame = max(covered_blame, best.responsibility)
        picked = words[best.sentence.index]
        for c in remaining:
            index = c.sentence.index
            overlap[index] = max(overlap[index], _jaccard(words[index], picked))
    return [c.sentence for c in chosen]


def _novel_score(candidate: _Ranked, covered_blame: float) -> float:
    """The score without credit for a claim or blame the summary already states.

    Casualty figures keep their credit: a lead's several tolls (killed, injured,
    an earlier estimate) are each worth reporting.
    """
    discount = _WEIGHTS["responsibility"] * min(candidate.responsibility, covered_blame)
    return candidate.sentence.score - discount * candidate.readability


def _content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in re.findall(r"\w+", text.lower()) if word not in _STOP_WORDS)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
