"""Admin: units of an instansi (create and edit)."""

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import web
from dashboard.inti.batas import PANJANG_NAMA
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.rencana import layanan_indikator as svc
from dashboard.review import layanan_review as svc_review

akses = akses_halaman(globals())
st.title("Unit kerja")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    units = svc.daftar_unit(cur, akses, instansi_id)
st.dataframe(
    units.rename(columns={"kode": "Kode", "nama": "Nama", "jenis": "Jenis", "aktif": "Aktif"}).drop(
        columns=["id"]
    ),
    hide_index=True,
)

opsi = [None, *units["id"].astype(int).tolist()]
nama = dict(zip(units["id"].astype(int), units["nama"], strict=True))
pilih = st.selectbox(
    "Unit yang diubah", opsi, format_func=lambda u: "(unit baru)" if u is None else nama[u]
)
awal = units[units["id"] == pilih].iloc[0].to_dict() if pilih is not None else {}
with st.form(f"unit_{pilih}"):
    kode = st.text_input("Kode", value=awal.get("kode", ""), max_chars=20)
    nama_unit = st.text_input("Nama", value=awal.get("nama", ""), max_chars=PANJANG_NAMA)
    jenis = st.selectbox(
        "Jenis", svc.JENIS_UNIT, index=svc.JENIS_UNIT.index(awal.get("jenis", "Bidang"))
    )
    aktif = st.checkbox("Aktif", value=bool(awal.get("aktif", True)))
    if st.form_submit_button("Simpan unit", type="primary"):
        web.tulis(
            svc.simpan_unit,
            akses,
            {
                "instansi_id": instansi_id,
                "kode": kode,
                "nama": nama_unit,
                "jenis": jenis,
                "aktif": aktif,
            },
            unit_id=pilih,
            sukses="Unit disimpan.",
        )

st.subheader("Alur persetujuan")
with web.cursor() as cur:
    pemisahan = svc_review.pemisahan_tugas(cur, akses, instansi_id)
baru = st.toggle(
    "Pemisahan tugas: satu orang hanya menjalankan satu langkah (ajukan, verifikasi, paraf, "
    "sahkan) pada pengajuan atau perbaikan yang sama",
    value=pemisahan,
    key=f"pemisahan_{instansi_id}",
    help="Bawaan: aktif. Nonaktifkan hanya bila satu pejabat memang merangkap beberapa peran.",
)
if baru != pemisahan:
    web.tulis(
        svc_review.atur_pemisahan_tugas,
        akses,
        instansi_id,
        baru,
        sukses="Pemisahan tugas " + ("diaktifkan." if baru else "dinonaktifkan."),
    )
