"""SOP e-Kinerja (seed 002): the period's signed data exported ready for entry into the
e-Kinerja application, and the Fungsional's confirmation that it was entered (docs/DOMAIN.md
§9.9). Events (issue 17 contract): 'ekinerja_diekspor' and 'ekinerja_dientri', objek
'ekinerja', objek_id '<instansi_id>:<periode_id>', written inside each write's transaction."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.akun.akses import Akses
from dashboard.inti import config, formats, store, versi_data
from dashboard.inti.dokumen import Kop
from dashboard.inti.store import KonflikData
from dashboard.laporan import ekinerja
from dashboard.laporan import layanan_laporan as svc_laporan
from dashboard.laporan.layanan_laporan import MIME, Dokumen
from dashboard.review import alur

PERAN_BACA = ("pengelola_monev", "sekretaris", "kadis", "admin")
PERAN_TULIS = "pengelola_monev"  # the SOP's Fungsional: steps 5-7 (verify, input, archive)


def objek(instansi_id: int, periode_id: int) -> str:
    return f"{int(instansi_id)}:{int(periode_id)}"


def _periode(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> dict:
    df = store.fetch_df(cur, "periode_get", {"periode_id": periode_id})
    if df.empty:
        raise ValueError("Periode tidak ditemukan.")
    p = df.iloc[0].to_dict()
    akses.wajib(*PERAN_BACA)
    akses.cek_instansi(int(p["instansi_id"]))
    return p


def daftar(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    """Exports and entry confirmations of the instansi, newest period first."""
    akses.wajib(*PERAN_BACA)
    akses.cek_instansi(instansi_id)
    return store.fetch_df(cur, "ekinerja_list", {"instansi_id": instansi_id})


def tabel(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> pd.DataFrame:
    """The rows to enter: the period's signed data only (`ekinerja.tabel`)."""
    p = _periode(cur, akses, periode_id)
    ind = svc_laporan.indikator_laporan(
        cur,
        akses,
        int(p["instansi_id"]),
        int(p["tahun"]),
        int(p["triwulan"]),
        termasuk_belum_sah=False,
    )
    return ekinerja.tabel(ind, int(p["triwulan"]))


def ekspor(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> Dokumen:
    """The Excel for e-Kinerja entry; recorded as exported (with the rows ready) and the
    event written. Refused while nothing of the period is signed."""
    akses.wajib(PERAN_TULIS)
    p = _periode(cur, akses, periode_id)
    instansi_id = int(p["instansi_id"])
    df = tabel(cur, akses, periode_id)
    siap = ekinerja.siap_entri(df)
    if siap == 0:
        raise ValueError(
            "Belum ada realisasi periode ini yang disahkan; e-Kinerja hanya diisi dengan data "
            "yang sudah disahkan Kepala Dinas."
        )
    kop = Kop.dari_instansi(
        store.fetch_df(cur, "instansi_kop", {"instansi_id": instansi_id}).iloc[0]
    )
    sekarang = config.sekarang()
    isi = ekinerja.xlsx(
        df,
        kop,
        int(p["tahun"]),
        int(p["triwulan"]),
        f"{formats.waktu(sekarang)} oleh {akses.nama or akses.username}",
    )
    with store.transaction(cur):
        cur.execute(
            store.sql("ekinerja_ekspor"),
            {
                "instansi_id": instansi_id,
                "periode_id": periode_id,
                "siap": siap,
                "username": akses.username,
                "sekarang": sekarang,
            },
        )
        store.log_event(
            cur,
            "ekinerja_diekspor",
            pengguna=akses.username,
            peran=PERAN_TULIS,
            objek="ekinerja",
            objek_id=objek(instansi_id, periode_id),
            catatan=f"{siap} dari {len(df)} indikator siap dientri",
        )
        versi_data.sentuh_instansi(instansi_id)
    nama = f"e-kinerja-{int(p['tahun'])}-tw{int(p['triwulan'])}.xlsx"
    return Dokumen(nama, MIME["xlsx"], isi)


def konfirmasi_entri(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    catatan: str | None = None,
) -> None:
    """ "Data sudah dientri ke e-Kinerja": after an export, once per period."""
    akses.wajib(PERAN_TULIS)
    p = _periode(cur, akses, periode_id)
    instansi_id = int(p["instansi_id"])
    catatan = (catatan or "").strip() or None
    if catatan and len(catatan) > 2000:
        raise ValueError("Catatan paling panjang 2.000 karakter.")
    ada = daftar(cur, akses, instansi_id)
    baris = ada[ada["periode_id"] == periode_id]
    if baris.empty:
        raise ValueError("Ekspor data periode ini untuk e-Kinerja lebih dulu, lalu entri datanya.")
    if pd.notna(baris["dientri_pada"].iloc[0]):
        raise ValueError("Data periode ini sudah dikonfirmasi telah dientri ke e-Kinerja.")
    with store.kunci(("ekinerja", instansi_id, periode_id)), store.transaction(cur):
        ok = cur.execute(
            store.sql("ekinerja_entri"),
            {
                "instansi_id": instansi_id,
                "periode_id": periode_id,
                "username": akses.username,
                "dientri_pada": config.sekarang(),
                "catatan": catatan,
            },
        ).fetchone()
        if not ok:
            raise KonflikData("Konfirmasi ini baru saja dicatat pengguna lain; data dimuat ulang.")
        store.log_event(
            cur,
            "ekinerja_dientri",
            pengguna=akses.username,
            peran=PERAN_TULIS,
            objek="ekinerja",
            objek_id=objek(instansi_id, periode_id),
            catatan=catatan,
        )
        versi_data.sentuh_instansi(instansi_id)


def daftar_periode(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    """The instansi's collection periods, newest first, with their signed counts."""
    akses.wajib(*PERAN_BACA)
    akses.cek_instansi(instansi_id)
    return store.fetch_df(
        cur,
        "periode_list",
        {"instansi_id": instansi_id, "status_draf": alur.DRAF, "status_disahkan": alur.DISAHKAN},
    )
