"""Hasil monev (the Kadis view): meetings and their decisions, and what is overdue per unit."""

import pandas as pd
import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import charts, config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.rapat import layanan_rapat as svc_rapat
from dashboard.rapat import layanan_tindak_lanjut as svc_tl
from dashboard.rapat import tindak_lanjut as aturan_tl
from dashboard.rapat.notulen import periode

akses = akses_halaman(__file__)
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
    st.dataframe(
        rekap.rename(
            columns={
                "pic_unit": "Unit PIC",
                "jumlah": "Jumlah",
                "terbuka": "Belum selesai",
                "terlambat": "Lewat batas",
                "minta_tutup": "Minta ditutup",
                "selesai": aturan_tl.SELESAI,
            }
        ),
        hide_index=True,
    )
    lewat = tl[tl["terlambat"]].sort_values("batas_waktu")
    if not lewat.empty:
        st.subheader("Tindak lanjut yang lewat batas waktu")
        # the short key columns first, the long description last in the widest column
        st.dataframe(
            pd.DataFrame(
                {
                    "Unit PIC": lewat["pic_unit"],
                    "Terlambat (hari)": lewat["batas_waktu"].map(
                        lambda b: (pd.Timestamp(config.hari_ini()) - pd.Timestamp(b)).days
                    ),
                    "Batas waktu": lewat["batas_waktu"].map(
                        lambda b: formats.tanggal(pd.Timestamp(b).date())
                    ),
                    "Status": lewat["status"],
                    "Rapat": [
                        periode(y, t)
                        for y, t in zip(lewat["tahun"], lewat["triwulan"], strict=True)
                    ],
                    "Tindak lanjut": lewat["uraian"],
                }
            ),
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
        pd.DataFrame(
            {
                "Tanggal": rapat["waktu"].map(lambda w: formats.tanggal(pd.Timestamp(w).date())),
                "Periode": [
                    periode(y, t) for y, t in zip(rapat["tahun"], rapat["triwulan"], strict=True)
                ],
                "Status": rapat["status"].map({"draf": "Draf", "final": "Final"}),
                "Temuan": rapat["temuan"],
                "Tindak lanjut terbuka": rapat["tindak_lanjut_terbuka"],
                "Judul": rapat["judul"],
            }
        ),
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
        for i, r in zip(rapat.index, rapat.itertuples(), strict=True)
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
