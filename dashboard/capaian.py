"""Capaian kinerja engine (docs/DOMAIN.md §4): pure functions, no Streamlit, no database.

Capaian is always recomputed from targets and realisations; nothing here is stored.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from dashboard.skala import SKALA_BAKU, Skala, bulat  # the category scale and its rounding


class Polaritas(StrEnum):
    POSITIF = "positif"
    NEGATIF = "negatif"


class Agregasi(StrEnum):
    SUM = "SUM"
    LAST = "LAST"
    AVG = "AVG"
    MAX = "MAX"


class Status(StrEnum):
    DINILAI = "Dinilai"
    BELUM_DIISI = "Belum Diisi"
    BELUM_DAPAT_DINILAI = "Belum Dapat Dinilai"
    TIDAK_ADA_TARGET = "Tidak Ada Target"


def _formula(t: float, r: float, polaritas: str, rumus_negatif: str) -> float | None:
    """Capaian against one target value; None where the rule says 'cannot be assessed'."""
    if polaritas == Polaritas.POSITIF:
        if t <= 0:  # T = 0: Belum Dapat Dinilai; a negative target has no meaning for positif
            return None
        return max(0.0, r / t * 100.0)
    if t == 0:
        return 100.0 if r == 0 else 0.0
    if t < 0:
        return None
    rumus_a = max(0.0, (2 * t - r) / t * 100.0)
    if str(rumus_negatif).upper() == "B":
        # R = 0 takes rumus A's value (200). Realisations between 0 and T/2 are capped at that
        # same 200 so that a better (lower) realisation never scores below R = 0.
        if r <= 0:
            return 200.0
        return max(0.0, min(t / r * 100.0, 200.0))
    return rumus_a


def capaian(
    target: float | None,
    realisasi: float | None,
    polaritas: str = "positif",
    rumus_negatif: str = "A",
    target_atas: float | None = None,
) -> float | None:
    """Capaian in percent, unrounded; `target_atas` set means a range target [target, target_atas].

    None when there is no realisation, no target, or the target cannot be assessed (positif with
    T = 0). The status functions below say which of those it is.
    """
    if target is None or realisasi is None:
        return None
    t, r = float(target), float(realisasi)
    if not (math.isfinite(t) and math.isfinite(r)):
        return None
    if target_atas is not None:
        lo, hi = sorted((t, float(target_atas)))
        if lo <= r <= hi:
            return 100.0
        t = hi if r > hi else lo
    hasil = _formula(t, r, str(polaritas), rumus_negatif)
    if hasil is not None and math.isnan(hasil):
        return None
    return hasil


def kategori(nilai: float | None, skala: Skala = SKALA_BAKU) -> str | None:
    """Category of a capaian value, decided on the value rounded as shown (half up to two
    decimals: 90,995 is "91,00%" and Sangat Tinggi); None for None or NaN."""
    return skala.kategori_nilai(nilai)


# ---------------------------------------------------------------- quarterly aggregation


def realisasi_sd(values: Sequence[float | None], cara: str, n: int) -> float | None:
    """Realisation to date (quarters 1..n) for the indicator's cara agregasi."""
    terisi = [v for v in values[:n] if v is not None]
    if not terisi:
        return None
    if cara == Agregasi.SUM:
        return float(sum(terisi))
    if cara == Agregasi.LAST:
        return float(terisi[-1])
    if cara == Agregasi.AVG:
        return float(sum(terisi)) / len(terisi)
    if cara == Agregasi.MAX:
        return float(max(terisi))
    raise ValueError(f"Cara agregasi tidak dikenal: {cara}")


def target_sd(targets: Sequence[float | None], cara: str, n: int) -> float | None:
    """Target to date: SUM adds quarters 1..n, AVG averages them, LAST and MAX take quarter n."""
    bagian = list(targets[:n])
    if cara in (Agregasi.LAST, Agregasi.MAX):
        return None if len(bagian) < n or bagian[n - 1] is None else float(bagian[n - 1])
    terisi = [t for t in bagian if t is not None]
    if not terisi:
        return None
    if cara == Agregasi.SUM:
        return float(sum(terisi))
    if cara == Agregasi.AVG:
        return float(sum(terisi)) / len(terisi)
    raise ValueError(f"Cara agregasi tidak dikenal: {cara}")


@dataclass(frozen=True)
class Indikator:
    """What the engine needs to know about an indicator."""

    polaritas: str = Polaritas.POSITIF
    cara_agregasi: str = Agregasi.SUM
    rumus_negatif: str = "A"


