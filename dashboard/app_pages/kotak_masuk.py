"""Kotak masuk: the caller's notifications, newest first; unread in bold; mark one or all as
read; a link to the page concerned, and the request letter of an opened period."""

from collections.abc import Callable

import streamlit as st

from dashboard.inti import bingkai, formats, web
from dashboard.inti.formats import md_aman
from dashboard.inti.ui import akses_halaman
from dashboard.notifikasi import layanan_notifikasi as svc
from dashboard.notifikasi import tampilan_notifikasi

BENTUK_SURAT = (("pdf", ":material/picture_as_pdf:"), ("docx", ":material/description:"))

akses = akses_halaman(globals())


def _surat(pid: int, bentuk: str) -> Callable[[], bytes]:
    """The letter's file, made when its button is clicked (not on every run)."""
    return lambda: web.cached_read(svc.berkas_surat)(akses, pid, bentuk)


st.title("Kotak masuk")

versi = tampilan_notifikasi.versi_kotak(akses)
daftar = web.safe(web.cached_read(svc.kotak_masuk))(akses, versi)
if daftar is None:
    st.stop()
if daftar.empty:
    st.info("Belum ada pemberitahuan untuk Anda.", icon=":material/inbox:")
    st.stop()

belum = int(daftar["dibaca_pada"].isna().sum())
baris = st.container(horizontal=True, vertical_alignment="center")
baris.caption(
    f"{formats.angka(len(daftar), 0)} pemberitahuan, {formats.angka(belum, 0)} belum dibaca."
)
if belum and baris.button(
    "Tandai semua sudah dibaca", icon=":material/done_all:", key="kotak_baca_semua"
):
    web.tulis(svc.tandai_semua_dibaca, akses, sukses="Semua pemberitahuan ditandai sudah dibaca.")

for r in bingkai.baris(daftar):
    dibaca = not (r.dibaca_pada is None or r.dibaca_pada != r.dibaca_pada)
    with st.container(border=True):
        judul = md_aman(r.judul)
        st.markdown(judul if dibaca else f"**{judul}**")
        st.caption(f"{tampilan_notifikasi.label_jenis(r.jenis)} · {formats.waktu(r.dibuat_pada)}")
        st.markdown(md_aman(r.isi))
        aksi = st.container(horizontal=True, vertical_alignment="center")
        tujuan = tampilan_notifikasi.halaman_tujuan(akses, r.halaman)
        if tujuan:
            aksi.page_link(tujuan[0], label=f"Buka {tujuan[1]}", icon=":material/open_in_new:")
        if r.jenis == "periode_dibuka" and r.objek_id:
            pid = int(r.objek_id)
            for bentuk, ikon in (
                ("pdf", ":material/picture_as_pdf:"),
                ("docx", ":material/description:"),
            ):
                aksi.download_button(
                    f"Nota Dinas ({bentuk.upper()})",
                    _surat(pid, bentuk),
                    file_name=svc.nama_berkas_surat(pid, bentuk),
                    icon=ikon,
                    key=f"kotak_surat_{r.id}_{bentuk}",
                    on_click="ignore",
                )
        if not dibaca and aksi.button(
            "Tandai sudah dibaca", icon=":material/done:", key=f"kotak_baca_{r.id}"
        ):
            web.tulis(svc.tandai_dibaca, akses, int(r.id))
