"""Extractive summary: which sentences are picked, in what order, and what is never picked."""

import pytest
import spacy

from service.nlp.summary import (
    SUMMARY_METHOD,
    SummarySentence,
    article_sentences,
    rank_sentences,
    summaries_by_size,
    summarize,
)
from service.nlp.summary.readability import _quoted_share
from service.nlp.summary.readability import inside_quotes_at as _inside_quotes_at
from service.nlp.summary.sentence_features import _ranks_as_a_record, _responsibility_cue
from tests.unit.tables import rule

FLOOD = (
    "Heavy rain lashed the hill town of Marlow on Monday as two rivers burst their banks.\n\n"
    "Residents described water rising through the streets within minutes. "
    "Shops along the high street stayed shut. "
    "Volunteers handed out sandbags outside the church hall.\n\n"
    "At least 14 people were killed and 30 were injured, the regional fire service said on "
    "Tuesday.\n\n"
    "The town last flooded badly in the spring, when the same rivers rose after a storm.\n\n"
    "Local schools will stay closed for the rest of the week, the council said."
)

FACTORY_FIRE = (
    "By Jane Roe and Tom Poe\n\n"
    "A fire tore through a textile factory in the northern city of Leeds on Tuesday night.\n\n"
    "Six workers died and 11 were taken to hospital with burns, West Yorkshire Fire and Rescue "
    "Service said.\n\n"
    "The cause of the blaze was not yet known. Firefighters fought the flames for five hours.\n\n"
    "The factory owner, Brightweave Ltd, said it was cooperating with investigators.\n\n"
    "Firefighters spray water on the burning factory in Leeds, Britain, May 6, 2025. "
    "John Smith/Reuters\n\n"
    "Jane Roe and Tom Poe"
)

BOMBING = (
    "A car bomb exploded outside a police station in the town of Qarrab on Sunday, officials "
    "said.\n\n"
    "The blast shattered windows along the main road and sent smoke over the market.\n\n"
    "Traders said the street had been busy with shoppers before the explosion.\n\n"
    "Nine people were killed and 23 wounded, the provincial health director said.\n\n"
    "A militant group called the Northern Front claimed responsibility for the bombing in a "
    "statement online.\n\n"
    "The town's mayor said repairs to the market would begin next week."
)

NO_CASUALTIES = (
    "The city council voted on Wednesday to build a new tram line linking the airport with the "
    "old town.\n\n"
    "The project will cost 420 million euros and take six years, Mayor Lena Brandt said.\n\n"
    "Opposition councillors argued the money should go to buses instead.\n\n"
    "Construction is due to begin next spring."
)

LONG_STORY = "\n\n".join(
    f"Paragraph {n} reports that the harbour authority in Port Ellis inspected {n + 2} ships "
    f"on day {n} of the review."
    for n in range(1, 15)
)


def _texts(summary: list[SummarySentence]) -> str:
    return " ".join(s.text for s in summary)


def test_method_names_the_algorithm():
    assert SUMMARY_METHOD == "lead-facts-v2"


@pytest.mark.parametrize(
    ("article", "must_contain"),
    [
        pytest.param(FLOOD, "At least 14 people were killed", id="flood-toll-in-4th-sentence"),
        pytest.param(FLOOD, "Heavy rain lashed", id="flood-lead"),
        pytest.param(FACTORY_FIRE, "Six workers died", id="fire-toll"),
        pytest.param(FACTORY_FIRE, "A fire tore through", id="fire-lead-after-byline"),
        pytest.param(BOMBING, "Nine people were killed", id="bombing-toll"),
        pytest.param(BOMBING, "claimed responsibility", id="bombing-claim-5th-sentence"),
        pytest.param(BOMBING, "A car bomb exploded", id="bombing-lead"),
        pytest.param(NO_CASUALTIES, "voted on Wednesday", id="tram-lead"),
        pytest.param(NO_CASUALTIES, "420 million euros", id="tram-cost"),
    ],
)
def test_three_sentence_summary_carries_the_lead_facts(parse, article, must_contain):
    assert must_contain in _texts(summarize(parse(article), sentences=3))


BRIDGE = "The mayor opened the new bridge on Saturday morning in front of a large crowd.\n\n"


