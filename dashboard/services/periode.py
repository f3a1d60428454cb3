"""Collection periods: opened by the Pengelola Monev (the app's Nota Dinas), closed, and reopened
for one unit with a reason."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from dashboard import config, store
from dashboard.akses import Akses
from dashboard.batas import cek_panjang
from dashboard.services import lokasi


def daftar_periode(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    akses.cek_instansi(instansi_id)
    return store.fetch_df(cur, "periode_list", [instansi_id])


def info_periode(cur: duckdb.DuckDBPyConnection, periode_id: int) -> dict:
    row = cur.execute(store.sql("periode_get"), [periode_id]).fetchone()
    if not row:
        raise ValueError("Periode tidak ditemukan.")
    keys = ("id", "instansi_id", "tahun", "triwulan", "tenggat", "catatan", "status")
    return dict(zip(keys, row, strict=True))


def buka_periode(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    tenggat: dt.date,
    catatan: str | None = None,
) -> int:
    akses.wajib("pengelola_monev")
    akses.cek_instansi(instansi_id)
    cek_panjang(catatan, "Catatan")
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan harus I sampai IV.")
    if not 2000 <= tahun <= 2100:
        raise ValueError("Tahun tidak valid.")
    akhir_tw = dt.date(tahun, 3 * triwulan, 1)
    if tenggat < akhir_tw:
        raise ValueError("Tenggat tidak boleh sebelum bulan terakhir triwulan tersebut.")
    if cur.execute(store.sql("periode_ada"), [instansi_id, tahun, triwulan]).fetchone():
        raise ValueError("Periode untuk triwulan ini sudah pernah dibuka.")
    with store.transaction(cur):
        pid = cur.execute(
            store.sql("periode_insert"),
            [
                instansi_id,
                tahun,
                triwulan,
                tenggat,
                (catatan or "").strip() or None,
                akses.username,
                config.sekarang(),
            ],
        ).fetchone()[0]
        store.log_event(
            cur,
            "periode_dibuka",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="periode",
            objek_id=pid,
            ke="dibuka",
            catatan=f"TW {triwulan} {tahun}, tenggat {tenggat.isoformat()}",
        )
    return int(pid)


def tutup_periode(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> None:
    akses.wajib("pengelola_monev")
    p = info_periode(cur, periode_id)
    akses.cek_instansi(p["instansi_id"])
    if p["status"] == "ditutup":
        raise ValueError("Periode sudah ditutup.")
    with store.transaction(cur):
        cur.execute(store.sql("periode_tutup"), [periode_id])
        cur.execute(store.sql("periode_dibuka_unit_tutup"), [periode_id])
        store.log_event(
            cur,
            "periode_ditutup",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="periode",
            objek_id=periode_id,
            dari="dibuka",
            ke="ditutup",
        )


def buka_untuk_unit(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int, alasan: str
) -> None:
    """Reopen a closed period for one unit; the reason is required and logged."""
    akses.wajib("pengelola_monev")
    p = info_periode(cur, periode_id)
    akses.cek_instansi(p["instansi_id"])
    if not (alasan or "").strip():
        raise ValueError("Alasan membuka kembali wajib diisi.")
    cek_panjang(alasan, "Alasan")
    if p["status"] != "ditutup":
        raise ValueError("Periode masih dibuka untuk semua unit.")
    if lokasi.instansi_unit(cur, unit_id) != p["instansi_id"]:
        raise ValueError("Unit bukan bagian dari instansi periode ini.")
    with store.transaction(cur):
        cur.execute(store.sql("periode_dibuka_unit_hapus"), [periode_id, unit_id])
        cur.execute(
            store.sql("periode_dibuka_unit_insert"),
            [periode_id, unit_id, alasan.strip(), akses.username],
        )
        store.log_event(
            cur,
            "periode_dibuka_unit",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="periode",
            objek_id=periode_id,
            ke=f"unit {unit_id}",
            catatan=alasan.strip(),
        )


def terbuka_untuk(cur: duckdb.DuckDBPyConnection, periode_id: int, unit_id: int) -> bool:
    """May the unit still enter data in this period (open, or reopened for it)?"""
    row = cur.execute(store.sql("periode_terbuka_untuk"), [periode_id, unit_id]).fetchone()
    return bool(row and row[0])


def periode_entri(cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int) -> pd.DataFrame:
    """Periods the unit can work on: open ones and those reopened for it."""
    instansi_id = lokasi.baca_unit(cur, akses, unit_id)
    return store.fetch_df(cur, "periode_entri", [instansi_id, unit_id])
