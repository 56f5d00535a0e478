"""Start-up: what a process makes once (spaCy, the model, the tables) is made as it was, with
less work: spaCy without its command line, the model's tokenizer read once, the collector
paused while long-lived objects are made."""
from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from eventwire import longlived
from eventwire.nlp import EXCLUDED, MODEL_NAME, add_name_norms


@pytest.fixture
def threshold():
    saved = gc.get_threshold()
    gc.set_threshold(900, 11, 12)
    yield (900, 11, 12)
    gc.set_threshold(*saved)


def test_no_collection_runs_while_long_lived_objects_are_made(threshold):
    frozen = gc.get_freeze_count()
    with longlived.building():
        assert gc.get_threshold()[0] == 0
        gc.disable()
        gc.enable()    # as srsly does around its reads: the collector stays paused
        assert gc.get_threshold()[0] == 0
        table = [[k, f"city {k}"] for k in range(5000)]   # lists: tracked by the collector
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() >= frozen + len(table)   # never walked again
    assert table[4999] == [4999, "city 4999"]


def test_only_the_outermost_block_resumes_collection(threshold):
    with longlived.building():
        with longlived.building():
            pass
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == threshold


def test_a_failure_while_building_resumes_collection(threshold):
    with pytest.raises(KeyError):
        with longlived.building():
            {}["missing"]
    assert gc.get_threshold() == threshold


PROBE = """
import sys
{first}
assert "spacy" in sys.modules
print("cli" if "spacy.cli" in sys.modules else "", "weasel" if "weasel" in sys.modules else "")
import spacy, spacy.cli
assert callable(spacy.cli.download) and spacy.cli.download.__module__ == "spacy.cli.download"
assert spacy.info(silent=True)["spacy_version"] == spacy.__version__
"""


@pytest.mark.parametrize("first,without_cli", [
    ("import eventwire", True),                  # spaCy imported by eventwire: no CLI
    ("import spacy\nimport eventwire", False),   # a user's own spaCy import is left as it was
    ("from eventwire.places import recognize", True),
])
def test_spacy_is_imported_without_its_command_line_which_stays_importable(first, without_cli):
    out = subprocess.run([sys.executable, "-c", PROBE.format(first=first)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ([] if without_cli else ["cli", "weasel"])


@pytest.fixture(scope="module")
def plain_model():
    """The model as ``spacy.load`` builds it by default, with the name norms eventwire adds to
    every load (``add_name_norms``: "IS" read as a name)."""
    import spacy

    model = spacy.load(MODEL_NAME)
    add_name_norms(model)
    return model


def test_the_model_is_loaded_without_the_switched_off_sentence_splitter(nlp, plain_model):
    assert plain_model.disabled == list(EXCLUDED)
    assert nlp.pipe_names == plain_model.pipe_names
    assert not set(EXCLUDED) & set(nlp.component_names)


def test_the_tokenizer_is_the_models_saved_one(nlp, plain_model):
    # rules, affix patterns, special cases; not the vocabulary, which grows as documents are parsed
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == plain_model.tokenizer.to_bytes(exclude=["vocab"])


@pytest.mark.parametrize("text", [
    "Mr. O'Neill didn't fly to the U.S. on Jan. 3 :) but to St. Louis, Mo.",
    "Gunmen killed 12 people in Maiduguri on Monday, officials said (see https://example.org/a?b=1).",
    "\"We won't leave,\" said the protesters' leader -- again.",
    "",
])
def test_documents_are_parsed_as_by_the_default_load(nlp, plain_model, text):
    ours, theirs = nlp(text), plain_model(text)
    assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in ours] == \
        [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in theirs]
