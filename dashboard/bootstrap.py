"""Bring a store to a usable state: migrations, the SOP library, and in demo mode the demo data
into an empty store. Shared by `python -m dashboard init` and the server's first start."""

from __future__ import annotations

import duckdb

from dashboard import demo as demo_data
from dashboard import sop, store


def prepare(con: duckdb.DuckDBPyConnection, demo: bool = False) -> dict[str, object]:
    """Migrate; with `demo`, fill an empty store; load SOPs not yet stored. Return what was done."""
    con.execute("SET enable_progress_bar = false")
    done: dict[str, object] = {"migrasi": store.migrate(con)}
    cur = con.cursor()
    try:
        if demo and store.is_empty(cur):
            done["demo"] = demo_data.generate(cur, "S")
        done["sop"] = sop.load_library_into(cur)
    finally:
        cur.close()
    return done
