"""Report tables as pandas frames, built from the services' capaian frames (no database, no
Streamlit). Every capaian, serapan and efficiency figure comes from the engine; rupiah are summed
up the hierarchy, percentages never are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.capaian import capaian as engine
from dashboard.capaian import kinerja_anggaran
from dashboard.capaian.layanan_capaian import angka_atau_none, ringkas_per_unit
from dashboard.capaian.skala import SKALA_BAKU, Skala
from dashboard.inti import bingkai, formats
from dashboard.inti.dokumen import Kop, Penandatangan
from dashboard.pengumpulan import data_sah

TEKS, ANGKA, PERSEN, RUPIAH, INDEKS = "teks", "angka", "persen", "rupiah", "indeks"
JENIS = {
    "triwulan": "Laporan triwulan",
    "semester": "Laporan semester",
    "tahunan": "Laporan tahunan (LKj Bab III)",
    "renja": "Formulir evaluasi Renja",
}
FORMAT = ("xlsx", "pdf")
STATUS_SAH = data_sah.STATUS_SAH
KOLOM_STATUS = "Status data"
DRAF = "DRAF"
_URUT_TINGKAT = {"tujuan": -1, "sasaran": 0, "program": 1, "kegiatan": 2, "sub kegiatan": 3}
# kegiatan and sub kegiatan names indented under their program (no-break spaces survive both
# the PDF paragraph and the Excel cell)
INDEN = {"program": "", "kegiatan": "\u00a0" * 4, "sub kegiatan": "\u00a0" * 8}
ID_TINGKAT = {"program": "program_id", "kegiatan": "kegiatan_id", "sub kegiatan": "sub_kegiatan_id"}


@dataclass(frozen=True)
class Permintaan:
    """What to produce: the kind, the period, the scope, and the signer's overrides."""

    jenis: str
    instansi_id: int
    tahun: int
    periode: int = 4  # triwulan 1-4 (triwulan, renja) or semester 1-2; unused for tahunan
    unit_id: int | None = None
    termasuk_belum_sah: bool = data_sah.TERMASUK_BELUM_SAH_BAWAAN
    tanggal: dt.date | None = None
    kota: str | None = None
    jabatan: str | None = None
    nama: str | None = None
    nip: str | None = None
    semua_indikator: bool = False  # LKj Tabel 3.1: the other indicators besides IKU / PK

    def __post_init__(self) -> None:
        if self.jenis not in JENIS:
            raise ValueError(f"Jenis laporan harus salah satu dari: {', '.join(JENIS)}.")
        batas = 2 if self.jenis == "semester" else 4
        if self.jenis != "tahunan" and not 1 <= self.periode <= batas:
            satuan = "Semester" if self.jenis == "semester" else "Triwulan"
            raise ValueError(f"{satuan} harus 1 sampai {batas}.")
        if not 2000 <= self.tahun <= 2100:
            raise ValueError("Tahun harus antara 2000 dan 2100.")

    @property
    def triwulan(self) -> int:
        """The quarter the figures run to (semester I: TW II; semester II and the year: TW IV)."""
        if self.jenis == "semester":
            return 2 * self.periode
        return 4 if self.jenis == "tahunan" else self.periode


@dataclass(frozen=True)
class Tabel:
    """One table of a report. `df` holds real numbers (None where empty); `jenis` says how each
    column is shown; `gabung_pdf` puts a K and an Rp column into one PDF column (the rows never
    have both) and `tanpa_pdf` leaves columns out of the PDF, so the wide Renja form fits an A4
    landscape page."""

    nama: str
    judul: str
    df: pd.DataFrame
    jenis: dict[str, str]
    lebar: dict[str, float]
    tebal: tuple[int, ...] = ()
    catatan: tuple[str, ...] = ()
    gabung_pdf: tuple[tuple[str, str, str], ...] = ()
    tanpa_pdf: tuple[str, ...] = ()
    ukuran_pdf: float = 7.5  # font size of the PDF cells (the wide Renja form is smaller)
    # closing rows of a form under the table, (label, text): the Renja form's faktor
    # pendorong / penghambat and tindak lanjut rows
    penutup: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Laporan:
    """A report ready to render. `judul` in sentence case with proper names as written
    ("Laporan capaian kinerja Triwulan III tahun anggaran 2026"), shown so on screen; the
    printed title line is its upper case."""

    judul: str
    subjudul: tuple[str, ...]
    tabel: tuple[Tabel, ...]
    catatan: tuple[str, ...]
    kop: Kop
    penandatangan: Penandatangan
    nama_berkas: str
    belum_sah: bool = False
    # several signature blocks side by side instead of `penandatangan` (the Renja form's
    # "Disusun" and "Dievaluasi")
    tanda_tangan: tuple[Penandatangan, ...] = ()


