"""Capaian kinerja engine (docs/DOMAIN.md §4): pure functions, no Streamlit, no database.

Capaian is always recomputed from targets and realisations; nothing here is stored.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from dashboard.capaian.skala import SKALA_BAKU, Skala, bulat  # the category scale and its rounding


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
        akhir = bagian[n - 1] if len(bagian) >= n else None
        return None if akhir is None else float(akhir)
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
    # True: `progres_tahunan` is the share of an annual ceiling used (negatif SUM, §4.5),
    # not an achievement; lower is better
    progres_terpakai: bool = False
    # the annual capaian of §4.9 (realisation to date against the annual target with the
    # indicator's formula): the LKj's figure at TW IV, whatever `progres_tahunan` means
    capaian_tahunan: float | None = None


def _status(
    realisasi: float | None, nilai: float | None, target: float | None, kosong: Status
) -> Status:
    if realisasi is None:
        return Status.BELUM_DIISI
    if target is None:
        return Status.TIDAK_ADA_TARGET
    return Status.DINILAI if nilai is not None else kosong


def tanpa_target_triwulan(
    target_triwulan: Sequence[float | None], target_tahunan: float | None
) -> bool:
    """An indicator with only an annual target (an IKM measured once a year): an annual target
    and no quarterly target at all. Assessed at TW IV only, against the annual target (§4.5)."""
    return target_tahunan is not None and all(t is None for t in target_triwulan)


def target_penilaian(
    ind: Indikator,
    n: int,
    target_triwulan: Sequence[float | None],
    target_tahunan: float | None,
) -> float | None:
    """The target to date quarter n is assessed against (§4.5). At TW IV a quarterly plan that
    gives none (annual only; LAST / MAX without a TW IV target) takes the annual target: the
    year-end target is the annual one by §3.3, so the quarterly report and the LKj agree."""
    t_sd = target_sd(target_triwulan, ind.cara_agregasi, n)
    if n == 4 and t_sd is None:
        return target_tahunan
    return t_sd


def progres_tahunan(
    ind: Indikator,
    realisasi_sd_: float | None,
    target_tahunan: float | None,
    target_tahunan_atas: float | None = None,
) -> tuple[float | None, bool]:
    """Progres tahunan (§4.5) and whether it is the share of a ceiling used.

    Negatif SUM (cases, complaints: a ceiling for the year that the quarters add up to): the
    realisation to date over the annual ceiling, R / T x 100 ("30 of 100 used" = 30 %), never
    the negatif formula, which reads 30 of 100 in TW I as 170 % achieved. Every other
    indicator: its capaian formula against the annual target."""
    if ind.polaritas == Polaritas.NEGATIF and ind.cara_agregasi == Agregasi.SUM:
        # a range ceiling [bawah, atas]: the upper bound is the ceiling
        batas = target_tahunan_atas if target_tahunan_atas is not None else target_tahunan
        if realisasi_sd_ is None or batas is None or batas <= 0:
            return None, True
        return max(0.0, float(realisasi_sd_) / float(batas) * 100.0), True
    nilai = capaian(
        target_tahunan, realisasi_sd_, ind.polaritas, ind.rumus_negatif, target_tahunan_atas
    )
    return nilai, False


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
    t_sd = target_penilaian(ind, n, target_triwulan, target_tahunan)
    if target_sd(target_triwulan, ind.cara_agregasi, n) is None and t_sd is not None:
        t_atas_sd = target_tahunan_atas  # TW IV assessed against the annual target
    elif target_triwulan_atas:
        t_atas_sd = target_sd(target_triwulan_atas, ind.cara_agregasi, n)
    else:
        t_atas_sd = None
    if not diisi:
        nilai, status = None, Status.BELUM_DIISI
    elif (
        t_sd is None
        or target_tahunan == 0
        and not target_tahunan_atas
        and ind.polaritas == Polaritas.POSITIF
    ):
        nilai, status = None, Status.TIDAK_ADA_TARGET
    else:
        nilai = capaian(t_sd, r_sd, ind.polaritas, ind.rumus_negatif, t_atas_sd)
        status = _status(r_sd, nilai, t_sd, Status.BELUM_DAPAT_DINILAI)
    progres, terpakai = progres_tahunan(ind, r_sd, target_tahunan, target_tahunan_atas)
    if r_sd is None:
        status_tahunan = Status.BELUM_DIISI
    elif target_tahunan is None or (target_tahunan == 0 and ind.polaritas == Polaritas.POSITIF):
        status_tahunan = Status.TIDAK_ADA_TARGET
    else:
        status_tahunan = Status.DINILAI if progres is not None else Status.BELUM_DAPAT_DINILAI
    nilai_tahunan = capaian(
        target_tahunan, r_sd, ind.polaritas, ind.rumus_negatif, target_tahunan_atas
    )
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
        progres_terpakai=terpakai,
        capaian_tahunan=nilai_tahunan,
    )


# ---------------------------------------------------------------- summaries

STATUS_TANPA_NILAI = (Status.BELUM_DIISI, Status.BELUM_DAPAT_DINILAI, Status.TIDAK_ADA_TARGET)


def rekap_status(
    status: Sequence[str], level: Sequence[int | None], skala: Skala = SKALA_BAKU
) -> dict[str, int]:
    """Counts of a summary row: per band of the scale (assessed indicators by level) and per
    status without a number, each its own column, so that the counts always add up to the
    number of indicators (§4.3): "3 indicators, 2 accounted for" cannot happen. Raises if a
    status is unknown rather than dropping the indicator."""
    hitung = {k: 0 for k in skala.urut} | {str(s): 0 for s in STATUS_TANPA_NILAI}
    for s, lv in zip(status, level, strict=True):
        if s == Status.DINILAI and lv is not None and 1 <= int(lv) <= len(skala.urut):
            hitung[skala.urut[int(lv) - 1]] += 1
        elif str(s) in hitung and s != Status.DINILAI:
            hitung[str(s)] += 1
        else:
            raise ValueError(f"Status indikator tidak dikenal: {s}")
    return hitung


# ---------------------------------------------------------------- Renstra to date


def realisasi_renstra_sd(per_tahun: Sequence[float | None], cara: str) -> float | None:
    """Realisation over the Renstra years so far (Renja form E.81 columns 6 and 13 = 6 + 12),
    from each year's realisation to date, oldest first. SUM adds the years (counts build up
    over the period); LAST takes the latest year filled (a level); AVG averages the years;
    MAX takes the highest. None when no year has a figure (a blank, never 0)."""
    return realisasi_sd(list(per_tahun), cara, len(per_tahun)) if per_tahun else None


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


# ---------------------------------------------------------------- the formula in words (§4.1)

# The formula of each branch of `_formula`, written once: {T} the target, {R} the realisation,
# {x} the multiplication sign between 2 and a number ("2T" in words, "2 × 10" with numbers).
# The dashboard's explanation, the LKj table and the admin form read these; tests/test_capaian.py
# evaluates every text with numbers against `capaian`, so the words cannot drift from the engine.
RUMUS_POSITIF = "{R} / {T} × 100"
RUMUS_NEGATIF = {"A": "(2{x}{T} − {R}) / {T} × 100", "B": "{T} / {R} × 100"}
# rumus B's ceiling as the engine gives it (R = 0 scores the most a realisation can)
BATAS_RUMUS_B: float = _formula(1.0, 0.0, Polaritas.NEGATIF, "B") or 0.0


def dibatasi(t: float, r: float, polaritas: str, rumus_negatif: str = "A") -> bool:
    """Whether the value is rumus B's ceiling rather than its formula's own (a realisation of
    zero, or below T / (ceiling / 100)): the LKj table marks such rows."""
    if kode_rumus(polaritas, rumus_negatif) != "B" or t <= 0:
        return False
    return r <= 0 or t / r * 100.0 > BATAS_RUMUS_B


def kode_rumus(polaritas: str, rumus_negatif: str = "A") -> str:
    """Which formula an indicator uses: "positif", or the negatif formula "A" / "B"."""
    if polaritas == Polaritas.POSITIF:
        return Polaritas.POSITIF
    return "B" if str(rumus_negatif).upper() == "B" else "A"


def rumus(polaritas: str, rumus_negatif: str = "A", t: str = "T", r: str = "R") -> str:
    """The indicator's formula, in symbols ("R / T × 100") or with the numbers given."""
    kode = kode_rumus(polaritas, rumus_negatif)
    teks = RUMUS_POSITIF if kode == Polaritas.POSITIF else RUMUS_NEGATIF[kode]
    return teks.format(T=t, R=r, x="" if t == "T" else " × ")


