"""The attribute ruler's rules matched on arrays find exactly what spaCy's Matcher finds, so
the parsed Doc is the same token for token; rules of another form stay on the Matcher."""
import pytest
import spacy
from spacy.tokens import Doc

from eventwire import attributerules
from eventwire.attributerules import AttributeMatches, Unsupported
from eventwire.nlp import MODEL_NAME, load_nlp

SENTENCES = [
    "Police in Lagos arrested 40 protesters on Monday, the governor's office said.",
    # pronouns, possessives, "not" and its forms, auxiliaries, modals, "there is"
    "She didn't say whether they'd been warned; there is no sign it was her doing, he's sure.",
    "I gave him mine and we can't find ours, but you'll get yours if it ain't gone.",
    # whitespace tokens (a double space, a line break), a dateline and a quote
    'KYIV, Ukraine (AP) — "We will not surrender,"  President Volodymyr Zelensky said.\n\nTroops left.',
    # words the ruler's informal rules read: "gonna", "y'all", "nothin'", "let's"
    "Y'all gonna stay? Let's go, nothin' to see, c'mon, gotta leave 'em.",
    "something happened to anybody who had done nothing; those that did so were few",
    "",
]


def _spacy_matches(ruler, doc):
    """What ``AttributeRuler.match`` returns with spaCy's own Matcher."""
    found = ruler.matcher(doc, allow_missing=True, as_spans=False)
    return sorted((int(ruler.vocab.strings[m]), m, s, e) for m, s, e in found)


@pytest.fixture(scope="module")
def plain_nlp():
    """The model as ``spacy.load`` gives it, the ruler on spaCy's Matcher."""
    return spacy.load(MODEL_NAME, exclude=["senter"])


@pytest.mark.parametrize("text", SENTENCES)
def test_the_model_rules_match_as_spacy_matches(plain_nlp, text):
    ruler = plain_nlp.get_pipe("attribute_ruler")
    with plain_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = plain_nlp(text)   # the Doc as the ruler receives it: tagged and parsed
    assert AttributeMatches(ruler)(doc) == _spacy_matches(ruler, doc)


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_parse_is_the_same_token_for_token(nlp, plain_nlp, text):
    assert isinstance(nlp.get_pipe("attribute_ruler").match, AttributeMatches)
    assert not isinstance(plain_nlp.get_pipe("attribute_ruler").match, AttributeMatches)
    assert _tokens(nlp(text)) == _tokens(plain_nlp(text))


# Rules written for the test on a blank pipeline: every form the reader takes, tested on Docs
# whose tags and dependencies are set by hand.
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["bank", "river"]}}]], "attrs": {"LEMMA": "place"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": {"IN": ["aux", "nsubj"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"LOWER": "the"}, {}, {"TAG": "NN"}]], "attrs": {"MORPH": "Definite=Def"}, "index": -1},
    # two patterns of one rule that find the same token
    {"patterns": [[{"TEXT": "Bank"}], [{"ORTH": "Bank", "IS_TITLE": True}]], "attrs": {"LEMMA": "bank"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP"}},
    {"patterns": [[{"IS_SPACE": False, "LOWER": "river"}]], "attrs": {"LEMMA": "stream"}},
    {"patterns": [[{"LOWER": "absent"}]], "attrs": {"LEMMA": "never"}},
]

DOCS = [
    # words, tags, deps
    (["There", "is", "a", "Bank", "by", "the", "river", "bank", "."],
     ["EX", "VBZ", "DT", "NN", "IN", "DT", "NN", "NN", "."],
     ["expl", "ROOT", "det", "attr", "prep", "det", "compound", "pobj", "punct"]),
    (["It", "was", "n't", "the", "old", "river", "  ", "nt"],
     ["PRP", "VBD", "RB", "DT", "JJ", "NN", "_SP", "RB"],
     ["nsubj", "ROOT", "neg", "det", "amod", "attr", "dep", "neg"]),
    (["the"], ["DT"], ["ROOT"]),
    (["Bank", "the"], ["NN", "DT"], ["", ""]),   # no dependencies set
]


@pytest.fixture(scope="module")
def ruler():
    nlp = spacy.blank("en")
    r = nlp.add_pipe("attribute_ruler")
    r.add_patterns(RULES)
    return r


@pytest.mark.parametrize("words, tags, deps", DOCS)
def test_written_rules_match_as_spacy_matches(ruler, words, tags, deps):
    doc = Doc(ruler.vocab, words=words, tags=tags, deps=deps if any(deps) else None)
    ours = AttributeMatches(ruler)(doc)
    assert ours == _spacy_matches(ruler, doc)
    assert ours == sorted(set(ours))   # one match per rule and span


def test_a_rule_that_matches_nowhere_gives_nothing(ruler):
    doc = Doc(ruler.vocab, words=["absent"], tags=["JJ"])
    assert [m[0] for m in AttributeMatches(ruler)(doc)] == [RULES.index({"patterns": [[{"LOWER": "absent"}]], "attrs": {"LEMMA": "never"}})]
    doc = Doc(ruler.vocab, words=["present"], tags=["JJ"])
    assert AttributeMatches(ruler)(doc) == []


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "very", "OP": "+"}],              # an operator
    [{"_": {"flag": True}}],                       # an extension attribute
    [{"LOWER": {"FUZZY": "river"}}],               # a test the reader does not know
    [{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}],  # morphology sets
])
def test_rules_of_another_form_stay_on_spacys_matcher(pattern):
    nlp = spacy.blank("en")
    r = nlp.add_pipe("attribute_ruler")
    r.add_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
                    {"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    with pytest.raises(Unsupported):
        AttributeMatches(r)
    assert attributerules.install(nlp) is False
    assert not isinstance(r.match, AttributeMatches)


def test_a_pipeline_without_a_ruler_is_left_alone():
    assert attributerules.install(spacy.blank("en")) is False


def test_the_loaded_model_uses_the_array_matcher():
    assert isinstance(load_nlp().get_pipe("attribute_ruler").match, AttributeMatches)
