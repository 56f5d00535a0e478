"""PLOVER categories and quad classes, read from one table (``data/categories.json``).

Each category's quad class, the stance a conditional commitment to it takes (a threat or an
offer), whether its sides can be told in either order, whether its coordinated subjects act
with each other, and the page's colours live there and
nowhere else: the event coder, merging, the record's schema, the exports (through the record)
and the web page's build (``web-src/src/colors.js`` imports the same file) all read it.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Literal, Optional

Stance = Literal["hostile", "cooperative"]


@dataclass(frozen=True)
class QuadClass:
    number: int    # 1 verbal cooperation ... 4 material conflict
    name: str
    verbal: bool   # said rather than done
    color: str


@dataclass(frozen=True)
class Category:
    name: str               # "ASSAULT"
    quad_class: QuadClass
    stance: Optional[Stance]
    symmetric: bool         # "X and Y clashed": either side may be named first
    joint: bool             # "X and Y agreed": the coordinated subjects act with each other
    color: str


@dataclass(frozen=True)
class CategoryTable:
    quad_classes: dict[int, QuadClass]
    categories: dict[str, Category]   # in the file's order


def _read(data: dict) -> CategoryTable:
    quads = {int(n): QuadClass(number=int(n), name=q["name"], verbal=bool(q["verbal"]), color=q["color"])
             for n, q in data["quad_classes"].items()}
    categories = {}
    for name, c in data["categories"].items():
        if c["quad_class"] not in quads or c.get("stance") not in (None, "hostile", "cooperative"):
            raise ValueError(f"categories.json: {name} has an unknown quad class or stance")
        categories[name] = Category(name=name, quad_class=quads[c["quad_class"]], stance=c.get("stance"),
                                    symmetric=bool(c.get("symmetric")), joint=bool(c.get("joint")),
                                    color=c["color"])
    return CategoryTable(quad_classes=quads, categories=categories)


@functools.lru_cache(maxsize=1)
def load_categories() -> CategoryTable:
    with resources.files("eventwire").joinpath("data/categories.json").open(encoding="utf-8") as fh:
        return _read(json.load(fh))


def quad_class(category: str | None) -> int | None:
    """The quad class (1-4) of a PLOVER category; None for no or an unknown category."""
    found = load_categories().categories.get(category or "")
    return found.quad_class.number if found else None


def is_verbal(category: str | None) -> bool:
    """Whether the category is a statement (quad class 1 or 3) rather than an act."""
    found = load_categories().categories.get(category or "")
    return bool(found and found.quad_class.verbal)


def stance(category: str | None) -> Stance | None:
    found = load_categories().categories.get(category or "")
    return found.stance if found else None


def categories_where(flag: str) -> frozenset[str]:
    """The names of the categories whose ``flag`` (``symmetric`` or ``joint``) is set."""
    if flag not in ("symmetric", "joint"):
        raise ValueError(f"no category flag {flag!r}")
    return frozenset(c.name for c in load_categories().categories.values() if getattr(c, flag))
