"""The category table (data/categories.json): one place for each category's quad class,
stance, symmetry and colour, read by the coder, merging, the record and the page's build."""
import csv
import json
from importlib import resources
from pathlib import Path

import pytest

from eventwire.categories import _read, categories_where, is_verbal, load_categories, quad_class, stance
from eventwire.record import PLOVER_CATEGORIES

WEB = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "web"


def test_the_codebook_and_the_table_name_the_same_categories():
    with resources.files("eventwire").joinpath("events/data/cameo_codes.csv").open(encoding="utf-8") as fh:
        in_codebook = {r["category"] for r in csv.DictReader(fh) if r["category"]}
    assert in_codebook == set(load_categories().categories) == set(PLOVER_CATEGORIES)


@pytest.mark.parametrize("category, quad, verbal, category_stance", [
    ("AGREE", 1, True, "cooperative"), ("AID", 2, False, "cooperative"),
    ("ACCUSE", 3, True, None), ("SANCTION", 3, True, "hostile"), ("ASSAULT", 4, False, "hostile"),
    (None, None, False, None), ("", None, False, None), ("NOT_A_CATEGORY", None, False, None),
])
def test_lookups(category, quad, verbal, category_stance):
    assert quad_class(category) == quad
    assert is_verbal(category) is verbal
    assert stance(category) == category_stance


def test_the_built_page_carries_the_table():
    """The bundle imports the table at build time: a table changed without `make web` fails."""
    bundle = (WEB / "app.js").read_text(encoding="utf-8")
    table = load_categories()
    for c in table.categories.values():
        assert f'"{c.name}"' in bundle or f"{c.name}:" in bundle, c.name
        assert c.color in bundle, (c.name, c.color)
    for q in table.quad_classes.values():
        assert q.name in bundle and q.color in bundle


@pytest.mark.parametrize("change", [
    {"quad_class": 5}, {"stance": "friendly"},
])
def test_a_broken_table_is_refused(change):
    with resources.files("eventwire").joinpath("data/categories.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    data["categories"]["ASSAULT"].update(change)
    with pytest.raises(ValueError, match="ASSAULT"):
        _read(data)


@pytest.mark.parametrize("flag, category, holds", [
    ("symmetric", "ASSAULT", True),     # "X and Y clashed"
    ("symmetric", "SUPPORT", False),    # "X backed Y" has a direction
    ("joint", "SUPPORT", True),         # "X and Y backed the plan": partners
    ("joint", "ASSAULT", False),
    ("joint", "ACCUSE", False),
])
def test_category_flags_come_from_the_table(flag, category, holds):
    assert (category in categories_where(flag)) is holds
    assert (category in categories_where(flag)) is getattr(load_categories().categories[category], flag)


def test_an_unknown_flag_is_refused():
    with pytest.raises(ValueError, match="colour"):
        categories_where("colour")
