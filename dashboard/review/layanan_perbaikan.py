"""Perbaikan Data Kinerja (seed 002): a correction of signed data is a request that goes through
verify -> paraf -> sign; when signed the new value applies and the old one stays in the history."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import bukti as bukti_berkas
from dashboard.inti import config, store
from dashboard.inti.batas import cek_panjang
from dashboard.inti.formats import parse_angka
from dashboard.inti.store import KonflikData
from dashboard.review import alur
from dashboard.review import layanan_review as review
from dashboard.sop import layanan_pelaksanaan as pelaksanaan


def ajukan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    indikator_id: int,
    tahun: int,
    triwulan: int,
    nilai_baru: str | float,
    alasan: str,
    bukti: str | None = None,
) -> int:
    """A staf_bidang asks to correct a signed value of its own unit."""
    instansi_id, unit_id = lokasi.baca_indikator(cur, akses, indikator_id)
    if not akses.punya("staf_bidang") or akses.unit_id != unit_id:
        raise AksesDitolak(
            "Hanya Staf Bidang unit pemilik indikator yang dapat mengajukan perbaikan."
        )
    nilai = parse_angka(nilai_baru)
    if nilai is None:
        raise ValueError("Nilai baru wajib diisi.")
    if not (alasan or "").strip():
        raise ValueError("Alasan perbaikan wajib diisi.")
    cek_panjang(alasan, "Alasan perbaikan")
    cek_panjang(bukti, "Bukti dukung")
    if bukti_berkas.rujukan_berkas(bukti):
        raise ValueError(
            "Rujukan berkas tidak dapat diketik; unggah berkasnya lewat pengisian realisasi, "
            "atau tulis tautan / keterangan bukti."
        )
    status = cur.execute(
        store.sql("status_sah_nilai"),
        {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan},
    ).fetchone()
    if not status or status[0] != alur.DISAHKAN:
        raise ValueError(
            "Hanya data yang sudah disahkan yang diperbaiki lewat permintaan "
            "perbaikan; data lain masih dapat diubah lewat pengisian biasa."
        )
    lama = cur.execute(
        store.sql("realisasi_nilai"),
        {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan},
    ).fetchone()
    berjalan = {
        "indikator_id": indikator_id,
        "tahun": tahun,
        "triwulan": triwulan,
        "status_diperiksa": list(alur.DIPERIKSA),
    }
    if cur.execute(store.sql("perbaikan_berjalan"), berjalan).fetchone():
        raise ValueError("Sudah ada permintaan perbaikan yang sedang diproses untuk nilai ini.")
    with store.transaction(cur):
        pid = store.satu(
            cur.execute(
                store.sql("perbaikan_insert"),
                {
                    "indikator_id": indikator_id,
                    "tahun": tahun,
                    "triwulan": triwulan,
                    "nilai_lama": lama[0] if lama else None,
                    "nilai": nilai,
                    "alasan": alasan.strip(),
                    "bukti": (bukti or "").strip() or None,
                    "username": akses.username,
                    "status_sejak": config.sekarang(),
                },
            ).fetchone()
        )[0]
        pelaksanaan.pastikan_run(cur, "perbaikan", pid)
        store.log_event(
            cur,
            "transisi",
            pengguna=akses.username,
            peran="staf_bidang",
            objek="perbaikan",
            objek_id=pid,
            dari=None,
            ke=alur.DIAJUKAN,
            catatan=alasan.strip(),
        )
    return int(pid)


def proses(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    perbaikan_id: int,
    aksi: str,
    catatan: str | None = None,
    sekarang: dt.datetime | None = None,
) -> str:
    """Verify / paraf / sign (aksi 'setujui') or return; signing applies the new value."""
    row = cur.execute(store.sql("perbaikan_get"), {"perbaikan_id": perbaikan_id}).fetchone()
    if not row:
        raise ValueError("Permintaan perbaikan tidak ditemukan.")
    _, indikator_id, tahun, triwulan, lama, baru, status, pengaju = row
    instansi_id, unit_id = lokasi.baca_indikator(cur, akses, indikator_id)
    if aksi == "setujui":
        aksi = alur.PERAN_MENYETUJUI.get(status, "setujui")
    cek_panjang(catatan, "Catatan")
    step = alur.transisi_perbaikan(status, aksi, akses.peran, catatan, akses.username, pengaju)
    review.cek_pemisahan(
        cur, instansi_id, "perbaikan", perbaikan_id, status, akses.username, pengaju
    )
    waktu = sekarang or config.sekarang()
    try:
        with store.kunci(("perbaikan", int(perbaikan_id))):
            return _terapkan(cur, akses, perbaikan_id, row, step, catatan, waktu)
    except store.GALAT_TRANSAKSI as exc:
        raise KonflikData("Permintaan ini baru saja diproses pengguna lain; muat ulang.") from exc


def _terapkan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    perbaikan_id: int,
    row: tuple,
    step: alur.Langkah,
    catatan: str | None,
    waktu: dt.datetime,
) -> str:
    """Move the correction one step in one transaction; signing applies the new value."""
    _, indikator_id, tahun, triwulan, lama, baru, status, _pengaju = row
    with store.transaction(cur):
        res = cur.execute(
            store.sql("perbaikan_transisi"),
            {"ke": step.ke, "waktu": waktu, "perbaikan_id": perbaikan_id, "dari": status},
        ).fetchone()
        if not res:
            raise KonflikData("Permintaan ini baru saja diproses pengguna lain; muat ulang.")
        if step.ke == alur.DISAHKAN:
            cur.execute(
                store.sql("realisasi_update_nilai"),
                {
                    "baru": baru,
                    "username": akses.username,
                    "waktu": waktu,
                    "indikator_id": indikator_id,
                    "tahun": tahun,
                    "triwulan": triwulan,
                },
            )
            cur.execute(
                store.sql("riwayat_insert"),
                {
                    "indikator_id": indikator_id,
                    "tahun": tahun,
                    "triwulan": triwulan,
                    "lama": lama,
                    "baru": baru,
                    "catatan": f"perbaikan #{perbaikan_id}",
                    "sumber": "perbaikan",
                    "username": akses.username,
                },
            )
        pelaksanaan.pastikan_run(cur, "perbaikan", perbaikan_id)
        store.log_event(
            cur,
            "transisi",
            pengguna=akses.username,
            peran=step.peran,
            objek="perbaikan",
            objek_id=perbaikan_id,
            dari=status,
            ke=step.ke,
            catatan=(catatan or "").strip() or None,
        )
    return step.ke


def daftar(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    lingkup = akses.lingkup_unit(instansi_id, None)
    return store.fetch_df(cur, "perbaikan_list", {"instansi_id": instansi_id, "lingkup": lingkup})


def nilai_saat_ini(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int, tahun: int, triwulan: int
) -> dict:
    """The value a correction would replace, and whether it is signed (only signed data is
    corrected by request): shown on the request form before the new value is typed."""
    lokasi.baca_indikator(cur, akses, indikator_id)
    nilai = cur.execute(
        store.sql("realisasi_nilai"),
        {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan},
    ).fetchone()
    status = cur.execute(
        store.sql("status_sah_nilai"),
        {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan},
    ).fetchone()
    berjalan = cur.execute(
        store.sql("perbaikan_berjalan"),
        {
            "indikator_id": indikator_id,
            "tahun": tahun,
            "triwulan": triwulan,
            "status_diperiksa": list(alur.DIPERIKSA),
        },
    ).fetchone()
    return {
        "nilai": nilai[0] if nilai else None,
        "status": status[0] if status else None,
        "perbaikan_berjalan": bool(berjalan),
    }
