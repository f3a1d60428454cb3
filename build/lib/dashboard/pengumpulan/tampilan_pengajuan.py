"""How a returned submission reads on screen: "Dikembalikan", the reason, who and when. Shown
at the top of "Isi realisasi" and on the unit's Beranda, so a Bidang is never left with a draft
and no word why."""

from __future__ import annotations

import streamlit as st

from dashboard.akun.akses import NAMA_PERAN, Akses
from dashboard.inti import config, formats, web
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan.layanan_realisasi import Pengembalian

# Indonesia's three zones as people write them after a time; another zone keeps its name.
SINGKATAN_ZONA = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zona() -> str:
    nama = config.zona_waktu().key
    return SINGKATAN_ZONA.get(nama, nama)


def teks_dikembalikan(info: Pengembalian, periode: bool = False) -> str:
    """The notice as Markdown (the reason and names escaped): `periode` names the quarter,
    for a page that is not about one period."""
    peran = NAMA_PERAN.get(info.peran, info.peran)
    kapan = f"{formats.hari_tanggal(info.waktu.date())} pukul {formats.jam(info.waktu)} {zona()}"
    judul = (
        f" ({formats.nama_triwulan(info.triwulan)} {formats.nama_tahun(info.tahun)})"
        if periode
        else ""
    )
    alasan = formats.md_aman(info.alasan) if info.alasan else "(tanpa alasan tertulis)"
    return (
        f"**Dikembalikan**{judul} oleh {formats.md_aman(info.oleh)} ({peran}), {kapan}.  \n"
        f"**Alasan:** {alasan}  \n"
        "Perbaiki data sesuai alasan di atas, lalu tekan **Ajukan** lagi."
    )


def kotak_dikembalikan(info: Pengembalian, periode: bool = False) -> None:
    st.warning(teks_dikembalikan(info, periode), icon=":material/assignment_return:")


def kotak_dikembalikan_unit(akses: Akses) -> None:
    """For a Staf Bidang (the one call on Beranda): every return its unit is waiting on, each
    with a link to the entry page. Nothing for other roles or when nothing was returned."""
    if not akses.punya("staf_bidang") or akses.unit_id is None:
        return
    try:
        with web.cursor() as cur:
            daftar = realisasi.pengembalian_unit(cur, akses, akses.unit_id)
    except Exception as exc:  # noqa: BLE001 - shown as a message, the page goes on
        web.show_error(exc)
        return
    for info in daftar:
        kotak_dikembalikan(info, periode=True)
        st.page_link(
            "app_pages/entri.py", label="Perbaiki dan ajukan lagi", icon=":material/edit_note:"
        )
