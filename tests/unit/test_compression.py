"""Sentence compression by deletion: what each rule cuts, and what it must keep (our own
sentences, in several registers)."""

import pytest

from service.nlp.summary.compression import DELETION_RULES, compress
from tests.unit.tables import rule


def compressed(parse, sentence: str):
    doc = parse(sentence)
    return compress(doc[:])


@pytest.mark.parametrize(
    ("sentence", "kept", "rule_name"),
    [
        *rule(
            "attribution tail",
            (
                "At least 12 people were killed and 40 injured in the blast, police said.",
                "At least 12 people were killed and 40 injured in the blast.",
                "attribution-tail",
            ),
            (
                "The blaze started in the kitchen, officials said, adding that the cause was "
                "unclear.",
                "The blaze started in the kitchen.",
                "attribution-tail",
            ),
            (
                "Explosions rocked the site, Russian authorities said.",
                "Explosions rocked the site.",
                "attribution-tail",
            ),
        ),
        *rule(
            "attribution aside",
            (
                "A municipal employee sprayed gunfire in a government building on Friday, police "
                "said, killing 12 people.",
                "A municipal employee sprayed gunfire in a government building on Friday, "
                "killing 12 people.",
                "attribution-aside",
            ),
        ),
        *rule(
            "according to",
            (
                "The toll rose to 19, according to state media.",
                "The toll rose to 19.",
                "according-to",
            ),
            (
                "Nine miners were trapped, according to the company.",
                "Nine miners were trapped.",
                "according-to",
            ),
        ),
        *rule(
            "apposition",
            (
                "Ana Ruiz, the town's mayor, said the bridge would reopen.",
                "Ana Ruiz said the bridge would reopen.",
                "apposition",
            ),
            (
                "Police questioned Tom Baker, the driver.",
                "Police questioned Tom Baker.",
                "apposition",
            ),
        ),
        *rule(
            "non-restrictive relative clause",
            (
                "The bridge, which was built by a local firm, collapsed on Monday, killing nine "
                "people.",
                "The bridge collapsed on Monday, killing nine people.",
                "non-restrictive-clause",
            ),
        ),
        *rule(
            "leading adverbial",
            (
                "In a statement, the ministry said the search would continue.",
                "The ministry said the search would continue.",
                "leading-adverbial",
            ),
            (
                "Meanwhile, rescuers pulled three survivors from the rubble.",
                "Rescuers pulled three survivors from the rubble.",
                "leading-adverbial",
            ),
        ),
        *rule(
            "a quote's reporting clause",
            ('"We will rebuild," he said.', '"We will rebuild."', "attribution-tail"),
            (
                '"The water came over the wall in minutes," a resident said.',
                '"The water came over the wall in minutes."',
                "attribution-tail",
            ),
        ),
    ],
)
def test_each_rule_cuts_what_carries_no_key_fact(parse, sentence, kept, rule_name):
    result = compressed(parse, sentence)
    assert result.text == kept
    assert rule_name in result.rules


@pytest.mark.parametrize(
    "sentence",
    [
        *rule(
            "a named person who said it is news",
            "Governor Maria Lopez said 19 people had died.",
            '"We will not let the river take another home," Maria Lopez said.',
        ),
        *rule(
            "a figure, a date or a place in the part that could go",
            "The crash happened near Salgaa, about 200 kilometres (125 miles) from the capital.",
            "The bridge, which opened in 1990, collapsed on Monday.",
        ),
        *rule(
            "the subject and its verb",
            "Rescuers searched the river.",
            "At least 60 people died in the attack.",
        ),
    ],
)
def test_what_the_rules_must_keep(parse, sentence):
    assert compressed(parse, sentence).text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 12 people were killed and 40 injured in the blast, police said.",
        "Ana Ruiz, the town's mayor, said the bridge would reopen.",
        "In a statement, the ministry said the search would continue.",
        "The toll rose to 19, according to state media.",
        '"We will rebuild," he said.',
    ],
)
def test_kept_pieces_are_the_articles_own_words_in_order(parse, sentence):
    doc = parse(sentence)
    result = compress(doc[:])
    starts = [start for start, _ in result.spans]
    assert starts == sorted(starts)
    pieces = "".join(doc.text[start:end] for start, end in result.spans)
    # Mending adds only spaces, a capital and a stop: the letters are the pieces'.
    assert _letters(result.text) == _letters(pieces)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 12 people were killed and 40 injured in the blast, police said.",
        "A municipal employee sprayed gunfire on Friday, police said, killing 12 people.",
        "Ana Ruiz, the town's mayor, said the bridge would reopen.",
        "Meanwhile, rescuers pulled three survivors from the rubble.",
    ],
)
def test_a_compressed_sentence_still_has_a_verb_with_its_subject(parse, sentence):
    reparsed = parse(compressed(parse, sentence).text)
    assert any(
        t.pos_ in {"VERB", "AUX"} and any(c.dep_.startswith("nsubj") for c in t.children)
        for t in reparsed
    )


def test_every_rule_is_named():
    assert set(DELETION_RULES) == {
        "attribution-tail",
        "attribution-aside",
        "according-to",
        "apposition",
        "parenthesis",
        "non-restrictive-clause",
        "leading-adverbial",
        "quote-reporting-clause",
    }
