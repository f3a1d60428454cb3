"""Collection periods: opened by the Pengelola Monev with the Nota Dinas permintaan data sent to
every unit (services/notifikasi.py), closed, and reopened for one unit with a reason, on the
Pengelola Monev's own initiative or at the unit's request."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import config, store, versi_data
from dashboard.inti.batas import PANJANG_CATATAN, cek_panjang
from dashboard.notifikasi import layanan_notifikasi as notifikasi
from dashboard.review import alur


def daftar_periode(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    akses.cek_instansi(instansi_id)
    return store.fetch_df(
        cur,
        "periode_list",
        {"instansi_id": instansi_id, "status_draf": alur.DRAF, "status_disahkan": alur.DISAHKAN},
    )


def info_periode(cur: duckdb.DuckDBPyConnection, periode_id: int) -> dict:
    row = cur.execute(store.sql("periode_get"), {"periode_id": periode_id}).fetchone()
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
    if cur.execute(
        store.sql("periode_ada"), {"instansi_id": instansi_id, "tahun": tahun, "triwulan": triwulan}
    ).fetchone():
        raise ValueError("Periode untuk triwulan ini sudah pernah dibuka.")
    with store.transaction(cur):
        pid = store.satu(
            cur.execute(
                store.sql("periode_insert"),
                {
                    "instansi_id": instansi_id,
                    "tahun": tahun,
                    "triwulan": triwulan,
                    "tenggat": tenggat,
                    "catatan": (catatan or "").strip() or None,
                    "username": akses.username,
                    "dibuka_pada": config.sekarang(),
                },
            ).fetchone()
        )[0]
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
        # the Nota Dinas permintaan data, sent to every unit with the period (DOMAIN.md §14)
        notifikasi.buat_surat_permintaan(
            cur, akses, int(pid), instansi_id, tahun, triwulan, tenggat
        )
        versi_data.sentuh_instansi(instansi_id)
    notifikasi.kirim_segera(cur)  # after the commit, bounded; the command retries the rest
    return int(pid)


def belum_mengajukan(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> pd.DataFrame:
    """Units that have not submitted the period (no submission or a draft): what the Pengelola
    Monev reads before closing it, since closing stops their entry."""
    akses.wajib("pengelola_monev")
    p = info_periode(cur, periode_id)
    akses.cek_instansi(p["instansi_id"])
    return store.fetch_df(
        cur, "periode_belum_mengajukan", {"periode_id": periode_id, "status_draf": alur.DRAF}
    )


def tutup_periode(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> None:
    akses.wajib("pengelola_monev")
    p = info_periode(cur, periode_id)
    akses.cek_instansi(p["instansi_id"])
    if p["status"] == "ditutup":
        raise ValueError("Periode sudah ditutup.")
    with store.transaction(cur):
        cur.execute(
            store.sql("periode_tutup"),
            {"periode_id": periode_id, "ditutup_pada": config.sekarang()},
        )
        cur.execute(store.sql("periode_dibuka_unit_tutup"), {"periode_id": periode_id})
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
    """Reopen a closed period for one unit; the reason is required and logged. A waiting
    request of the unit for that period is answered by it (dikabulkan)."""
    _cek_buka_untuk_unit(cur, akses, periode_id, unit_id, alasan)
    with store.transaction(cur):
        _buka_untuk_unit(cur, akses, periode_id, unit_id, alasan.strip())


def _cek_buka_untuk_unit(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int, alasan: str
) -> None:
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


def _buka_untuk_unit(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int, alasan: str
) -> None:
    """The writes of a reopen, inside the caller's transaction."""
    waktu = config.sekarang()
    cur.execute(
        store.sql("periode_dibuka_unit_hapus"), {"periode_id": periode_id, "unit_id": unit_id}
    )
    cur.execute(
        store.sql("periode_dibuka_unit_insert"),
        {
            "periode_id": periode_id,
            "unit_id": unit_id,
            "alasan": alasan,
            "username": akses.username,
            "waktu": waktu,
        },
    )
    cur.execute(
        store.sql("permintaan_buka_jawab"),
        {
            "periode_id": periode_id,
            "unit_id": unit_id,
            "status": "dikabulkan",
            "username": akses.username,
            "waktu": waktu,
            "alasan": alasan,
        },
    )
    store.log_event(
        cur,
        "periode_dibuka_unit",
        pengguna=akses.username,
        peran="pengelola_monev",
        objek="periode",
        objek_id=periode_id,
        ke=f"unit {unit_id}",
        catatan=alasan,
    )


def periode_ditutup_unit(
    cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int
) -> pd.DataFrame:
    """Closed periods the unit has not submitted (a draft there, or nothing entered in the
    latest closed one) and that are not reopened for it, each with its latest reopen request:
    what Isi realisasi tells a unit that can no longer reach its draft."""
    instansi_id = lokasi.baca_unit(cur, akses, unit_id)
    return store.fetch_df(
        cur,
        "periode_ditutup_unit",
        {"instansi_id": instansi_id, "unit_id": unit_id, "status_draf": alur.DRAF},
    )


