"""Perbaikan data: a Bidang asks to correct signed data; reviewers verify, initial and sign it.
Also the value history of an indicator and quarter."""

import pandas as pd
import streamlit as st

from dashboard import alur, formats, web
from dashboard.services import admin as svc_admin
from dashboard.services import capaian as svc_capaian
from dashboard.services import perbaikan as svc
from dashboard.services import realisasi as svc_realisasi
from dashboard.ui import akses_halaman, pilih_instansi

akses = akses_halaman(__file__)
st.title("Perbaikan data")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    daftar = svc.daftar(cur, akses, instansi_id)
    indikator = svc_admin.daftar_indikator(cur, akses, instansi_id)

st.subheader("Permintaan perbaikan")
if daftar.empty:
    st.info("Belum ada permintaan perbaikan.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "id": daftar["id"],
                "Periode": [
                    f"{formats.nama_triwulan(t)} {formats.nama_tahun(y)}"
                    for y, t in zip(daftar["tahun"], daftar["triwulan"], strict=True)
                ],
                "Indikator": daftar["kode"] + " " + daftar["indikator"],
                "Nilai lama": daftar["nilai_lama"].map(formats.angka),
                "Nilai baru": daftar["nilai_baru"].map(formats.angka),
                "Alasan": daftar["alasan"],
                "Status": daftar["status"].map(alur.LABEL_STATUS),
                "Diajukan oleh": daftar["diajukan_oleh"],
            }
        ),
        hide_index=True,
        column_config={"id": None},
    )
    menunggu = daftar[daftar["status"].isin([s for p, s in alur.ANTRIAN.items() if akses.punya(p)])]
    if not menunggu.empty:
        pid = st.selectbox(
            "Proses permintaan",
            menunggu["id"].tolist(),
            format_func=lambda i: f"#{i} " + menunggu.set_index("id").loc[i, "indikator"],
        )
        kol = st.columns(2)
        if kol[0].button("Setujui", type="primary", key="setujui_perbaikan"):
            web.tulis(
                svc.proses,
                akses,
                int(pid),
                "setujui",
                sukses=lambda s: f"Permintaan {alur.LABEL_STATUS[s].lower()}.",
            )
        with kol[1].popover("Kembalikan"):
            alasan = st.text_area("Alasan (wajib)", key="alasan_perbaikan")
            if st.button("Kembalikan permintaan", key="kembalikan_perbaikan"):
                web.tulis(
                    svc.proses,
                    akses,
                    int(pid),
                    "kembalikan",
                    alasan,
                    sukses="Permintaan dikembalikan.",
                )

opsi = {int(r.id): f"{r.kode} {r.nama}" for r in indikator.itertuples()}
if not opsi:
    st.stop()
st.subheader("Riwayat nilai")
a, b, c = st.columns([3, 1, 1])
ind = a.selectbox("Indikator", list(opsi), format_func=opsi.get, key="riwayat_ind")
tahun = b.number_input("Tahun", min_value=2000, max_value=2100, value=2026, key="riwayat_th")
tw = c.selectbox("Triwulan", [1, 2, 3, 4], format_func=formats.nama_triwulan, key="riwayat_tw")
with web.cursor() as cur:
    riwayat = svc_realisasi.riwayat_nilai(cur, akses, ind, int(tahun), int(tw))
if riwayat.empty:
    st.caption("Belum ada perubahan tercatat untuk nilai ini.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "Waktu": riwayat["pada"].map(
                    lambda w: f"{formats.tanggal(w.date())} {formats.jam(w)}"
                ),
                "Oleh": riwayat["oleh"],
                "Sumber": riwayat["sumber"],
                "Nilai lama": riwayat["nilai_lama"].map(formats.angka),
                "Nilai baru": riwayat["nilai_baru"].map(formats.angka),
            }
        ),
        hide_index=True,
    )

if akses.punya("staf_bidang"):
    with st.form("ajukan_perbaikan"):
        st.subheader("Ajukan perbaikan data yang sudah disahkan")
        nilai = st.text_input("Nilai baru", placeholder="mis. 1.234,5")
        alasan = st.text_area("Alasan perbaikan")
        bukti = st.text_input("Bukti dukung (tautan atau keterangan)")
        if st.form_submit_button("Ajukan perbaikan", type="primary"):
            web.tulis(
                svc.ajukan,
                akses,
                ind,
                int(tahun),
                int(tw),
                nilai,
                alasan,
                bukti,
                sukses="Permintaan perbaikan diajukan ke Pengelola Monev.",
            )
