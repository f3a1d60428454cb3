"""Beranda: capaian per Bidang for a quarter, as a table and a chart."""

import streamlit as st

from dashboard import charts, formats, web
from dashboard.services import capaian as svc
from dashboard.ui import akses_halaman

akses = akses_halaman(__file__)
capaian_per_bidang = web.cached_read(svc.capaian_per_bidang)
daftar_instansi = web.cached_read(svc.daftar_instansi)
periode_terakhir = web.cached_read(svc.periode_terakhir)
tahun_tersedia = web.cached_read(svc.tahun_tersedia)

st.title("Beranda")
instansi = daftar_instansi(akses)
if instansi.empty:
    st.info(
        "Belum ada data instansi. Jalankan `python -m dashboard init --demo` atau tambahkan "
        "instansi melalui halaman admin."
    )
    st.stop()

kolom = st.columns([3, 1, 1], vertical_alignment="bottom")
if len(instansi) > 1:
    pilihan = kolom[0].selectbox(
        "Instansi",
        instansi["id"].tolist(),
        format_func=dict(zip(instansi["id"], instansi["nama"], strict=True)).get,
    )
else:
    pilihan = int(instansi["id"].iloc[0])
    kolom[0].markdown(f"**{instansi['nama'].iloc[0]}**")
instansi_id = int(pilihan)
terakhir = periode_terakhir(akses, instansi_id)
tahun_list = tahun_tersedia(akses, instansi_id)
if not tahun_list:
    st.info("Instansi ini belum memiliki target kinerja.")
    st.stop()
tahun_awal = terakhir[0] if terakhir else tahun_list[0]
tahun = kolom[1].selectbox(
    "Tahun", tahun_list, index=tahun_list.index(tahun_awal), format_func=formats.nama_tahun
)
tw_awal = terakhir[1] if terakhir and terakhir[0] == tahun else 4
triwulan = kolom[2].selectbox(
    "Triwulan", [1, 2, 3, 4], index=tw_awal - 1, format_func=formats.nama_triwulan
)

data = web.safe(capaian_per_bidang)(akses, instansi_id, int(tahun), int(triwulan))
if data is None:
    st.stop()
if data.empty:
    st.info("Tidak ada indikator untuk periode ini.")
    st.stop()

judul = f"Capaian per Bidang, {formats.nama_triwulan(triwulan)} {formats.nama_tahun(tahun)}"
st.plotly_chart(charts.capaian_per_unit(data, judul), key="grafik_capaian_unit")

tabel = data.assign(
    Capaian=data["capaian"].map(formats.persen),
    Kategori=data["kategori"].fillna("Belum dapat dinilai"),
)[
    [
        "unit",
        "jumlah_indikator",
        "dinilai",
        "Capaian",
        "Kategori",
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
        "Belum Diisi",
        "Belum Dapat Dinilai",
    ]
].rename(columns={"unit": "Unit", "jumlah_indikator": "Indikator", "dinilai": "Dinilai"})


st.dataframe(tabel.style.map(charts.gaya_kategori, subset=["Kategori"]), hide_index=True)
st.caption(
    "Capaian rata-rata hanya dari indikator yang dapat dinilai. Indikator Belum Diisi "
    "dan Belum Dapat Dinilai dihitung terpisah dan tidak pernah dianggap merah."
)
