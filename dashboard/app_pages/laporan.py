"""Laporan kinerja: quarterly, semester and annual reports and the Renja evaluation form as Excel
and PDF, for every role, scoped like the Beranda (a staf_bidang gets its own unit only)."""

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi, saklar_data
from dashboard.laporan import layanan_laporan as svc
from dashboard.laporan.data import JENIS, Permintaan, tampilan
from dashboard.pengumpulan import data_sah
from dashboard.rencana import bagian_pk, tampilan_renja
from dashboard.rencana import layanan_indikator as svc_admin

akses = akses_halaman(globals())
dokumen_laporan = web.cached_read(svc.dokumen_laporan)
susun_laporan = web.cached_read(svc.susun_laporan)

st.title("Laporan kinerja")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
tahun_list = web.cached_read(svc_capaian.tahun_tersedia, isian=False)(akses, instansi_id)
if not tahun_list:
    st.info("Instansi ini belum memiliki target kinerja.")
    st.stop()
if bagian_pk.pilih_dokumen(akses) == "Perjanjian Kinerja":  # its own section (§9.13)
    bagian_pk.tampilkan(akses, instansi_id, tahun_list)
    st.stop()
terakhir = web.cached_read(svc_capaian.periode_terakhir)(akses, instansi_id)
unit = web.cached_read(svc_admin.daftar_unit)(akses, instansi_id)

a, b, c, d = st.columns([2, 1, 1, 2])
jenis = a.selectbox("Jenis laporan", list(JENIS), format_func=lambda k: JENIS[k], key="lap_jenis")
tahun = b.selectbox("Tahun", tahun_list, format_func=formats.nama_tahun, key="lap_tahun")
tw_awal = terakhir[1] if terakhir and terakhir[0] == tahun else 4
if jenis == "semester":
    periode = c.selectbox(
        "Semester", [1, 2], index=(tw_awal - 1) // 2, format_func=formats.nama_semester
    )
elif jenis == "tahunan":
    periode = 4
    c.text_input("Periode", formats.nama_tahun(tahun), disabled=True)
else:
    periode = c.selectbox(
        "Triwulan", [1, 2, 3, 4], index=tw_awal - 1, format_func=formats.nama_triwulan
    )
nama_unit = dict(zip(unit["id"].astype(int), unit["nama"], strict=True))
opsi_unit = list(nama_unit) if not akses.seluruh_instansi else [None, *nama_unit]
unit_id = d.selectbox(
    "Unit kerja",
    opsi_unit,
    format_func=lambda u: "Seluruh instansi" if u is None else nama_unit[u],
    key="lap_unit",
)
semua_indikator = jenis == "tahunan" and st.checkbox(
    "Tabel 3.1: sertakan indikator program, kegiatan dan sub kegiatan", key="lap_semua"
)
termasuk, baris_data = saklar_data("lap_sah")
baris_data.caption(
    data_sah.keterangan(termasuk)
    + (" Laporan yang memuat nilai belum disahkan ditandai DRAF." if termasuk else "")
)
with st.expander("Penanda tangan dan tanggal"):
    st.caption("Kosongkan untuk memakai kota dan kepala instansi yang tercatat.")
    k1, k2 = st.columns(2)
    tanggal = k1.date_input("Tanggal", value=config.sekarang().date(), format="DD/MM/YYYY")
    kota = k2.text_input("Tempat", key="lap_kota")
    jabatan = k1.text_input("Jabatan", key="lap_jabatan")
    nama = k2.text_input("Nama", key="lap_nama")
    nip = k1.text_input("NIP", key="lap_nip")

if jenis == "renja":  # the form's two signers: a setting of the instansi (§9.12)
    tampilan_renja.pengaturan_penandatangan(akses, instansi_id)

permintaan = web.safe(Permintaan)(
    jenis,
    instansi_id,
    int(tahun),
    int(periode),
    unit_id,
    termasuk,
    tanggal,
    kota.strip() or None,
    jabatan.strip() or None,
    nama.strip() or None,
    nip.strip() or None,
    semua_indikator,
)
if permintaan is None:
    st.stop()
if st.button("Buat laporan", type="primary", icon=":material/description:"):
    st.session_state["lap_permintaan"] = permintaan
if st.session_state.get("lap_permintaan") != permintaan:
    st.caption("Pilih laporan, lalu tekan **Buat laporan**.")
    st.stop()

with st.spinner("Menyusun laporan ..."):
    lap = web.safe(susun_laporan)(akses, permintaan)
    if not lap:
        st.stop()
    xlsx = web.safe(dokumen_laporan)(akses, permintaan, "xlsx")
    # each format on its own: a PDF that cannot be laid out still leaves the Excel to download
    pdf = web.safe(dokumen_laporan)(akses, permintaan, "pdf")
if not xlsx and not pdf:
    st.stop()
if not pdf:
    st.warning("Versi PDF tidak dapat disusun; unduh versi Excel.", icon=":material/warning:")
with st.container(horizontal=True):
    if xlsx:
        st.download_button(
            "Unduh Excel",
            xlsx.isi,
            file_name=xlsx.nama_berkas,
            mime=xlsx.mime,
            icon=":material/table:",
        )
    if pdf:
        st.download_button(
            "Unduh PDF",
            pdf.isi,
            file_name=pdf.nama_berkas,
            mime=pdf.mime,
            icon=":material/picture_as_pdf:",
        )
subjudul = lap.subjudul
if lap.belum_sah:  # the documents print it in capitals; on screen once, in a sentence
    subjudul, draf = lap.subjudul[:-1], lap.subjudul[-1]
    awal, _, akhir = draf.partition(" (")
    st.warning(
        f"{awal.capitalize()} (triwulan ini atau sebelumnya; {akhir}", icon=":material/warning:"
    )
st.subheader(lap.judul)
st.caption(data_sah.keterangan(termasuk))
for baris in subjudul:
    st.text(baris)
for t in lap.tabel:
    st.markdown(f"**{t.judul}**")
    st.dataframe(tampilan(t), hide_index=True)
    for label, teks in t.penutup:  # a form's closing rows (the Renja form's faktor, tindak lanjut)
        st.markdown(f"**{label}:**")
        st.text(teks)
    for catatan in t.catatan:
        st.caption(catatan)
if lap.tanda_tangan:
    tampilan_renja.tanda_tangan(lap.tanda_tangan)
