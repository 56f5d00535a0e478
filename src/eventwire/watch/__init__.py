"""Live ingest from news feeds (`eventwire watch`): feeds.py parses feeds and sitemaps,
fetch.py fetches politely, rounds.py runs rounds through the store's own ingest."""
from .feeds import FeedAnswer, FeedItem, normalize_url, parse_feed, read_feeds_file
from .fetch import Answer, FetchError, Fetcher, FetchPolicy
from .rounds import RoundReport, WatchOptions, doc_id_for, parse_every, run_round, watch

__all__ = ["Answer", "FeedAnswer", "FeedItem", "FetchError", "FetchPolicy", "Fetcher", "RoundReport",
           "WatchOptions", "doc_id_for", "normalize_url", "parse_every", "parse_feed", "read_feeds_file",
           "run_round", "watch"]
