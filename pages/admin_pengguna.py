"""Admin: users (create, edit name/roles/unit, deactivate, reset password, unlock)."""

import pandas as pd
import streamlit as st

from dashboard import formats, web
from dashboard.akses import NAMA_PERAN, PERAN
from dashboard.services import admin as svc_admin
from dashboard.services import capaian as svc_capaian
from dashboard.services import pengguna as svc
from dashboard.ui import akses_halaman


def _status(r) -> str:
    if r.terkunci:
        sampai = r.terkunci_sampai
        return "Terkunci" if pd.isna(sampai) else f"Terkunci sampai {formats.jam(sampai)}"
    return "Aktif" if r.aktif else "Nonaktif"


akses = akses_halaman(__file__)
st.title("Pengguna")

with web.cursor() as cur:
    pengguna = web.safe(svc.daftar_pengguna)(cur, akses)
    instansi = svc_capaian.daftar_instansi(cur, akses)
    units = {}
    for iid in instansi["id"]:
        for row in svc_admin.daftar_unit(cur, akses, int(iid)).itertuples():
            units[int(row.id)] = f"{row.nama}"
if pengguna is None:
    st.stop()

st.dataframe(
    pengguna.assign(status=pengguna.apply(lambda r: _status(r), axis=1))[
        ["username", "nama", "peran", "unit", "status", "gagal_login"]
    ].rename(
        columns={
            "username": "Nama pengguna",
            "nama": "Nama",
            "peran": "Peran",
            "unit": "Unit",
            "status": "Status",
            "gagal_login": "Gagal masuk",
        }
    ),
    hide_index=True,
)
instansi_nama = dict(zip(instansi["id"].astype(int), instansi["nama"], strict=True))
unit_opsi = [None, *units]


def _label_unit(u: int | None) -> str:
    return "(tanpa unit)" if u is None else units[u]


def _form(prefix: str, awal: dict) -> dict:
    nama = st.text_input("Nama lengkap", value=awal.get("nama", ""), key=f"{prefix}_nama")
    email = st.text_input("Email", value=awal.get("email") or "", key=f"{prefix}_email")
    peran = st.multiselect(
        "Peran",
        PERAN,
        default=awal.get("peran", []),
        format_func=NAMA_PERAN.get,
        key=f"{prefix}_peran",
    )
    unit = st.selectbox(
        "Unit (wajib untuk Staf Bidang)",
        unit_opsi,
        index=unit_opsi.index(awal.get("unit_id")) if awal.get("unit_id") in unit_opsi else 0,
        format_func=_label_unit,
        key=f"{prefix}_unit",
    )
    iid_opsi = [None, *instansi_nama]
    iid = st.selectbox(
        "Instansi (kosong = semua instansi)",
        iid_opsi,
        index=iid_opsi.index(awal.get("instansi_id")) if awal.get("instansi_id") in iid_opsi else 0,
        format_func=lambda i: "(semua instansi)" if i is None else instansi_nama[i],
        key=f"{prefix}_instansi",
    )
    aktif = st.checkbox("Aktif", value=awal.get("aktif", True), key=f"{prefix}_aktif")
    return {
        "nama": nama,
        "email": email,
        "peran": peran,
        "unit_id": unit,
        "instansi_id": iid,
        "aktif": aktif,
    }


tab_baru, tab_ubah = st.tabs(["Tambah pengguna", "Ubah pengguna"])
with tab_baru, st.form("pengguna_baru", clear_on_submit=False):
    username = st.text_input("Nama pengguna", key="baru_username")
    data = _form("baru", {})
    sandi = st.text_input(
        "Kata sandi awal",
        type="password",
        key="baru_sandi",
        help=f"Minimal {svc.PANJANG_MIN_SANDI} karakter, tidak memuat nama pengguna, dan bukan "
        "kata sandi umum atau mudah ditebak.",
    )
    if st.form_submit_button("Tambah pengguna", type="primary"):
        web.tulis(
            svc.buat_pengguna,
            akses,
            {**data, "username": username},
            sandi,
            sukses=f"Pengguna {username.strip().lower()} ditambahkan.",
        )

with tab_ubah:
    if pengguna.empty:
        st.info("Belum ada pengguna.")
        st.stop()
    pilih = st.selectbox("Pilih pengguna", pengguna["username"].tolist(), key="ubah_pilih")
    row = pengguna[pengguna["username"] == pilih].iloc[0]
    awal = {
        "nama": row["nama"],
        "email": row["email"],
        "peran": [p.strip() for p in (row["peran"] or "").split(",") if p.strip()],
        "unit_id": None if pd.isna(row["unit_id"]) else int(row["unit_id"]),
        "instansi_id": None if pd.isna(row["instansi_id"]) else int(row["instansi_id"]),
        "aktif": bool(row["aktif"]),
    }
    with st.form(f"ubah_{pilih}"):
        data = _form(f"ubah_{pilih}", awal)
        if st.form_submit_button("Simpan perubahan", type="primary"):
            web.tulis(svc.ubah_pengguna, akses, pilih, data, sukses="Perubahan disimpan.")
    kolom = st.columns(2)
    if kolom[0].button("Reset kata sandi", icon=":material/lock_reset:", key="reset_sandi"):
        web.tulis(
            svc.reset_sandi,
            akses,
            pilih,
            sukses=lambda s: f"Kata sandi sementara untuk {pilih}: `{s}`. Sampaikan kepada "
            "pengguna dan minta ia menggantinya di halaman Akun saya.",
        )
    if kolom[1].button(
        "Buka kunci akun",
        icon=":material/lock_open:",
        key="buka_kunci",
        disabled=not bool(row["terkunci"]),
    ):
        web.tulis(svc.buka_kunci, akses, pilih, sukses=f"Akun {pilih} dibuka kembali.")
