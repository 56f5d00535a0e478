"""The store's schema: numbered migrations (``migrations/NNN_name.sql``) applied in order,
each in its own transaction, and the check that a store is no newer than this eventwire."""
from __future__ import annotations

import re
from importlib import resources

from ..errors import EventwireError

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("eventwire.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        if m := _MIGRATION_NAME.match(entry.name):
            out.append((int(m.group(1)), entry.name, entry.read_text()))
    return sorted(out)


def migrate(con) -> None:
    """Apply, on connection ``con``, every migration the store has not had yet."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    applied = {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    known = _migrations()
    if applied and max(applied) > max(v for v, _, _ in known):
        raise EventwireError("E301", f" (store at version {max(applied)})")
    for version, name, sql in known:
        if version in applied:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


def has_table(con, name: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0] > 0