@dataclass(frozen=True)
class HasilTriwulan:
    """Both figures of docs/DOMAIN.md §4.5 for one indicator and quarter, with the numbers used."""

    triwulan: int
    target_sd: float | None
    target_atas_sd: float | None
    realisasi_sd: float | None
    capaian: float | None
    status: Status
    kategori: str | None
    level: int | None  # the category's level in the scale (1 = highest); None if not assessed
    target_tahunan: float | None
    target_tahunan_atas: float | None
    progres_tahunan: float | None
    status_tahunan: Status


def _status(
    realisasi: float | None, nilai: float | None, target: float | None, kosong: Status
) -> Status:
    if realisasi is None:
        return Status.BELUM_DIISI
    if target is None:
        return Status.TIDAK_ADA_TARGET
    return Status.DINILAI if nilai is not None else kosong


def hitung_triwulan(
    ind: Indikator,
    n: int,
    realisasi: Sequence[float | None],
    target_triwulan: Sequence[float | None],
    target_tahunan: float | None,
    target_triwulan_atas: Sequence[float | None] | None = None,
    target_tahunan_atas: float | None = None,
    skala: Skala = SKALA_BAKU,
) -> HasilTriwulan:
    """Capaian triwulan (to date vs to-date target, categorised) and progres tahunan for quarter n.

    A quarter whose own realisation is missing is Belum Diisi even if earlier quarters are filled,
    so a late Bidang never shows last quarter's figure as this quarter's result.
    """
    if not 1 <= n <= 4:
        raise ValueError("Triwulan harus 1 sampai 4.")
    r_sd = realisasi_sd(realisasi, ind.cara_agregasi, n)
    diisi = len(realisasi) >= n and realisasi[n - 1] is not None
    t_sd = target_sd(target_triwulan, ind.cara_agregasi, n)
    t_atas_sd = (
        target_sd(target_triwulan_atas, ind.cara_agregasi, n) if target_triwulan_atas else None
    )
    if not diisi:
        nilai, status = None, Status.BELUM_DIISI
    elif (
        target_tahunan is None
        and t_sd is None
        or target_tahunan == 0
        and not target_tahunan_atas
        and ind.polaritas == Polaritas.POSITIF
    ):
        nilai, status = None, Status.TIDAK_ADA_TARGET
    else:
        nilai = capaian(t_sd, r_sd, ind.polaritas, ind.rumus_negatif, t_atas_sd)
        status = _status(r_sd, nilai, t_sd, Status.BELUM_DAPAT_DINILAI)
    progres = capaian(target_tahunan, r_sd, ind.polaritas, ind.rumus_negatif, target_tahunan_atas)
    if r_sd is None:
        status_tahunan = Status.BELUM_DIISI
    elif target_tahunan is None or (target_tahunan == 0 and ind.polaritas == Polaritas.POSITIF):
        status_tahunan = Status.TIDAK_ADA_TARGET
    else:
        status_tahunan = Status.DINILAI if progres is not None else Status.BELUM_DAPAT_DINILAI
    return HasilTriwulan(
        triwulan=n,
        target_sd=t_sd,
        target_atas_sd=t_atas_sd,
        realisasi_sd=r_sd,
        capaian=nilai,
        status=status,
        kategori=skala.kategori_nilai(nilai) if status == Status.DINILAI else None,
        level=skala.level(nilai) if status == Status.DINILAI else None,
        target_tahunan=target_tahunan,
        target_tahunan_atas=target_tahunan_atas,
        progres_tahunan=progres,
        status_tahunan=status_tahunan,
    )


# ---------------------------------------------------------------- budget


def serapan(realisasi: float | None, pagu: float | None) -> float | None:
    """Serapan anggaran in percent; None without a positive pagu."""
    if realisasi is None or pagu is None or pagu <= 0:
        return None
    return float(realisasi) / float(pagu) * 100.0


def indeks_efisiensi(capaian_kinerja: float | None, serapan_anggaran: float | None) -> float | None:
    """Capaian kinerja % / serapan %; efisien when >= 1. None if either is missing or serapan 0."""
    if capaian_kinerja is None or serapan_anggaran is None or serapan_anggaran <= 0:
        return None
    return float(capaian_kinerja) / float(serapan_anggaran)


def efisien(indeks: float | None) -> bool | None:
    """Efisien when the index as shown (two decimals, half up) is at least 1."""
    if indeks is None:
        return None
    return not math.isnan(indeks) and bulat(indeks) >= 1


def rata_rata_capaian(
    nilai: Sequence[float | None], batas_skor: float | None = None
) -> float | None:
    """Mean of assessed capaian values (None left out), each capped at `batas_skor` if set."""
    terisi = [min(v, batas_skor) if batas_skor is not None else v for v in nilai if v is not None]
    return sum(terisi) / len(terisi) if terisi else None