@pytest.mark.parametrize(
    ("article", "never"),
    [
        pytest.param(FACTORY_FIRE, "By Jane Roe", id="by-line"),
        pytest.param(FACTORY_FIRE, "John Smith/Reuters", id="slash-credit"),
        pytest.param(FACTORY_FIRE, "Firefighters spray water", id="caption-before-credit"),
        pytest.param(FACTORY_FIRE, "Jane Roe and Tom Poe", id="trailing-names"),
        pytest.param(
            "WASHINGTON:\n\nThe Senate passed the budget bill late on Friday after a long debate.",
            "WASHINGTON",
            id="dateline-line",
        ),
        pytest.param(
            BRIDGE + "Read more: Bridges of the north\n\nAdvertisement", "Read more", id="read-more"
        ),
        pytest.param(BRIDGE + "PHOTO: The new bridge at dawn.", "PHOTO", id="photo-label"),
        pytest.param(BRIDGE + "Write to Sam Lee at sam.lee@example.com", "Write to", id="write-to"),
        pytest.param(
            BRIDGE + "The bridge at dawn on Saturday. (AP Photo/Evan Vucci)",
            "AP Photo",
            id="ap-photo-credit",
        ),
        pytest.param(
            BRIDGE + "The bridge at dawn. Photograph: Getty Images",
            "Getty Images",
            id="photograph-credit",
        ),
        pytest.param(BRIDGE + "© 2025 Example News. All rights reserved.", "©", id="copyright"),
    ],
)
def test_bylines_captions_and_datelines_are_never_picked(parse, article, never):
    everything = _texts(summarize(parse(article), sentences=10))
    assert never not in everything
    assert never not in " ".join(s.text for s in rank_sentences(parse(article)))


@pytest.mark.parametrize(
    "body_line",
    [
        *rule("a sentence opening with By", "By the time police arrived, the crowd had gone home."),
        *rule(
            "an agency named in a sentence",
            "The figures were published by Reuters.",
            "Officials met representatives of the AP.",
        ),
    ],
)
def test_body_lines_that_look_like_furniture_are_kept(parse, body_line):
    article = BRIDGE + body_line
    assert body_line in [s.text for s in rank_sentences(parse(article))]


@pytest.mark.parametrize(
    "article",
    [FLOOD, FACTORY_FIRE, BOMBING, NO_CASUALTIES, LONG_STORY],
    ids=["flood", "fire", "bombing", "tram", "long"],
)
@pytest.mark.parametrize(
    "wanted", [1, 3, 5, 10], ids=["1 sentence", "3 sentences", "5 sentences", "10 sentences"]
)
def test_summary_keeps_article_order_and_size(parse, article, wanted):
    doc = parse(article)
    summary = summarize(doc, sentences=wanted)
    body = rank_sentences(doc)
    assert len(summary) == min(wanted, len(body))
    assert [s.index for s in summary] == sorted(s.index for s in summary)
    assert len({s.index for s in summary}) == len(summary)


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        *rule("fewer than one gives one", (0, 1), (-4, 1)),
        *rule("more than ten gives ten", (11, 10), (500, 10)),
    ],
)
def test_sentence_count_is_clamped_to_one_to_ten(parse, asked, given):
    assert len(summarize(parse(LONG_STORY), sentences=asked)) == given


@pytest.mark.parametrize(
    "article",
    [FLOOD, BOMBING, LONG_STORY, ""],
    ids=["flood", "bombing", "long", "empty"],
)
def test_all_sizes_at_once_equal_one_size_at_a_time(parse, article):
    doc = parse(article)
    by_size = summaries_by_size(doc)
    assert len(by_size) == 10
    for size, summary in enumerate(by_size, start=1):
        assert summary == summarize(doc, sentences=size)


def test_lead_sentence_is_chosen_for_a_one_sentence_summary(parse):
    (only,) = summarize(parse(FLOOD), sentences=1)
    assert only.text.startswith("Heavy rain lashed")
    assert only.index == 0


def test_near_duplicate_sentences_are_not_both_picked(parse):
    article = (
        "Storms killed 8 people in the coastal province of Vella on Monday, officials said.\n\n"
        "Storms killed 8 people in the coastal province of Vella on Monday, police confirmed.\n\n"
        "Power lines were down across the region and roads were blocked by fallen trees.\n\n"
        "The weather service warned of more heavy rain later in the week."
    )
    texts = [s.text for s in summarize(parse(article), sentences=2)]
    assert sum(t.startswith("Storms killed 8") for t in texts) == 1


def test_casualty_figures_from_the_extractor_raise_a_sentence(parse):
    doc = parse(NO_CASUALTIES)
    target = "Construction is due to begin next spring."
    start = doc.text.index(target)
    plain = {s.text: s.score for s in rank_sentences(doc)}
    boosted = {s.text: s.score for s in rank_sentences(doc, figure_offsets=[(start, start + 12)])}
    assert boosted[target] > plain[target]