def _tabel(
    nama: str,
    judul: str,
    kolom: Sequence[tuple[str, str, float]],
    rows: list[dict],
    tebal: tuple[int, ...] = (),
    catatan: tuple[str, ...] = (),
    gabung_pdf: tuple[tuple[str, str, str], ...] = (),
    tanpa_pdf: tuple[str, ...] = (),
    ukuran_pdf: float = 7.5,
    penutup: tuple[tuple[str, str], ...] = (),
) -> Tabel:
    nama_kolom = [k for k, _, _ in kolom]
    df = pd.DataFrame([[r.get(k) for k in nama_kolom] for r in rows], columns=nama_kolom)
    df = df.astype(object).where(df.notna(), None)
    return Tabel(
        nama=nama,
        judul=judul,
        df=df,
        jenis={k: j for k, j, _ in kolom},
        lebar={k: w for k, _, w in kolom},
        tebal=tebal,
        catatan=catatan,
        gabung_pdf=gabung_pdf,
        tanpa_pdf=tanpa_pdf,
        ukuran_pdf=ukuran_pdf,
        penutup=penutup,
    )


def target_teks(lo: object, hi: object) -> float | str | None:
    """A target as a number, or "80 – 90" for a range (read as written, never summed)."""
    a, b = angka_atau_none(lo), angka_atau_none(hi)
    if a is None or b is None:
        return a
    return f"{formats.angka(a)} – {formats.angka(b)}"


def _kategori(row) -> str:
    """The category, or the status that stands in for it (never a fake red)."""
    return row.kategori if row.status == str(engine.Status.DINILAI) else row.status


def _catatan(row, triwulan: list[int]) -> str | None:
    teks = [(q, getattr(row, f"c{q}")) for q in triwulan]
    teks = [(q, t) for q, t in teks if isinstance(t, str) and t.strip()]
    if len(triwulan) == 1:
        return teks[0][1] if teks else None
    return "\n".join(f"TW {formats.ROMAWI[q]}: {t.strip()}" for q, t in teks) or None


_KETERANGAN_EFISIEN: dict[bool | None, str] = {True: "Efisien", False: "Tidak efisien"}


def teks_sel(v: Any, jenis: str, ringkas: bool = False, tetap: bool = False) -> str:
    """A cell as Indonesian text; `ringkas` drops "Rp" where the header already says it;
    `tetap` shows percentages and indexes with two decimals always (a printed column)."""
    if v is None:
        return ""
    if isinstance(v, str) or jenis == TEKS:
        return str(v)
    if jenis == PERSEN:
        return formats.persen(v, tetap=tetap)
    if jenis == RUPIAH:
        return formats.angka(v, 0) if ringkas else formats.rupiah(v)
    if jenis == INDEKS:
        return formats.angka(v, 2, tetap=True)
    return formats.angka(v)


def tampilan(t: Tabel) -> pd.DataFrame:
    """The table as Indonesian text, for showing on a page."""
    return pd.DataFrame(
        {k: [teks_sel(v, t.jenis.get(k, TEKS)) for v in t.df[k]] for k in t.df.columns}
    )


def urutkan(ind: pd.DataFrame) -> pd.DataFrame:
    """Indicators by sasaran, then level (IKU first), then code."""
    return (
        ind.assign(
            _s=ind["sasaran_kode"].fillna(_kode_tujuan(ind)).fillna("~"),
            _t=ind["tingkat"].map(_URUT_TINGKAT).fillna(9),
        )
        .sort_values(["_s", "_t", "kode"])
        .drop(columns=["_s", "_t"])
        .reset_index(drop=True)
    )


def _kode_tujuan(ind: pd.DataFrame) -> pd.Series:
    """Sort key of an indicator on a tujuan (no sasaran): its tujuan's code, after the
    sasaran groups ("~" sorts after letters and digits)."""
    if "tujuan_kode" not in ind:
        return pd.Series(None, index=ind.index, dtype=object)
    return ind["tujuan_kode"].map(lambda k: f"~{k}" if isinstance(k, str) else None)


