"""Where a unit or an indicator belongs, and the caller's scope check on it: the lookups every
scoped service starts with, in one place."""

from __future__ import annotations

import duckdb

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import store


def instansi_unit(cur: duckdb.DuckDBPyConnection, unit_id: int) -> int | None:
    """The instansi of a unit; None when the unit does not exist."""
    row = cur.execute(store.sql("unit_instansi"), {"unit_id": unit_id}).fetchone()
    return int(row[0]) if row else None


def baca_unit(cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int) -> int:
    """Check the caller may read the unit; return its instansi."""
    instansi_id = instansi_unit(cur, unit_id)
    if instansi_id is None:
        raise AksesDitolak("Unit tidak ditemukan.")
    akses.lingkup_unit(instansi_id, unit_id)
    return instansi_id


def lingkup_baca(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, unit_id: int | None
) -> int | None:
    """The unit a read of the instansi is limited to (None = all of it), after checking the
    unit belongs to the instansi and the caller may read it."""
    if unit_id is not None and instansi_unit(cur, unit_id) != instansi_id:
        raise AksesDitolak("Unit tersebut bukan bagian dari instansi ini.")
    return akses.lingkup_unit(instansi_id, unit_id)


def indikator(cur: duckdb.DuckDBPyConnection, indikator_id: int) -> tuple[int, int]:
    """(instansi_id, unit_id) of an indicator."""
    row = cur.execute(store.sql("indikator_lokasi"), {"indikator_id": indikator_id}).fetchone()
    if not row:
        raise ValueError("Indikator tidak ditemukan.")
    return int(row[0]), int(row[1])


def baca_indikator(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int
) -> tuple[int, int]:
    """Check the caller may read the indicator's unit; return (instansi_id, unit_id)."""
    instansi_id, unit_id = indikator(cur, indikator_id)
    akses.lingkup_unit(instansi_id, unit_id)
    return instansi_id, unit_id
