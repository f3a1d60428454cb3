"""The server's own timer for the notification work (docs/DOMAIN.md §14.5).

A DuckDB file is held by the server process, so cron cannot run `python -m dashboard notifikasi`
beside it: without this timer the deadline reminders of an embedded deployment would wait for an
administrator's click. One daemon thread per process runs the same work (`notifikasi.jalankan`,
idempotent: deduplicated items, claimed mails) a minute after start and then every
`MONEV_NOTIFIKASI_MENIT` minutes; 0 turns it off (cron or a systemd timer does it instead, the
usual choice over PostgreSQL). A failed run is logged and tried again at the next tick; it never
stops the server. Why a thread and not a scheduler library: one fixed interval, one job, in a
process that already lives as long as the server (APScheduler would add its own job store and
executor for that).
"""

from __future__ import annotations

import logging
import threading

import duckdb

from dashboard.inti import config, versi_data

log = logging.getLogger("monev")

AWAL_DETIK = 60  # the first run: pending mail of a restarted server goes out soon
_MULAI = threading.Lock()
_berjalan: threading.Thread | None = None
_BERHENTI = threading.Event()


def menit() -> int:
    """Minutes between two runs (MONEV_NOTIFIKASI_MENIT / [notifikasi] menit, default 15; 0:
    off)."""
    return config.bilangan("MONEV_NOTIFIKASI_MENIT", "notifikasi", "menit", 15)


def jalankan_sekali(con: duckdb.DuckDBPyConnection) -> None:
    """One run of the command's work on this process's store, its inbox scopes bumped so every
    session's sidebar count follows."""
    from dashboard.notifikasi import (
        layanan_notifikasi as notifikasi,  # its mail code only where the timer runs
    )

    cur = con.cursor()
    try:
        with versi_data.catat() as tersentuh:
            notifikasi.jalankan(cur, notifikasi.SISTEM_PENGIRIM)
        versi_data.naikkan(cur, tersentuh)
    finally:
        cur.close()


def _ulang(con: duckdb.DuckDBPyConnection, selang: float) -> None:
    tunggu: float = AWAL_DETIK
    while not _BERHENTI.wait(tunggu):
        try:
            jalankan_sekali(con)
        except Exception:  # noqa: BLE001 - logged; the next tick tries again
            log.exception("Penjadwal notifikasi gagal; dicoba lagi pada putaran berikutnya")
        tunggu = selang


def mulai(con: duckdb.DuckDBPyConnection) -> threading.Thread | None:
    """Start the timer once per process (the thread, or None when off or already running)."""
    global _berjalan
    m = menit()
    with _MULAI:
        if m == 0 or (_berjalan is not None and _berjalan.is_alive()):
            return None
        _BERHENTI.clear()
        _berjalan = threading.Thread(
            target=_ulang,
            args=(con, m * 60.0),
            name="monev-penjadwal",
            daemon=True,
        )
        _berjalan.start()
        return _berjalan


def hentikan() -> None:
    """Stop this process's timer and wait for it (a test; the server's dies with it)."""
    _BERHENTI.set()
    with _MULAI:
        if _berjalan is not None:
            _berjalan.join()
