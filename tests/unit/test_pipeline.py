"""The loaded pipeline annotates exactly like spaCy's own: the fast attribute ruler and
lemmatizer (service/nlp/fast_*.py), and matrix products by numpy's BLAS instead of BLIS."""

import random

import numpy
import pytest
import spacy
from spacy.attrs import IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from service.nlp.fast_attributes import FastAttributeRuler
from service.nlp.fast_lemmas import FastLemmatizer
from service.nlp.pipeline import DEFAULT_MODEL
from tests.fixtures.articles import BUDGET, FACTORY_FIRE, FLOOD

SENTENCES = [
    "I don't know what you're talking about, but I'll find out.",
    "She said that the bridge, which was built in 1932, wasn't safe.",
    "He's been there since Monday; they'd already left when we arrived.",
    "It's gonna rain, and we gotta go, so let's hurry.",
    "Y'all ain't seen nothin' yet. C'mon, we're goin' home, ol' buddy.",
    "Ya'll can't say I didn't warn 'em. Tell 'em 'nuff is 'nuff, somethin' and doin'.",
    "There is a problem, and there are two more; there was nothing else. There's no way.",
    "That is the man that saw the thing that happened. So what? So we left, so that they slept.",
    "But for the rain, we'd have won. But he didn't.",
    "The president's speech, the ministers' replies and James's notes were read.",
    "It's its own problem; the dog wagged its tail. Mine, yours, his, hers, ours, theirs.",
    "Somebody, anybody, everyone and nothing: something is wrong with anyone here.",
    "  Two  spaces   inside, and a tab\there.\n\nNew paragraph.\n",
    "\n\n   \n",
    "A well-known, 24-year-old state-of-the-art co-op opened on 3-4 May.",
    "At least 60 people were killed and 145 injured, officials said on Friday.",
    "Nearly 1,500 troops, about 2.5 million dollars and 40% of the votes.",
    "Would you, could you, should you, might you, must you, may you, will you?",
    "I'd go, you'd stay, I'm sure, I am not. Do you? Does she? Did they? Had we?",
    "He gets it, she got it, they've got it. Being here, having been told.",
    "Me, myself and I; yourself, himself, herself, itself, ourselves, yourselves, themselves.",
    "Here and there, then and now, once upon a time, well done. Ai n't, wo n't, ca n't, sha n't.",
    "gon na, got ta, let 's, c'm on, y' all. Not now, never, n't, n’t, don’t, it’s.",
    "\"We will not surrender,\" the mayor said. 'Never,' he added. Dr. O'Neill agreed.",
    "I told him, and he told me. It hit it. You saw you. I saw me. It is what it is.",
    "Whether or not, although, unless, because, whereas, whilst, except, despite, albeit, tho.",
    "He said that that that that man used was wrong.",
    "\t",
    "a",
]

# Every attribute a pattern can read or write, compared as raw ids.
COMPARED = [IDS[name] for name in ("POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "LOWER", "NORM")]


@pytest.fixture(scope="module")
def stock():
    """The unmodified pipeline, with spaCy's own AttributeRuler."""
    return spacy.load(DEFAULT_MODEL, exclude=["senter"])


def _both_rulers(ruler: AttributeRuler, doc: Doc) -> tuple[Doc, Doc]:
    """`doc` annotated by the stock ruler and, on a copy, by a FastAttributeRuler."""
    fast = FastAttributeRuler(ruler.vocab)
    fast.add_patterns(ruler)
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    return ruler(doc), fast(copy)


def _assert_same(expected: Doc, actual: Doc) -> None:
    numpy.testing.assert_array_equal(expected.to_array(COMPARED), actual.to_array(COMPARED))


def test_load_pipeline_installs_the_fast_ruler_in_place(nlp, stock):
    assert nlp.pipe_names == stock.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)


def test_load_pipeline_multiplies_with_numpys_blas(nlp, stock):
    def blis_users(pipeline):
        return {
            name
            for name, pipe in pipeline.pipeline
            if getattr(pipe, "model", None) is not None
            for node in pipe.model.walk()
            if node.name != "linear" and node.ops.use_blis
        }

    # "linear" is the parser's output layer, which runs in spaCy's C loop either way.
    assert blis_users(nlp) == set()
    assert blis_users(stock) == {"tok2vec", "tagger", "parser", "ner"}


def test_whole_pipeline_annotates_like_the_stock_one(nlp, stock):
    for text in [*SENTENCES, FLOOD, FACTORY_FIRE, BUDGET]:
        expected, actual = stock(text), nlp(text)
        assert [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
            for t in expected
        ] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
            for t in actual
        ], text


def test_parsed_sentences_get_the_stock_rulers_attributes(stock):
    ruler = stock.get_pipe("attribute_ruler")
    for text in SENTENCES:
        doc = stock.make_doc(text)
        for name in ("tok2vec", "tagger", "parser"):
            doc = stock.get_pipe(name)(doc)
        _assert_same(*_both_rulers(ruler, doc))


