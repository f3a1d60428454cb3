"""Periode pengumpulan: the Pengelola Monev opens, closes and reopens collection periods."""

import datetime as dt

import streamlit as st

from dashboard import config, formats, web
from dashboard.services import admin as svc_admin
from dashboard.services import capaian as svc_capaian
from dashboard.services import periode as svc
from dashboard.ui import akses_halaman, pilih_instansi

akses = akses_halaman(__file__)
st.title("Periode pengumpulan")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    periode = svc.daftar_periode(cur, akses, instansi_id)
    units = svc_admin.daftar_unit(cur, akses, instansi_id)

tampil = periode.assign(
    Periode=[
        f"{formats.nama_triwulan(t)} {formats.nama_tahun(y)}"
        for y, t in zip(periode["tahun"], periode["triwulan"], strict=True)
    ],
    Tenggat=periode["tenggat"].map(formats.tanggal),
    Status=periode["status"].map({"dibuka": "Dibuka", "ditutup": "Ditutup"}),
    catatan=periode["catatan"].fillna("–"),
)
st.dataframe(
    tampil[["Periode", "Tenggat", "Status", "diajukan", "disahkan", "terlambat", "catatan"]].rename(
        columns={
            "diajukan": "Unit mengajukan",
            "disahkan": "Disahkan",
            "terlambat": "Terlambat",
            "catatan": "Catatan",
        }
    ),
    hide_index=True,
)

with st.form("buka_periode"):
    st.subheader("Buka periode baru")
    a, b, c = st.columns(3)
    tahun = a.number_input(
        "Tahun", min_value=2000, max_value=2100, value=config.sekarang().date().year
    )
    triwulan = b.selectbox("Triwulan", [1, 2, 3, 4], format_func=formats.nama_triwulan)
    tenggat = c.date_input(
        "Tenggat pengisian",
        value=config.sekarang().date() + dt.timedelta(days=14),
        format="DD/MM/YYYY",
    )
    catatan = st.text_area("Catatan (isi Nota Dinas)", placeholder="Opsional")
    if st.form_submit_button("Buka periode", type="primary"):
        web.tulis(
            svc.buka_periode,
            akses,
            instansi_id,
            int(tahun),
            int(triwulan),
            tenggat,
            catatan,
            sukses="Periode dibuka; unit dapat mulai mengisi.",
        )

terbuka = periode[periode["status"] == "dibuka"]
if not terbuka.empty:
    st.subheader("Tutup periode")
    pid = st.selectbox(
        "Periode yang ditutup",
        terbuka["id"].tolist(),
        format_func=lambda i: (tampil.set_index("id").loc[i, "Periode"]),
        key="tutup_pilih",
    )
    if st.button("Tutup periode", key="tutup"):
        web.tulis(svc.tutup_periode, akses, int(pid), sukses="Periode ditutup.")

tertutup = periode[periode["status"] == "ditutup"]
if not tertutup.empty:
    with st.form("buka_unit"):
        st.subheader("Buka kembali untuk satu unit")
        pid = st.selectbox(
            "Periode",
            tertutup["id"].tolist(),
            format_func=lambda i: (tampil.set_index("id").loc[i, "Periode"]),
        )
        uid = st.selectbox(
            "Unit",
            units["id"].tolist(),
            format_func=dict(zip(units["id"], units["nama"], strict=True)).get,
        )
        alasan = st.text_input("Alasan")
        if st.form_submit_button("Buka untuk unit ini"):
            web.tulis(
                svc.buka_untuk_unit,
                akses,
                int(pid),
                int(uid),
                alasan,
                sukses="Periode dibuka kembali untuk unit tersebut.",
            )
