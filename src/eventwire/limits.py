"""Limits on the work one input may cause, in one place (the CLI reads them without loading
the pipeline)."""

# Characters of an article posted to the API that are coded (past this the text is stored
# whole but only its beginning is coded): it bounds how long one post keeps a worker busy.
# News articles are rarely over 20,000 characters.
MAX_CODED_CHARS = 100_000

# Characters of a document that the command line and the library code: all a reader accepts
# (readers.common.MAX_DOCUMENT_BYTES). A long text is parsed in pieces and costs time and
# memory in proportion to its length.
MAX_CODED_CHARS_BATCH = 5_000_000
