"""Schemas of the analysis responses (summary, entities, quotes, casualties)."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from service.nlp.summary import MAX_WORDS, MIN_WORDS
from service.schemas.common_fields import AnalysisEnvelopeSchema

CATEGORIES = ("killed", "injured", "missing")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "nearly", "up_to")


class KeptSpanSchema(Schema):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class SummarySentenceSchema(Schema):
    text = fields.String(
        required=True,
        metadata={"description": "The sentence; with `words`, its kept pieces joined and mended"},
    )
    index = fields.Integer(
        required=True, metadata={"description": "Sentence number in the article, from 0"}
    )
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    score = fields.Float(required=True)
    spans = fields.List(
        fields.Nested(KeptSpanSchema),
        metadata={
            "description": "With `words`: the character spans of the article this sentence "
            "kept, in order (nothing else is in `text` but their mended joins)"
        },
    )
    rules = fields.List(
        fields.String(),
        metadata={
            "description": "With `words`: the deletion rules that cut it (attribution-tail, "
            "according-to, apposition, parenthesis, non-restrictive-clause, "
            "leading-adverbial, quote-reporting-clause)"
        },
    )


class SummaryBodySchema(Schema):
    method = fields.String(required=True, metadata={"description": "How sentences were chosen"})
    sentences = fields.List(fields.Nested(SummarySentenceSchema), required=True)
    text = fields.String(
        required=True, metadata={"description": "The chosen sentences joined, in article order"}
    )
    brief = fields.String(
        required=True, metadata={"description": "One line built from the extracted facts"}
    )


class SummarySchema(AnalysisEnvelopeSchema, SummaryBodySchema):
    pass


class SpanSchema(Schema):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True)


class EntitySchema(Schema):
    name = fields.String(required=True)
    type = fields.String(required=True, metadata={"description": "OntoNotes label"})
    mentions = fields.Integer(required=True)
    salience = fields.Float(required=True)
    aliases = fields.List(fields.String(), required=True)
    spans = fields.List(fields.Nested(SpanSchema), required=True)


class EntitiesSchema(AnalysisEnvelopeSchema):
    entities = fields.List(fields.Nested(EntitySchema), required=True)


class ExplainedEntitySchema(EntitySchema):
    rules = fields.List(
        fields.String(),
        metadata={
            "description": "With `explain=true`: the names of the rules behind the item "
            "(see the extractors guide).",
        },
    )


class ExplainedEntitiesSchema(EntitiesSchema):
    entities = fields.List(fields.Nested(ExplainedEntitySchema), required=True)


class SpeakerSchema(Schema):
    name = fields.String(required=True)
    type = fields.String(required=True, metadata={"description": "PERSON, ORG or anonymous"})
    description = fields.String(allow_none=True, required=True)
    mention = fields.String(required=True, metadata={"description": "The words the article used"})


class QuoteSchema(Schema):
    text = fields.String(
        required=True,
        metadata={
            "description": "The quoted words without the marks; pieces of a quote split by "
            "its attribution are joined with a space (see spans). A quote running over "
            "several paragraphs is one item per paragraph, with the same speaker."
        },
    )
    kind = fields.String(required=True, validate=validate.OneOf(["full", "partial"]))
    speaker = fields.Nested(SpeakerSchema, allow_none=True, required=True)
    cue = fields.String(allow_none=True, required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    spans = fields.List(
        fields.Nested(SpanSchema),
        required=True,
        metadata={"description": "The contiguous pieces of a quote split by its attribution"},
    )


class QuotesSchema(AnalysisEnvelopeSchema):
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)


class ExplainedQuoteSchema(QuoteSchema):
    rules = fields.List(
        fields.String(),
        metadata={
            "description": "With `explain=true`: the names of the rules behind the item "
            "(see the extractors guide).",
        },
    )


class ExplainedQuotesSchema(QuotesSchema):
    quotes = fields.List(fields.Nested(ExplainedQuoteSchema), required=True)


class TotalSchema(Schema):
    value = fields.Integer(required=True)
    min = fields.Integer(allow_none=True, required=True)
    max = fields.Integer(allow_none=True, required=True)
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))


class TotalsSchema(Schema):
    killed = fields.Nested(TotalSchema, allow_none=True, required=True)
    injured = fields.Nested(TotalSchema, allow_none=True, required=True)
    missing = fields.Nested(TotalSchema, allow_none=True, required=True)


class FigureSchema(Schema):
    category = fields.String(required=True)
    value = fields.Integer(required=True)
    min = fields.Integer(allow_none=True, required=True)
    max = fields.Integer(allow_none=True, required=True)
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))
    approximate = fields.Boolean(required=True)
    text = fields.String(required=True)
    who = fields.String(allow_none=True, required=True)
    historical = fields.Boolean(
        required=True,
        metadata={
            "description": "True when the figure counts for another incident than the "
            "article's own (see `incident`): left out of `totals`."
        },
    )
    incident = fields.String(
        required=True,
        metadata={
            "description": "The incident the figure counts for: `main` for the article's own, "
            'else the article\'s words for the other one ("a previous crash", "last week", '
            "\"2003\", `running toll` for a war's or year's running toll).",
            "example": "a previous crash",
        },
    )
    attributed_to = fields.String(allow_none=True, required=True)
    sentence = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class CasualtiesBodySchema(Schema):
    totals = fields.Nested(
        TotalsSchema,
        required=True,
        metadata={
            "description": "Per category, the article's current figure for its main event: "
            "among non-historical figures, a superseded one loses to a current one, a firm "
            "lower bound (exact, at_least, more_than, range) beats an approximate one (about, "
            "nearly, up_to), then the largest lower bound wins; null when none is stated."
        },
    )
    figures = fields.List(fields.Nested(FigureSchema), required=True)


class CasualtiesSchema(AnalysisEnvelopeSchema, CasualtiesBodySchema):
    pass


class ExplainedFigureSchema(FigureSchema):
    rules = fields.List(
        fields.String(),
        metadata={
            "description": "With `explain=true`: the names of the rules that read the figure "
            "and, for another incident's figure, linked it there (see the extractors guide).",
            "example": ["count-in-clause", "other-incident-noun"],
        },
    )


class ExplainedCasualtiesSchema(CasualtiesSchema):
    figures = fields.List(fields.Nested(ExplainedFigureSchema), required=True)


class ExplainQuerySchema(Schema):
    explain = fields.Boolean(
        load_default=False,
        metadata={"description": "Add to each item the names of the rules behind it"},
    )


class CasualtiesQuerySchema(ExplainQuerySchema):
    pass


class AnalysisSchema(AnalysisEnvelopeSchema):
    summary = fields.Nested(SummaryBodySchema, required=True)
    entities = fields.List(fields.Nested(EntitySchema), required=True)
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)
    casualties = fields.Nested(CasualtiesBodySchema, required=True)


class SummaryQuerySchema(Schema):
    sentences = fields.Integer(
        validate=validate.Range(1, 10),
        metadata={"description": "How many whole sentences (1-10), as chosen before compression"},
    )
    words = fields.Integer(
        validate=validate.Range(MIN_WORDS, MAX_WORDS),
        metadata={
            "description": "At most this many words (10-300), compressed sentences carrying "
            "as many of the article's facts as fit; the default (80) when neither "
            "`words` nor `sentences` is given"
        },
    )

    @validates_schema
    def _one_size(self, data, **kwargs):
        if "sentences" in data and "words" in data:
            raise ValidationError("Give `sentences` or `words`, not both.", "words")


class EntitiesQuerySchema(ExplainQuerySchema):
    type = fields.String(metadata={"description": "Comma list of types, e.g. PERSON,ORG"})
    min_mentions = fields.Integer(load_default=1, validate=validate.Range(min=1))


class QuotesQuerySchema(ExplainQuerySchema):
    speaker = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Case-insensitive match on the speaker's name, mention or alias"},
    )
