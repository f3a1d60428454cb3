"""Data versions per scope, so a write invalidates only the cached reads of the data it touched
(docs/DOMAIN.md §13), in every server process that shares the store.

A scope (lingkup) is `GLOBAL` (data of no single instansi) or one instansi. Its version lives
in the store (table `versi_data`, migration 009): a write bumps the scopes it touched right
after it commits, and a cached read puts the current version of the scopes it depends on in
its cache key, so a bump in any process turns exactly those reads cold everywhere.

Why the instansi and not the unit or the period: the reads worth caching are the dashboards of
the Kadis, the Sekretaris and the Pengelola Monev, and each of them spans every unit of the
instansi and compares the quarter with the earlier ones, so every save in the instansi must
refresh them anyway; a finer scope would only keep warm the small one-unit views of the other
units' staf, at the price of every read and write naming its units and periods. A save in one
instansi never turns cold what another instansi sees: a deadline with 40 to 60 perangkat
daerah saving at once stays warm for everyone else.

Services that write may say which scopes they touched with `sentuh(...)` (inside their
transaction, after their checks); `web.tulis` collects that and bumps it. A service that says
nothing bumps the writer's scope: the writer's instansi, or `GLOBAL` for a writer tied to no
instansi. Writes of cross-instansi data (SOP library, holidays, working hours, users, the
instansi list, the plan workbook) say `sentuh(GLOBAL)`.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import duckdb

from dashboard.inti import store

GLOBAL = "global"
# Sessions and accounts (a logout, a lock, a changed role or password): bumped by the services
# of dashboard/akun/layanan_pengguna.py after such a write, whoever calls them (a page, the sign-in
# route, the CLI), so every process looks its sessions up again (dashboard/akun/auth.py). Not data:
# no cached read depends on it.
SESI = "sesi"

# The scopes the write running in this context touched (None: no write is being recorded).
_TERSENTUH: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "monev_lingkup_tersentuh", default=None
)
# Bumps of this process one at a time: DuckDB reports no conflict for two concurrent updates
# of one row through its primary key (one of them would be lost); PostgreSQL needs no lock
# (the upsert is one statement), and other processes are not concerned.
_NAIK = threading.Lock()


def lingkup_instansi(instansi_id: int) -> str:
    return f"instansi:{int(instansi_id)}"


def lingkup_isian(instansi_id: int) -> str:
    """The values, notes and evidence the units of an instansi have entered (a draft save):
    what most dashboard reads show, but not the follow-ups, the units, the SOP step records or
    the lists of instansi (docs/DOMAIN.md §13.6)."""
    return f"isian:{int(instansi_id)}"


def lingkup_penulis(instansi_id: int | None) -> str:
    """The scope of a write that said nothing: the writer's instansi, or every instansi's data
    (GLOBAL) for a writer tied to none (an administrator, a Sekretariat Daerah view)."""
    return GLOBAL if instansi_id is None else lingkup_instansi(instansi_id)


def sentuh(*lingkup: str) -> None:
    """Inside a service's write: it touched these scopes. A no-op outside `catat` (a CLI
    command, a test calling the service)."""
    tersentuh = _TERSENTUH.get()
    if tersentuh is not None:
        tersentuh.update(lingkup)


def sentuh_instansi(instansi_id: int | None) -> None:
    """Inside a write of one instansi's data (None: the data of every instansi)."""
    sentuh(lingkup_penulis(instansi_id))


def sentuh_isian(instansi_id: int) -> None:
    """Inside a write of entered values only (a draft save): the reads that show no entered
    value (`web.cached_read(..., isian=False)`) stay warm."""
    sentuh(lingkup_isian(instansi_id))


@contextmanager
def catat() -> Iterator[set[str]]:
    """Collect the scopes `sentuh` names during the block (the write of one `web.tulis`)."""
    tersentuh: set[str] = set()
    token = _TERSENTUH.set(tersentuh)
    try:
        yield tersentuh
    finally:
        _TERSENTUH.reset(token)


def naikkan(cur: duckdb.DuckDBPyConnection, lingkup: Iterable[str]) -> None:
    """Bump the version of every scope in `lingkup`, each in its own one-statement commit."""
    with _NAIK:
        for nama in sorted(set(lingkup)):
            cur.execute(store.sql("versi_naik"), {"nama": nama})


def sesi_berubah(cur: duckdb.DuckDBPyConnection) -> None:
    """After a write that ends a session or changes an account: every process checks its
    sessions at their next run."""
    naikkan(cur, [SESI])


def baca(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Every scope's version: one small query (one row per instansi written, plus GLOBAL)."""
    return {str(k): int(v) for k, v in store.fetch_all(cur, "versi_semua")}


def kunci(versi: dict[str, int], instansi_id: int | None, isian: bool = True) -> tuple[int, ...]:
    """The part of a cached read's key that changes when its data may have changed: for a read
    of one instansi, the versions of GLOBAL and of that instansi, and of its entered values
    unless the read shows none (`isian` False); for a read over every instansi, the sum of all
    versions (it grows with every bump, in any scope)."""
    if instansi_id is None:
        return (sum(v for k, v in versi.items() if k != SESI),)
    bagian = (versi.get(GLOBAL, 0), versi.get(lingkup_instansi(instansi_id), 0))
    return (*bagian, versi.get(lingkup_isian(instansi_id), 0)) if isian else bagian
