"""Akun saya: who I am, and changing my own password."""

import streamlit as st

from dashboard import web
from dashboard.akses import NAMA_PERAN
from dashboard.services import pengguna as svc
from dashboard.ui import akses_halaman

akses = akses_halaman(__file__)
st.title("Akun saya")
st.write(f"Nama pengguna: **{akses.username}**")
st.write("Peran: " + ", ".join(NAMA_PERAN[p] for p in sorted(akses.peran)))

with st.form("ganti_sandi", clear_on_submit=True):
    st.subheader("Ganti kata sandi")
    lama = st.text_input("Kata sandi lama", type="password")
    baru = st.text_input(
        "Kata sandi baru", type="password", help="Minimal 8 karakter, memuat huruf dan angka."
    )
    ulang = st.text_input("Ulangi kata sandi baru", type="password")
    kirim = st.form_submit_button("Simpan kata sandi", type="primary")

if kirim:
    web.tulis(svc.ganti_sandi, akses, lama, baru, ulang, sukses="Kata sandi berhasil diganti.")