def minta_buka_kembali(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int, alasan: str
) -> int:
    """A Staf Bidang asks the Pengelola Monev to reopen a closed period for its own unit, which
    has not submitted it. One request waits at a time; the reason is required."""
    instansi_id = lokasi.baca_unit(cur, akses, unit_id)
    if not akses.punya("staf_bidang") or akses.unit_id != unit_id:
        raise AksesDitolak(
            "Hanya Staf Bidang unit tersebut yang dapat meminta periode dibuka kembali."
        )
    p = info_periode(cur, periode_id)
    if p["instansi_id"] != instansi_id:
        raise AksesDitolak("Periode ini bukan periode instansi unit Anda.")
    if not (alasan or "").strip():
        raise ValueError("Tuliskan alasan meminta periode dibuka kembali.")
    cek_panjang(alasan, "Alasan")
    if terbuka_untuk(cur, periode_id, unit_id):
        raise ValueError("Periode ini masih dibuka untuk unit Anda; lanjutkan pengisian.")
    status = cur.execute(
        store.sql("pengajuan_unit"), {"periode_id": periode_id, "unit_id": unit_id}
    ).fetchone()
    if status and status[1] != alur.DRAF:
        raise ValueError("Data unit Anda untuk periode ini sudah diajukan.")
    if cur.execute(
        store.sql("permintaan_buka_menunggu"), {"periode_id": periode_id, "unit_id": unit_id}
    ).fetchone():
        raise ValueError(
            "Permintaan untuk periode ini sudah dikirim dan menunggu jawaban Pengelola Monev."
        )
    with store.transaction(cur):
        mid = store.satu(
            cur.execute(
                store.sql("permintaan_buka_insert"),
                {
                    "periode_id": periode_id,
                    "unit_id": unit_id,
                    "alasan": alasan.strip(),
                    "username": akses.username,
                    "pada": config.sekarang(),
                },
            ).fetchone()
        )[0]
        store.log_event(
            cur,
            "permintaan_buka",
            pengguna=akses.username,
            peran="staf_bidang",
            objek="periode",
            objek_id=periode_id,
            ke=f"unit {unit_id}",
            catatan=alasan.strip(),
        )
    return int(mid)


def daftar_permintaan_buka(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int
) -> pd.DataFrame:
    """Reopen requests of the instansi, waiting ones first (the Pengelola Monev answers them)."""
    akses.wajib("pengelola_monev")
    akses.cek_instansi(instansi_id)
    return store.fetch_df(cur, "permintaan_buka_list", {"instansi_id": instansi_id})


def _permintaan(cur: duckdb.DuckDBPyConnection, akses: Akses, permintaan_id: int) -> dict:
    akses.wajib("pengelola_monev")
    row = cur.execute(store.sql("permintaan_buka_get"), {"permintaan_id": permintaan_id}).fetchone()
    if not row:
        raise ValueError("Permintaan tidak ditemukan.")
    keys = ("id", "periode_id", "unit_id", "alasan", "oleh", "status", "instansi_id")
    m = dict(zip(keys, row, strict=True))
    akses.cek_instansi(m["instansi_id"])
    if m["status"] != "menunggu":
        raise ValueError("Permintaan ini sudah dijawab.")
    return m


def kabulkan_permintaan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, permintaan_id: int, catatan: str | None = None
) -> None:
    """Reopen the period for the requesting unit; the unit's reason is the reopen's reason
    unless the Pengelola Monev writes one."""
    m = _permintaan(cur, akses, permintaan_id)
    cek_panjang(catatan, "Catatan")
    alasan = (catatan or "").strip() or f"Atas permintaan unit: {m['alasan']}"[:PANJANG_CATATAN]
    _cek_buka_untuk_unit(cur, akses, m["periode_id"], m["unit_id"], alasan)
    with store.transaction(cur):
        _buka_untuk_unit(cur, akses, m["periode_id"], m["unit_id"], alasan)


def tolak_permintaan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, permintaan_id: int, alasan: str
) -> None:
    """Refuse a reopen request; the reason is required and shown to the unit."""
    m = _permintaan(cur, akses, permintaan_id)
    if not (alasan or "").strip():
        raise ValueError("Alasan menolak wajib diisi; alasan ini dibaca oleh unit.")
    cek_panjang(alasan, "Alasan")
    with store.transaction(cur):
        cur.execute(
            store.sql("permintaan_buka_jawab"),
            {
                "periode_id": m["periode_id"],
                "unit_id": m["unit_id"],
                "status": "ditolak",
                "username": akses.username,
                "waktu": config.sekarang(),
                "alasan": alasan.strip(),
            },
        )
        store.log_event(
            cur,
            "permintaan_buka_ditolak",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="periode",
            objek_id=m["periode_id"],
            ke=f"unit {m['unit_id']}",
            catatan=alasan.strip(),
        )


def terbuka_untuk(cur: duckdb.DuckDBPyConnection, periode_id: int, unit_id: int) -> bool:
    """May the unit still enter data in this period (open, or reopened for it)?"""
    row = cur.execute(
        store.sql("periode_terbuka_untuk"), {"periode_id": periode_id, "unit_id": unit_id}
    ).fetchone()
    return bool(row and row[0])


def periode_entri(cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int) -> pd.DataFrame:
    """Periods the unit can work on: open ones and those reopened for it."""
    instansi_id = lokasi.baca_unit(cur, akses, unit_id)
    return store.fetch_df(
        cur,
        "periode_entri",
        {"instansi_id": instansi_id, "unit_id": unit_id, "status_draf": alur.DRAF},
    )
