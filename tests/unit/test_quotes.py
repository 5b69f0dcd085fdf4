"""Quotes and speakers: table-driven cases written for these tests, plus property checks."""

import time

import pytest

from service.nlp.quotes import Quote, QuoteSpan, Speaker, extract_quotes


def _brief(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in quotes]


# (text, [(quote text, kind, speaker name)]) -- whole-result expectations.
QUOTE_CASES = [
    # attribution after, before, inverted
    ("“We will rebuild the bridge by spring,” Mayor Lena Ortiz said on Monday.",
     [("We will rebuild the bridge by spring", "full", "Lena Ortiz")]),
    ("Lena Ortiz, the mayor of Brookfield, said: “We will rebuild the bridge by spring.”",
     [("We will rebuild the bridge by spring", "full", "Lena Ortiz")]),
    ("“The water came up in minutes,” said Tomas Berg, a fisherman from the village.",
     [("The water came up in minutes", "full", "Tomas Berg")]),
    ('Governor Alan Price said, "The shelters are open to everyone tonight."',
     [("The shelters are open to everyone tonight", "full", "Alan Price")]),
    ("“Nobody warned us about the dam,” Priya Nair told reporters outside the court.",
     [("Nobody warned us about the dam", "full", "Priya Nair")]),
    ("“Stay away from the coast until further notice,” the ministry wrote on Telegram.",
     [("Stay away from the coast until further notice", "full", "ministry")]),
    ("“The reactor is stable and there is no leak,” according to Jonas Weller, the plant "
     "director.",
     [("The reactor is stable and there is no leak", "full", "Jonas Weller")]),
    ("In a statement, Health Minister Carla Duarte said, “Every hospital in the region is on "
     "alert.”",
     [("Every hospital in the region is on alert", "full", "Carla Duarte")]),
    ("Kofi Mensah, the head of the aid agency, visited the camp. “The children need clean water "
     "more than anything,” Mensah added.",
     [("The children need clean water more than anything", "full", "Kofi Mensah")]),
    ("“Are we supposed to just wait here?” asked Dana Whitfield, whose house was flooded.",
     [("Are we supposed to just wait here?", "full", "Dana Whitfield")]),
    ("“Get out now!” shouted the officer as the roof gave way.",
     [("Get out now!", "full", "officer")]),
    # a quote split by its attribution is one quote
    ("“We lost everything,” Maria Okafor said. “But we are alive, and that is what matters.”",
     [("We lost everything But we are alive, and that is what matters", "full", "Maria Okafor")]),
    ("Transport chief Omar Haddad spoke in Leeds. “The trains will run again,” he said, “but "
     "not before next week.”",
     [("The trains will run again but not before next week", "full", "Omar Haddad")]),
    # next sentence or paragraph continues the same speaker
    ("“We heard a loud bang,” said Ruth Adler, who lives nearby.\n\n“Then the windows shattered "
     "and everyone started running.”",
     [("We heard a loud bang", "full", "Ruth Adler"),
      ("Then the windows shattered and everyone started running", "full", "Ruth Adler")]),
    ("Coach Pete Landry said the team was exhausted.\n\n“We played three games in five days. "
     "Nobody can do that.”",
     [("We played three games in five days. Nobody can do that", "full", "Pete Landry")]),
    # a quote running over several paragraphs
    ("Inspector Hana Sato described the scene. “The first car was on its side.\n\n“The second "
     "had gone into the river,” she said.",
     [("The first car was on its side", "full", "Hana Sato"),
      ("The second had gone into the river", "full", "Hana Sato")]),
    ("“We waited for hours for the ambulance.\n\n“When it came, it was too late,” said Ivan "
     "Petrov.",
     [("We waited for hours for the ambulance", "full", "Ivan Petrov"),
      ("When it came, it was too late", "full", "Ivan Petrov")]),
    # partial quotes take the speaker of their sentence
    ("Prime Minister Elena Vasquez described the attack as “cowardly and barbaric.”",
     [("cowardly and barbaric", "partial", "Elena Vasquez")]),
    ("Senator Ray Cole called the proposal “a disaster for working families.”",
     [("a disaster for working families", "partial", "Ray Cole")]),
    ("The company said the outage was caused by “a faulty software update” and apologised.",
     [("a faulty software update", "partial", "company")]),
    ("Firefighters faced “extremely dangerous conditions” on the ridge, fire chief Sam Ruiz said.",
     [("extremely dangerous conditions", "partial", "Sam Ruiz")]),
    ("Judge Nora Blake said the defendant had shown “no remorse whatsoever” during the trial.",
     [("no remorse whatsoever", "partial", "Nora Blake")]),
    ("Police described the suspect as “armed and dangerous.”",
     [("armed and dangerous", "partial", "police")]),
    ("Ahmed Karimi warned that the ceasefire was “hanging by a thread.”",
     [("hanging by a thread", "partial", "Ahmed Karimi")]),
    # surnames, pronouns and titles resolve to the fullest name
    ("Chancellor Olaf Brandt met the delegation on Friday. “This is a good day for Europe,” "
     "Brandt said.",
     [("This is a good day for Europe", "full", "Olaf Brandt")]),
    ("Sofia Reyes, the company's chief executive, took questions. “We will not cut jobs,” she "
     "said.",
     [("We will not cut jobs", "full", "Sofia Reyes")]),
    ("George Palmer, a farmer, lost his barn in the fire. “It took my grandfather ten years to "
     "build it,” he said.",
     [("It took my grandfather ten years to build it", "full", "George Palmer")]),
    ("Moscow Mayor Pavel Orlov toured the site. “The city will pay for every funeral,” the mayor "
     "said.",
     [("The city will pay for every funeral", "full", "Pavel Orlov")]),
    # organisations and anonymous sources
    ("“The situation is under control,” the Kremlin said in a statement.",
     [("The situation is under control", "full", "Kremlin")]),
    ("“Rescue work continued through the night,” Xinhua reported.",
     [("Rescue work continued through the night", "full", "Xinhua")]),
    ("“We expect more arrests in the coming days,” a senior police official said.",
     [("We expect more arrests in the coming days", "full", "senior police official")]),
    ("One of the diplomats said talks had stalled. “Nobody wants to move first,” the diplomat "
     "said.",
     [("Nobody wants to move first", "full", "diplomat")]),
    ("“The deal is essentially done,” said people familiar with the matter.",
     [("The deal is essentially done", "full", "people familiar with the matter")]),
    # guillemets, straight quotes, single quotes
    ("«Nous ne partirons pas», said Claire Dubois, a teacher in the town.",
     [("Nous ne partirons pas", "full", "Claire Dubois")]),
    ("‘We are not giving up,’ said Emma Hughes, the campaign leader.",
     [("We are not giving up", "full", "Emma Hughes")]),
    ("“The report calls it ‘a systemic failure’ and I agree,” said Paul Grant.",
     [("The report calls it ‘a systemic failure’ and I agree", "full", "Paul Grant")]),
    ('Union leader Beth Moran said the offer was "an insult to every nurse."',
     [("an insult to every nurse", "partial", "Beth Moran")]),
    # unattributed full quote with nobody before it
    ("“Help us, please, we are trapped under the school.”\n\nThe message was sent at 3 a.m.",
     [("Help us, please, we are trapped under the school", "full", None)]),
]