def _sasaran(ind: pd.DataFrame) -> list[str | None]:
    """The sasaran text on the first row of each group only, like merged cells; an indicator
    hung on a tujuan is grouped under its tujuan."""
    out, lalu = [], object()
    tujuan = (
        zip(ind["tujuan_kode"], ind["tujuan_uraian"], strict=True)
        if "tujuan_kode" in ind
        else ((None, None) for _ in range(len(ind)))
    )
    for kode, uraian, (tkode, turaian) in zip(
        ind["sasaran_kode"], ind["sasaran_uraian"], tujuan, strict=True
    ):
        if isinstance(kode, str):
            teks = f"{kode} {uraian}"
        elif isinstance(tkode, str):
            teks = f"Tujuan {tkode} {turaian}"
        else:
            teks = "Tanpa sasaran"
        out.append(None if teks == lalu else teks)
        lalu = teks
    return out


def tabel_capaian(
    ind: pd.DataFrame, triwulan: list[int], n: int, tandai: bool, judul: str
) -> Tabel:
    """Quarterly / semester table: per sasaran and indicator the targets and realisations of the
    quarters shown, to-date figures for quarter n, capaian, progres tahunan, category, notes."""
    ind = urutkan(ind)
    r_n = formats.ROMAWI[n]
    kolom = [
        ("No", ANGKA, 5),
        ("Sasaran", TEKS, 28),
        ("Kode", TEKS, 10),
        ("Indikator", TEKS, 36),
        ("Satuan", TEKS, 10),
        ("Target tahunan", ANGKA, 12),
    ]
    for q in triwulan:
        kolom += [(f"Target TW {formats.ROMAWI[q]}", ANGKA, 11)]
        kolom += [(f"Realisasi TW {formats.ROMAWI[q]}", ANGKA, 11)]
    kolom += [
        (f"Target s.d. TW {r_n}", ANGKA, 11),
        (f"Realisasi s.d. TW {r_n}", ANGKA, 11),
        ("Capaian (%)", PERSEN, 10),
        ("Progres tahunan (%)", PERSEN, 10),
        ("Kategori", TEKS, 13),
        ("Faktor pendorong / penghambat", TEKS, 34),
    ]
    if tandai:
        kolom.append((KOLOM_STATUS, TEKS, 16))
    rows = []
    for i, (row, sasaran) in enumerate(
        zip(bingkai.baris(ind), _sasaran(ind), strict=True), start=1
    ):
        r = {
            "No": i,
            "Sasaran": sasaran,
            "Kode": row.kode,
            "Indikator": row.nama + (TANDA_TERPAKAI if _terpakai(row) else ""),
            "Satuan": row.satuan,
            "Target tahunan": target_teks(row.t0, row.t0_atas),
            f"Target s.d. TW {r_n}": target_teks(row.target_sd, row.target_atas_sd),
            f"Realisasi s.d. TW {r_n}": angka_atau_none(row.realisasi_sd),
            "Capaian (%)": angka_atau_none(row.capaian),
            "Progres tahunan (%)": angka_atau_none(row.progres_tahunan),
            "Kategori": _kategori(row),
            "Faktor pendorong / penghambat": _catatan(row, triwulan),
            KOLOM_STATUS: row.belum_sah,
        }
        for q in triwulan:
            r[f"Target TW {formats.ROMAWI[q]}"] = target_teks(
                getattr(row, f"t{q}"), getattr(row, f"t{q}_atas")
            )
            r[f"Realisasi TW {formats.ROMAWI[q]}"] = angka_atau_none(getattr(row, f"r{q}"))
        rows.append(r)
    catatan = [
        "Capaian = realisasi s.d. triwulan terhadap target s.d. triwulan; progres tahunan = "
        "realisasi s.d. triwulan terhadap target tahunan. Indikator yang hanya bertarget "
        "tahunan dinilai pada Triwulan IV terhadap target tahunannya."
    ]
    if any(_terpakai(row) for row in bingkai.baris(ind)):
        catatan.append(CATATAN_TERPAKAI)
    return _tabel("Capaian", judul, kolom, rows, catatan=tuple(catatan))


TANDA_TERPAKAI = " *)"
CATATAN_TERPAKAI = (
    "*) Indikator negatif yang dijumlahkan per triwulan (batas tahunan, misalnya jumlah "
    "kasus): progres tahunan = bagian batas tahunan yang sudah terpakai (realisasi s.d. "
    "triwulan / target tahunan x 100%), bukan capaian; makin kecil makin baik."
)


