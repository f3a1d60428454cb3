"""The Kadis dashboard as shown: headline figures and every table, shaped from the services'
frames with Indonesian formats. Pure (no Streamlit, no database), so app_pages/beranda.py stays
layout and the shaping can be tested on hand-built frames.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import alur, bukti, formats, ketepatan
from dashboard.akses import NAMA_PERAN
from dashboard.capaian import Status
from dashboard.proyeksi import NAMA_AGREGASI, STATUS_TERPISAH, hitung_kategori
from dashboard.proyeksi import persen_sesuai_target as sesuai_target
from dashboard.skala import Skala


def pilihan_kategori(skala: Skala) -> list[str]:
    """The headline boxes a list can be opened for: the scale's bands, highest first, then
    the statuses counted apart."""
    return [*skala.urut, *STATUS_TERPISAH]


def _waktu(w: object) -> str:
    """`21 November 2026 14.30`, or a dash for a missing timestamp."""
    return formats.waktu(w)


def _n(x: float) -> str:
    """A count as shown: `1.234`."""
    return formats.angka(x, 0)


def _tanggal(d: object) -> str:
    return "–" if pd.isna(d) else formats.tanggal(d)


def label_kategori(ind: pd.DataFrame) -> pd.Series:
    """Per indicator, the headline box it is counted in: its category, or Belum Diisi /
    Belum Dapat Dinilai (Tidak Ada Target counted with the latter)."""
    return (
        ind["kategori"]
        .fillna(ind["status"])
        .replace({str(Status.TIDAK_ADA_TARGET): str(Status.BELUM_DAPAT_DINILAI)})
    )


@dataclass(frozen=True)
class Angka:
    """One headline number: label, the figure as shown, and a help text (or None)."""

    label: str
    nilai: str
    bantuan: str | None = None


def headline(
    ind: pd.DataFrame, kirim: pd.DataFrame, tl: pd.DataFrame, sop: pd.DataFrame, skala: Skala
) -> tuple[list[Angka], list[Angka], list[Angka]]:
    """The three rows of headline numbers: indicators per band of the scale (by level, highest
    first, the band's range as help); those counted apart (never red) and the share on target;
    submissions, follow-ups and SOP breaches."""
    hitung = hitung_kategori(list(ind["status"]), list(ind["level"]), skala)
    kategori = [
        Angka(
            k,
            _n(hitung[k]),
            f"Capaian {skala.rentang(lv, '%')}" + (", merah." if skala.merah(lv) else "."),
        )
        for lv, k in enumerate(skala.urut, start=1)
    ]
    lain = [Angka(k, _n(hitung[k]), "Dihitung terpisah, tidak dinilai.") for k in STATUS_TERPISAH]
    lain.append(Angka("Sesuai target", formats.persen(sesuai_target(list(ind["capaian"])), 1)))
    proses = [
        Angka("Pengajuan lengkap", f"{_n(int(kirim['lengkap'].sum()))} dari {_n(len(kirim))}"),
        Angka("Tepat waktu", _n((kirim["pengiriman"] == "Tepat waktu").sum())),
        Angka("Terlambat", _n((kirim["pengiriman"] == "Terlambat").sum())),
        Angka("Tindak lanjut terbuka", _n(len(tl))),
        Angka("Lewat batas waktu", _n(int(tl["terlambat"].sum()))),
        Angka("Pelanggaran SOP", _n(len(sop))),
    ]
    return kategori, lain, proses


def indikator_kategori(ind: pd.DataFrame, pilihan: str) -> pd.DataFrame:
    """The indicators behind one headline category box."""
    df = ind[label_kategori(ind) == pilihan]
    return pd.DataFrame(
        {
            "Kode": df["kode"],
            "Indikator": df["nama"],
            "Unit": df["unit_nama"],
            "Target s.d.": df["target_sd"].map(formats.angka),
            "Realisasi s.d.": df["realisasi_sd"].map(formats.angka),
            "Capaian": df["capaian"].map(formats.persen),
            "Catatan": df["catatan"],
        }
    )


def pengajuan(kirim: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Unit": kirim["unit"],
            "Status": kirim["status"].str.capitalize(),
            "Pengiriman": kirim["pengiriman"],
            "Diajukan": kirim["diajukan_pada"].map(_waktu),
            "Tenggat": kirim["tenggat"].map(_tanggal),
            "Terisi": kirim["terisi"].astype(str) + " dari " + kirim["indikator"].astype(str),
            "Lengkap": kirim["lengkap"].map({True: "Ya", False: "Belum"}),
        }
    )


def tindak_lanjut(tl: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Tindak lanjut": tl["uraian"],
            "PIC": tl["pic_unit"],
            "Batas waktu": tl["batas_waktu"].map(_tanggal),
            "Status": tl["status"],
            "Lewat batas": tl["terlambat"].map({True: "Ya", False: ""}),
            "Temuan": tl["permasalahan"],
            "Indikator": tl["indikator_kode"],
            "Rapat": tl["rapat"],
            "Progres": tl["catatan_progres"],
        }
    )


def pelanggaran_sop(sop: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Unit": sop["unit"],
            "SOP": sop["sop_nama"],
            "Langkah": sop["no"] + " · " + sop["aktivitas"],
            "Standar": sop["waktu"],
            "Durasi": sop["durasi_menit"].map(ketepatan.uraian_menit),
            "Kelebihan": sop["kelebihan_menit"].map(ketepatan.uraian_menit),
            "Selesai": sop["selesai"].map(_tanggal),
        }
    )


def per_unit(df: pd.DataFrame, skala: Skala) -> pd.DataFrame:
    """Capaian per unit with its category and the count per band of the scale (coloured on the
    page)."""
    # a unit with nothing assessed: Belum Diisi while a value is still missing
    belum = df["kategori"].isna() & (df[str(Status.BELUM_DIISI)] > 0)
    return df.assign(
        Capaian=df["capaian"].map(formats.persen),
        Kategori=df["kategori"]
        .fillna(belum.map({True: str(Status.BELUM_DIISI), False: None}))
        .fillna(str(Status.BELUM_DAPAT_DINILAI)),
    )[
        [
            "unit",
            "jumlah_indikator",
            "dinilai",
            "Capaian",
            "Kategori",
            *skala.urut,
            *STATUS_TERPISAH,
        ]
    ].rename(columns={"unit": "Unit", "jumlah_indikator": "Indikator", "dinilai": "Dinilai"})


def label_indikator(ind: pd.DataFrame) -> dict[int, str]:
    """Indicator id -> `KODE · nama` for the drill-down's choice."""
    return dict(zip(ind["id"].astype(int), ind["kode"] + " · " + ind["nama"], strict=True))


def laju(baris: pd.Series, satuan: str) -> str:
    """The pace still needed, with its satuan."""
    return formats.angka(baris["laju"]) + ("" if pd.isna(baris["laju"]) else f" {satuan}")


def perhitungan(info: dict, hasil: dict, uraian: str) -> pd.DataFrame:
    """How one quarter's capaian was computed: attributes, the to-date numbers, the formula."""
    baris = {
        "Polaritas": str(info["polaritas"]),
        "Cara agregasi": NAMA_AGREGASI.get(str(info["cara_agregasi"]), str(info["cara_agregasi"])),
        "Rumus negatif": str(info["rumus_negatif"]) if info["polaritas"] == "negatif" else "–",
        "Satuan": str(info["satuan"]),
        "Definisi / rumus": formats.teks(info["definisi"]) or "–",
        "Sumber data": formats.teks(info["sumber_data"]) or "–",
        "Target s.d. triwulan": formats.angka(hasil.get("target_sd")),
        "Realisasi s.d. triwulan": formats.angka(hasil.get("realisasi_sd")),
        "Capaian": formats.persen(hasil.get("capaian")),
        "Kategori / status": hasil.get("kategori") or hasil.get("status") or "–",
        "Perhitungan": uraian,
    }
    return pd.DataFrame({"Aspek": list(baris), "Nilai": list(baris.values())})


def nilai_tahun(entri: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Triwulan": entri["triwulan"].map(formats.nama_triwulan),
            "Realisasi": entri["nilai"].map(formats.angka),
            "Catatan": entri["catatan"],
            "Bukti dukung": entri["bukti"].map(bukti.label),
            "Diubah oleh": entri["diubah_oleh"],
        }
    )


