"""Ketepatan waktu SOP: real step times against the SOP's own mutu baku waktu."""

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import charts, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.periode import tampilan_ketepatan as tampil
from dashboard.sop import layanan_pelaksanaan as svc
from dashboard.sop import layanan_registri as sop_registry

akses = akses_halaman(globals())
st.title("Ketepatan waktu SOP")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
semua = web.cached_read(svc.catatan_langkah)(akses, instansi_id)
if semua.empty:
    st.info("Belum ada pelaksanaan SOP yang tercatat.")
    st.stop()
semua = tampil.rapikan(semua)

a, b = st.columns(2)
sop_opsi = tampil.opsi_sop(semua)
kode = a.selectbox("SOP", list(sop_opsi), format_func=lambda k: sop_opsi[k], key="ktp_sop")
tahun = b.selectbox(
    "Tahun", tampil.opsi_tahun(semua), key="ktp_tahun", format_func=tampil.label_tahun
)
df = tampil.saring(semua, kode, tahun)
if df.empty:
    st.info("Tidak ada catatan langkah untuk pilihan ini.")
    st.stop()

with st.container(horizontal=True):
    for judul, nilai in tampil.ringkasan(df).items():
        st.metric(judul, nilai)

st.subheader("Per langkah")
# the verdict columns right after the step, so they are in view at 1366 px; spreads follow
st.dataframe(
    tampil.tabel_langkah(df),
    hide_index=True,
    column_config={
        "No": st.column_config.TextColumn(width=40),
        "Aktivitas": st.column_config.TextColumn(width=245),
        "Pelaksana": st.column_config.TextColumn(width=110),
        "Standar": st.column_config.TextColumn(width=90),
        "Dalam standar": st.column_config.TextColumn(width=105),
        "Lewat": st.column_config.NumberColumn(width=55),
        "Median": st.column_config.TextColumn(width=110),
        "Total kelebihan": st.column_config.TextColumn(width=130),
    },
)
st.caption(
    "Durasi dihitung dalam jam kerja menurut kalender kerja (hari kerja = 8,5 jam); "
    "tunggu = jam kerja antara langkah sebelumnya selesai dan langkah ini mulai."
)

kiri, kanan = st.columns(2)
with kiri:
    st.subheader("Hambatan terbesar: langkah")
    st.dataframe(tampil.tabel_hambatan(df, "aktivitas", "Langkah", 5), hide_index=True)
with kanan:
    st.subheader("Hambatan terbesar: pelaksana")
    st.dataframe(tampil.tabel_hambatan(df, "pelaksana", "Pelaksana"), hide_index=True)

per_tw, tahunan = tampil.tren(df)
st.plotly_chart(
    charts.tren_ketepatan(
        per_tw, "Tren ketepatan per tahun" if tahunan else "Tren ketepatan per triwulan"
    ),
    key="tren",
)

st.subheader("Per unit")
st.dataframe(tampil.tabel_unit(df), hide_index=True)

st.subheader("Pelaksanaan dan total waktunya")
with web.cursor() as cur:
    jumlah_std = svc.standar_sop(cur, [int(i) for i in df["sop_id"].unique()])
    kal = sop_registry.kalender(cur)
st.dataframe(tampil.tabel_run(df, kal.menit_kerja, jumlah_std), hide_index=True)
st.caption(
    "Total waktu = jam kerja dari langkah pertama mulai sampai langkah terakhir selesai; "
    "jumlah standar SOP = jumlah mutu baku waktu semua langkahnya (langkah tanpa standar "
    "tidak dihitung)."
)

st.subheader("Pelanggaran dan pelaksanaannya")
lewat = tampil.pelanggaran(df)
if lewat.empty:
    st.success("Tidak ada langkah yang melewati standar.")
    st.stop()
st.dataframe(
    tampil.tabel_pelanggaran(lewat),
    hide_index=True,
    column_config={
        "Langkah": st.column_config.TextColumn(width=300),
        "Kelebihan": st.column_config.TextColumn(width=110),
        "Standar": st.column_config.TextColumn(width=90),
        "Oleh": st.column_config.TextColumn(width=90),
    },
)
label = tampil.label_pelanggaran(lewat)
pilih = st.selectbox(
    "Pilih pelanggaran", list(label), format_func=lambda k: label[k], key="ktp_lewat"
)
run_id = int(lewat.loc[pilih, "run_id"])
run = df[df["run_id"] == run_id]
st.caption(tampil.keterangan_run(run, run_id))
st.plotly_chart(charts.linimasa_run(run, "Linimasa: aktual terhadap standar"), key="linimasa")
with web.cursor() as cur:
    ev = svc.event_run(cur, akses, run_id)
st.dataframe(tampil.tabel_event(ev), hide_index=True)