def _terpakai(row) -> bool:
    """Whether the row's progres tahunan is the share of a ceiling used (engine, §4.5)."""
    return bool(getattr(row, "progres_terpakai", False))


def tabel_ringkasan(ind: pd.DataFrame, skala: Skala) -> Tabel:
    """Per unit: mean capaian of assessed indicators (capped at the scale's `batas_skor`) and
    counts per band of the scale (highest first) and status."""
    ring = ringkas_per_unit(ind, skala)
    kolom = [
        ("Unit", TEKS, 36),
        ("Jumlah indikator", ANGKA, 10),
        ("Dinilai", ANGKA, 9),
        ("Rata-rata capaian (%)", PERSEN, 12),
        ("Kategori", TEKS, 13),
        *[(k, ANGKA, 9) for k in skala.urut],
        ("Belum Diisi", ANGKA, 9),
        ("Belum Dapat Dinilai", ANGKA, 10),
        ("Tidak Ada Target", ANGKA, 10),
    ]
    rows = []
    for r in bingkai.baris_dict(ring):
        rows.append(
            {
                "Unit": r["unit"],
                "Jumlah indikator": r["jumlah_indikator"],
                "Dinilai": r["dinilai"],
                "Rata-rata capaian (%)": angka_atau_none(r["capaian"]),
                "Kategori": r["kategori"],
                **{k: r[k] for k in skala.urut},
                "Belum Diisi": r["Belum Diisi"],
                "Belum Dapat Dinilai": r["Belum Dapat Dinilai"],
                "Tidak Ada Target": r["Tidak Ada Target"],
            }
        )
    if len(rows) > 1:  # the instansi line: counts added, the mean taken over every indicator
        rata = engine.rata_rata_capaian(
            [angka_atau_none(v) for v in ind["capaian"]], skala.batas_skor
        )
        jumlah = {k: sum(r[k] for r in rows) for k, j, _ in kolom[1:] if j == ANGKA}
        rows.append(
            {
                **jumlah,
                "Unit": "Jumlah / rata-rata instansi",
                "Rata-rata capaian (%)": rata,
                "Kategori": skala.kategori_nilai(rata),
            }
        )
    return _tabel(
        "Ringkasan",
        "Ringkasan capaian per unit kerja",
        kolom,
        rows,
        tebal=(len(rows) - 1,) if len(rows) > 1 else (),
        catatan=(
            "Rata-rata hanya dari indikator yang dapat dinilai; Belum Diisi, Belum Dapat "
            "Dinilai dan Tidak Ada Target dihitung terpisah. Jumlah indikator = jumlah kolom "
            "kategori + Belum Diisi + Belum Dapat Dinilai + Tidak Ada Target.",
        ),
    )


def capaian_tahunan(ind: pd.DataFrame, skala: Skala) -> pd.DataFrame:
    """Annual capaian (LKj): realisation to TW IV against the annual PK target, i.e. the engine's
    progres tahunan at quarter IV, categorised; a year whose TW IV is not filled stays Belum
    Diisi. Adds `capaian_th`, `kategori_th` and `capaian_renstra` (against the Renstra end
    target)."""
    nilai, kat, renstra = [], [], []
    for row in bingkai.baris(ind):
        if row.status == str(engine.Status.BELUM_DIISI):
            c, k = None, row.status
        elif row.status_tahunan == str(engine.Status.DINILAI):
            # §4.9, not progres_tahunan: a negatif SUM's progress is the ceiling used
            c = angka_atau_none(row.capaian_tahunan)
            k = skala.kategori_nilai(c)
        else:
            c, k = None, row.status_tahunan
        nilai.append(c)
        kat.append(k)
        renstra.append(
            engine.capaian(
                angka_atau_none(row.target_renstra),
                angka_atau_none(row.realisasi_sd),
                row.polaritas,
                row.rumus_negatif,
            )
        )
    return ind.assign(capaian_th=nilai, kategori_th=kat, capaian_renstra=renstra)