# Quoted words nobody is said to utter: scare quotes, names, titles, nicknames.
NOT_QUOTES = [
    "The ministry runs a programme called “safe harbour” for refugees.",
    "The film “A Quiet Winter” opened in cinemas on Friday.",
    "Drug lord Miguel “El Toro” Sandoval was arrested in Sinaloa.",
    "The so-called “peace plan” was never published.",
    "Critics see the tax as a “windfall” for the richest households.",
    "The band’s ‘Summer Tour’ sold out within hours.",
    "The operation, known as “Iron Gate”, began at dawn.",
    "She wrote a book titled “The Long Road Home” after the war.",
    "Engineers found “hairline cracks” in two of the pillars.",
    "If the agency finds “credible threats” against a school, it must warn the parents.",
    "Tourists flock to the island’s “hidden beaches” every summer.",
]

# (text, name, type, description, mention) for the first quote.
SPEAKER_CASES = [
    ("Foreign Ministry spokeswoman Irina Volkova said, “The accusations are absurd.”",
     "Irina Volkova", "PERSON", "Foreign Ministry spokeswoman", "Irina Volkova"),
    ("“We have no comment,” said Daniel Cho, a spokesman for the airline.",
     "Daniel Cho", "PERSON", "spokesman for the airline", "Daniel Cho"),
    ("Rita Gomez, 42, runs the bakery. “Business has never been this bad,” Gomez said.",
     "Rita Gomez", "PERSON", None, "Gomez"),
    ("“The border is closed,” Interior Minister Yusuf Demir told state television.",
     "Yusuf Demir", "PERSON", "Interior Minister", "Yusuf Demir"),
    ("Senate Majority Leader Joan Fisk spoke first. “We have the votes,” she said.",
     "Joan Fisk", "PERSON", "Senate Majority Leader", "she"),
    ("“We were not informed,” the Kremlin said.",
     "Kremlin", "ORG", None, "Kremlin"),
    ("“The strike hit a military target,” state news agency Reuters reported.",
     "Reuters", "ORG", "state news agency", "Reuters"),
    ("“Talks are at a delicate stage,” a U.S. official said.",
     "U.S. official", "anonymous", None, "a U.S. official"),
    ("“The pilot reported smoke before losing contact,” one of the investigators said.",
     "investigator", "anonymous", None, "one of the investigators"),
    ("The mayor, Hugo Lind, visited the shelter. “Nobody will sleep outside tonight,” Lind said.",
     "Hugo Lind", "PERSON", "mayor", "Lind"),
]

