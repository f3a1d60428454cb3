"""The Kadis dashboard's own arithmetic, pure: year-end projection, the pace still needed,
headline counts, submission status and the warning reasons. No Streamlit, no database.

Projection rules (an assumption stated on the page): SUM continues the average quarter so far;
LAST and MAX continue the straight line through the filled quarters; AVG keeps the mean so far.
The pace is what the remaining quarters must bring to reach the annual target exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.capaian import capaian as engine
from dashboard.capaian.capaian import Agregasi, Indikator, Polaritas, Status
from dashboard.capaian.skala import SKALA_BAKU, Skala, bulat
from dashboard.review import alur

SISA_TAHUN = 4


@dataclass(frozen=True)
class Proyeksi:
    """Year-end outlook of one indicator after quarter n."""

    realisasi_akhir: float | None  # projected realisation at the end of TW IV
    capaian_akhir: float | None  # that projection against the annual target (percent)
    laju: float | None  # per remaining quarter, in the indicator's satuan (see `arti_laju`)
    sisa_triwulan: int


def _terisi(realisasi: Sequence[float | None], n: int) -> list[tuple[int, float]]:
    return [(i + 1, float(v)) for i, v in enumerate(realisasi[:n]) if v is not None]


def _garis(titik: list[tuple[int, float]]) -> float:
    """Value at TW IV of the straight line through the first and last filled quarters."""
    (x0, y0), (x1, y1) = titik[0], titik[-1]
    if x1 == x0:
        return y1
    return y1 + (y1 - y0) / (x1 - x0) * (SISA_TAHUN - x1)


def proyeksi(
    ind: Indikator,
    n: int,
    realisasi: Sequence[float | None],
    target_tahunan: float | None,
    target_tahunan_atas: float | None = None,
) -> Proyeksi:
    """Projection of the year-end realisation and capaian, and the pace needed per remaining
    quarter to reach the annual target (None when nothing is filled, no target or no quarter
    left). For a negatif SUM indicator the pace is the most the remaining quarters may add."""
    titik = _terisi(realisasi, n)
    if not titik:
        return Proyeksi(None, None, None, SISA_TAHUN - n)
    # as of the last filled quarter: a quarter not entered yet is not a quarter of zero
    n = titik[-1][0]
    sisa = SISA_TAHUN - n
    nilai = [v for _, v in titik]
    t = target_tahunan
    cara = ind.cara_agregasi
    if cara == Agregasi.SUM:
        akhir = sum(nilai) / n * SISA_TAHUN
        laju = None if t is None else (t - sum(nilai)) / sisa if sisa else None
        if laju is not None:
            laju = max(laju, 0.0)  # 0: reached (positif) or nothing left to spend (negatif)
    elif cara == Agregasi.AVG:
        akhir = sum(nilai) / len(nilai)
        # the mean the remaining quarters need for the year's mean to equal the target
        laju = None if t is None or not sisa else (t * (len(nilai) + sisa) - sum(nilai)) / sisa
    else:  # LAST: the level at the end of the year; MAX: the highest level
        akhir = _garis(titik) if cara == Agregasi.LAST else max(max(nilai), _garis(titik))
        dasar = nilai[-1] if cara == Agregasi.LAST else max(nilai)
        laju = None if t is None or not sisa else (t - dasar) / sisa
    if min(nilai) >= 0:
        akhir = max(akhir, 0.0)  # a straight line never projects a count below zero
    capaian_akhir = engine.capaian(
        target_tahunan, akhir, ind.polaritas, ind.rumus_negatif, target_tahunan_atas
    )
    return Proyeksi(akhir, capaian_akhir, laju, sisa)


def arti_laju(ind: Indikator) -> str:
    """What the pace number means for this kind of indicator (a column caption)."""
    if ind.cara_agregasi == Agregasi.SUM:
        if ind.polaritas == Polaritas.NEGATIF:
            return "paling banyak per triwulan"
        return "per triwulan"
    if ind.cara_agregasi == Agregasi.AVG:
        return "rata-rata per triwulan"
    return "perubahan per triwulan"


def di_bawah_target(p: Proyeksi) -> bool:
    """The year-end projection, as shown (two decimals, half up), misses the annual target."""
    return p.capaian_akhir is not None and bulat(p.capaian_akhir) < 100


# ---------------------------------------------------------------- headline counts

STATUS_TERPISAH = (str(Status.BELUM_DIISI), str(Status.BELUM_DAPAT_DINILAI))


def hitung_kategori(
    status: Sequence[str], level: Sequence[float | None], skala: Skala = SKALA_BAKU
) -> dict[str, int]:
    """Indicators per band of the scale (counted by level, keyed by the band's name, highest
    first), plus Belum Diisi and Belum Dapat Dinilai (with Tidak Ada Target) counted apart:
    never as a category, never red."""
    out = {k: 0 for k in skala.urut}
    out.update({s: 0 for s in STATUS_TERPISAH})
    for s, lv in zip(status, level, strict=True):
        if s == Status.DINILAI and lv is not None and not pd.isna(lv):
            out[skala.urut[int(lv) - 1]] += 1
        elif s == Status.BELUM_DIISI:
            out[str(Status.BELUM_DIISI)] += 1
        else:
            out[str(Status.BELUM_DAPAT_DINILAI)] += 1
    return out


def persen_sesuai_target(capaian: Sequence[float | None]) -> float | None:
    """Share (percent) of assessed indicators with capaian >= 100 as shown (two decimals, half
    up: "100,00%" is on target); None when none assessed."""
    dinilai = [c for c in capaian if c is not None and not pd.isna(c)]
    if not dinilai:
        return None
    return sum(bulat(c) >= 100 for c in dinilai) / len(dinilai) * 100.0


def status_kirim(
    status: str | None,
    diajukan_pada: dt.datetime | None,
    terlambat: bool,
    tenggat: dt.date | None,
    hari_ini: dt.date,
) -> str:
    """Submission of a unit for a period: 'Tepat waktu', 'Terlambat' (submitted late, or not
    submitted and the due date has passed) or 'Belum diajukan'."""
    diajukan = diajukan_pada is not None and not pd.isna(diajukan_pada)
    if diajukan and status != alur.DRAF:
        return "Terlambat" if terlambat else "Tepat waktu"
    if tenggat is not None and not pd.isna(tenggat) and hari_ini > pd.Timestamp(tenggat).date():
        return "Terlambat"
    return "Belum diajukan"


def alasan_perhatian(status: str, kategori: str | None, merah: bool, p: Proyeksi) -> list[str]:
    """Why an indicator is on the warnings list (empty: it is not): `merah`, its band is one
    of the scale's red ones; a projection below target. Belum Dapat Dinilai and Tidak Ada
    Target never warn (a 0-0-0-1 target pattern projects nothing early)."""
    if status in (Status.BELUM_DAPAT_DINILAI, Status.TIDAK_ADA_TARGET):
        return []
    alasan = []
    if merah:
        alasan.append(f"Kategori {kategori}")
    if di_bawah_target(p):
        alasan.append("Proyeksi akhir tahun di bawah target")
    return alasan


# ---------------------------------------------------------------- how a capaian was computed

# The explanation is the engine's (capaian.py holds the formula and its words once); this name
# stays for the dashboard service that reads it here.
uraian_perhitungan = engine.uraian_perhitungan


NAMA_AGREGASI = {
    "SUM": "SUM (kumulatif: jumlah triwulan I s.d. ini)",
    "LAST": "LAST (nilai akhir: triwulan terisi terakhir)",
    "AVG": "AVG (rata-rata triwulan terisi)",
    "MAX": "MAX (nilai tertinggi triwulan terisi)",
}
