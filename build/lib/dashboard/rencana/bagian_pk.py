"""The Perjanjian Kinerja section of the Laporan kinerja page (docs/DOMAIN.md §9.13): widgets
only, in its own module so the shared page keeps a two-line hook. The admin sets who signs;
every role that sees the whole instansi downloads the PDF and DOCX."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.akun.akses import Akses
from dashboard.inti import formats, web
from dashboard.rencana import layanan_pk as svc
from dashboard.rencana import perjanjian_kinerja as pk

DOKUMEN = ("Laporan kinerja", "Perjanjian Kinerja")

pengaturan = web.cached_read(svc.pengaturan, isian=False)
susun = web.cached_read(svc.susun, isian=False)
dokumen_pk = web.cached_read(svc.dokumen_pk, isian=False)


def pilih_dokumen(akses: Akses) -> str:
    """Which document the page makes (the report by default; a staf bidang, who sees one
    unit, has only the report)."""
    if not akses.seluruh_instansi:
        return DOKUMEN[0]
    return (
        st.segmented_control("Dokumen", DOKUMEN, default=DOKUMEN[0], key="lap_dokumen")
        or DOKUMEN[0]
    )


def _form(akses: Akses, instansi_id: int, tahun: int, atur: pk.PengaturanPk) -> None:
    with st.form(f"pk_form_{instansi_id}_{tahun}"):
        a, b = st.columns(2)
        a.markdown("**Pihak pertama** (Kepala Perangkat Daerah)")
        b.markdown("**Pihak kedua** (Bupati / Wali Kota / Gubernur)")
        akhir = f"{instansi_id}_{tahun}"

        def teks(kolom, label: str, nilai: str, kunci: str, **kw) -> str:
            return kolom.text_input(label, nilai, key=f"pk_{kunci}_{akhir}", **kw)

        isian = {
            "pertama_nama": teks(a, "Nama pihak pertama", atur.pertama.nama, "pertama_nama"),
            "pertama_jabatan": teks(
                a, "Jabatan pihak pertama", atur.pertama.jabatan, "pertama_jabatan"
            ),
            "pertama_nip": teks(a, "NIP pihak pertama", atur.pertama.nip or "", "pertama_nip"),
            "kota": teks(a, "Tempat penandatanganan", atur.kota, "kota"),
            "kedua_nama": teks(b, "Nama pihak kedua", atur.kedua.nama, "kedua_nama"),
            "kedua_jabatan": teks(b, "Jabatan pihak kedua", atur.kedua.jabatan, "kedua_jabatan"),
            "kedua_nip": teks(
                b,
                "NIP pihak kedua",
                atur.kedua.nip or "",
                "kedua_nip",
                help="Kosongkan bila tidak ada (kepala daerah tidak memiliki NIP).",
            ),
            "tanggal": b.date_input(
                "Tanggal penandatanganan",
                atur.tanggal,
                format="DD/MM/YYYY",
                key=f"pk_tanggal_{akhir}",
            ),
        }
        if st.form_submit_button("Simpan penanda tangan", type="primary"):
            web.tulis(
                svc.simpan_pengaturan,
                akses,
                instansi_id,
                tahun,
                isian,
                sukses=f"Penanda tangan Perjanjian Kinerja tahun {tahun} disimpan.",
            )


def _tabel(baris, kolom: tuple[str, ...], sempit: bool = False) -> None:
    """A table of the document as printed: the sasaran and program names wide, No narrow
    (`sempit`: the ten columns of the Rencana Aksi fit the page at 1366 px)."""
    lebar = {"No": 40, "Sasaran": 260, "Program": 480, "Indikator kinerja": 300}
    if sempit:
        lebar |= {"Sasaran": 170, "Indikator kinerja": 220, "Satuan": 60}
    st.dataframe(
        pd.DataFrame(baris, columns=kolom),
        hide_index=True,
        column_config={k: st.column_config.TextColumn(width=w) for k, w in lebar.items()},
    )


def tampilkan(akses: Akses, instansi_id: int, tahun_list: list[int]) -> None:
    """The whole section: year, signers, the agreement's tables, the downloads."""
    if not akses.seluruh_instansi:
        st.info("Perjanjian Kinerja adalah dokumen instansi dan tidak tersedia untuk Staf Bidang.")
        return
    tahun = int(st.selectbox("Tahun", tahun_list, format_func=formats.nama_tahun, key="pk_tahun"))
    hasil = web.safe(pengaturan)(akses, instansi_id, tahun)
    if hasil is None:
        return
    atur, tersimpan = hasil
    if akses.punya("admin"):
        with st.expander("Penanda tangan dan tanggal", expanded=not tersimpan):
            _form(akses, instansi_id, tahun, atur)
    if not tersimpan:
        st.caption(
            "Penanda tangan tahun ini belum disimpan administrator: dokumen memakai kepala "
            "instansi yang tercatat sebagai pihak pertama."
        )
    kurang = atur.kurang()
    if kurang:
        st.warning(
            f"Belum diisi: {', '.join(kurang)}. Dokumen mencetak garis titik-titik di tempatnya.",
            icon=":material/warning:",
        )
    isi = web.safe(susun)(akses, instansi_id, tahun)
    if isi is None:
        return
    with st.container(horizontal=True):
        for fmt, label, ikon in (
            ("pdf", "Unduh PDF", ":material/picture_as_pdf:"),
            ("docx", "Unduh DOCX", ":material/description:"),
        ):
            d = web.safe(dokumen_pk)(akses, instansi_id, tahun, fmt)
            if d:
                st.download_button(
                    label, d.isi, file_name=d.nama_berkas, mime=d.mime, icon=ikon, key=f"pk_{fmt}"
                )
    st.subheader(f"{isi.judul}: {isi.instansi}")
    st.caption(
        f"Pihak pertama: {atur.pertama.nama or '–'} ({atur.pertama.jabatan or '–'}); "
        f"pihak kedua: {atur.kedua.nama or '–'} ({atur.kedua.jabatan or '–'}); "
        f"{atur.kota or '–'}, {formats.tanggal(atur.tanggal)}."
    )
    st.markdown("**Sasaran, indikator kinerja dan target**")
    _tabel(isi.sasaran, pk.KOLOM_SASARAN)
    st.markdown("**Program dan anggaran**")
    program = [*isi.program, ("", "Jumlah", formats.angka(isi.total_anggaran, 0))]
    _tabel(program, pk.KOLOM_PROGRAM)
    st.markdown("**Lampiran: rencana aksi (target per triwulan)**")
    _tabel(isi.rencana_aksi, pk.KOLOM_AKSI, sempit=True)
    if isi.tidak_sesuai:
        st.warning(
            "Target triwulan indikator "
            + ", ".join(isi.tidak_sesuai)
            + " tidak menghasilkan target tahunannya menurut cara agregasinya; perbaiki di "
            "halaman Indikator dan target.",
            icon=":material/warning:",
        )
