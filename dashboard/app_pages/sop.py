"""Daftar SOP: every SOP with its header and step table laid out like the documents, a flow view,
earlier revisions; the admin imports, edits and publishes revisions."""

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import charts, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.periode import ketepatan
from dashboard.sop import layanan_pelaksanaan as svc_pel
from dashboard.sop import layanan_registri as svc
from dashboard.sop import tampilan_sop as tampil

akses = akses_halaman(globals())
st.title("Daftar SOP")
with web.cursor() as cur:
    daftar = svc.daftar_sop(cur)
    dipakai = svc.kode_dipakai(cur, akses.instansi_id)
if daftar.empty:
    st.info("Belum ada SOP.")
    st.stop()
# The caller's own SOPs first and chosen by default (those of the caller's instansi, and those
# the app's flows run); the library's other agencies' SOPs follow, marked as examples.
daftar = tampil.urut_milik(
    daftar, web.cached_read(svc_capaian.daftar_instansi)(akses)["nama"], dipakai
)
st.caption(
    "SOP yang dipakai instansi Anda tampil lebih dulu; SOP instansi lain di pustaka hanya "
    "sebagai contoh."
)
st.dataframe(
    tampil.tabel_daftar(daftar),
    hide_index=True,
    column_config={
        "Nama SOP": st.column_config.TextColumn(width=380),
        "Instansi": st.column_config.TextColumn(width=300),
    },
)

label = tampil.label_sop(daftar)
kode = st.selectbox("SOP", list(label), format_func=lambda k: label[k], key="sop_kode")
with web.cursor() as cur:
    revisi = svc.revisi(cur, kode)
rev_label = tampil.label_revisi(revisi)
sop_id = st.selectbox(
    "Revisi", list(rev_label), format_func=lambda k: rev_label[k], key="sop_revisi"
)
with web.cursor() as cur:
    header, langkah = svc.detail(cur, sop_id)

st.subheader(formats.md_aman(header["nama"]))
kiri, kanan = st.columns(2)
teks_kiri, teks_kanan = tampil.kepala(header)
kiri.markdown(teks_kiri)
kanan.markdown(teks_kanan)
with st.expander("Dasar hukum, keterkaitan, peringatan, kualifikasi, peralatan, pencatatan"):
    for judul, kunci in (
        ("Dasar hukum", "dasar_hukum"),
        ("Keterkaitan", "keterkaitan"),
        ("Kualifikasi pelaksana", "kualifikasi_pelaksana"),
        ("Peralatan / perlengkapan", "peralatan"),
        ("Pencatatan dan pendataan", "pencatatan"),
    ):
        st.markdown(f"**{judul}**")
        for i, teks in enumerate(header[kunci], start=1):
            st.text(f"{i}. {teks}")
    st.markdown("**Peringatan**")
    st.text(header["peringatan"] or "-")

tabel = tampil.tabel_langkah(header["pelaksana"], langkah)
kolom_pelaksana = {  # one narrow ✓ column per actor, all in view at 1366 px
    ketepatan.nama_pelaksana(p): st.column_config.TextColumn(width=95, help=p)
    for p in header["pelaksana"]
}
st.dataframe(
    tabel,
    hide_index=True,
    column_config={
        "No": st.column_config.TextColumn(width=40),
        "Aktivitas": st.column_config.TextColumn(width=300),
        **kolom_pelaksana,
    },
)
st.plotly_chart(
    charts.alur_sop(langkah, header["pelaksana"], "Alur langkah antar pelaksana"), key="alur_sop"
)
st.caption(tampil.jumlah_standar(langkah))

if akses.punya("admin") or akses.punya("pengelola_monev"):
    st.divider()
    st.subheader("SOP yang dijalankan instansi")
    st.caption(
        "Untuk tiap prosedur, instansi memilih satu SOP dari pustaka. Pelaksanaan baru memakai "
        "revisi yang berlaku saat pelaksanaan dimulai; pelaksanaan yang sudah berjalan tetap "
        "memakai revisinya."
    )
    inst_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
    with web.cursor() as cur:
        adopsi = svc_pel.daftar_adopsi(cur, akses, inst_id)
    st.dataframe(
        tampil.tabel_adopsi(adopsi),
        hide_index=True,
    )
    with st.form("adopsi_sop"):
        a, b = st.columns(2)
        prosedur = a.selectbox(
            "Prosedur", list(svc_pel.PROSEDUR), format_func=lambda k: svc_pel.PROSEDUR[k]
        )
        nama_sop = tampil.nama_sop(daftar)
        pilihan = b.selectbox("SOP dari pustaka", list(nama_sop), format_func=lambda k: nama_sop[k])
        if st.form_submit_button("Jalankan SOP ini", type="primary"):
            web.tulis(
                svc_pel.adopsi,
                akses,
                inst_id,
                prosedur,
                pilihan,
                sukses="SOP instansi diperbarui; pelaksanaan baru memakai SOP ini.",
            )

