"""Hasil monev (the Kadis view): meetings and their decisions, and what is overdue per unit."""

import pandas as pd
import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, charts, config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.rapat import layanan_rapat as svc_rapat
from dashboard.rapat import layanan_tindak_lanjut as svc_tl
from dashboard.rapat import tampilan_rapat as tampil
from dashboard.rapat import tindak_lanjut as aturan_tl

akses = akses_halaman(globals())
st.title("Hasil monev")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
rapat = web.cached_read(svc_rapat.daftar_rapat)(akses, instansi_id)
tl = web.cached_read(svc_tl.daftar_tindak_lanjut)(akses, instansi_id)
rekap = web.cached_read(svc_tl.rekap_unit)(akses, instansi_id)

terbuka = aturan_tl.terbuka(tl["status"])
with st.container(horizontal=True):
    st.metric("Rapat tercatat", formats.angka(len(rapat), 0))
    st.metric("Tindak lanjut belum selesai", formats.angka(int(terbuka.sum()), 0))
    st.metric("Lewat batas waktu", formats.angka(int(tl["terlambat"].sum()), 0))
    st.metric(
        aturan_tl.SELESAI,
        formats.persen((~terbuka).mean() * 100 if len(tl) else None, 1),
    )

st.subheader("Tindak lanjut lewat batas waktu per unit")
if rekap.empty:
    st.info("Belum ada tindak lanjut.")
else:
    st.plotly_chart(charts.tindak_lanjut_per_unit(rekap, None), key="hasil_per_unit")
    st.dataframe(tampil.tabel_rekap_unit(rekap), hide_index=True)
    lewat = tampil.tabel_lewat_batas(tl, config.hari_ini())
    if not lewat.empty:
        st.subheader("Tindak lanjut yang lewat batas waktu")
        # the short key columns first, the long description last in the widest column
        st.dataframe(
            lewat,
            hide_index=True,
            column_config={
                "Unit PIC": st.column_config.TextColumn(width=225),
                "Terlambat (hari)": st.column_config.NumberColumn(width=110, format="%d"),
                "Batas waktu": st.column_config.TextColumn(width=125),
                "Status": st.column_config.TextColumn(width=100),
                "Rapat": st.column_config.TextColumn(width=120),
                "Tindak lanjut": st.column_config.TextColumn(width="large"),
            },
        )

st.subheader("Rapat dan keputusannya")
if rapat.empty:
    st.info("Belum ada rapat monev yang tercatat.")
else:
    st.dataframe(
        tampil.tabel_hasil_rapat(rapat),
        hide_index=True,
        column_config={
            "Tanggal": st.column_config.TextColumn(width=140),
            "Periode": st.column_config.TextColumn(width=120),
            "Status": st.column_config.TextColumn(width=70),
            "Temuan": st.column_config.NumberColumn(width=80),
            "Tindak lanjut terbuka": st.column_config.NumberColumn(width=150),
            "Judul": st.column_config.TextColumn(width="large"),
        },
    )
    # a decision is a paragraph: read in full here rather than clipped in a table cell
    label = {
        int(i): f"{formats.tanggal(pd.Timestamp(r.waktu).date())} · {r.judul}"
        for i, r in zip(rapat.index, bingkai.baris(rapat), strict=True)
    }
    pilih = st.selectbox(
        "Kesimpulan dan keputusan rapat",
        list(label),
        format_func=lambda k: label[k],
        key="hasil_rapat",
    )
    kesimpulan = rapat.loc[pilih, "kesimpulan"]
    with st.container(border=True):
        if pd.isna(kesimpulan) or not str(kesimpulan).strip():
            st.caption("Rapat ini belum mencatat kesimpulan.")
        else:
            st.markdown(formats.md_aman(kesimpulan))
