"""Tindak lanjut: a Bidang reports progress and evidence on its own follow-ups and asks to close
them; the Pengelola Monev closes them or refuses with a reason; Kadis and Sekretaris read what is
overdue, per unit."""

import pandas as pd
import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, bukti, charts, formats, web
from dashboard.inti.ui import PETUNJUK_UNGGAH, akses_halaman, pilih_berlabel, pilih_instansi
from dashboard.rapat import agenda
from dashboard.rapat import layanan_tindak_lanjut as svc
from dashboard.rapat import tampilan_rapat as tampilan
from dashboard.rapat import tindak_lanjut as aturan

akses = akses_halaman(globals())
st.title("Tindak lanjut")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
semua = web.cached_read(svc.daftar_tindak_lanjut)(akses, instansi_id)
if semua.empty:
    st.info(
        "Belum ada tindak lanjut untuk unit Anda."
        if not akses.seluruh_instansi
        else "Belum ada tindak lanjut hasil rapat monev."
    )
    st.stop()
monev = akses.punya("pengelola_monev")

terbuka = aturan.terbuka(semua["status"])
minta = semua["minta_tutup"].astype(bool) & terbuka
with st.container(horizontal=True):
    st.metric("Belum selesai", formats.angka(int(terbuka.sum()), 0))
    st.metric("Lewat batas waktu", formats.angka(int(semua["terlambat"].sum()), 0))
    st.metric("Minta ditutup", formats.angka(int(minta.sum()), 0))
    st.metric(aturan.SELESAI, formats.angka(int((~terbuka).sum()), 0))

if akses.seluruh_instansi:
    rekap = web.cached_read(svc.rekap_unit)(akses, instansi_id)
    st.plotly_chart(
        charts.tindak_lanjut_per_unit(rekap, "Tindak lanjut per unit PIC"), key="tl_per_unit"
    )

a, b = st.columns(2)
tampil = a.segmented_control(
    "Tampilkan",
    ["Belum selesai", "Lewat batas", "Minta ditutup", "Semua"],
    default="Minta ditutup" if monev and minta.any() else "Belum selesai",
    key="tl_tampil",
)
df = semua
if tampil == "Belum selesai":
    df = semua[terbuka]
elif tampil == "Lewat batas":
    df = semua[semua["terlambat"]]
elif tampil == "Minta ditutup":
    df = semua[minta]
if akses.seluruh_instansi:
    unit_opsi = ["Semua unit", *sorted(df["pic_unit"].unique())]
    unit = b.selectbox("Unit PIC", unit_opsi, key="tl_unit")
    if unit != "Semua unit":
        df = df[df["pic_unit"] == unit]
if df.empty:
    st.info("Tidak ada tindak lanjut untuk pilihan ini.")
    st.stop()


def _tgl(w) -> str:
    return formats.tanggal(pd.Timestamp(w).date()) if pd.notna(w) else "–"


# The key columns first and narrow, so PIC, deadline and status are in view at 1366 px; the long
# texts follow and are read in full in the panel of the selected follow-up below.
st.dataframe(
    tampilan.tabel_tindak_lanjut(df),
    hide_index=True,
    column_config={
        "Unit PIC": st.column_config.TextColumn(width=215),
        "Batas waktu": st.column_config.TextColumn(width=130),
        "Status": st.column_config.TextColumn(width=105),
        "Lewat batas": st.column_config.TextColumn(width=95),
        "Minta ditutup": st.column_config.TextColumn(width=100),
        "Tindak lanjut": st.column_config.TextColumn(width=320),
    },
)

label = {
    int(r.id): f"{r.pic_unit} · {r.uraian[:70]} · {r.status}"
    + (" · lewat batas" if r.terlambat else "")
    for r in bingkai.baris(df)
}
tl_id = pilih_berlabel("Pilih tindak lanjut", label, "tl_pilih")
r = df[df["id"] == tl_id].iloc[0]
versi = int(r["versi"])
with st.container(border=True):
    st.caption(
        f"{formats.md_aman(r['pic_unit'])} · batas waktu {_tgl(r['batas_waktu'])} · status "
        f"{r['status']}" + (" · **lewat batas waktu**" if r["terlambat"] else "")
    )
    for judul, isi in (
        ("Tindak lanjut", r["uraian"]),
        ("Permasalahan", r["permasalahan"]),
        ("Catatan progres", r["catatan_progres"]),
        ("Catatan Pengelola Monev", r["catatan_monev"]),
    ):
        if isinstance(isi, str) and isi.strip():
            st.markdown(f"**{judul}:** {formats.md_aman(isi)}")