def test_extractor_figures_outweigh_the_own_casualty_cue(parse):
    doc = parse(FLOOD)
    casualty = next(s for s in rank_sentences(doc) if s.text.startswith("At least 14"))
    other = doc.text.index("Local schools")
    ranked = rank_sentences(doc, figure_offsets=[(other, other + 5)])
    assert next(s for s in ranked if s.text.startswith("At least 14")).score < casualty.score


@pytest.mark.parametrize(
    "article",
    [
        *rule(
            "a quote across paragraphs",
            'He said, "We will rebuild the school.\n\nIt will take a year," the mayor added.',
        ),
        *rule(
            "a closing quote at a paragraph end",
            'Leavitt said, "Republicans need to stay united."\n\nThe vote is due on Monday.',
        ),
        *rule(
            "several blank lines",
            "First paragraph has two sentences. Here is the second one.\n\n\n\nA third follows.",
        ),
    ],
)
def test_sentences_never_span_a_paragraph_break(parse, article):
    doc = parse(article)
    for sentence in article_sentences(doc):
        assert "\n\n" not in doc.text[sentence.start : sentence.end]


def test_closing_quote_left_at_a_paragraph_end_stays_with_its_sentence(parse):
    doc = parse(
        'Leavitt said, "Republicans need to stay united during the final stretch."\n\n'
        "The vote is due on Monday in the Senate chamber."
    )
    texts = [doc.text[s.start : s.end] for s in article_sentences(doc)]
    assert texts[0].endswith('stretch."')
    assert texts[1].startswith("The vote")


@pytest.mark.parametrize(
    ("lead", "starts"),
    [
        *rule(
            "wire datelines",
            ("KYIV, Ukraine (AP) — A missile hit a school in the city on Monday.", "A missile hit"),
            ("(Reuters) - Floods cut off three villages in the north on Sunday.", "Floods cut off"),
            (
                "WASHINGTON (Reuters) - The Senate passed the bill late on Friday.",
                "The Senate passed",
            ),
            ("LONDON: Train drivers began a two-day strike on Tuesday morning.", "Train drivers"),
        ),
        *rule(
            "capitals that are no dateline",
            ("U.S. officials said on Monday that talks would resume in June.", "U.S. officials"),
            (
                "NATO - the alliance - met in Brussels on Monday to discuss aid.",
                "NATO - the alliance",
            ),
        ),
    ],
)
def test_a_wire_dateline_is_left_out_of_the_lead(parse, lead, starts):
    doc = parse(lead + "\n\nA second paragraph adds some detail about the story.")
    first = rank_sentences(doc)[0]
    assert first.text.startswith(starts)
    assert doc.text[first.start : first.end] == first.text


def test_index_counts_non_body_lines_too(parse):
    doc = parse(FACTORY_FIRE)
    first_body = rank_sentences(doc)[0]
    assert first_body.text.startswith("A fire tore")
    assert first_body.index == 1  # the byline is sentence 0


SHOOTING = (
    "A gunman killed five people at a shopping arcade in the port city of Talven on Saturday, "
    "police said.\n\n"
    "Nine others were wounded and taken to hospital, the city's health department said.\n\n"
    "Witnesses said the gunman walked calmly from shop to shop as people hid in storerooms.\n\n"
    "The arcade reopened its north entrance on Sunday morning under heavy guard.\n\n"
    "Officers shot the gunman dead in a car park behind the arcade after a short chase.\n\n"
    "The mayor ordered flags on public buildings to fly at half-mast for a week."
)

QUAKE = (
    "A magnitude 7.1 earthquake struck the mountain province of Serrano on Thursday, killing at "
    "least 38 people, the interior ministry said.\n\n"
    "The tremor was felt in towns across the north and west of the country.\n\n"
    "More than 120 people were injured, most of them by falling masonry.\n\n"
    "Crews cleared roads to three villages cut off by landslides.\n\n"
    "It was the deadliest earthquake in the province in decades.\n\n"
    "Aid agencies sent tents and blankets to the worst-hit villages."
)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        pytest.param("Police shot and killed the gunman outside the library.", 1.0, id="object"),
        pytest.param("The suspect was arrested at a checkpoint on Sunday.", 1.0, id="passive"),
        pytest.param(
            "Two gunmen arrested near the border were flown to the capital.", 1.0, id="participle"
        ),
        pytest.param(
            "The attacker, who was later shot dead by police, carried a rifle.", 1.0, id="relative"
        ),
        pytest.param("The gunman died at the scene, the sheriff said.", 1.0, id="intransitive"),
        pytest.param(
            "The gunmen fled north, where they were detained on Saturday.", 1.0, id="pronoun"
        ),
        pytest.param("The bomber is in custody, officials said.", 1.0, id="custody"),
        pytest.param(
            "Investigators have identified the shooter as a local man.", 0.8, id="identified"
        ),
        pytest.param("The bombing was blamed on a separatist group.", 1.0, id="blame"),
        pytest.param("A gunman killed four people at a bus depot.", 0.0, id="gunman-is-the-doer"),
        pytest.param(
            "A gunman shooting at random wounded six people on Monday.", 0.0, id="active-participle"
        ),
        pytest.param(
            "Police said the attacker killed two guards before he fled.", 0.0, id="doer-pronoun"
        ),
    ],
)
def test_perpetrator_fate_counts_only_when_it_befalls_the_attacker(parse, sentence, cue):
    assert _responsibility_cue(list(parse(sentence))) == cue


