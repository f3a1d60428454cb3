"""The store: connection, numbered migrations, named queries and transactions.

Two backends behind one interface (a DuckDB connection's): an embedded DuckDB file (one
connection per process: DuckDB lets only one process open a file) or, with a `postgresql://`
URL, a shared PostgreSQL database (dashboard/inti/store_pg.py, several processes). Callers take a
cursor per unit of work; every write runs inside `transaction()`. The same SQL files run on both
(docs/postgres.md: the rules for writing a query both engines run).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Hashable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import psycopg

from dashboard.inti import config, store_pg

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class StoreError(RuntimeError):
    """A store problem with a message a person can act on (Indonesian)."""


class MigrationError(StoreError):
    pass


class KonflikData(StoreError):
    """Someone else changed the same data first: nothing was saved, the form must reload."""


# What a write that raced another raises, whatever the backend: a write-write conflict in
# DuckDB, a deadlock or serialization failure in PostgreSQL (GALAT_TRANSAKSI); plus a key
# inserted by the other writer first (GALAT_KONFLIK). The services turn them into KonflikData.
GALAT_TRANSAKSI: tuple[type[BaseException], ...] = (
    duckdb.TransactionException,
    psycopg.errors.SerializationFailure,
    psycopg.errors.DeadlockDetected,
)
GALAT_KONFLIK: tuple[type[BaseException], ...] = (
    *GALAT_TRANSAKSI,
    duckdb.ConstraintException,
    psycopg.errors.UniqueViolation,
)
GALAT_DB: tuple[type[BaseException], ...] = (duckdb.Error, psycopg.Error)


_TIDAK_TERTULIS = ("no space left", "read-only file system", "permission denied", "disk full")


def _tidak_tertulis(exc: BaseException) -> bool:
    """A write the file system refused (full disk, read-only folder), not a data problem."""
    return isinstance(exc, duckdb.Error) and any(t in str(exc).lower() for t in _TIDAK_TERTULIS)


def _pesan_tidak_tertulis(exc: BaseException) -> str:
    return (
        "Penyimpanan penuh atau folder data tidak dapat ditulis; tidak ada yang disimpan. "
        f"Kosongkan ruang disk atau periksa izin folder data, lalu ulangi. ({exc})"
    )


def connect(path: Path | str | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store: a `postgresql://` URL (store_pg), else the DuckDB file, creating its
    folder; a clear error when another process holds the file or the server is unreachable."""
    if path is None:
        path = config.db_url()
    if isinstance(path, Path) and re.match(r"postgres(ql)?:/[^/]", str(path)):
        path = str(path).replace(":/", "://", 1)  # a URL passed through Path() lost a slash
    if store_pg.adalah_url(path):
        return _connect_pg(str(path))
    path = Path(path)
    if str(path) != ":memory:":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Folder basis data {path.parent} tidak dapat dibuat: {exc}") from exc
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if _tidak_tertulis(exc):
            raise StoreError(
                f"Basis data {path} tidak dapat dibuka untuk ditulis: folder data hanya-baca, "
                f"tanpa izin tulis, atau penuh. Periksa folder {path.parent}, lalu muat ulang "
                f"halaman. ({text})"
            ) from exc
        if "lock" in text.lower():
            raise StoreError(
                f"Basis data {path} sedang dipakai proses lain (misalnya server Streamlit). "
                "Hentikan proses itu dulu, lalu ulangi perintah ini."
            ) from exc
        raise StoreError(f"Basis data {path} tidak dapat dibuka: {text}") from exc
    pakai_zona_instansi(con)
    return con


def _connect_pg(url: str) -> duckdb.DuckDBPyConnection:
    try:
        return store_pg.connect(url)  # type: ignore[return-value]  # same interface
    except psycopg.Error as exc:
        raise StoreError(
            f"Basis data PostgreSQL {store_pg._tanpa_sandi(url)} tidak dapat dihubungi: "
            f"periksa MONEV_DB (alamat, port, nama basis data, pengguna) dan bahwa server "
            f"PostgreSQL berjalan. ({exc})"
        ) from exc


