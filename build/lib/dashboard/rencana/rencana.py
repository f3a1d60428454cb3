"""Rules of an agency's plan (docs/DOMAIN.md §3): the planning tree and the targets.

Pure functions shared by the admin pages and the workbook import, so both refuse and warn alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Sequence
from typing import TypeVar

from dashboard.capaian import capaian as engine
from dashboard.inti import formats
from dashboard.inti.batas import periksa_angka

K = TypeVar("K", bound=Hashable)

# The vocabularies of units and indicators (docs/DOMAIN.md §3), as stored; forms, the workbook
# and the CHECK constraints of 001_core.sql use these same values.
JENIS_UNIT = ("Sekretariat", "Bidang", "Bagian", "UPT")
JENIS_INDIKATOR = ("IKU", "IKK", "program", "kegiatan", "sub kegiatan")
POLARITAS = tuple(p.value for p in engine.Polaritas)
CARA_AGREGASI = tuple(a.value for a in engine.Agregasi)
RUMUS_NEGATIF = tuple(engine.RUMUS_NEGATIF)  # the negatif formulas (capaian.py, §4.1)

# The planning tree, top down: each level's parent is the level before it (tujuan has none).
TINGKAT = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")
TABEL_TINGKAT = {
    "Tujuan": "tujuan",
    "Sasaran": "sasaran",
    "Program": "program",
    "Kegiatan": "kegiatan",
    "Sub Kegiatan": "sub_kegiatan",
}
# the indicator column that points at a node of each level
KOLOM_INDIKATOR = {t: f"{tab}_id" for t, tab in TABEL_TINGKAT.items()}


def induk_tingkat(tingkat: str) -> str | None:
    """The level a node of `tingkat` hangs under (None for Tujuan)."""
    i = TINGKAT.index(tingkat)
    return TINGKAT[i - 1] if i else None


def tahunan_dari_triwulan(cara: str, triwulan: Sequence[float | None]) -> float | None:
    """The annual figure the quarterly targets imply under the indicator's cara agregasi:
    SUM adds the quarters, LAST and MAX take Triwulan IV, AVG is their mean."""
    return engine.target_sd(list(triwulan), cara, 4)


def periksa_target(
    cara: str,
    tahunan: float | None,
    triwulan: Sequence[float | None],
    tahunan_atas: float | None = None,
    triwulan_atas: Sequence[float | None] = (None, None, None, None),
) -> tuple[list[str], list[str]]:
    """(errors, warnings) for one indicator-year's targets.

    Errors refuse the save: mixed single and range targets, a range whose upper bound is below
    its lower one, numbers out of bounds. Warnings need the admin's confirmation: quarterly
    targets that do not aggregate to the annual one.
    """
    galat: list[str] = []
    semua = [tahunan, *triwulan]
    atas = [tahunan_atas, *triwulan_atas]
    for v in (*semua, *atas):
        alasan = periksa_angka(v)
        if alasan:
            galat.append(f"Target: {alasan}.")
            return galat, []
    terisi = [(v, a) for v, a in zip(semua, atas, strict=True) if v is not None]
    rentang = {a is not None for _, a in terisi}
    if len(rentang) > 1:
        galat.append(
            "Target tunggal dan target rentang tidak boleh dicampur dalam satu indikator dan "
            "tahun: isi batas atas untuk semua target, atau kosongkan semuanya."
        )
    galat += [
        f"Batas atas target ({formats.angka(a)}) lebih kecil dari batas bawahnya "
        f"({formats.angka(v)})."
        for v, a in terisi
        if a is not None and a < v
    ]
    if any(a is not None and v is None for v, a in zip(semua, atas, strict=True)):
        galat.append("Batas atas target diisi tanpa batas bawahnya.")
    peringatan: list[str] = []
    if tahunan is not None and all(t is not None for t in triwulan):
        tersirat = tahunan_dari_triwulan(cara, triwulan)
        if tersirat is not None and not math.isclose(tersirat, tahunan, rel_tol=1e-9, abs_tol=1e-9):
            aturan = {
                "SUM": "jumlah target TW I-IV",
                "AVG": "rata-rata target TW I-IV",
            }.get(cara, "target TW IV")
            peringatan.append(
                f"Target tahunan {formats.angka(tahunan)} tidak sama dengan {aturan} "
                f"({formats.angka(tersirat)}) untuk "
                f"cara agregasi {cara}."
            )
    return galat, peringatan


# Permendagri 90/2019 (Kepmendagri 050-5889/2021) codes: program U.BB.PP (urusan, bidang urusan,
# program; "X" stands for a digit in the cross-cutting codes), kegiatan <program>.K.KK, sub
# kegiatan <kegiatan>.SSSS. Tujuan and sasaran codes are the agency's own (T1, S1.2, ...).
_POLA_KODE = {
    "Tujuan": (re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,29}"), "huruf/angka, misalnya T1"),
    "Sasaran": (re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,29}"), "huruf/angka, misalnya S1.1"),
    "Program": (re.compile(r"[0-9X]\.[0-9X]{2}\.\d{2}"), "U.BB.PP, misalnya 1.01.01"),
    "Kegiatan": (re.compile(r"[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}"), "misalnya 1.01.01.2.01"),
    "Sub Kegiatan": (
        re.compile(r"[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}\.\d{4}"),
        "misalnya 1.01.01.2.01.0001",
    ),
}


def periksa_kode(tingkat: str, kode: str, kode_induk: str | None = None) -> str | None:
    """Why `kode` is not a valid code of a `tingkat` node under a parent coded `kode_induk`,
    else None. A kegiatan's code starts with its program's, a sub kegiatan's with its
    kegiatan's, so a node moved under another parent must be recoded too."""
    pola, contoh = _POLA_KODE[tingkat]
    if not pola.fullmatch(kode or ""):
        return f"Kode {tingkat.lower()} '{kode}' tidak sesuai format ({contoh})."
    if (
        tingkat in ("Kegiatan", "Sub Kegiatan")
        and kode_induk
        and not kode.startswith(kode_induk + ".")
    ):
        return (
            f"Kode {tingkat.lower()} '{kode}' harus diawali kode induknya '{kode_induk}.' "
            "(Permendagri 90)."
        )
    return None


def rentang_renstra(tahun_awal: int) -> list[int]:
    """The five years of a Renstra period starting in `tahun_awal`."""
    return list(range(tahun_awal, tahun_awal + 5))
