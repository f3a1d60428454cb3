"""Streamlit glue: the process-wide connection, a cursor per use, cached reads, safe errors.

Pages import this and the chart helpers; they never touch SQL or the engine directly.
"""

from __future__ import annotations

import inspect
import logging
import threading
import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import cachetools
import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import cache_proses, config, store, versi_data
from dashboard.inti.formats import md_aman
from dashboard.notifikasi import penjadwal

log = logging.getLogger("monev")
P = ParamSpec("P")
T = TypeVar("T")


@st.cache_resource(show_spinner="Menyiapkan basis data ...")
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    """One connection per process and store (a DuckDB file, or a PostgreSQL URL: then a pool
    of connections, one per cursor): migrate, and load the demo into an empty store."""
    from dashboard.inti.bootstrap import prepare  # avoid importing demo code in every page

    con = store.connect(path)
    prepare(con, demo=config.demo_mode())
    if isinstance(con, duckdb.DuckDBPyConnection):
        # Many small queries of many sessions at once, each on its own thread: a query split
        # over worker threads only adds their hand-offs (measured: ~20 % more CPU per query).
        con.execute("SET threads = 1")
    penjadwal.mulai(con)  # the reminders and the outbox, from the server itself (§14.5)
    return con


def connection() -> duckdb.DuckDBPyConnection:
    return _connection(config.db_url())


