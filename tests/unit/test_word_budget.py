"""Choosing compressed pieces for a word budget, and the pieces an article gives."""

import pytest

from service.nlp.summary import summary_in_words, summary_pieces


def piece(index, words, score=0.5):
    return {"index": index, "words": words, "score": score, "facts": [], "text": "x " * words}


PIECES = [piece(0, 30, 0.9), piece(4, 40, 0.6), piece(2, 25, 0.5), piece(7, 10, 0.2)]


@pytest.mark.parametrize(
    ("budget", "indexes"),
    [
        (80, [0, 4, 7]),  # the third pick does not fit after the second: a shorter one does
        (100, [0, 2, 4]),
        (30, [0]),
        (20, [7]),  # nothing larger fits
        (9, []),
    ],
)
def test_pieces_fill_the_budget_in_pick_order_and_read_in_article_order(budget, indexes):
    chosen = summary_in_words(PIECES, budget)
    assert [p["index"] for p in chosen] == indexes
    assert sum(p["words"] for p in chosen) <= budget


def test_pieces_of_an_article_are_compressed_and_carry_their_facts(parse):
    doc = parse(
        "Flash floods swept through the town of Marlow Creek on Tuesday, killing at least 12 "
        "people, officials said.\n\n"
        "Mayor Helen Ortiz, who toured the damage, said the river had never risen so fast.\n\n"
        "Rescue teams searched for eight missing residents, according to the fire department."
    )
    figure = doc.text.index("12")
    pieces = summary_pieces(doc, [(figure, figure + 2)])
    lead = next(p for p in pieces if p.index == 0)
    assert lead.text.endswith("killing at least 12 people.")
    assert "attribution-tail" in lead.rules
    assert "figure:12" in lead.facts and "incident:flood" in lead.facts
    assert any(f.startswith("place:") for f in lead.facts)
    assert lead.words == len(lead.text.split())
