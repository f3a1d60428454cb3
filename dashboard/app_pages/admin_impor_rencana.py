"""Admin: load a whole plan from one workbook (check first, then all or nothing)."""

import streamlit as st

from dashboard.inti import formats, web, xlsx_aman
from dashboard.inti.ui import akses_halaman
from dashboard.rencana import layanan_impor as svc
from dashboard.rencana import rencana_xlsx
from dashboard.rencana import tampilan_rencana as tampil

akses = akses_halaman(globals())
st.title("Impor rencana")
st.caption(
    "Satu buku kerja memuat instansi, unit, pohon rencana, indikator, target, riwayat realisasi "
    "dan anggaran. Impor berlaku seluruhnya atau tidak sama sekali; baris dicocokkan dengan "
    "kodenya, jadi berkas yang sama boleh diimpor ulang."
)
st.download_button(
    "Unduh templat kosong",
    rencana_xlsx.templat,
    file_name="templat-rencana.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    on_click="ignore",
)
berkas = st.file_uploader(
    "Buku kerja rencana (.xlsx)",
    type=["xlsx"],
    max_upload_size=xlsx_aman.MAX_BYTES // 1024 // 1024,
    key="berkas_rencana",
)


if berkas is not None:
    data = berkas.getvalue()
    with web.cursor() as cur:
        hasil = web.safe(svc.impor_rencana)(cur, akses, data, terapkan=False)
    if hasil is not None:
        hitung = tampil.tabel_hitungan(hasil.hitungan)
        if hasil.masalah:
            st.error(
                f"{formats.angka(len(hasil.masalah), 0)} kesalahan; tidak ada yang akan "
                "disimpan. Perbaiki berkas lalu unggah lagi.",
                icon=":material/error:",
            )
            st.dataframe(tampil.tabel_masalah(hasil.masalah), hide_index=True)
        if hasil.peringatan:
            st.warning(
                f"{formats.angka(len(hasil.peringatan), 0)} peringatan: target triwulan "
                "tidak sesuai target tahunan menurut cara agregasinya.",
                icon=":material/warning:",
            )
            st.dataframe(tampil.tabel_masalah(hasil.peringatan), hide_index=True)
        if not hitung.empty:
            st.subheader("Isi berkas")
            st.caption("Baris per lembar: baru, diubah, atau sudah sama dengan yang tersimpan.")
            st.dataframe(hitung, hide_index=True)
        berubah = tampil.ada_perubahan(hasil.hitungan)
        if not hasil.masalah and not berubah:
            st.info(
                "Semua baris sudah sama dengan yang tersimpan; tidak ada yang perlu diimpor.",
                icon=":material/check_circle:",
            )
        elif not hasil.masalah:
            setuju = not hasil.peringatan or st.checkbox(
                "Saya sudah memeriksa peringatan di atas; tetap impor."
            )
            if st.button("Impor", type="primary", disabled=not setuju):
                web.tulis(
                    svc.impor_rencana,
                    akses,
                    data,
                    terapkan=True,
                    setujui_peringatan=setuju,
                    sukses=lambda h: "Impor selesai. " + h.ringkasan() + ".",
                )
