"""Mutu baku waktu: the free-text standard time of an SOP step, parsed (docs/DOMAIN.md §8.2).

Menit and jam count working time; hari counts working days unless the text says kalender.
"1 x 24 jam" is read as one day, its usual meaning in Indonesian service standards. A text the
parser cannot read means "no standard" and is kept, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MENIT_KERJA = "menit_kerja"
HARI_KERJA = "hari_kerja"
HARI_KALENDER = "hari_kalender"

_SATUAN_MENIT = {"menit": 1.0, "mnt": 1.0, "jam": 60.0}
_SATUAN_HARI = {"hari": 1.0, "minggu": 5.0, "pekan": 5.0}
_ANGKA = r"(\d+(?:[.,]\d+)?)"
_BAGIAN = re.compile(_ANGKA + r"\s*(menit|mnt|jam|hari|minggu|pekan)\b", re.IGNORECASE)
_KALI_24 = re.compile(_ANGKA + r"\s*[x×]\s*24\s*jam", re.IGNORECASE)
_SISA_BOLEH = re.compile(r"^[\s,;+dan]*(kerja|kalender)?[\s.,;]*$", re.IGNORECASE)


@dataclass(frozen=True)
class MutuBakuWaktu:
    """A parsed standard: a day part and a working-minute part, and the basis of the days."""

    teks: str
    hari: float | None = None
    menit: float | None = None
    basis: str | None = None  # None: no standard

    @property
    def ada_standar(self) -> bool:
        return self.basis is not None

    def uraian(self) -> str:
        """Readable form of the parsed value, for the admin's review table."""
        if not self.ada_standar:
            return "Tanpa standar waktu"
        bagian = []
        if self.hari:
            jenis = "hari kalender" if self.basis == HARI_KALENDER else "hari kerja"
            bagian.append(f"{self.hari:g} {jenis}")
        if self.menit:
            bagian.append(f"{self.menit:g} menit kerja")
        return " + ".join(bagian) or "0 menit kerja"


def _angka(teks: str) -> float:
    return float(teks.replace(",", "."))


def parse_waktu(teks: str | None) -> MutuBakuWaktu:
    """Parse "30 Menit", "3 Jam", "2 hari", "1 x 24 jam", "122 Hari 3 jam", "5 hari kalender"."""
    asli = "" if teks is None else str(teks)
    s = " ".join(asli.split())
    if not s:
        return MutuBakuWaktu(asli)
    hari = menit = 0.0
    ada_hari = ada_menit = False
    sisa = s
    for m in _KALI_24.finditer(s):
        hari += _angka(m.group(1))
        ada_hari = True
    sisa = _KALI_24.sub(" ", sisa)
    for m in _BAGIAN.finditer(sisa):
        satuan = m.group(2).lower()
        nilai = _angka(m.group(1))
        if satuan in _SATUAN_MENIT:
            menit += nilai * _SATUAN_MENIT[satuan]
            ada_menit = True
        else:
            hari += nilai * _SATUAN_HARI[satuan]
            ada_hari = True
    sisa = _BAGIAN.sub(" ", sisa)
    if not (ada_hari or ada_menit) or not _SISA_BOLEH.match(sisa):
        return MutuBakuWaktu(asli)  # no standard ("Sesuai jadwal ...") or unreadable
    if ada_hari:
        basis = HARI_KALENDER if re.search(r"kalender", s, re.IGNORECASE) else HARI_KERJA
    else:
        basis = MENIT_KERJA
    return MutuBakuWaktu(
        asli, hari=hari if ada_hari else None, menit=menit if ada_menit else None, basis=basis
    )
