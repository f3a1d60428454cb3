"""Akun saya: who I am, my active sessions (log out here or everywhere), changing my password."""

import streamlit as st

from dashboard.akun import auth
from dashboard.akun import layanan_pengguna as svc
from dashboard.inti import formats, web
from dashboard.inti.ui import akses_halaman, nama_peran
from dashboard.notifikasi import layanan_notifikasi as svc_notifikasi

ATURAN_SANDI = (
    f"Minimal {svc.PANJANG_MIN_SANDI} karakter, tidak memuat nama pengguna, dan bukan kata sandi "
    "umum atau mudah ditebak."
)


akses = akses_halaman(globals())
st.title("Akun saya")
st.write(f"Nama pengguna: **{akses.username}**")
st.write("Peran: " + nama_peran(akses.peran))

st.subheader("Sesi aktif")
with web.cursor() as cur:
    sesi = web.safe(svc.daftar_sesi)(cur, akses, auth.token())
if sesi is not None:
    st.dataframe(
        sesi.assign(
            dibuat_pada=sesi["dibuat_pada"].map(formats.waktu),
            terakhir_pada=sesi["terakhir_pada"].map(formats.waktu),
            ini=sesi["ini"].map({True: "perangkat ini", False: ""}),
        )[["ini", "dibuat_pada", "terakhir_pada", "alamat", "agen"]].rename(
            columns={
                "dibuat_pada": "Masuk pada",
                "terakhir_pada": "Terakhir aktif",
                "alamat": "Alamat",
                "agen": "Peramban",
                "ini": "Keterangan",
            }
        ),
        hide_index=True,
    )
# "Keluar" (this device) sits at the top right of every page; here only the all-devices one.
if st.button("Keluar dari semua perangkat", icon=":material/devices:", key="akun_keluar_semua"):
    auth.keluar(semua=True, akses=akses)

with st.form("preferensi_notifikasi"):
    st.subheader("Pemberitahuan")
    with web.cursor() as cur:
        pref = svc_notifikasi.preferensi(cur, akses)
    surel_aktif = st.toggle(
        "Kirim pemberitahuan ke surel saya",
        value=pref.surel,
        help="Pemberitahuan tetap masuk ke Kotak masuk walaupun surel dimatikan.",
    )
    ringkasan = st.toggle(
        "Ringkasan harian lewat surel",
        value=pref.ringkasan,
        help="Sekali sehari: daftar pemberitahuan yang belum Anda baca.",
    )
    if st.form_submit_button("Simpan pengaturan pemberitahuan", key="simpan_preferensi"):
        web.tulis(
            svc_notifikasi.simpan_preferensi,
            akses,
            surel_aktif,
            ringkasan,
            sukses="Pengaturan pemberitahuan disimpan.",
        )

with st.form("ganti_sandi", clear_on_submit=True):
    st.subheader("Ganti kata sandi")
    lama = st.text_input("Kata sandi lama", type="password")
    baru = st.text_input("Kata sandi baru", type="password", help=ATURAN_SANDI)
    ulang = st.text_input("Ulangi kata sandi baru", type="password")
    kirim = st.form_submit_button("Simpan kata sandi", type="primary", key="simpan_sandi")
st.caption(ATURAN_SANDI)

if kirim:
    ok, _ = web.tulis(
        svc.ganti_sandi,
        akses,
        lama,
        baru,
        ulang,
        rerun=False,
        sukses="Kata sandi berhasil diganti. Semua sesi akun ini telah diakhiri; silakan masuk "
        "kembali dengan kata sandi baru.",
    )
    if ok:
        st.link_button("Masuk kembali", auth.JALUR_MASUK, icon=":material/login:")
