"""Catat langkah SOP: the Pengelola Monev logs steps done outside the app (letters, meetings,
archiving), with a start / finish button or times typed in."""

import datetime as dt

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, config, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.periode import tampilan_ketepatan as tampil
from dashboard.sop import layanan_pelaksanaan as svc
from dashboard.sop import layanan_registri as sop_registry

akses = akses_halaman(globals())
st.title("Catat langkah SOP")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    runs = svc.daftar_run(cur, akses, instansi_id)
if runs.empty:
    st.info(
        "Belum ada pelaksanaan SOP; pelaksanaan dibuat saat periode dibuka atau unit "
        "mengajukan data, sesuai SOP yang dijalankan instansi."
    )
    st.stop()
label = tampil.label_pelaksanaan(runs)
run_id = st.selectbox("Pelaksanaan", list(label), format_func=lambda k: label[k], key="run")
sop_id = int(runs.set_index("id").loc[run_id, "sop_id"])
with web.cursor() as cur:
    _, langkah = sop_registry.detail(cur, sop_id)
    tercatat = svc.langkah_manual(cur, akses, run_id)

nama = tampil.nama_langkah(langkah)
if not tercatat.empty:
    st.dataframe(
        tampil.tabel_tercatat(tercatat, nama),
        hide_index=True,
    )
    terbuka = tampil.belum_selesai(tercatat)
    for r in bingkai.baris(terbuka):
        if st.button(
            f"Selesai: {nama[int(r.urutan)][:60]}",
            key=f"selesai_{r.id}",
            icon=":material/stop_circle:",
        ):
            web.tulis(
                svc.selesaikan_langkah,
                akses,
                int(r.id),
                config.sekarang(),
                sukses="Langkah ditandai selesai.",
            )

urutan = st.selectbox("Langkah", list(nama), format_func=lambda k: nama[k], key="langkah")
pelaku = st.text_input("Pelaku", value=akses.nama or akses.username, key="pelaku")
catatan = st.text_input("Catatan", key="catatan_langkah")
if st.button("Mulai sekarang", icon=":material/play_circle:", key="mulai_sekarang"):
    web.tulis(
        svc.catat_langkah,
        akses,
        run_id,
        urutan,
        config.sekarang(),
        None,
        pelaku,
        catatan,
        sukses="Langkah dimulai; tekan Selesai saat langkah tuntas.",
    )
with st.form("waktu_diketik"):
    st.caption("Atau ketik waktunya (untuk langkah yang sudah terjadi):")
    a, b, c, d = st.columns(4)
    tgl_mulai = a.date_input("Tanggal mulai", value=config.hari_ini(), format="DD/MM/YYYY")
    jam_mulai = b.time_input("Jam mulai", value=dt.time(8, 0), step=300)
    tgl_selesai = c.date_input("Tanggal selesai", value=config.hari_ini(), format="DD/MM/YYYY")
    jam_selesai = d.time_input("Jam selesai", value=dt.time(9, 0), step=300)
    if st.form_submit_button("Simpan langkah", type="primary"):
        web.tulis(
            svc.catat_langkah,
            akses,
            run_id,
            urutan,
            dt.datetime.combine(tgl_mulai, jam_mulai),
            dt.datetime.combine(tgl_selesai, jam_selesai),
            pelaku,
            catatan,
            sukses="Langkah tercatat.",
        )
