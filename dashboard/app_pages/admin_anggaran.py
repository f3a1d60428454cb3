"""Admin: the budget per sub kegiatan and year (pagu) and its spending per quarter, typed in a
table or uploaded from the Excel template."""

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.capaian import tampilan_anggaran as tampil
from dashboard.inti import config, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.rencana import layanan_rencana as svc

akses = akses_halaman(globals())
st.title("Anggaran")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
tahun = int(
    st.columns([1, 3])[0].number_input(
        "Tahun anggaran",
        min_value=2000,
        max_value=2100,
        value=config.hari_ini().year,
        step=1,
        key="anggaran_tahun",
    )
)
with web.cursor() as cur:
    df = svc.anggaran_tahun(cur, akses, instansi_id, tahun)

if df.empty:
    st.info(
        "Belum ada sub kegiatan. Tambahkan program, kegiatan dan sub kegiatan di halaman "
        "Rencana kinerja."
    )
    st.stop()

for kol, (judul, nilai) in zip(
    st.columns(3), tampil.ringkasan(df, svc.KOLOM_RP).items(), strict=True
):
    kol.metric(judul, nilai)

JUDUL = tampil.JUDUL
tabel = tampil.baris_editor(df)
st.caption(
    "Pagu dan realisasi keuangan TW I-IV dalam rupiah (realisasi per triwulan, bukan "
    "kumulatif). Ketik angka seperti 1.250.000 atau 1250000; kosongkan bila belum ada."
)
versi = st.session_state.setdefault("anggaran_versi", 0)
ubah = st.data_editor(
    tabel,
    hide_index=True,
    disabled=["Kode", "Sub kegiatan"],
    column_config={
        "Kode": st.column_config.TextColumn(width=140),
        "Sub kegiatan": st.column_config.TextColumn(width=205),
        **{j: st.column_config.TextColumn(width=110) for j in JUDUL.values()},
    },
    key=f"anggaran_editor_{instansi_id}_{tahun}_{versi}",
)
awal = tampil.awal(df)


def _muat_ulang() -> None:
    st.session_state["anggaran_versi"] = versi + 1


if st.button("Simpan anggaran", type="primary", key="anggaran_simpan"):
    baris = tampil.baris_ubah(df, ubah)
    web.tulis(
        svc.simpan_anggaran,
        akses,
        instansi_id,
        tahun,
        baris,
        awal,
        setelah=_muat_ulang,
        sukses=lambda n: f"Anggaran {tahun} disimpan ({n} sub kegiatan berubah).",
    )


def _templat() -> bytes:
    """Built only when the button is clicked."""
    with web.cursor() as cur:
        return svc.templat_anggaran(cur, akses, instansi_id, tahun)


st.subheader("Excel: unduh templat atau unggah isian")
st.download_button(
    "Unduh templat Excel",
    _templat,
    icon=":material/download:",
    file_name=f"anggaran_{tahun}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    key="anggaran_unduh",
)
st.caption(
    "Isi kolom kuning (Pagu, Realisasi TW I-IV) lalu unggah. Baris dicocokkan dengan Kode "
    "Rencana; rumus tidak diterima. Bila ada satu masalah, tidak ada yang disimpan."
)
unggah = st.file_uploader(
    "Unggah templat yang sudah diisi (.xlsx)", type=["xlsx"], key=f"anggaran_unggah_{versi}"
)
if unggah is not None:
    try:
        with web.cursor() as cur:
            hasil = svc.baca_anggaran_excel(cur, akses, instansi_id, tahun, unggah.getvalue())
    except ValueError as exc:
        st.error("Berkas ditolak; tidak ada yang disimpan.")
        st.dataframe(tampil.tabel_masalah(str(exc)), hide_index=True, width="stretch")
    except Exception as exc:  # noqa: BLE001 - shown as a message
        web.show_error(exc)
    else:
        beda = tampil.berubah(hasil, df)
        st.write(f"{len(hasil)} baris terbaca, {len(beda)} sub kegiatan berubah.")
        if beda:
            st.dataframe(tampil.tabel_berubah(beda, df), hide_index=True)
            if st.button("Terapkan impor", type="primary", key="anggaran_terapkan"):
                web.tulis(
                    svc.simpan_anggaran,
                    akses,
                    instansi_id,
                    tahun,
                    beda,
                    awal,
                    setelah=_muat_ulang,
                    sukses=lambda n: f"Impor anggaran {tahun} diterapkan ({n} sub kegiatan).",
                )