def review(event: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Waktu": event["waktu"].map(_waktu),
            "Pengguna": event["pengguna"],
            "Peran": event["peran"].map(lambda p: NAMA_PERAN.get(p, p)),
            "Jenis": event["jenis"].map(alur.label_peristiwa),
            "Dari": event["dari"].map(alur.label_status),
            "Ke": event["ke"].map(alur.label_status),
            "Catatan": event["catatan"],
        }
    )


def riwayat(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Waktu": df["pada"].map(formats.waktu),
            "Oleh": df["oleh"],
            "Sumber": df["sumber"],
            "Lama": df["nilai_lama"].map(formats.angka),
            "Baru": df["nilai_baru"].map(formats.angka),
            "Catatan": df["catatan"],
        }
    )


def temuan(t: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Rapat": t["rapat"],
            "Tanggal": t["rapat_waktu"].map(formats.tanggal),
            "Permasalahan": t["permasalahan"],
            "Penyebab": t["penyebab"],
            "Rekomendasi": t["rekomendasi"],
            "Tindak lanjut": t["tindak_lanjut"],
            "Batas waktu": t["batas_waktu"].map(_tanggal),
            "Status": t["status_tindak_lanjut"],
        }
    )


def semua_indikator(ind: pd.DataFrame) -> pd.DataFrame:
    """Every indicator of the period with progres tahunan, projection and pace."""
    return pd.DataFrame(
        {
            "Kode": ind["kode"],
            "Indikator": ind["nama"],
            "Unit": ind["unit_nama"],
            "Satuan": ind["satuan"],
            "Target tahunan": ind["t0"].map(formats.angka),
            "Realisasi s.d.": ind["realisasi_sd"].map(formats.angka),
            "Capaian": ind["capaian"].map(formats.persen),
            "Kategori": ind["kategori"].fillna(ind["status"]),
            "Progres tahunan": ind["progres_tahunan"].map(formats.persen),
            "Proyeksi akhir tahun": ind["proyeksi_capaian"].map(formats.persen),
            "Laju dibutuhkan": ind["laju"].map(formats.angka) + " " + ind["arti_laju"],
        }
    )


