"""The server's own notification timer (notifikasi/penjadwal.py, DOMAIN §14.5): a DuckDB
deployment, whose file the server holds, still gets its deadline reminders without cron."""

from __future__ import annotations

import threading

import pytest

from dashboard.inti import versi_data
from dashboard.notifikasi import layanan_notifikasi as notifikasi
from dashboard.notifikasi import penjadwal

pytestmark = pytest.mark.dua_backend


def _terlambat(con) -> list[str]:
    rows = con.execute(
        "SELECT penerima FROM notifikasi WHERE jenis = 'terlambat' ORDER BY penerima"
    ).fetchall()
    return [r[0] for r in rows]


def test_one_run_writes_the_due_reminders_and_bumps_the_inbox_scope(demo_con):
    """Demo: TW III 2026 (tenggat 15 Oktober 2026) not submitted by DEP and PAR."""
    sebelum = versi_data.baca(demo_con).get(notifikasi.lingkup_kotak(1), 0)
    penjadwal.jalankan_sekali(demo_con)
    assert _terlambat(demo_con) == ["staf.dep", "staf.par"]
    assert versi_data.baca(demo_con)[notifikasi.lingkup_kotak(1)] > sebelum
    penjadwal.jalankan_sekali(demo_con)  # idempotent: the same reminders are not written again
    assert _terlambat(demo_con) == ["staf.dep", "staf.par"]


def test_the_timer_runs_once_per_process_and_can_be_turned_off(demo_con, monkeypatch):
    monkeypatch.setenv("MONEV_NOTIFIKASI_MENIT", "0")
    assert penjadwal.mulai(demo_con) is None  # off: cron does the work
    monkeypatch.setenv("MONEV_NOTIFIKASI_MENIT", "15")
    monkeypatch.setattr(penjadwal, "AWAL_DETIK", 0)
    jalan = threading.Event()
    asli = penjadwal.jalankan_sekali
    monkeypatch.setattr(penjadwal, "jalankan_sekali", lambda con: (asli(con), jalan.set()))
    t = penjadwal.mulai(demo_con)
    try:
        assert t is not None and penjadwal.mulai(demo_con) is None  # one per process
        assert jalan.wait(60), "the first run did not happen"
        assert _terlambat(demo_con) == ["staf.dep", "staf.par"]
    finally:
        penjadwal.hentikan()
    assert not t.is_alive()