@contextmanager
def cursor() -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the shared connection for one unit of work, closed afterwards."""
    cur = connection().cursor()
    try:
        yield cur
    finally:
        cur.close()


_VERSI = "_monev_versi_data"


def awal_run() -> None:
    """At the start of every page run (streamlit_app.py): the run's first cached read reads the
    data versions again (one small query per run, not one per read). A fragment's own rerun
    keeps the versions of its page run, so its reads agree with the data the page drew around
    it; a write reruns the whole page."""
    st.session_state.pop(_VERSI, None)


def _versi() -> dict[str, int]:
    versi = st.session_state.get(_VERSI)
    if versi is None:
        with cursor() as cur:
            versi = versi_data.baca(cur)
        st.session_state[_VERSI] = versi
    return versi


def versi_lingkup(lingkup: str) -> int:
    """The current version of one scope this run (e.g. a user's inbox scope): an argument of
    a cached read keyed on a scope other than its instansi's (docs/DOMAIN.md §14)."""
    return _versi().get(lingkup, 0)


def _kunci_versi(
    tanda: inspect.Signature, args: tuple, kwargs: dict, dengan_cur: bool = True, isian: bool = True
) -> tuple:
    """The store and the data versions a read `fn(cur, akses, ...)` (or a view
    `fn(akses, ...)`, `dengan_cur` False) depends on: the instansi it names (its `instansi_id`
    argument), else the caller's instansi, else every instansi."""
    argumen: dict[str, Any]
    try:
        argumen = tanda.bind_partial(*((None,) if dengan_cur else ()), *args, **kwargs).arguments
    except TypeError:  # the service reports the wrong call itself
        argumen = {}
    instansi_id = argumen.get("instansi_id")
    akses = argumen.get("akses")
    if instansi_id is None and isinstance(akses, Akses):
        instansi_id = akses.instansi_id
    # The store is in the key: cached reads of one database file are never served for another.
    return (config.db_url(), *versi_data.kunci(_versi(), instansi_id, isian))


# Signatures of the functions cached, by their code: a page's own views are new function objects
# on every run of the page, but of the same code (Streamlit compiles a page once). Keyed by the
# function, the cache held the last 512 of them and with each its run's module globals: under
# 80 sessions about 35.000 more live objects (7 %) for every full garbage collection to walk.
_tanda: Callable[[Callable], inspect.Signature] = cachetools.cached(
    cachetools.LRUCache(maxsize=512),
    key=lambda fn: getattr(fn, "__code__", fn),
    lock=threading.Lock(),
)(inspect.signature)


# Every cached read and view of this process (inti/cache_proses.py: why not st.cache_data).
# Big enough for every session's current reads at a deadline (older versions are the least
# recently used); the TTL only bounds memory and writes made outside the app (a CLI command).
_BACAAN = cache_proses.CacheProses(maksimum=2048, ttl=900, salin=True)
_TAMPILAN = cache_proses.CacheProses(maksimum=512, ttl=900, salin=False)


def _nama(fn: Callable) -> str:
    """A function's name in the cache keys: a page's functions all live in the module
    "__main__", so its file tells two pages apart."""
    kode = getattr(fn, "__code__", None)
    return f"{fn.__module__}.{fn.__qualname__}:{kode.co_filename if kode else ''}"


def _argumen_kunci(args: tuple, kwargs: dict, bersama: bool) -> tuple[tuple, dict]:
    """The arguments as a cache key holds them: with `bersama`, each caller (`Akses`) by its
    reach (`Akses.jangkauan`), so callers of the same reach share one value."""
    if not bersama:
        return args, kwargs

    def ganti(x: Any) -> Any:
        return ("jangkauan", x.jangkauan) if isinstance(x, Akses) else x

    return tuple(ganti(a) for a in args), {k: ganti(v) for k, v in kwargs.items()}


def cached_read(
    fn: Callable[..., T], isian: bool = True, bersama: bool = False
) -> Callable[..., T]:
    """Cache a service read `fn(cur, akses, ...)`. The key includes the caller, so the
    service's permission check has passed for exactly this caller before a hit is served, and
    the current version of the data it reads (docs/DOMAIN.md §13): a write elsewhere in the
    same instansi, in this process or another one sharing the store, turns it cold; a write in
    another instansi leaves it warm. `isian=False` for a read that shows no value the units
    entered: a draft save leaves it warm (§13.6). `bersama=True` for a read that looks at its
    caller only through `Akses.lingkup_unit` / `cek_instansi` (the Beranda's): keyed by the
    caller's reach instead, so the Kadis, the Sekretaris and the Pengelola Monev of one Dinas
    share it (§13.9). The TTL only bounds memory and writes made outside the app (a CLI
    command) that bump no version."""
    tanda, nama = _tanda(fn), _nama(fn)

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        versi = _kunci_versi(tanda, args, kwargs, isian=isian)

        def baca() -> T:
            with cursor() as cur:
                return fn(cur, *args, **kwargs)

        kunci = cache_proses.kunci(nama, versi, *_argumen_kunci(args, kwargs, bersama))
        return _BACAAN.ambil(kunci, baca)

    return wrapper


def cached_view(fn: Callable[..., T], bersama: bool = False) -> Callable[..., T]:
    """Cache what a page builds from cached reads, `fn(akses, ...)`: a chart, a formatted
    table, a list ranked from a read. Built once per caller, arguments and data version, keyed
    like `cached_read` (its `instansi_id` argument, else the caller's instansi), so it turns
    cold exactly when the reads it is built from do (docs/DOMAIN.md §13.5). `fn` must read
    only through cached reads given the same caller and instansi, and depend on nothing else.
    The value is shared, not copied (a plotly figure would be validated again on every copy):
    never change it in place. `bersama=True` (keyed by the caller's reach, as `cached_read`)
    only for a view built from `bersama` reads that looks at its caller no other way."""
    tanda, nama = _tanda(fn), _nama(fn)

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        versi = _kunci_versi(tanda, args, kwargs, dengan_cur=False)
        kunci = cache_proses.kunci(nama, versi, *_argumen_kunci(args, kwargs, bersama))
        return _TAMPILAN.ambil(kunci, lambda: fn(*args, **kwargs))

    return wrapper


# Arrow tables of shared frames, by the frame's id and the shape asked (see arrow_sekali).
_ARROW: dict[tuple[int, Hashable], tuple[weakref.ref, pa.Table]] = {}
_ARROW_KUNCI = threading.Lock()


def _lupakan_arrow(kunci: tuple[int, Hashable]) -> None:
    with _ARROW_KUNCI:
        _ARROW.pop(kunci, None)


def arrow_sekali(
    df: pd.DataFrame, bentuk: Hashable, tampak: Callable[[], pd.DataFrame]
) -> pa.Table | pd.DataFrame:
    """`tampak()` (a table shaped from `df` as `bentuk` says) as an Arrow table, converted once
    for as long as `df` lives. `st.dataframe` converts a pandas frame to Arrow on every run, column
    by column: a fifth of a warm Beranda run (issue 16's profile), for tables that come from a
    cached view and so do not change between runs (a view is never changed in place). A frame
    Arrow cannot take as it is (mixed types in one column) goes to Streamlit as a frame."""
    kunci = (id(df), bentuk)
    with _ARROW_KUNCI:
        ada = _ARROW.get(kunci)
    if ada is not None and ada[0]() is df:
        return ada[1]
    isi = tampak()
    try:
        tabel = pa.Table.from_pandas(isi, preserve_index=False)
    except (pa.ArrowException, ValueError, TypeError):
        return isi
    with _ARROW_KUNCI:
        _ARROW[kunci] = (weakref.ref(df), tabel)
    weakref.finalize(df, _lupakan_arrow, kunci)
    return tabel


def kosongkan_cache() -> None:
    """Forget every cached read and view of this process (not the connection)."""
    _BACAAN.kosongkan()
    _TAMPILAN.kosongkan()


def invalidate(lingkup: Iterable[str]) -> None:
    """After a write: bump the versions of the scopes it touched, in the store, so the cached
    reads of exactly that data turn cold in every process; this run reads versions again.
    Other scopes stay warm. Should the bump itself fail, this process's whole cache is
    emptied instead (other processes then see the write when its entries expire)."""
    lingkup = set(lingkup)
    if not lingkup:
        return
    try:
        with cursor() as cur:
            versi_data.naikkan(cur, lingkup)
    except Exception:  # noqa: BLE001 - the write itself is done; stale reads are the risk
        log.exception("Versi data %s tidak dapat dinaikkan", sorted(lingkup))
        kosongkan_cache()
    st.session_state.pop(_VERSI, None)


def _lingkup_penulis(args: tuple, kwargs: dict) -> str:
    """The scope of a write whose service named none: the caller's instansi (GLOBAL for a
    caller tied to no instansi, or when the caller is unknown)."""
    akses = next(
        (a for a in (*args, *kwargs.values()) if isinstance(a, Akses)),
        st.session_state.get("akses"),
    )
    return versi_data.lingkup_penulis(akses.instansi_id if isinstance(akses, Akses) else None)


def show_error(exc: BaseException) -> None:
    """A message a person can act on; the traceback goes to the server log only."""
    if isinstance(exc, AksesDitolak):
        st.error(md_aman(exc), icon=":material/block:")
    elif isinstance(exc, ValueError | store.StoreError):
        st.error(md_aman(exc), icon=":material/error:")
    else:
        log.exception("Kesalahan tak terduga", exc_info=exc)
        st.error(
            "Terjadi kesalahan pada sistem. Silakan coba lagi; bila berulang, hubungi "
            "administrator.",
            icon=":material/error:",
        )


def safe(fn: Callable[P, T]) -> Callable[P, T | None]:
    """Run a page action; show errors as messages instead of tracebacks."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown as a message, logged in full
            show_error(exc)
            return None

    return wrapper


_FLASH = "_monev_flash"


def tulis(
    fn: Callable[..., T],
    *args: Any,
    sukses: str | Callable[[T], str] | None = None,
    rerun: bool = True,
    setelah: Callable[[], None] | None = None,
    **kwargs: Any,
) -> tuple[bool, T | BaseException | None]:
    """Run a service write `fn(cur, *args)`, then invalidate the cached reads of the data it
    touched (the scopes the service named with `versi_data.sentuh`, else the caller's
    instansi), run `setelah` and rerun so the page shows the new state with the success
    message on top. On failure show an actionable error (never a traceback), keep the form as
    typed and return (False, the exception); a conflict with another user's save reruns with
    fresh values and the message kept."""
    with versi_data.catat() as tersentuh:
        try:
            with cursor() as cur:
                hasil = fn(cur, *args, **kwargs)
        except store.KonflikData as exc:
            invalidate(tersentuh or {_lingkup_penulis(args, kwargs)})
            if setelah:
                setelah()
            st.session_state[_FLASH] = ("error", str(exc))
            st.rerun()
        except Exception as exc:  # noqa: BLE001 - shown as a message, logged in full
            invalidate(tersentuh)  # what a service committed before it failed, if it said so
            show_error(exc)
            return False, exc
    invalidate(tersentuh or {_lingkup_penulis(args, kwargs)})
    if setelah:
        setelah()
    pesan = (sukses(hasil) if callable(sukses) else sukses) if sukses else None
    if rerun:
        if pesan:
            st.session_state[_FLASH] = ("success", pesan)
        st.rerun()
    if pesan:
        st.success(md_aman(pesan), icon=":material/check:")
    return True, hasil


def show_flash() -> None:
    """The message of the write that caused this rerun, shown once."""
    jenis, pesan = st.session_state.pop(_FLASH, (None, None))
    if jenis == "error":
        st.error(md_aman(pesan), icon=":material/sync_problem:")
    elif pesan:
        st.success(md_aman(pesan), icon=":material/check:")