def nama_rumus(polaritas: str, rumus_negatif: str = "A") -> str:
    """The formula with its polarity, as a table column shows it ("Positif: R / T × 100")."""
    kode = kode_rumus(polaritas, rumus_negatif)
    if kode == Polaritas.POSITIF:
        return f"Positif: {rumus(polaritas)}"
    batas = f" (maks. {BATAS_RUMUS_B:g})" if kode == "B" else ""
    return f"Negatif: {rumus(polaritas, rumus_negatif)}{batas}"


def uraian_perhitungan(
    ind: Indikator,
    status: str,
    t_sd: float | None,
    r_sd: float | None,
    capaian: float | None,
    t_atas: float | None = None,
) -> str:
    """The formula with the numbers used (to-date values), in Indonesian, e.g.
    'Capaian = R / T × 100 = 4.400 / 4.500 × 100 = 97,78%'."""
    from dashboard.inti import formats  # formats reads the scale's rounding; keep the engine light

    a = formats.angka
    if status == Status.BELUM_DIISI or r_sd is None:
        return "Realisasi triwulan ini belum diisi: capaian belum dapat dihitung."
    if status == Status.TIDAK_ADA_TARGET or t_sd is None:
        return "Tidak ada target untuk periode ini: capaian tidak dinilai."
    hasil = formats.persen(capaian)
    if t_atas is not None:
        lo, hi = sorted((t_sd, t_atas))
        if lo <= r_sd <= hi:
            return f"Realisasi {a(r_sd)} di dalam rentang target {a(lo)}–{a(hi)}: capaian 100%."
        t_sd = hi if r_sd > hi else lo
    kode = kode_rumus(ind.polaritas, ind.rumus_negatif)
    if kode == Polaritas.POSITIF and t_sd <= 0:
        return "Target positif bernilai 0: Belum Dapat Dinilai."
    if kode != Polaritas.POSITIF and t_sd == 0:
        return f"Target negatif bernilai 0: capaian {hasil} (100% bila realisasi 0, selain itu 0%)."
    simbol = rumus(ind.polaritas, ind.rumus_negatif)
    angka = rumus(ind.polaritas, ind.rumus_negatif, a(t_sd), a(r_sd))
    if kode == Polaritas.POSITIF:
        return f"Capaian = {simbol} = {angka} = {hasil}"
    batas = f"paling tinggi {BATAS_RUMUS_B:g}%" if kode == "B" else "paling rendah 0%"
    return f"Capaian (negatif, rumus {kode}) = {simbol} = {angka} = {hasil} ({batas})"
