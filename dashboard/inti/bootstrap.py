"""Bring a store to a usable state: migrations, the SOP library, and in demo mode the demo data
into an empty store. Shared by `python -m dashboard init` and the server's first start. The demo
generator (a tool, dashboard/alat/) is imported only when the demo is loaded."""

from __future__ import annotations

from typing import Any

import duckdb

from dashboard.inti import store
from dashboard.sop import sop


def prepare(con: duckdb.DuckDBPyConnection, demo: bool = False) -> dict[str, object]:
    """Migrate; with `demo`, fill an empty store; load SOPs not yet stored. Return what was done."""
    store.siapkan_batch(con)
    done: dict[str, object] = {"migrasi": store.migrate(con)}
    cur = con.cursor()
    try:
        if demo and store.is_empty(cur):
            from dashboard.alat import demo as demo_data

            done["demo"] = demo_pg(con) if store.adalah_pg(con) else demo_data.generate(cur, "S")
        done["sop"] = sop.load_library_into(cur)
    finally:
        cur.close()
    return done


def demo_pg(con, scale: str = "S", **opsi: Any) -> dict[str, int]:
    """The demo on PostgreSQL: generated in an in-memory DuckDB store (the generator is
    DuckDB-only: it stages DataFrames and draws ids from sequences in bulk), then copied over
    like `pindah-ke-postgres` does. `con` must be empty (only migrated)."""
    from dashboard.alat import demo as demo_data
    from dashboard.inti import pindah

    sementara = store.connect(":memory:")
    try:
        store.migrate(sementara)
        store.siapkan_batch(sementara)
        hitung = demo_data.generate(sementara, scale, **opsi)
        pindah.salin(sementara, con)
    finally:
        sementara.close()
    return hitung
