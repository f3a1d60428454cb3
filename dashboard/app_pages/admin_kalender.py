"""Admin: office hours per weekday, national holidays (from the holidays package) and the
cuti bersama / local days off that durations in working time follow."""

import datetime as dt

import streamlit as st

from dashboard.inti import config, formats, web
from dashboard.inti.ui import akses_halaman
from dashboard.periode import tampilan_kalender as tampil
from dashboard.periode.kalender import NAMA_HARI
from dashboard.sop import layanan_registri as svc

akses = akses_halaman(globals())
st.title("Kalender kerja")
with web.cursor() as cur:
    jam = svc.jam_kerja(cur)
    libur = svc.libur_tambahan(cur)

with st.form("jam_kerja"):
    st.subheader("Jam kantor")
    baru = []
    for i, hari in enumerate(NAMA_HARI):
        a, b, c = st.columns([1, 1, 1], vertical_alignment="bottom")
        jam_hari = jam[i]
        kerja = a.checkbox(hari, value=jam_hari is not None, key=f"kerja_{i}")
        mulai = b.time_input(
            "Mulai",
            value=dt.time.fromisoformat(jam_hari[0]) if jam_hari else dt.time(7, 30),
            key=f"mulai_{i}",
            step=900,
        )
        selesai = c.time_input(
            "Selesai",
            value=dt.time.fromisoformat(jam_hari[1]) if jam_hari else dt.time(16, 0),
            key=f"selesai_{i}",
            step=900,
        )
        baru.append((mulai.strftime("%H:%M"), selesai.strftime("%H:%M")) if kerja else None)
    if st.form_submit_button("Simpan jam kantor", type="primary"):
        web.tulis(svc.simpan_jam_kerja, akses, baru, sukses="Jam kantor disimpan.")

st.subheader("Hari libur")
tahun = st.number_input("Tahun", min_value=2000, max_value=2100, value=config.hari_ini().year)
st.dataframe(tampil.tabel_libur(int(tahun), libur), hide_index=True)

with st.form("tambah_libur"):
    a, b, c = st.columns([1, 2, 1], vertical_alignment="bottom")
    tanggal = a.date_input(
        "Tanggal", value=config.hari_ini(), format="DD/MM/YYYY", key="libur_tanggal"
    )
    ket = b.text_input(
        "Keterangan", placeholder="mis. Cuti bersama Idul Fitri", key="libur_keterangan"
    )
    jenis = c.selectbox(
        "Jenis",
        list(tampil.JENIS_LIBUR),
        format_func=lambda k: tampil.JENIS_LIBUR[k],
        key="libur_jenis",
    )
    if st.form_submit_button("Tambah hari libur"):
        web.tulis(svc.tambah_libur, akses, tanggal, ket, jenis, sukses="Hari libur ditambahkan.")
if not libur.empty:
    hapus = st.selectbox(
        "Hapus hari libur tambahan",
        libur["tanggal"].tolist(),
        format_func=formats.tanggal,
        key="hapus_libur",
    )
    if st.button("Hapus", key="hapus_libur_btn"):
        web.tulis(svc.hapus_libur, akses, hapus, sukses="Hari libur dihapus.")
