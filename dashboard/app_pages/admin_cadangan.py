"""Admin: make a backup of the whole store and the evidence files while the app runs, and
download it. Restoring is a command on the server while no process holds the store."""

from functools import partial

import streamlit as st

from dashboard.admin import layanan_cadangan as svc
from dashboard.admin import tampilan_cadangan as tampil
from dashboard.inti import formats, web
from dashboard.inti.ui import akses_halaman

akses = akses_halaman(globals())
st.title("Cadangan data")
st.markdown(
    "Satu arsip `.tar.gz` berisi **seluruh basis data** (semua instansi) dan **semua berkas "
    "bukti dukung**, dengan manifest: waktu pembuatan, versi skema, jumlah baris setiap tabel "
    "dan sidik sha256 setiap berkas. Cadangan dapat dibuat saat aplikasi dipakai: isinya "
    "keadaan data pada satu saat, dan pengguna lain tetap dapat bekerja."
)
with web.cursor() as cur:
    boleh = svc.boleh(cur, akses)
if not boleh:
    st.info(
        "Cadangan berisi data semua instansi, sehingga hanya dapat dibuat dan diunduh oleh "
        "administrator untuk semua instansi (atau administrator instansi satu-satunya).",
        icon=":material/lock:",
    )
    st.stop()

if st.button("Buat cadangan sekarang", type="primary", icon=":material/backup:"):
    with st.spinner("Membuat cadangan ..."), web.cursor() as cur:
        baru = web.safe(svc.buat_cadangan)(cur, akses)
    if baru:
        st.success(
            f"Cadangan **{baru.nama}** dibuat: {formats.angka(baru.baris, 0)} baris dari "
            f"{baru.tabel} tabel dan {formats.angka(baru.bukti, 0)} berkas bukti. Unduh di bawah.",
            icon=":material/check:",
        )

st.subheader("Arsip cadangan")
with web.cursor() as cur:
    daftar = svc.daftar_cadangan(cur, akses)
if not daftar:
    st.info("Belum ada arsip cadangan. Klik **Buat cadangan sekarang**.")
else:
    st.dataframe(tampil.tabel_arsip(daftar), hide_index=True)
    arsip = {a.nama: a for a in daftar}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        nama = st.selectbox("Arsip yang diunduh", list(arsip), key="arsip_unduh", width=320)
        st.download_button(
            "Unduh arsip",
            data=partial(svc.isi_arsip, arsip[nama]),  # read only when clicked
            file_name=nama,
            mime="application/gzip",
            icon=":material/download:",
            on_click="ignore",
            key="unduh_arsip",
        )
    st.caption(
        f"Arsip ini juga tersimpan di server: `{arsip[nama].path}`. Arsip lama tidak dihapus "
        "otomatis; hapus di folder itu bila ruang disk menipis."
    )

st.subheader("Memulihkan")
st.markdown(
    "Pemulihan tidak dijalankan dari halaman ini, karena hanya boleh berjalan saat tidak ada "
    "proses yang memakai basis data. Hentikan server, lalu di server jalankan "
    "`python -m dashboard restore ARSIP.tar.gz --force`. Perintah itu memeriksa arsip (sidik "
    "sha256 dan jumlah baris) pada berkas baru lebih dulu, lalu menukarnya sekaligus; berkas "
    "lama disimpan dengan akhiran `.sebelum-pulih-<waktu>`."
)