def tabel_lkj(ind: pd.DataFrame, tahun: int, tandai: bool) -> Tabel:
    """LKj chapter III table: No | Sasaran | Indikator | Satuan | Target | Realisasi | Capaian |
    Kategori, with faktor pendorong / penghambat."""
    ind = urutkan(ind)
    kolom = [
        ("No", ANGKA, 5),
        ("Sasaran", TEKS, 30),
        ("Kode", TEKS, 10),
        ("Indikator", TEKS, 40),
        ("Satuan", TEKS, 10),
        ("Target", ANGKA, 12),
        ("Realisasi", ANGKA, 12),
        ("Capaian (%)", PERSEN, 10),
        ("Kategori", TEKS, 13),
        ("Faktor pendorong / penghambat", TEKS, 44),
    ]
    if tandai:
        kolom.append((KOLOM_STATUS, TEKS, 16))
    rows = [
        {
            "No": i,
            "Sasaran": sasaran,
            "Kode": row.kode,
            "Indikator": row.nama,
            "Satuan": row.satuan,
            "Target": target_teks(row.t0, row.t0_atas),
            "Realisasi": angka_atau_none(row.realisasi_sd),
            "Capaian (%)": row.capaian_th,
            "Kategori": row.kategori_th,
            "Faktor pendorong / penghambat": _catatan(row, [1, 2, 3, 4]),
            KOLOM_STATUS: row.belum_sah,
        }
        for i, (row, sasaran) in enumerate(
            zip(bingkai.baris(ind), _sasaran(ind), strict=True), start=1
        )
    ]
    return _tabel(
        "Capaian tahunan",
        f"Tabel 3.1 Capaian kinerja {formats.nama_tahun(tahun)}",
        kolom,
        rows,
        catatan=(
            "Capaian = realisasi s.d. Triwulan IV terhadap target tahunan Perjanjian Kinerja.",
        ),
    )


def tabel_perbandingan(ind: pd.DataFrame, lalu: dict[int, pd.DataFrame], tahun: int) -> Tabel:
    """Realisation and capaian of this year beside the previous years and against the Renstra
    end target (capaian from `capaian_tahunan` for every year)."""
    ind = urutkan(ind)
    tahun_lalu = sorted(lalu)
    kolom = [("No", ANGKA, 5), ("Kode", TEKS, 10), ("Indikator", TEKS, 40), ("Satuan", TEKS, 10)]
    for th in tahun_lalu:
        kolom += [(f"Realisasi {th}", ANGKA, 12), (f"Capaian {th} (%)", PERSEN, 10)]
    kolom += [
        (f"Target {tahun}", ANGKA, 12),
        (f"Realisasi {tahun}", ANGKA, 12),
        (f"Capaian {tahun} (%)", PERSEN, 10),
        ("Target akhir Renstra", ANGKA, 12),
        ("Capaian terhadap target Renstra (%)", PERSEN, 14),
    ]
    per_tahun = {th: df.set_index("id") for th, df in lalu.items()}
    rows = []
    for i, row in enumerate(bingkai.baris(ind), start=1):
        r = {
            "No": i,
            "Kode": row.kode,
            "Indikator": row.nama,
            "Satuan": row.satuan,
            f"Target {tahun}": target_teks(row.t0, row.t0_atas),
            f"Realisasi {tahun}": angka_atau_none(row.realisasi_sd),
            f"Capaian {tahun} (%)": row.capaian_th,
            "Target akhir Renstra": angka_atau_none(row.target_renstra),
            "Capaian terhadap target Renstra (%)": angka_atau_none(row.capaian_renstra),
        }
        for th in tahun_lalu:
            df = per_tahun[th]
            if row.id in df.index:
                r[f"Realisasi {th}"] = angka_atau_none(df.at[row.id, "realisasi_sd"])
                r[f"Capaian {th} (%)"] = angka_atau_none(df.at[row.id, "capaian_th"])
        rows.append(r)
    return _tabel(
        "Perbandingan",
        "Tabel 3.2 Perbandingan dengan tahun sebelumnya dan target akhir Renstra",
        kolom,
        rows,
        catatan=(
            "Capaian terhadap target Renstra = realisasi tahun ini terhadap target akhir "
            "periode Renstra, dengan rumus polaritas indikator.",
        ),
    )


def _rata_tingkat(
    ind: pd.DataFrame, kolom: str, batas_skor: float | None = None
) -> dict[tuple[str, int], float | None]:
    """Capaian kinerja of each program / kegiatan / sub kegiatan from column `kolom` (the
    annual capaian): the one definition shared with the Beranda (`kinerja_anggaran`, §5.2)."""
    nilai = [angka_atau_none(v) for v in ind[kolom]]
    return kinerja_anggaran.capaian_kinerja_frame(ind, nilai, batas_skor)