def nama_tampil(path_or_url: object) -> str:
    """A store's name for messages: a file path, or the URL with its password hidden."""
    return store_pg._tanpa_sandi(str(path_or_url))


def adalah_pg(con: object) -> bool:
    """Is this connection or cursor a PostgreSQL one (store_pg)?"""
    return isinstance(con, store_pg.PgKursor)


def siapkan_batch(con: duckdb.DuckDBPyConnection) -> None:
    """Quiet a long batch (demo, CLI): DuckDB's progress bar off; nothing to do on PG."""
    if not adalah_pg(con):
        con.execute("SET enable_progress_bar = false")


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Write DuckDB's WAL into the file (after migrations and bulk loads); PostgreSQL manages
    its own write-ahead log."""
    if not adalah_pg(con):
        con.execute("CHECKPOINT")


def pakai_zona_instansi(con: duckdb.DuckDBPyConnection) -> None:
    """Every TIMESTAMP column holds the agency's local time (docs/DOMAIN.md §11): the app writes
    `config.sekarang()`, and a column's DEFAULT current_timestamp must agree, so the engine's
    time zone is the agency's for every cursor (GLOBAL: a cursor does not inherit a session
    SET), not the server's (UTC on most hosts: the value history was 7 hours behind)."""
    zona = config.zona_waktu().key.replace("'", "")
    con.execute(f"SET GLOBAL TimeZone = '{zona}'")


