"""Per-analysis Doc views (service/nlp/doc_facts.py) equal spaCy's own and stay in their scope."""

from service.nlp.doc_facts import facts, facts_scope

TEXT = "At least 60 people were killed. Officials said on Friday.\n\nIt was the worst attack."


def test_views_equal_what_spacy_computes(parse):
    doc = parse(TEXT)
    with facts_scope(doc) as shared:
        assert shared.text == doc.text
        assert [(s.start, s.end) for s in shared.sentences] == [(s.start, s.end) for s in doc.sents]
        assert [(e.start, e.end, e.label_) for e in shared.ents] == [
            (e.start, e.end, e.label_) for e in doc.ents
        ]
        assert [t.i for t in shared.tokens] == list(range(len(doc)))
        assert shared.lowers == tuple(t.lower_ for t in doc)
        assert shared.heads == tuple(t.head.i for t in doc)


def test_one_shared_view_per_scope_and_none_outside(parse):
    doc, other = parse(TEXT), parse(TEXT)
    with facts_scope(doc) as shared:
        assert facts(doc) is shared
        with facts_scope(doc) as again:
            assert again is shared
        assert facts(other) is not facts(other)  # another Doc is not served from the scope
    assert facts(doc) is not shared