def _values(patterns: list[dict], attr: str) -> set[str]:
    """Every string a pattern compares `attr` with."""
    found: set[str] = set()
    for entry in patterns:
        for pattern in entry["patterns"]:
            for spec in pattern:
                condition = spec.get(attr)
                if isinstance(condition, str):
                    found.add(condition)
                elif isinstance(condition, dict):
                    for operand in condition.values():
                        found.update([operand] if isinstance(operand, str) else operand)
    return found


# Strings the three REGEX patterns of the stock ruler accept (and one each they don't).
REGEX_EXAMPLES = ["n't", "nt", "nothin'", "nuthin'", "y'", "y", "nat", "yo"]


def _satisfying(condition: object, pool: list[str], rng: random.Random) -> str:
    """A value that meets a pattern condition (or a random one, when there is none)."""
    if isinstance(condition, str):
        return condition
    if isinstance(condition, dict):
        operator, operand = next(iter(condition.items()))
        if operator == "IN":
            return rng.choice(operand)
        if operator == "NOT_IN":
            return rng.choice([value for value in pool if value not in operand])
        if operator == "REGEX":
            return rng.choice(REGEX_EXAMPLES)
    return rng.choice(pool)


def _random_case(word: str, rng: random.Random) -> str:
    return rng.choice([word, word.upper(), word.capitalize()])


def test_random_tokens_reach_every_pattern(stock):
    """Docs made of random instances of the stock patterns, mixed with noise and
    with tags and deps the tagger and parser rarely produce (missing ones included),
    so every pattern, and patterns overlapping on a token, are exercised."""
    ruler = stock.get_pipe("attribute_ruler")
    patterns = ruler.patterns
    tags = sorted(_values(patterns, "TAG") | set(stock.get_pipe("tagger").labels) | {""})
    deps = sorted(_values(patterns, "DEP") | set(stock.get_pipe("parser").labels) | {""})
    words = sorted(_values(patterns, "LOWER") - {"^n'?t$", "^n[ou]thin'$", "^y'?$"})
    words += REGEX_EXAMPLES + ["word", "The", "5"]
    spaces = [" ", "\n", "\t", "\n\n"]
    rng = random.Random(20240322)
    for _ in range(400):
        tokens: list[tuple[str, str, str]] = []
        while len(tokens) < 12:
            if rng.random() < 0.3:
                tokens.append((rng.choice(words + spaces), rng.choice(tags), rng.choice(deps)))
                continue
            for spec in rng.choice(rng.choice(patterns)["patterns"]):
                word = _random_case(_satisfying(spec.get("LOWER"), words, rng), rng)
                if "IS_SPACE" in spec:
                    word = rng.choice(spaces) if spec["IS_SPACE"] else word.strip() or "word"
                tag = _satisfying(spec.get("TAG"), tags, rng)
                tokens.append((word, tag, _satisfying(spec.get("DEP"), deps, rng)))
        doc = Doc(stock.vocab, words=[word for word, _, _ in tokens])
        for token, (_, tag, dep) in zip(doc, tokens, strict=True):
            token.tag_ = tag
            token.dep_ = dep
        _assert_same(*_both_rulers(ruler, doc))


def test_patterns_it_cannot_compile_fall_back_to_the_matcher(stock):
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"ORTH": "Gun"}, {"LOWER": "fire", "OP": "?"}]], {"LEMMA": "gunfire"}, index=-1)
    ruler.add([[{"LOWER": "fire"}]], {"POS": "VERB"})
    words = ["Gun", "fire", "and", "Gun", "gun", "fire"]
    doc = Doc(stock.vocab, words=words, tags=["NN", "NN", "CC", "NN", "NN", "NN"])
    expected, actual = _both_rulers(ruler, doc)
    _assert_same(expected, actual)
    # "Gun" alone matches too (the "?" makes "fire" optional); index -1 is the last token.
    assert [t.lemma_ for t in actual] == ["gunfire", "gunfire", "", "gunfire", "", ""]


INFLECTED = [
    "The gunmen fled; two children were wounded and the wolves ran. Geese flew over.",
    "She was running, had run, runs and ran. They're better, best, worse, worst, bigger.",
    "Firefighters battled fires; mice, feet, teeth, oxen, data and criteria were counted.",
    "He is, was, were, been, being; does, did, done; has, had, having; goes, went, gone.",
    "The Smiths' houses, the U.S. Senate's votes, 1990s, 3rd, AK-47s and e-mails.",
]


def test_load_pipeline_installs_the_fast_lemmatizer_in_place(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)


def test_fast_lemmatizer_lemmatizes_like_the_stock_one(stock):
    lemmatizer = stock.get_pipe("lemmatizer")
    fast = FastLemmatizer()
    fast.use(lemmatizer)
    for text in SENTENCES + INFLECTED:
        doc = stock.make_doc(text)
        for name in ("tok2vec", "tagger", "parser", "attribute_ruler"):
            doc = stock.get_pipe(name)(doc)
        first, second = (Doc(doc.vocab).from_bytes(doc.to_bytes()) for _ in range(2))
        # Twice for the fast one: the second pass is served from its cache.
        expected, actual, again = lemmatizer(doc), fast(first), fast(second)
        assert [t.lemma_ for t in actual] == [t.lemma_ for t in expected], text
        assert [t.lemma_ for t in again] == [t.lemma_ for t in expected], text