def _rp(g: pd.DataFrame, n: int) -> tuple[float | None, float]:
    """Pagu and spending to quarter n of a group of sub kegiatan rows (rupiah add up)."""
    pagu = g["pagu"].sum(min_count=1)
    real = sum(float(g[f"rp{q}"].fillna(0).sum()) for q in range(1, n + 1))
    return angka_atau_none(pagu), real


def _grup(ang: pd.DataFrame) -> list[tuple[str, int, str, str, pd.DataFrame]]:
    """Program, kegiatan and sub kegiatan rows in order: (tingkat, id, kode, nama, rows)."""
    out = []
    for (pid, pk, pn), gp in ang.groupby(
        ["program_id", "program_kode", "program_nama"], sort=False
    ):
        out.append(("program", int(pid), pk, pn, gp))
        for (kid, kk, kn), gk in gp.groupby(
            ["kegiatan_id", "kegiatan_kode", "kegiatan_nama"], sort=False
        ):
            out.append(("kegiatan", int(kid), kk, kn, gk))
            for s in bingkai.baris(gk):
                out.append(
                    (
                        "sub kegiatan",
                        int(s.sub_kegiatan_id),
                        s.sub_kegiatan_kode,
                        s.sub_kegiatan_nama,
                        gk[gk["sub_kegiatan_id"] == s.sub_kegiatan_id],
                    )
                )
    return out


def tabel_anggaran(
    ang: pd.DataFrame, ind: pd.DataFrame, n: int = 4, skala: Skala = SKALA_BAKU
) -> Tabel:
    """Budget table: pagu, spending, serapan, capaian kinerja (capped at the scale's
    `batas_skor` before the mean) and indeks efisiensi per program / kegiatan / sub kegiatan,
    with the total (rupiah summed, serapan of the sums)."""
    rata = _rata_tingkat(ind, "capaian_th", skala.batas_skor)
    kolom = [
        ("Kode", TEKS, 18),
        ("Program / Kegiatan / Sub Kegiatan", TEKS, 46),
        ("Pagu (Rp)", RUPIAH, 18),
        ("Realisasi (Rp)", RUPIAH, 18),
        ("Serapan (%)", PERSEN, 10),
        ("Capaian kinerja (%)", PERSEN, 11),
        ("Indeks efisiensi", INDEKS, 10),
        ("Keterangan", TEKS, 13),
    ]
    rows: list[dict[str, object]] = []
    tebal: list[int] = []
    for tingkat, key, kode, nama, g in _grup(ang):
        pagu, real = _rp(g, n)
        serap = engine.serapan(real, pagu)
        cap = rata.get((tingkat, key))
        indeks = engine.indeks_efisiensi(cap, serap)
        efisien = engine.efisien(indeks)
        if tingkat == "program":
            tebal.append(len(rows))
        rows.append(
            {
                "Kode": kode,
                "Program / Kegiatan / Sub Kegiatan": INDEN[tingkat] + nama,
                "Pagu (Rp)": pagu,
                "Realisasi (Rp)": real,
                "Serapan (%)": serap,
                "Capaian kinerja (%)": cap,
                "Indeks efisiensi": indeks,
                "Keterangan": _KETERANGAN_EFISIEN.get(efisien),
            }
        )
    pagu, real = _rp(ang, n)
    tebal.append(len(rows))
    rows.append(
        {
            "Program / Kegiatan / Sub Kegiatan": "Jumlah",
            "Pagu (Rp)": pagu,
            "Realisasi (Rp)": real,
            "Serapan (%)": engine.serapan(real, pagu),
        }
    )
    return _tabel(
        "Anggaran",
        "Tabel 3.3 Realisasi anggaran dan efisiensi",
        kolom,
        rows,
        tebal=tuple(tebal),
        catatan=(
            "Capaian kinerja = rata-rata capaian indikator yang melekat langsung pada program "
            "/ kegiatan / sub kegiatan itu (indikator di bawahnya tidak ikut), sama dengan "
            "Beranda; indeks "
            "efisiensi = capaian kinerja / serapan (efisien bila >= 1). Rupiah dijumlahkan ke "
            "atas; persentase tidak pernah dijumlahkan.",
        ),
    )