if not akses.punya("admin"):
    st.stop()
st.divider()
st.subheader("Pengelolaan SOP (admin)")
tab_impor, tab_ubah, tab_peta = st.tabs(
    ["Impor SOP", "Ubah dan terbitkan revisi", "Pemetaan ke alur aplikasi"]
)
with tab_impor:
    st.download_button(
        "Unduh SOP ini sebagai Excel (format impor)",
        lambda: svc.ke_excel(header, langkah),  # built only when clicked
        file_name=f"{kode}.xlsx",
        icon=":material/download:",
        on_click="ignore",
    )
    berkas = st.file_uploader(
        "Berkas SOP (.yaml dalam format pustaka, atau .xlsx)",
        type=["yaml", "yml", "xlsx"],
        key="sop_berkas",
    )
    catatan_impor = st.text_input("Catatan revisi", key="sop_catatan_impor")
    if berkas is not None and st.button("Impor SOP", type="primary", key="sop_impor"):
        if berkas.name.endswith(".xlsx"):
            web.tulis(
                svc.impor_excel,
                akses,
                berkas.getvalue(),
                berkas.name,
                catatan_impor,
                sukses="SOP diimpor dan diterbitkan.",
            )
        else:
            try:
                teks = berkas.getvalue().decode("utf-8")
            except UnicodeDecodeError:
                st.error("Berkas YAML harus berenkode UTF-8.")
            else:
                web.tulis(
                    svc.impor_yaml,
                    akses,
                    teks,
                    berkas.name,
                    catatan_impor,
                    sukses="SOP diimpor dan diterbitkan.",
                )
with tab_ubah:
    hasil = st.data_editor(
        tampil.baris_ubah(langkah),
        num_rows="dynamic",
        hide_index=True,
        key=f"sop_edit_{sop_id}",
        column_config={
            "pelaksana": st.column_config.TextColumn(
                help="Pisahkan beberapa pelaksana dengan titik koma"
            )
        },
    )
    nama_baru = st.text_input("Nama SOP", value=header["nama"], key="sop_nama_baru")
    catatan = st.text_input("Catatan revisi (wajib)", key="sop_catatan")
    if st.button("Terbitkan revisi", type="primary", key="sop_terbit"):
        web.tulis(
            svc.terbitkan_revisi,
            akses,
            sop_id,
            {**header, "nama": nama_baru},
            hasil,
            catatan,
            sukses="Revisi baru diterbitkan; revisi lama tetap dapat dibaca.",
        )
with tab_peta:
    st.caption(
        "Tiap langkah: **event** (aplikasi mencatatnya: mulai pada event 'mulai' terakhir "
        "sebelum event 'selesai'; 'langkah' = saat langkah bernomor itu selesai) atau **manual** "
        "(dicatat Pengelola Monev di halaman Catat langkah SOP). Status hanya untuk event "
        "transisi."
    )
    with web.cursor() as cur:
        peta = svc.pemetaan(cur, kode)
    objek_opsi, status_opsi = tampil.opsi_peta(svc.JENIS_EVENT, svc.STATUS_KE)
    peta_baru = st.data_editor(
        tampil.baris_peta(peta, [k for k in svc.KOLOM_PETA if k != "urutan"]),
        num_rows="dynamic",
        hide_index=True,
        key=f"peta_{kode}",
        column_config={
            "urutan": st.column_config.NumberColumn("Urutan", min_value=1, step=1, width=60),
            "cara": st.column_config.SelectboxColumn("Cara", options=["event", "manual"]),
            "mulai_jenis": st.column_config.SelectboxColumn(
                "Event mulai", options=list(svc.JENIS_EVENT)
            ),
            "mulai_objek": st.column_config.SelectboxColumn("Objek mulai", options=objek_opsi),
            "mulai_ke": st.column_config.TextColumn(
                "Status / langkah mulai", help="Status transisi, atau nomor urut langkah"
            ),
            "selesai_jenis": st.column_config.SelectboxColumn(
                "Event selesai", options=[j for j in svc.JENIS_EVENT if j != "langkah"]
            ),
            "selesai_objek": st.column_config.SelectboxColumn("Objek selesai", options=objek_opsi),
            "selesai_ke": st.column_config.SelectboxColumn("Status selesai", options=status_opsi),
        },
    )
    if st.button("Simpan pemetaan", key="simpan_peta"):
        web.tulis(
            svc.simpan_pemetaan,
            akses,
            kode,
            peta_baru,
            sukses=lambda n: f"Pemetaan disimpan: {n} langkah dicatat dari event aplikasi.",
        )
