"""Pure NLP over text or a spaCy Doc: no Flask, no Redis, no storage."""
