"""Admin: users (create, edit name/roles/unit, deactivate, reset password, unlock)."""

import pandas as pd
import streamlit as st

from dashboard.akun import layanan_pengguna as svc
from dashboard.akun.akses import NAMA_PERAN, PERAN
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, formats, web
from dashboard.inti.ui import akses_halaman
from dashboard.rencana import layanan_indikator as svc_admin


def _status(r) -> str:
    if r.terkunci:
        sampai = r.terkunci_sampai
        return "Terkunci" if pd.isna(sampai) else f"Terkunci sampai {formats.jam(sampai)}"
    return "Aktif" if r.aktif else "Nonaktif"


akses = akses_halaman(globals())
st.title("Pengguna")

with web.cursor() as cur:
    pengguna = web.safe(svc.daftar_pengguna)(cur, akses)
    instansi = svc_capaian.daftar_instansi(cur, akses)
    units = {}
    for iid, kode in zip(instansi["id"], instansi["kode"], strict=True):
        for row in bingkai.baris(svc_admin.daftar_unit(cur, akses, int(iid))):
            units[int(row.id)] = f"{row.nama} ({kode})" if len(instansi) > 1 else row.nama
if pengguna is None:
    st.stop()
instansi_nama = dict(zip(instansi["id"].astype(int), instansi["nama"], strict=True))
instansi_kode = dict(zip(instansi["id"].astype(int), instansi["kode"], strict=True))

st.dataframe(
    pengguna.assign(
        status=pengguna.apply(lambda r: _status(r), axis=1),
        unit=pengguna["unit"].fillna("–"),
        peran=pengguna["peran"].map(
            lambda p: ", ".join(NAMA_PERAN.get(x.strip(), x) for x in (p or "").split(","))
        ),
        instansi=pengguna["instansi_id"].map(
            lambda i: "Semua instansi" if pd.isna(i) else instansi_kode.get(int(i), "")
        ),
    )[
        ["username", "nama", "status", "peran"]
        # one instansi and nobody tied to none: the column says nothing
        + (["instansi"] if len(instansi) > 1 or pengguna["instansi_id"].isna().any() else [])
        + ["unit", "gagal_login"]
    ].rename(
        columns={
            "username": "Nama pengguna",
            "nama": "Nama",
            "peran": "Peran",
            "instansi": "Instansi",
            "unit": "Unit",
            "status": "Status",
            "gagal_login": "Gagal masuk",
        }
    ),
    hide_index=True,
    # every column in view at 1366 px: short ones narrow, the names get what is left
    column_config={
        "Nama pengguna": st.column_config.TextColumn(width=100),
        "Nama": st.column_config.TextColumn(width=250),
        "Status": st.column_config.TextColumn(width=95),
        "Peran": st.column_config.TextColumn(width=125),
        "Instansi": st.column_config.TextColumn(width=100),
        "Unit": st.column_config.TextColumn(width=230),
        "Gagal masuk": st.column_config.NumberColumn(width=90, format="%d"),
    },
)
unit_opsi = [None, *units]
# Only an admin tied to no instansi may make a user tied to none (who sees every instansi).
iid_opsi: list[int | None] = ([None] if akses.instansi_id is None else []) + list(instansi_nama)


def _label_unit(u: int | None) -> str:
    return "(tanpa unit)" if u is None else units[u]


def _form(prefix: str, awal: dict) -> dict:
    nama = st.text_input("Nama lengkap", value=awal.get("nama", ""), key=f"{prefix}_nama")
    email = st.text_input("Email", value=awal.get("email") or "", key=f"{prefix}_email")
    peran = st.multiselect(
        "Peran",
        PERAN,
        default=awal.get("peran", []),
        format_func=lambda k: NAMA_PERAN[k],
        placeholder="Pilih peran",
        select_all=False,  # its "Select all" is English and a user rarely holds every role
        key=f"{prefix}_peran",
    )
    unit = st.selectbox(
        "Unit (wajib untuk Staf Bidang)",
        unit_opsi,
        index=unit_opsi.index(awal.get("unit_id")) if awal.get("unit_id") in unit_opsi else 0,
        format_func=_label_unit,
        key=f"{prefix}_unit",
    )
    if "instansi_id" in awal and awal["instansi_id"] in iid_opsi:
        pos = iid_opsi.index(awal["instansi_id"])
    else:  # a new user: the first instansi (a user for every instansi is chosen on purpose)
        pos = iid_opsi.index(next((i for i in iid_opsi if i is not None), None))
    iid = st.selectbox(
        "Instansi",
        iid_opsi,
        index=pos,
        format_func=lambda i: "Semua instansi (Setda / Bappeda / Inspektorat)"
        if i is None
        else instansi_nama[i],
        key=f"{prefix}_instansi",
        help="Pengguna semua instansi melihat data setiap instansi. Untuk Staf Bidang, "
        "instansi mengikuti unitnya.",
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