def _unduh_bukti() -> bytes:
    """Looked up from the record (and the caller's right to read it) when clicked."""
    with web.cursor() as cur:
        hasil = svc.berkas_bukti(cur, akses, tl_id)
    return b"" if hasil is None else hasil[1]


if bukti.rujukan_berkas(r["bukti"]):
    st.download_button(
        f"Unduh bukti ({bukti.LABEL_BERKAS})",
        _unduh_bukti,
        file_name=f"bukti_tindak_lanjut_{tl_id}." + str(r["bukti"]).rsplit(".", 1)[-1],
        key="tl_unduh",
        on_click="ignore",
    )

pic = akses.punya("staf_bidang") and akses.unit_id == int(r["pic_unit_id"])
if pic and not aturan.sudah_ditutup(r["status"]):
    st.subheader("Perbarui progres")
    with st.form(f"progres_{tl_id}"):
        status = st.radio(
            "Status",
            list(aturan.STATUS_BIDANG),
            index=list(aturan.STATUS_BIDANG).index(r["status"]),
            horizontal=True,
            key=f"tl_status_{tl_id}",
        )
        catatan = st.text_area(
            "Catatan progres",
            value=r["catatan_progres"] if isinstance(r["catatan_progres"], str) else "",
            key=f"tl_catatan_{tl_id}",
        )
        ref = st.text_input(
            "Bukti (tautan atau keterangan; unggah berkas di bawah)",
            value=bukti.label(r["bukti"]),  # an uploaded file shows as its label
            key=f"tl_bukti_{tl_id}",
        )
        tutup = st.checkbox(
            "Minta ditutup (tindak lanjut sudah tuntas)",
            value=bool(r["minta_tutup"]),
            key=f"tl_minta_{tl_id}",
        )
        if st.form_submit_button("Simpan progres", type="primary"):
            web.tulis(
                svc.perbarui,
                akses,
                tl_id,
                versi,
                status,
                catatan,
                ref,
                tutup,
                sukses="Progres tindak lanjut tersimpan."
                + (" Permintaan tutup dikirim ke Pengelola Monev." if tutup else ""),
            )
    unggah = st.file_uploader(
        "Berkas bukti (PDF, JPG, PNG, XLSX, DOCX; maks. 5 MB)",
        type=sorted(bukti.JENIS),
        max_upload_size=bukti.MAX_BYTES // 1024 // 1024,  # the widget says 5 MB, not 200 MB
        key=f"tl_berkas_{tl_id}",
    )
    st.caption(PETUNJUK_UNGGAH)
    if unggah is not None and st.button("Unggah bukti", key="tl_unggah"):
        web.tulis(
            svc.unggah_bukti,
            akses,
            tl_id,
            versi,
            unggah.name,
            unggah.getvalue(),
            sukses="Berkas bukti tersimpan.",
        )

if monev and not aturan.sudah_ditutup(r["status"]):
    st.subheader("Keputusan Pengelola Monev")
    catatan_monev = st.text_input("Catatan / alasan", key=f"tl_catatan_monev_{tl_id}")
    kol = st.columns(2)
    if kol[0].button(f"Tutup ({aturan.SELESAI})", type="primary", key="tl_tutup"):
        web.tulis(
            svc.tutup,
            akses,
            tl_id,
            versi,
            catatan_monev,
            sukses=f"Tindak lanjut ditutup ({aturan.SELESAI}).",
        )
    if bool(r["minta_tutup"]) and kol[1].button("Tolak permintaan tutup", key="tl_tolak"):
        web.tulis(
            svc.tolak_tutup,
            akses,
            tl_id,
            versi,
            catatan_monev,
            sukses="Permintaan tutup ditolak; alasan terkirim ke unit PIC.",
        )
elif aturan.sudah_ditutup(r["status"]):
    st.caption(
        f"Ditutup oleh {formats.md_aman(r['ditutup_oleh'] or '–')} pada {_tgl(r['ditutup_pada'])}."
    )

st.caption(
    f"Status {aturan.SELESAI} ditetapkan Pengelola Monev. Tindak lanjut yang belum selesai "
    f"otomatis diusulkan sebagai agenda rapat berikutnya ({agenda.JENIS_AGENDA['tindak_lanjut']})."
)