def migrations() -> list[tuple[int, str, Path]]:
    """The numbered migration files, in order; a gap or duplicate number is a packaging error."""
    found = []
    for path in sorted(config.MIGRATIONS_DIR.glob("*.sql")):
        m = _MIGRATION_NAME.match(path.name)
        if not m:
            raise MigrationError(f"Nama berkas migrasi tidak sesuai pola NNN_nama.sql: {path.name}")
        found.append((int(m.group(1)), path.stem, path))
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise MigrationError(f"Nomor migrasi harus berurutan mulai 1, ditemukan {numbers}")
    return found


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " versi INTEGER PRIMARY KEY, nama VARCHAR NOT NULL,"
        " diterapkan_pada TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    row = con.execute("SELECT coalesce(max(versi), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations, each in its own transaction; return the names applied.

    A failing migration is rolled back whole, leaving the database at the version before it.
    """
    current = schema_version(con)
    applied = []
    for number, name, path in migrations():
        if number <= current:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (versi, nama) VALUES (?, ?)", [number, name])
            con.execute("COMMIT")
        except GALAT_DB as exc:
            con.execute("ROLLBACK")
            raise MigrationError(f"Migrasi {name} gagal dan dibatalkan: {exc}") from exc
        applied.append(name)
    if applied:
        # Schema changes go into the file now, not only the WAL: DuckDB 1.5 cannot replay some
        # DDL from a WAL left by a stopped server (a new store then failed to open).
        checkpoint(con)
    return applied


@cache
def sql(name: str) -> str:
    """The text of a named query, `queries/<name>.sql`."""
    path = config.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"Query tidak dikenal: {name}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.stem for p in config.QUERIES_DIR.glob("*.sql"))


def fetch_df(
    cur: duckdb.DuckDBPyConnection, name: str, params: Sequence[Any] | dict | None = None
) -> pd.DataFrame:
    """Run a named query with its `$nama` parameters bound from a dict (by name: nothing to
    keep in step with the SQL's order) and return a DataFrame."""
    return cur.execute(sql(name), params or []).df()


def fetch_all(
    cur: duckdb.DuckDBPyConnection, name: str, params: Sequence[Any] | dict | None = None
) -> list[tuple]:
    return cur.execute(sql(name), params or []).fetchall()


@contextmanager
def transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, rolled back whole on any exception."""
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
    except BaseException as exc:
        cur.execute("ROLLBACK")
        if _tidak_tertulis(exc):
            raise StoreError(_pesan_tidak_tertulis(exc)) from exc
        raise
    try:
        cur.execute("COMMIT")  # DuckDB and PostgreSQL roll a failed commit back themselves
    except GALAT_DB as exc:
        if _tidak_tertulis(exc):
            raise StoreError(_pesan_tidak_tertulis(exc)) from exc
        raise


# A fixed set of lock stripes, not a lock per object: a dict of one lock per object kept every
# submission, correction and meeting ever written in memory for the life of the process.
GARIS_KUNCI = 256
_GARIS: tuple[threading.RLock, ...] = tuple(threading.RLock() for _ in range(GARIS_KUNCI))


@contextmanager
def kunci(*objek: Hashable) -> Iterator[None]:
    """Serialise the writes of this process to the same objects (e.g. one submission), taken
    around their transaction. DuckDB 1.5 reports no write-write conflict for a row updated
    through its primary-key index (both updates commit: a lost update; reproduced in
    tests/test_otorisasi_data.py), and one server process owns the database file, so a lock per
    object in the process makes the second writer start after the first has committed, where
    its conditional update sees the new state. An object's lock is one of `GARIS_KUNCI`
    stripes chosen by its hash (memory stays fixed however many objects are written; two
    objects sharing a stripe only wait for each other). Stripes are taken in a fixed order
    (no deadlock), each once per call, and are re-entrant. On PostgreSQL (several processes)
    the row locks of the same conditional updates decide between processes; this lock still
    orders the writers of one process before they get there."""
    with ExitStack() as tumpukan:
        for i in sorted({hash(k) % GARIS_KUNCI for k in objek}):
            tumpukan.enter_context(_GARIS[i])
        yield


def satu(row: tuple[Any, ...] | None) -> tuple[Any, ...]:
    """The row of a fetchone() that always finds one (an aggregate, INSERT ... RETURNING, a
    record checked just before): typed for the checker, and a missing row said plainly."""
    if row is None:
        raise RuntimeError("Kueri tidak mengembalikan baris yang seharusnya selalu ada.")
    return row


def is_empty(cur: duckdb.DuckDBPyConnection) -> bool:
    row = cur.execute("SELECT count(*) FROM instansi").fetchone()
    return not row or row[0] == 0


_PEMICU_RUN = frozenset({"periode", "laporan_berkala", "lkj", "ekinerja", "rapat"})


def log_event(
    cur: duckdb.DuckDBPyConnection,
    jenis: str,
    *,
    pengguna: str | None = None,
    peran: str | None = None,
    objek: str | None = None,
    objek_id: str | int | None = None,
    dari: str | None = None,
    ke: str | None = None,
    catatan: str | None = None,
    data: str | None = None,
) -> None:
    cur.execute(
        sql("event_insert"),
        {
            "waktu": config.sekarang(),
            "pengguna": pengguna,
            "peran": peran,
            "jenis": jenis,
            "objek": objek,
            "objek_id": None if objek_id is None else str(objek_id),
            "dari": dari,
            "ke": ke,
            "catatan": catatan,
            "data": data,
        },
    )
    if objek in _PEMICU_RUN:  # an event that may start an SOP run (docs/DOMAIN.md §8.5)
        from dashboard.sop import (
            layanan_pelaksanaan as pelaksanaan,  # noqa: PLC0415 - services import store
        )

        pelaksanaan.pada_event(cur, objek, objek_id)


def table_names(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """The store's tables (DuckDB's schema 'main', PostgreSQL's 'public'), by name."""
    skema = "public" if adalah_pg(cur) else "main"
    return [
        r[0]
        for r in cur.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 "
            "AND table_type = 'BASE TABLE' ORDER BY table_name",
            [skema],
        ).fetchall()
    ]
