"""Every word list the extractors read, each written once, one module per theme.

Consumers import the module they need (`from ..lexicon import gazetteer as gz`),
so a list's home is where a newcomer looks for it: a new list goes in the
module of its theme, or a new module here.
"""
