"""Admin: the instansi's category scale (skala kategori): bands, colours, red ones, scoring cap."""

import streamlit as st

from dashboard.capaian import layanan_capaian as svc
from dashboard.capaian import tampilan_skala as tampil
from dashboard.capaian.skala import MAKS_KATEGORI, MIN_KATEGORI, PRESET
from dashboard.inti import charts, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi

akses = akses_halaman(globals())
st.title("Skala kategori")
instansi_id = pilih_instansi(akses, web.cached_read(svc.daftar_instansi)(akses))
sekarang = web.safe(web.cached_read(svc.skala_instansi))(akses, instansi_id)
if sekarang is None:
    st.stop()


st.subheader(f"Skala yang berlaku: {formats.md_aman(sekarang.nama)}")
st.dataframe(
    tampil.tabel_skala(sekarang).style.map(charts.gaya_kategori(sekarang), subset=["Kategori"]),
    hide_index=True,
)
st.caption(tampil.keterangan(sekarang))

st.subheader("Ubah skala")
BERLAKU = "berlaku"
opsi = {BERLAKU: "Skala yang berlaku", **{k: v.nama for k, v in PRESET.items()}}
mulai = st.selectbox("Mulai dari", list(opsi), format_func=lambda k: opsi[k], key="skala_mulai")
dasar = sekarang if mulai == BERLAKU else PRESET[mulai]
awal = tampil.baris_editor(dasar)
versi = st.session_state.setdefault("skala_versi", 0)
with st.form(f"skala_{instansi_id}_{mulai}_{versi}"):
    nama = st.text_input("Nama skala", value=dasar.nama, max_chars=100)
    edit = st.data_editor(
        awal,
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "Kategori": st.column_config.TextColumn(required=True, max_chars=40),
            "Batas bawah (%)": st.column_config.TextColumn(
                help="Nilai terendah kategori ini (termasuk), misalnya 90,5. Kosongkan untuk "
                "kategori terbawah.",
            ),
            "Warna": st.column_config.TextColumn(
                help="Kode warna #RRGGBB, misalnya #c92a2a untuk merah.",
                validate=r"^#[0-9a-fA-F]{6}$",
                required=True,
            ),
            "Merah": st.column_config.CheckboxColumn(
                help="Kategori terbawah yang dianggap merah: wajib catatan saat entri, masuk "
                "daftar perlu perhatian dan agenda rapat."
            ),
        },
        key="skala_editor",
    )
    batas_teks = st.text_input(
        "Batas skor (%)",
        value="" if dasar.batas_skor is None else formats.angka(dasar.batas_skor),
        help="Misalnya 100: capaian di atasnya dihitung 100 dalam rata-rata dan predikat. "
        "Kosongkan bila tidak dibatasi.",
    )
    st.caption(
        f"{MIN_KATEGORI} sampai {MAKS_KATEGORI} kategori, urut dari batas bawah tertinggi; "
        "tanpa celah atau tumpang tindih (tiap kategori berakhir tepat di batas bawah kategori "
        "di atasnya)."
    )
    simpan = st.form_submit_button("Simpan skala", type="primary")


if simpan:
    try:
        data = tampil.data_skala(nama, edit, batas_teks)
    except ValueError as exc:
        st.error(formats.md_aman(exc))
    else:

        def _setelah() -> None:
            st.session_state["skala_versi"] = versi + 1

        web.tulis(
            svc.simpan_skala,
            akses,
            instansi_id,
            data,
            sukses="Skala kategori disimpan; dasbor dan laporan memakainya sekarang.",
            setelah=_setelah,
        )
