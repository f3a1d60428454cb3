"""PostgreSQL behind the store's DuckDB-shaped interface (`MONEV_DB=postgresql://...`).

Why psycopg 3 and not DuckDB's postgres extension: the extension wheel for our DuckDB (1.5.6)
did not exist (it needs 1.5.5), and through it PostgreSQL refuses CREATE SEQUENCE and
UPDATE ... RETURNING, which the migrations and 39 named queries use. With psycopg the SQL runs
on PostgreSQL itself, so its row locks and version checks hold across processes.

The services were written against a DuckDB connection: `execute(sql, params)` returning the
connection, then `fetchone() / fetchall() / df()`, `cursor()` for a unit of work, `register`
for a DataFrame, and `fetchone()` of an UPDATE giving its row count. `PgStore` (what
`store.connect(url)` returns) and `PgKursor` (its cursors) give the same interface:

- every cursor is its own PostgreSQL connection, taken from a pool per process (psycopg_pool)
  and given back on `close()`, in autocommit mode: `store.transaction()` sends its literal
  BEGIN / COMMIT / ROLLBACK; READ COMMITTED makes a racing `UPDATE ... WHERE versi = $n` wait
  for the other transaction and re-check its WHERE on the new row, so exactly one of two
  processes wins (the other sees 0 rows and reports a conflict);
- placeholders: the named queries use `$nama` bound from a dict (DuckDB's own named style):
  each name is numbered into `$1..$n` in order of first appearance and the dict put in that
  order (cached per query text); `$1..$n` with a list is PostgreSQL's own, sent as it is
  through psycopg's RawCursor; a `?` outside quotes and comments is numbered into `$n`;
- results: NUMERIC (sum/avg of integers) comes back as float like DuckDB's DOUBLE; `df()`
  builds the DataFrame with the dtypes DuckDB's `df()` gives (int32/Int32 with NULLs,
  datetime64[us] for DATE and TIMESTAMP, nullable boolean);
- `register(name, df)` stages a DataFrame as a TEMP table filled by COPY (DuckDB registers a
  view); it is dropped by `unregister` or when the cursor is given back;
- the session TimeZone is the agency's (TIMESTAMP columns hold local time, docs/DOMAIN.md §11).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import psycopg
import psycopg_pool
from psycopg import pq
from psycopg.types.numeric import FloatLoader
from psycopg.types.string import StrDumper

from dashboard.inti import config

_POOL_BAWAAN = 20  # connections per server process (MONEV_PG_KONEKSI)


adalah_url = config.adalah_url


_NAMA = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@lru_cache(maxsize=2048)
def _bernomor(query: str) -> tuple[str, tuple[str, ...]]:
    """The query with PostgreSQL's `$1..$n` placeholders, and the names they stand for. A
    `$nama` (DuckDB's named style, what the queries use) is numbered in order of first
    appearance; a `?` (DuckDB's positional style, inline SQL) takes the next number; quoted text,
    comments, `$n` and dollar-quoted text (`$$...$$`, `$tag$...$tag$`) are left alone."""
    if "$" not in query and "?" not in query:
        return query, ()
    keluar: list[str] = []
    nomor: dict[str, int] = {}
    tanya = 0
    i = 0
    while i < len(query):
        c = query[i]
        if c in "'\"":
            j = query.find(c, i + 1)
            j = len(query) if j < 0 else j + 1
        elif query.startswith("--", i):
            j = query.find("\n", i)
            j = len(query) if j < 0 else j
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            j = len(query) if j < 0 else j + 2
        elif c == "?":
            tanya += 1
            keluar.append(f"${tanya}")
            i += 1
            continue
        elif c == "$" and query.startswith("$", i + 1):  # $$ ... $$
            j = query.find("$$", i + 2)
            j = len(query) if j < 0 else j + 2
        elif c == "$" and (m := _NAMA.match(query, i + 1)):
            if query.startswith("$", m.end()):  # $tag$ ... $tag$
                tag = query[i : m.end() + 1]
                j = query.find(tag, m.end() + 1)
                j = len(query) if j < 0 else j + len(tag)
            else:
                keluar.append(f"${nomor.setdefault(m.group(), len(nomor) + 1)}")
                i = m.end()
                continue
        else:
            j = i + 1
        keluar.append(query[i:j])
        i = j
    return "".join(keluar), tuple(nomor)


def _berurut(nama: tuple[str, ...], nilai: Mapping[str, Any], query: str) -> list[Any]:
    """A dict of named parameters as the list `$1..$n` takes; a missing or unused name is an
    error, as in DuckDB (which checks both)."""
    hilang = [n for n in nama if n not in nilai]
    lebih = sorted(set(nilai) - set(nama))
    if hilang or lebih:
        awal = " ".join(query.split())[:80]
        raise psycopg.ProgrammingError(
            f"Parameter bernama tidak cocok dengan kueri ({awal}...): "
            f"tidak diberikan {hilang}, tidak dipakai {lebih}"
        )
    return [nilai[n] for n in nama]


def _parameter_pg(query: str, parameters: Sequence[Any] | Mapping[str, Any] | None) -> tuple:
    """The text and positional list psycopg is given: named (dict), `$n` or `?` (list). A query
    given no parameters goes as it is: a `?` there is PostgreSQL's own (the jsonb operator)."""
    if isinstance(parameters, Mapping):
        teks, nama = _bernomor(query)
        return teks, _berurut(nama, parameters, query) or None
    if not parameters:
        return query, None
    return _bernomor(query)[0], list(parameters)


def _adapters() -> psycopg.adapt.AdaptersMap:
    """Python str is sent as text (DuckDB binds a str as VARCHAR; psycopg's default 'unknown'
    leaves `$1 IS NULL OR ...` untyped); NUMERIC is read as float."""
    peta = psycopg.adapt.AdaptersMap(psycopg.adapters)
    peta.register_dumper(str, StrDumper)
    peta.register_loader("numeric", FloatLoader)
    return peta


_ADAPTERS = _adapters()

# PostgreSQL type oids -> the dtype DuckDB's df() gives (nullable when the column has NULLs).
_INT = {21: ("int16", "Int16"), 23: ("int32", "Int32"), 20: ("int64", "Int64")}
_FLOAT = {700, 701, 1700}
_WAKTU = {1082, 1114}
_BOOL = 16


def _kolom_df(nilai: list, oid: int) -> pd.Series | np.ndarray | list:
    ada_null = any(v is None for v in nilai)
    if oid in _INT:
        return pd.array(nilai, dtype=_INT[oid][1] if ada_null else _INT[oid][0])
    if oid in _FLOAT:
        return np.array([np.nan if v is None else float(v) for v in nilai], dtype="float64")
    if oid in _WAKTU:
        return pd.to_datetime(pd.Series(nilai, dtype=object)).astype("datetime64[us]")
    if oid == _BOOL:
        return pd.array(nilai, dtype="boolean" if ada_null else "bool")
    seri = pd.Series(nilai, dtype=object)
    if any(isinstance(v, list) for v in nilai):  # DuckDB gives a LIST cell as a numpy array
        seri = seri.map(lambda v: np.array(v, dtype=object) if isinstance(v, list) else v)
    return seri


def _tipe_pg(seri: pd.Series) -> str:
    """The column type of a staged DataFrame column (register)."""
    dtype = seri.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "BOOLEAN"
    if pd.api.types.is_integer_dtype(dtype):
        return "BIGINT"
    if pd.api.types.is_float_dtype(dtype):
        return "DOUBLE PRECISION"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "TIMESTAMP"
    contoh = next((v for v in seri if v is not None and not pd.isna(v)), None)
    if isinstance(contoh, bool | np.bool_):
        return "BOOLEAN"
    if isinstance(contoh, int | np.integer):
        return "BIGINT"
    if isinstance(contoh, float | np.floating):
        return "DOUBLE PRECISION"
    if isinstance(contoh, dt.datetime):
        return "TIMESTAMP"
    if isinstance(contoh, dt.date):
        return "DATE"
    return "TEXT"


def _nilai_py(v: Any) -> Any:
    """A DataFrame cell as what COPY writes: NA/NaT -> NULL, numpy scalars -> Python."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v


def _ident(nama: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", nama):
        raise ValueError(f"Nama tabel sementara tidak sah: {nama!r}")
    return nama


class PgKursor:
    """One PostgreSQL connection with a DuckDB-connection-like interface."""

    def __init__(self, store: PgStore, conn: psycopg.Connection) -> None:
        self._store = store
        self._conn: psycopg.Connection | None = conn
        self._cur = conn.cursor()
        self._terdaftar: set[str] = set()

    # -- running statements ------------------------------------------------------------------
    def execute(
        self, query: str, parameters: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> PgKursor:
        teks, params = _parameter_pg(query, parameters)
        self._cur.execute(teks, params)
        while self._cur.nextset():  # several statements: DuckDB returns the last one's result
            pass
        return self

    def executemany(
        self, query: str, parameters: Iterable[Sequence[Any] | Mapping[str, Any]]
    ) -> PgKursor:
        teks = _bernomor(query)[0]
        self._cur.executemany(teks, [_parameter_pg(query, p)[1] or [] for p in parameters])
        return self

    def _ada_hasil(self) -> bool:
        return self._cur.pgresult is not None and self._cur.description is not None

    def fetchone(self) -> tuple | None:
        if not self._ada_hasil():
            return self._jumlah_baris()
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        if not self._ada_hasil():
            baris = self._jumlah_baris()
            return [baris] if baris else []
        return self._cur.fetchall()

    def _jumlah_baris(self) -> tuple | None:
        """DuckDB answers INSERT/UPDATE/DELETE with one row: the number of rows changed."""
        return (self._cur.rowcount,) if self._cur.rowcount >= 0 else None

    def df(self) -> pd.DataFrame:
        if not self._ada_hasil():
            return pd.DataFrame({"Count": [self._cur.rowcount]})
        kolom = self._cur.description or []
        baris = self._cur.fetchall()
        data = {}
        for i, k in enumerate(kolom):
            data[k.name] = _kolom_df([r[i] for r in baris], k.type_code)
        if len({k.name for k in kolom}) != len(kolom):  # duplicate names: keep them all
            return pd.DataFrame(
                {i: _kolom_df([r[i] for r in baris], k.type_code) for i, k in enumerate(kolom)}
            ).set_axis([k.name for k in kolom], axis=1)
        return pd.DataFrame(data, index=pd.RangeIndex(len(baris)))

    fetchdf = df

    @property
    def description(self) -> list | None:
        return self._cur.description

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    # -- DataFrames as tables ----------------------------------------------------------------
    def register(self, nama: str, df: pd.DataFrame) -> PgKursor:
        """Stage `df` as TEMP table `nama` (DuckDB: a view over the frame), filled by COPY."""
        nama = _ident(nama)
        kolom = [_ident(str(c)) for c in df.columns]
        definisi = ", ".join(f"{c} {_tipe_pg(df[c])}" for c in kolom)
        self._cur.execute(f"DROP TABLE IF EXISTS pg_temp.{nama}")
        self._cur.execute(f"CREATE TEMP TABLE {nama} ({definisi})")
        self._terdaftar.add(nama)
        with self.copy(f"COPY {nama} ({', '.join(kolom)}) FROM STDIN") as copy:
            for baris in df.itertuples(index=False, name=None):
                copy.write_row([_nilai_py(v) for v in baris])
        return self

    def copy(self, statement: str) -> AbstractContextManager[psycopg.Copy]:
        """`COPY ... FROM STDIN` on this connection (bulk loads: register, pindah-ke-postgres)."""
        return self._cur.copy(statement)

    def unregister(self, nama: str) -> PgKursor:
        self._terdaftar.discard(nama)
        gagal = pq.TransactionStatus.INERROR
        if self._conn is not None and self._conn.info.transaction_status != gagal:
            # in a failed transaction the ROLLBACK removes a table created in it; one made
            # before is dropped by the next register or when the connection is given back
            self._cur.execute(f"DROP TABLE IF EXISTS pg_temp.{_ident(nama)}")
        return self

    # -- lifetime ----------------------------------------------------------------------------
    def cursor(self) -> PgKursor:
        return self._store.cursor()

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        self._store._kembalikan(conn, self._terdaftar)
        self._terdaftar = set()

    def __enter__(self) -> PgKursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PgStore(PgKursor):
    """The process's handle on one PostgreSQL database: a pool of connections, plus one of its
    own for statements run on the store itself (migrations, the CLI), like DuckDB's."""

    backend = "postgres"

    def __init__(self, url: str, pool_max: int | None = None) -> None:
        self.url = url
        zona = config.zona_waktu().key

        def _siapkan(conn: psycopg.Connection) -> None:
            conn.execute(f"SET TimeZone = '{zona.replace(chr(39), '')}'")

        # one direct connection first: an unreachable server, a missing database or a refused
        # login is reported at once with PostgreSQL's own reason (the pool would retry quietly)
        psycopg.connect(url, connect_timeout=10).close()
        maks = pool_max or config.bilangan("MONEV_PG_KONEKSI", "database", "koneksi", 0)
        self._pool = psycopg_pool.ConnectionPool(
            url,
            min_size=1,
            max_size=max(2, maks or _POOL_BAWAAN),
            kwargs={"autocommit": True, "cursor_factory": psycopg.RawCursor, "context": _ADAPTERS},
            configure=_siapkan,
            open=False,
            name="monev",
            num_workers=1,
            timeout=30,
        )
        try:
            self._pool.open(wait=True, timeout=15)
        except psycopg_pool.PoolTimeout as exc:
            self._pool.close()
            raise psycopg.OperationalError(f"tidak terhubung ke {_tanpa_sandi(url)}") from exc
        self._lock = threading.Lock()
        super().__init__(self, self._pool.getconn())

    def cursor(self) -> PgKursor:
        return PgKursor(self, self._pool.getconn())

    def _kembalikan(self, conn: psycopg.Connection, terdaftar: set[str]) -> None:
        """Give a connection back clean: no open transaction, no staged tables."""
        try:
            if not conn.closed:
                if conn.info.transaction_status != pq.TransactionStatus.IDLE:
                    conn.execute("ROLLBACK")
                for nama in terdaftar:
                    conn.execute(f"DROP TABLE IF EXISTS pg_temp.{nama}")
        except psycopg.Error:
            conn.close()  # the pool replaces a broken connection
        if self._pool.closed:
            conn.close()
        else:
            self._pool.putconn(conn)

    def close(self) -> None:
        with self._lock:
            if self._pool.closed:
                return
            super().close()
            self._pool.close()


def _tanpa_sandi(url: str) -> str:
    """The URL for a message: the password, if any, hidden."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def connect(url: str) -> PgStore:
    return PgStore(url)
