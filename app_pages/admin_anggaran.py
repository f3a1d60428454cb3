"""Admin: the budget per sub kegiatan and year (pagu) and its spending per quarter, typed in a
table or uploaded from the Excel template."""

import pandas as pd
import streamlit as st

from dashboard import config, formats, web
from dashboard.services import capaian as svc_capaian
from dashboard.services import rencana as svc
from dashboard.ui import akses_halaman, pilih_instansi

akses = akses_halaman(__file__)
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

total_pagu = float(df["pagu"].fillna(0).sum())
total_real = float(df[svc.KOLOM_RP].fillna(0).to_numpy().sum())
a, b, c = st.columns(3)
a.metric("Pagu", formats.rupiah(total_pagu))
b.metric("Realisasi", formats.rupiah(total_real))
c.metric("Serapan", formats.persen(100 * total_real / total_pagu if total_pagu else None))

# pagu/rp1..rp4 -> short column titles, so the table fits a 1366 px screen
JUDUL = {"pagu": "Pagu", "rp1": "TW I", "rp2": "TW II", "rp3": "TW III", "rp4": "TW IV"}
tabel = pd.DataFrame(
    {
        "Kode": df["kode"],
        "Sub kegiatan": df["nama"] + df["aktif"].map({True: "", False: " (nonaktif)"}),
        **{judul: [formats.angka(v, 2, kosong="") for v in df[k]] for k, judul in JUDUL.items()},
    }
)
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
awal = df[["sub_kegiatan_id", *JUDUL]].to_dict("records")


def _muat_ulang() -> None:
    st.session_state["anggaran_versi"] = versi + 1


if st.button("Simpan anggaran", type="primary", key="anggaran_simpan"):
    baris = [
        {
            "sub_kegiatan_id": int(sid),
            **{k: ubah.at[i, judul] or None for k, judul in JUDUL.items()},
        }
        for i, sid in enumerate(df["sub_kegiatan_id"])
    ]
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
        st.dataframe(
            pd.DataFrame({"Masalah": str(exc).split("\n")}), hide_index=True, width="stretch"
        )
    except Exception as exc:  # noqa: BLE001 - shown as a message
        web.show_error(exc)
    else:
        lama = df.set_index("sub_kegiatan_id")
        beda = [
            r
            for r in hasil
            if any(
                formats.angka(r[k], 2, kosong="")
                != formats.angka(lama.at[r["sub_kegiatan_id"], k], 2, kosong="")
                for k in JUDUL
            )
        ]
        st.write(f"{len(hasil)} baris terbaca, {len(beda)} sub kegiatan berubah.")
        if beda:
            st.dataframe(
                pd.DataFrame(
                    {
                        "Kode": [lama.at[r["sub_kegiatan_id"], "kode"] for r in beda],
                        **{
                            j: [formats.angka(r[k], 2, kosong="") for r in beda]
                            for k, j in JUDUL.items()
                        },
                    }
                ),
                hide_index=True,
            )
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
