"""Limits on the work one input may cause, in one place (the CLI reads them without loading
the pipeline)."""

# Characters of an article posted to the API that are coded (past this the text is stored
# whole but only its beginning is coded): it bounds how long one post keeps a worker busy.
# News articles are rarely over 20,000 characters.
MAX_CODED_CHARS = 100_000

# A news article is rarely over 100 KB; above this it is a dump, not a document. The same
# bound holds for a page or a feed fetched by `watch` (counted after decompression, so a
# gzip bomb stops here too).
MAX_DOCUMENT_BYTES = 5_000_000

# Fetching (`eventwire watch`): seconds to connect and between bytes, and for a whole answer.
FETCH_CONNECT_TIMEOUT = 10.0
FETCH_READ_TIMEOUT = 20.0
FETCH_TOTAL_TIMEOUT = 60.0
MAX_REDIRECTS = 5
# Article URLs taken from one feed or sitemap answer (a sitemap may hold 50,000).
MAX_FEED_ITEMS = 50_000

# Characters of a document that the command line and the library code: all a reader accepts
# (MAX_DOCUMENT_BYTES). A long text is parsed in pieces and costs time and
# memory in proportion to its length.
MAX_CODED_CHARS_BATCH = 5_000_000