CUE_CASES = [
    ("“We are ready,” Ana Silva said.", "said"),
    ("“We are ready,” Ana Silva told reporters.", "told"),
    ("“We are ready,” Ana Silva wrote on Telegram.", "wrote"),
    ("“We are ready,” Ana Silva added.", "added"),
    ("“We are ready,” according to Ana Silva.", "according to"),
    ("Ana Silva later pointed out: “We are ready.”", "pointed out"),
]


def _check_offsets(doc, quotes: list[Quote]) -> None:
    for quote in quotes:
        assert quote.spans, quote
        assert (quote.start, quote.end) == (quote.spans[0].start, quote.spans[-1].end)
        assert quote.text == " ".join(span.text for span in quote.spans)
        for span in quote.spans:
            assert doc.text[span.start:span.end] == span.text
            assert span.text == span.text.strip()


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_quotes_and_speakers(parse, text, expected):
    doc = parse(text)
    quotes = extract_quotes(doc)
    assert _brief(quotes) == expected
    _check_offsets(doc, quotes)


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_labels_and_scare_quotes_are_not_quotes(parse, text):
    assert extract_quotes(parse(text)) == []


@pytest.mark.parametrize(("text", "name", "type_", "description", "mention"), SPEAKER_CASES)
def test_speaker_details(parse, text, name, type_, description, mention):
    quotes = extract_quotes(parse(text))
    assert quotes[0].speaker == Speaker(name, type_, description, mention)


@pytest.mark.parametrize(("text", "cue"), CUE_CASES)
def test_cue(parse, text, cue):
    assert [q.cue for q in extract_quotes(parse(text))] == [cue]


def test_split_quote_keeps_both_pieces_as_spans(parse):
    doc = parse("“The rain stopped,” Lee Park said. “Then the river rose.”")
    (quote,) = extract_quotes(doc)
    assert [s.text for s in quote.spans] == ["The rain stopped", "Then the river rose"]
    assert quote.spans[0] == QuoteSpan(1, 17, "The rain stopped")
    _check_offsets(doc, [quote])


def test_quotes_come_in_text_order(parse):
    text = ("“First,” said Ann Lowe. “Second,” said Ben Ray.\n\n"
            "Carl Diaz said the plan was “third rate.”")
    quotes = extract_quotes(parse(text))
    assert [q.text for q in quotes] == ["First", "Second", "third rate"]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


HOSTILE = [
    "",
    "   \n\n  ",
    "“",
    "”",
    "\"" * 50,
    "“" * 5000,
    "”“" * 3000,
    "'" * 2000,
    "x" * 200_000,
    "“" + "x" * 100_000,
    "He said “this never ends and so on and so forth.\n\nAnother paragraph follows here.",
    "“Unbalanced at the start, then a normal sentence. Mayor Kim said nothing.",
    "She said ”backwards marks“ are odd.",
    "The players’ union said ‘no deal’ and the owners’ reply came later.",
    "«»“”‘’\"\"''",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(parse, text):
    doc = parse(text)
    quotes = extract_quotes(doc)
    _check_offsets(doc, quotes)


def test_unbalanced_mark_does_not_swallow_the_rest(parse):
    text = ("He called it “a mistake and left.\n\n"
            "“We will appeal,” said lawyer Tina Moss.\n\nThe hearing is set for May.")
    quotes = extract_quotes(parse(text))
    assert _brief(quotes) == [("We will appeal", "full", "Tina Moss")]


def test_many_quotes_run_in_linear_time(parse):
    one = "“We are fine,” said Ola Berg. Police called it “a minor incident.” "
    small, large = parse(one * 50), parse(one * 400)
    started = time.perf_counter()
    extract_quotes(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    quotes = extract_quotes(large)
    large_time = time.perf_counter() - started
    assert len(quotes) == 800
    assert large_time < 20 * small_time + 0.5
