"""The Kadis dashboard as shown: headline figures and every table, shaped from the services'
frames with Indonesian formats. Pure (no Streamlit, no database), so app_pages/beranda.py stays
layout and the shaping can be tested on hand-built frames.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.akun.akses import NAMA_PERAN
from dashboard.capaian.capaian import Status, serapan
from dashboard.capaian.proyeksi import NAMA_AGREGASI, STATUS_TERPISAH, hitung_kategori
from dashboard.capaian.proyeksi import persen_sesuai_target as sesuai_target
from dashboard.capaian.skala import Skala
from dashboard.inti import bingkai, bukti, formats
from dashboard.periode import ketepatan
from dashboard.review import alur

BANTUAN_DIAJUKAN = (
    "Dihitung: unit yang pengajuannya sudah diajukan (Diajukan, Diverifikasi, Diparaf atau "
    "Disahkan). Tidak dihitung: Belum diisi, Draf dan Dikembalikan."
)


POLARITAS = {
    "positif": "Positif: makin tinggi makin baik",
    "negatif": "Negatif: makin rendah makin baik",
}


def pilihan_kategori(ind: pd.DataFrame, skala: Skala) -> dict[str, int]:
    """The headline boxes a list can be opened for, with their counts: the scale's bands
    (worst first: what needs looking at), then the statuses counted apart; empty ones left out,
    so the list never opens on nothing."""
    hitung = label_kategori(ind).value_counts()
    urut = [*reversed(skala.urut), *STATUS_TERPISAH]
    return {k: int(hitung[k]) for k in urut if hitung.get(k, 0) > 0}


def _n(x: float) -> str:
    """A count as shown: `1.234`."""
    return formats.angka(x, 0)


def _tanggal(d: dt.date | None) -> str:
    """A date cell as shown; NaT (a pandas date column's empty cell, a datetime) as a dash."""
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
    submissions, follow-ups and SOP breaches. Each number is the row count of the list opened
    behind it (`Sudah diajukan`: the `sudah_diajukan` rows of the submission list)."""
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
        Angka(
            "Sudah diajukan",
            f"{_n(int(kirim['sudah_diajukan'].sum()))} dari {_n(len(kirim))}",
            BANTUAN_DIAJUKAN,
        ),
        Angka(
            "Disahkan",
            f"{_n(int((kirim['status'] == alur.DISAHKAN).sum()))} dari {_n(len(kirim))}",
            "Unit yang pengajuannya sudah disahkan Kepala Dinas.",
        ),
        Angka(
            "Terlambat",
            _n((kirim["pengiriman"] == "Terlambat").sum()),
            "Unit yang mengajukan setelah tenggat, atau belum mengajukan padahal tenggat lewat.",
        ),
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


def keterangan_kirim(r: Any) -> str:
    """A unit's submission in one phrase: the return's reason, who and when; else empty.
    `r` is a `bingkai.baris` row of `dasbor_pengajuan` (untyped pandas)."""
    if getattr(r, "keadaan", None) != "Dikembalikan":
        return ""
    oleh = formats.teks(r.akhir_oleh) or "peninjau"
    alasan = formats.teks(r.akhir_catatan) or "tanpa alasan tercatat"
    return f"Dikembalikan oleh {oleh}, {formats.waktu(r.akhir_pada)}: {alasan}"


def pengajuan(kirim: pd.DataFrame) -> pd.DataFrame:
    """The list behind `Sudah diajukan`: one row per unit, its state in words, and the column
    the headline counts."""
    return pd.DataFrame(
        {
            "Unit": kirim["unit"],
            "Keadaan": kirim["keadaan"],
            "Sudah diajukan": kirim["sudah_diajukan"].map({True: "Ya", False: "Belum"}),
            "Pengiriman": kirim["pengiriman"],
            "Terisi": kirim["terisi"].map(_n) + " dari " + kirim["indikator"].map(_n),
            "Tenggat": kirim["tenggat"].map(_tanggal),
            "Diajukan": kirim["diajukan_pada"].map(formats.waktu),
            "Keterangan": [keterangan_kirim(r) for r in bingkai.baris(kirim)],
        }
    )


def tindak_lanjut(tl: pd.DataFrame) -> pd.DataFrame:
    """Open follow-ups: what, who, by when and its state first (in view at 1366 px)."""
    return pd.DataFrame(
        {
            "Tindak lanjut": tl["uraian"],
            "PIC": tl["pic_unit"],
            "Batas waktu": tl["batas_waktu"].map(_tanggal),
            "Status": tl["status"],
            "Lewat batas": tl["terlambat"].map({True: "Ya", False: ""}),
            "Indikator": tl["indikator_kode"],
            "Temuan": tl["permasalahan"],
            "Rapat": tl["rapat"],
            "Progres": tl["catatan_progres"],
        }
    )


def pelanggaran_sop(sop: pd.DataFrame) -> pd.DataFrame:
    """SOP steps past their standard: the unit, the step and by how much first."""
    return pd.DataFrame(
        {
            "Unit": sop["unit"],
            "Langkah": sop["no"] + " · " + sop["aktivitas"],
            "Kelebihan": sop["kelebihan_menit"].map(ketepatan.uraian_menit),
            "Durasi": sop["durasi_menit"].map(ketepatan.uraian_menit),
            "Standar": sop["waktu"],
            "Selesai": sop["selesai"].map(_tanggal),
            "SOP": sop["sop_nama"],
        }
    )


def per_unit(df: pd.DataFrame, skala: Skala, kirim: pd.DataFrame | None = None) -> pd.DataFrame:
    """Capaian per unit with its category, the spread of its indicators over the bands in one
    line (`Sebaran`), its submission state (`kirim`, when given) and the count per band of the
    scale (for the downloads)."""
    # a unit with nothing assessed: Belum Diisi while a value is still missing
    belum = df["kategori"].isna() & (df[str(Status.BELUM_DIISI)] > 0)
    out = df.assign(
        Dinilai=df["dinilai"].map(_n) + " dari " + df["jumlah_indikator"].map(_n),
        Capaian=df["capaian"].map(formats.persen),
        Kategori=df["kategori"]
        .fillna(belum.map({True: str(Status.BELUM_DIISI), False: None}))
        .fillna(str(Status.BELUM_DAPAT_DINILAI)),
    )
    semua = [*skala.urut, *STATUS_TERPISAH]
    out["Sebaran"] = [
        " · ".join(f"{_n(r[k])} {k}" for k in semua if r[k]) for r in bingkai.baris_dict(out)
    ]
    kolom = ["unit", "Dinilai", "Capaian", "Kategori", "Sebaran"]
    if kirim is not None:
        keadaan = dict(zip(kirim["unit_id"], kirim["keadaan"], strict=True))
        out["Pengajuan"] = out["unit_id"].map(keadaan).fillna("–")
        kolom.append("Pengajuan")
    return out[[*kolom, *semua]].rename(columns={"unit": "Unit"})


# What the per-unit table shows at 1366 px (the counts per band stay in the downloads).
TAMPIL_PER_UNIT = ["Unit", "Dinilai", "Capaian", "Kategori", "Sebaran", "Pengajuan"]


def label_indikator(ind: pd.DataFrame) -> dict[int, str]:
    """Indicator id -> `KODE · nama` for the drill-down's choice."""
    return dict(zip(ind["id"].astype(int), ind["kode"] + " · " + ind["nama"], strict=True))


def laju(baris: pd.Series, satuan: str) -> str:
    """The pace still needed, with its satuan."""
    return formats.angka(baris["laju"]) + ("" if pd.isna(baris["laju"]) else f" {satuan}")


def target_teks(bawah: float | None, atas: float | None) -> str:
    """A target as the report writes it: `80`, or a range `80 – 90`."""
    if atas is None or pd.isna(atas) or bawah is None or pd.isna(bawah):
        return formats.angka(bawah)
    lo, hi = sorted((float(bawah), float(atas)))
    return f"{formats.angka(lo)} – {formats.angka(hi)}"


def perhitungan(info: dict, hasil: dict, uraian: str) -> pd.DataFrame:
    """How one quarter's capaian was computed: attributes, the to-date numbers, the formula."""
    baris = {
        "Polaritas": POLARITAS.get(str(info["polaritas"]), str(info["polaritas"])),
        "Cara agregasi": NAMA_AGREGASI.get(str(info["cara_agregasi"]), str(info["cara_agregasi"])),
        "Rumus negatif": str(info["rumus_negatif"]) if info["polaritas"] == "negatif" else "–",
        "Satuan": str(info["satuan"]),
        "Definisi / rumus": formats.teks(info["definisi"]) or "–",
        "Sumber data": formats.teks(info["sumber_data"]) or "–",
        "Target s.d. triwulan": target_teks(hasil.get("target_sd"), hasil.get("target_atas_sd")),
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


def mundur(dari: object, ke: object) -> bool:
    """Is a review step from `dari` to `ke` a return (a step back in dashboard/review/alur.py)?"""
    if not (dari in alur.STATUS and ke in alur.STATUS):
        return False
    return alur.STATUS.index(ke) < alur.STATUS.index(dari)


def peristiwa(jenis: object, dari: object, ke: object) -> str:
    """A review event in the words people use: `Diajukan → Diverifikasi`, `Dikembalikan:
    Diparaf → Diverifikasi`, never the log's code (`transisi`)."""
    if jenis == "transisi" and isinstance(dari, str) and isinstance(ke, str):
        langkah = f"{alur.label_status(dari)} → {alur.label_status(ke)}"
        return f"Dikembalikan: {langkah}" if mundur(dari, ke) else langkah
    return alur.label_peristiwa(jenis if isinstance(jenis, str) else None)


def review(event: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Waktu": event["waktu"].map(formats.waktu),
            "Oleh": event["pengguna"],
            "Peran": event["peran"].map(lambda p: NAMA_PERAN.get(p, p)),
            "Peristiwa": [
                peristiwa(j, d, k)
                for j, d, k in zip(event["jenis"], event["dari"], event["ke"], strict=True)
            ],
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
        f"akhir tahun di bawah target, kecuali yang {skala.urut[0]}; diurutkan dari yang paling "
        "berat (kategori, selisih proyeksi terhadap target, keterlambatan unit). "
        f"{int((w['tanpa'] != '').sum())} tanpa catatan atau tindak lanjut (kolom Belum ada). "
        "Pilih satu baris untuk membuka rinciannya."
    )


def perhatian(w: pd.DataFrame) -> pd.DataFrame:
    """The warnings list, most severe first: rank, the indicator, its own reason and the unit's
    note side by side (wrapped on the page), then the follow-up."""
    return pd.DataFrame(
        {
            "No.": w["peringkat"],
            "Indikator": w["kode"] + " · " + w["nama"],
            "Unit": w["unit_nama"],
            "Kategori": w["kategori"].fillna(w["status"]),
            "Alasan": w["alasan"],
            "Catatan unit": w["catatan"].fillna("").map(lambda c: c.strip() or "–"),
            "Tindak lanjut terbuka": w["tindak_lanjut"],
            "Belum ada": w["tanpa"],
        }
    )


def anggaran(ang: pd.DataFrame) -> pd.DataFrame:
    """Program and kegiatan rows (kegiatan indented under their program) and a Jumlah row:
    rupiah summed over the programs, serapan of the sums; percentages never added."""
    nama = [
        n if t == "Program" else "\u00a0\u00a0\u00a0\u00a0" + n
        for t, n in zip(ang["tingkat"], ang["nama"], strict=True)
    ]
    df = pd.DataFrame(
        {
            "Kode": ang["kode"],
            "Program / kegiatan": nama,
            "Pagu": ang["pagu"].map(formats.rupiah),
            "Realisasi": ang["realisasi"].map(formats.rupiah),
            "Serapan": ang["serapan"].map(formats.persen),
            "Capaian kinerja": ang["capaian"].map(formats.persen),
            "Indeks efisiensi": ang["indeks_efisiensi"].map(formats.angka),
            "Efisien": ang["efisien"].map({True: "Ya", False: "Tidak"}),
        }
    )
    program = ang[ang["tingkat"] == "Program"]
    pagu, real = program["pagu"].sum(), program["realisasi"].sum()
    jumlah = {
        "Kode": "",
        "Program / kegiatan": "Jumlah",
        "Pagu": formats.rupiah(pagu),
        "Realisasi": formats.rupiah(real),
        "Serapan": formats.persen(serapan(real, pagu)),
        "Capaian kinerja": "",
        "Indeks efisiensi": "",
        "Efisien": "",
    }
    return pd.concat([df, pd.DataFrame([jumlah])], ignore_index=True)


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


# Column widths (px) and alignment per table, so the key columns fit the 906 px a page has at
# 1366 px wide; long texts wrap (the page gives those tables a taller row). Plain dicts: the
# page hands them to st.dataframe's column_config.
KANAN = {"alignment": "right"}
KOLOM: dict[str, dict[str, dict]] = {
    "indikator_kategori": {
        "Kode": {"width": 70},
        "Indikator": {"width": 260},
        "Unit": {"width": 170},
        "Target s.d.": {"width": 85, **KANAN},
        "Realisasi s.d.": {"width": 95, **KANAN},
        "Capaian": {"width": 75, **KANAN},
        "Catatan": {"width": 250},
    },
    "pengajuan": {
        "Unit": {"width": 210},
        "Keadaan": {"width": 105},
        "Sudah diajukan": {"width": 105},
        "Pengiriman": {"width": 105},
        "Terisi": {"width": 75},
        "Tenggat": {"width": 130},
        "Diajukan": {"width": 150},
        "Keterangan": {"width": 320},
    },
    "tindak_lanjut": {
        "Tindak lanjut": {"width": 300},
        "PIC": {"width": 190},
        "Batas waktu": {"width": 130},
        "Status": {"width": 110},
        "Lewat batas": {"width": 90},
    },
    "pelanggaran_sop": {
        "Unit": {"width": 200},
        "Langkah": {"width": 260},
        "Kelebihan": {"width": 120, **KANAN},
        "Durasi": {"width": 120, **KANAN},
        "Standar": {"width": 100},
        "Selesai": {"width": 130},
    },
    "per_unit": {
        "Unit": {"width": 235},
        "Dinilai": {"width": 62, **KANAN},
        "Capaian": {"width": 72, **KANAN},
        "Kategori": {"width": 100},
        "Sebaran": {"width": 250},
        "Pengajuan": {"width": 100},
    },
    "perhatian": {
        "No.": {"width": 36, **KANAN},
        "Indikator": {"width": 180},
        "Unit": {"width": 112},
        "Kategori": {"width": 82},
        "Alasan": {"width": 240},
        "Catatan unit": {"width": 205},
        "Tindak lanjut terbuka": {"width": 200},
    },
    "anggaran": {
        "Kode": {"width": 88},
        "Program / kegiatan": {"width": 290},
        "Pagu": {"width": 128, **KANAN},
        "Realisasi": {"width": 128, **KANAN},
        "Serapan": {"width": 68, **KANAN},
        "Capaian kinerja": {"width": 68, **KANAN, "label": "Capaian"},
        "Indeks efisiensi": {"width": 44, **KANAN, "label": "IE", "help": "Indeks efisiensi"},
        "Efisien": {"width": 54},
    },
    "review": {
        "Waktu": {"width": 170},
        "Oleh": {"width": 110},
        "Peran": {"width": 130},
        "Peristiwa": {"width": 220},
        "Catatan": {"width": 270},
    },
}
