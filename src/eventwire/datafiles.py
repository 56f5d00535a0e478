"""Reading YAML data files: the stages' tables and a user's own files."""
from __future__ import annotations

import yaml

# libyaml's parser when PyYAML was built with it: the same data as yaml.safe_load, about
# ten times faster (the event, time and actor tables are read at every start-up).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream):
    """``yaml.safe_load`` of a string or an open file."""
    return yaml.load(stream, Loader=_LOADER)
