import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tables built during the tests go to this session's own cache, not the user's.
_TABLE_CACHE = tempfile.mkdtemp(prefix="eventwire-test-tables-")
os.environ.setdefault("EVENTWIRE_CACHE", _TABLE_CACHE)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_TABLE_CACHE, ignore_errors=True)


FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).parents[1] / "samples" / "wikinews" / "wikinews.jsonl"

# A short wire-style article written for these tests.
ARTICLE = (
    "Turkish President Recep Tayyip Erdogan warned on Friday that an attack on Idlib would "
    "cause a humanitarian disaster. Russian warplanes bombed rebel positions near the city "
    "of Idlib last week, the Syrian Observatory for Human Rights said."
)


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def sample_articles():
    with open(SAMPLE, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh][:6]
