"""``budgetcheck extract``: read a disclosure as people publish it (.txt dump, .docx, PDF, HTML).

Each reader (named by ``budgetcheck.sources.kinds``) turns its format into the same blocks
(paragraphs and table rows with their places); the
sections and tables of the template are then read by their fixed words into report data.
"""

# Kept empty on purpose: `budgetcheck --version` imports this package through the CLI,
# so the readers and patterns load only in `reader` when a document is extracted.
