"""Streamlit glue: the process-wide connection, a cursor per use, cached reads, safe errors.

Pages import this and the chart helpers; they never touch SQL or the engine directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import duckdb
import streamlit as st

from dashboard import config, store
from dashboard.akses import AksesDitolak
from dashboard.formats import md_aman

log = logging.getLogger("monev")
P = ParamSpec("P")
T = TypeVar("T")


@st.cache_resource(show_spinner="Menyiapkan basis data ...")
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    """One connection per process and store (a DuckDB file, or a PostgreSQL URL: then a pool
    of connections, one per cursor): migrate, and load the demo into an empty store."""
    from dashboard.bootstrap import prepare  # avoid importing demo code in every page

    con = store.connect(path)
    prepare(con, demo=config.demo_mode())
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


def cached_read(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache a service read `fn(cur, akses, ...)`; the key includes the caller, so the
    service's permission check has passed for exactly this caller before a hit is served."""

    @st.cache_data(ttl=900, show_spinner=False, max_entries=512)
    def _cached(nama_fungsi: str, *args: Any, **kwargs: Any) -> T:
        # nama_fungsi is part of the cache key: every wrapper shares this code, and Streamlit
        # leaves parameters starting with "_" out of the key.
        with cursor() as cur:
            return fn(cur, *args, **kwargs)

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        return _cached(f"{fn.__module__}.{fn.__qualname__}", *args, **kwargs)

    return wrapper


def clear_cache() -> None:
    """After every write: cached reads may now be stale."""
    st.cache_data.clear()


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
    """Run a service write `fn(cur, *args)`, then clear cached reads, run `setelah` and rerun so
    the page shows the new state with the success message on top. On failure show an actionable
    error (never a traceback), keep the form as typed and return (False, the exception); a
    conflict with another user's save reruns with fresh values and the message kept."""
    try:
        with cursor() as cur:
            hasil = fn(cur, *args, **kwargs)
    except store.KonflikData as exc:
        clear_cache()
        if setelah:
            setelah()
        st.session_state[_FLASH] = ("error", str(exc))
        st.rerun()
    except Exception as exc:  # noqa: BLE001 - shown as a message, logged in full
        show_error(exc)
        return False, exc
    clear_cache()
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
