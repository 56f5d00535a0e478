"""Limits on the work one input may cause, in one place (the CLI reads them without loading
the pipeline)."""

# Characters of a document's text that are coded: the parser's and the stages' work grows
# faster than the text (a 300 KB article took minutes), so past this the text is stored whole
# but only its beginning is coded. News articles are rarely over 20,000 characters.
MAX_CODED_CHARS = 100_000