def ringkasan_perhatian(w: pd.DataFrame, skala: Skala) -> str:
    return (
        f"{formats.angka(len(w), 0)} indikator {skala.label_merah} atau dengan proyeksi "
        f"akhir tahun di bawah target; {int((w['tanpa'] != '').sum())} tanpa catatan atau "
        "tindak lanjut (kolom Belum ada)."
    )


def perhatian(w: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Kode": w["kode"],
            "Indikator": w["nama"],
            "Unit": w["unit_nama"],
            "Capaian": w["capaian"].map(formats.persen),
            "Kategori": w["kategori"].fillna(w["status"]),
            "Alasan": w["alasan"],
            "Proyeksi akhir tahun": w["proyeksi_capaian"].map(formats.persen),
            "Catatan unit": w["catatan"],
            "Tindak lanjut terbuka": w["tindak_lanjut"],
            "Belum ada": w["tanpa"],
        }
    )


def anggaran(ang: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Tingkat": ang["tingkat"],
            "Kode": ang["kode"],
            "Program / kegiatan": ang["nama"],
            "Pagu": ang["pagu"].map(formats.rupiah),
            "Realisasi": ang["realisasi"].map(formats.rupiah),
            "Serapan": ang["serapan"].map(formats.persen),
            "Capaian kinerja": ang["capaian"].map(formats.persen),
            "Indeks efisiensi": ang["indeks_efisiensi"].map(formats.angka),
            "Efisien": ang["efisien"].map({True: "Ya", False: "Tidak"}),
        }
    )


def antar_instansi(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Pemda": df["pemda"],
            "Instansi": df["nama"],
            "Indikator dinilai": df["dinilai"].map(_n),
            "Capaian": df["capaian"].map(formats.persen),
            "Kategori": df["kategori"].fillna(str(Status.BELUM_DIISI)),
            "Pengajuan tepat waktu": df["persen_tepat_waktu"].map(lambda x: formats.persen(x, 1)),
            "Kepatuhan SOP": df["persen_sop"].map(lambda x: formats.persen(x, 1)),
        }
    )