def test_fate_of_the_gunman_is_not_taken_as_told_by_a_lead_where_he_kills(parse):
    # The lead's "a gunman killed" is no fate of his, so the later sentence is not a repeat.
    summary = _texts(summarize(parse(SHOOTING), sentences=3))
    assert "Officers shot the gunman dead" in summary
    assert "Witnesses said" not in summary


@pytest.mark.parametrize(
    ("sentence", "record"),
    [
        pytest.param("It was the deadliest attack in the country in decades.", True, id="decades"),
        pytest.param(
            "The storm caused the worst flooding in the region's history.", True, id="history"
        ),
        pytest.param("She became the first woman since 1990 to win the title.", True, id="first"),
        pytest.param("The blaze was the largest ever recorded in the province.", True, id="ever"),
        pytest.param(
            "The concert was held at one of the city's biggest venues.", False, id="no-scope"
        ),
        pytest.param(
            "It was the latest attack on the city since the war began.", False, id="latest"
        ),
        pytest.param(
            "At least 12 people were killed in the blast since Monday.", False, id="least"
        ),
        pytest.param(
            "The hospital said most of the injured were released last year.", False, id="most"
        ),
    ],
)
def test_a_superlative_set_against_history_is_a_record(parse, sentence, record):
    assert _ranks_as_a_record(list(parse(sentence))) is record


def test_a_record_outranks_earlier_background_sentences(parse):
    doc = parse(QUAKE)
    scores = {s.text[:12]: s.score for s in rank_sentences(doc)}
    assert scores["It was the d"] > scores["The tremor w"]
    assert scores["It was the d"] > scores["Crews cleare"]


PROPERTY_TEXTS = {
    "empty": "",
    "whitespace": "   \n\n  ",
    "straight-quotes-only": '"' * 2000,
    "curly-quotes-only": "“" * 500 + "”" * 500,
    "one-long-token": "x" * 100_000,
    "unbalanced-quote": 'He said "this never closes. And it goes on.\n\nAnother paragraph, words.',
    "dateline-only": "WASHINGTON —",
    "letters": "a\n\nb\n\nc",
    "flood": FLOOD,
    "fire": FACTORY_FIRE,
}


@pytest.mark.parametrize("text", PROPERTY_TEXTS.values(), ids=PROPERTY_TEXTS.keys())
def test_offsets_slice_the_text_and_scores_are_bounded(parse, text):
    doc = parse(text)
    for sentence in rank_sentences(doc) + summarize(doc, sentences=10):
        assert doc.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert 0.0 <= sentence.score <= 1.0
        assert sentence.score == round(sentence.score, 3)


def test_a_doc_without_sentence_boundaries_is_split_by_paragraph():
    doc = spacy.blank("en")("The first paragraph says something.\n\nThe second says more.")
    assert [s.text for s in rank_sentences(doc)] == [
        "The first paragraph says something.",
        "The second says more.",
    ]


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        # straight and curly marks around the same words read the same
        *rule("straight marks", ('"We will find them," Bhayo told reporters.', [0.57])),
        *rule("curly marks", ("“We will find them,” Bhayo told reporters.", [0.57])),
        *rule("a quote after its speaker", ('Bhayo told reporters, "We will find them."', [0.57])),
        # the second sentence of a quote has no opening mark of its own
        *rule(
            "a quote's second sentence",
            ('"We will rebuild. We will not give up," the mayor said.', [1.0, 0.62]),
        ),
        *rule(
            "an apostrophe is not a closing mark",
            ("“We don’t know. Nobody knows,” she said.", [1.0, 0.5]),
        ),
        *rule("no quotes", ("The council met on Tuesday. It did not vote.", [0.0, 0.0])),
    ],
)
def test_quoted_share_counts_the_words_inside_quotation_marks(parse, text, shares):
    sentences = [s for s in article_sentences(parse(text)) if s.body]
    opens = _inside_quotes_at(text, [s.start for s in sentences])
    assert [
        round(_quoted_share(s, starts_quoted=o), 2) for s, o in zip(sentences, opens, strict=True)
    ] == shares
