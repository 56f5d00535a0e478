"""Importing spaCy without its command line.

``import spacy`` imports ``spacy.cli`` for the sake of one name (``spacy.info``), and with it
weasel, httpx, typer's and pydantic's command models and the training quick-start table (a
YAML file parsed at import): about 0.15 s of CPU that coding documents never uses. While spaCy
itself is imported, ``spacy.cli`` is a stand-in whose ``info`` imports the real one when called;
the stand-in is removed right after, so a later ``import spacy.cli`` (``python -m spacy``, a
user's own code) gets spaCy's real command line.
"""
from __future__ import annotations

import sys
import types


def import_spacy():
    """The ``spacy`` module, imported without ``spacy.cli`` if nothing has imported it yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that ``spacy.cli.info`` is looked up in sys.modules
    info_module = types.ModuleType("spacy.cli.info")

    def info(*args, **kwargs):
        from spacy.cli.info import info as cli_info  # the stand-ins are gone by then

        return cli_info(*args, **kwargs)

    info_module.info = info
    cli.info = info_module
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info_module
    try:
        import spacy
    except ImportError:
        # a spaCy that asks its CLI for more than ``info``: import it whole
        _remove_stand_ins(cli, info_module)
        import spacy
    finally:
        _remove_stand_ins(cli, info_module)
    return spacy


def _remove_stand_ins(cli, info_module) -> None:
    for name, stand_in in (("spacy.cli.info", info_module), ("spacy.cli", cli)):
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
