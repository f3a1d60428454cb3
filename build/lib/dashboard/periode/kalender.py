"""Working calendar (docs/DOMAIN.md §8.3), pure: office hours per weekday, national holidays from
the `holidays` package, and cuti bersama / local days off. Durations in working time follow it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

# Monday .. Sunday: (start, end) or None for a day off. Default of docs/DOMAIN.md §8.3.
JAM_KERJA_DEFAULT: tuple[tuple[dt.time, dt.time] | None, ...] = (
    (dt.time(7, 30), dt.time(16, 0)),
    (dt.time(7, 30), dt.time(16, 0)),
    (dt.time(7, 30), dt.time(16, 0)),
    (dt.time(7, 30), dt.time(16, 0)),
    (dt.time(7, 30), dt.time(16, 30)),
    None,
    None,
)
NAMA_HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MENIT_HARI_KERJA = 510  # one "hari kerja" of a standard: Mon-Thu 07.30-16.00 = 8,5 hours


@lru_cache(maxsize=64)
def libur_nasional(tahun: int) -> dict[dt.date, str]:
    """Indonesia's national holidays of a year, from the holidays package."""
    return dict(holidays.country_holidays("ID", years=tahun, language="id").items())


@dataclass(frozen=True)
class Kalender:
    jam_kerja: tuple[tuple[dt.time, dt.time] | None, ...] = JAM_KERJA_DEFAULT
    libur_tambahan: frozenset[dt.date] = field(default_factory=frozenset)
    pakai_libur_nasional: bool = True

    def __post_init__(self) -> None:
        if len(self.jam_kerja) != 7:
            raise ValueError("Jam kerja harus diisi untuk 7 hari.")
        for i, jam in enumerate(self.jam_kerja):
            if jam is not None and not jam[0] < jam[1]:
                raise ValueError(f"Jam kerja {NAMA_HARI[i]}: jam mulai harus sebelum jam selesai.")

    def libur(self, d: dt.date) -> bool:
        return d in self.libur_tambahan or (
            self.pakai_libur_nasional and d in libur_nasional(d.year)
        )

    def hari_kerja(self, d: dt.date) -> bool:
        return self.jam_kerja[d.weekday()] is not None and not self.libur(d)

    def jam(self, d: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """Office hours of a date as datetimes, None on a day off."""
        jam = self.jam_kerja[d.weekday()]
        if jam is None or self.libur(d):  # not a working day (hari_kerja)
            return None
        mulai, selesai = jam
        return dt.datetime.combine(d, mulai), dt.datetime.combine(d, selesai)

    def menit_kerja(self, mulai: dt.datetime, selesai: dt.datetime) -> float:
        """Working minutes between two moments: only office hours of working days count, so a
        step started on Friday evening and finished Monday 08.00 took 30 working minutes."""
        if selesai <= mulai:
            return 0.0
        total = 0.0
        d = mulai.date()
        while d <= selesai.date():
            jam = self.jam(d)
            if jam is not None:
                a, b = max(jam[0], mulai), min(jam[1], selesai)
                if b > a:
                    total += (b - a).total_seconds() / 60
            d += dt.timedelta(days=1)
        return total

    def menit_kalender(self, mulai: dt.datetime, selesai: dt.datetime) -> float:
        return max(0.0, (selesai - mulai).total_seconds() / 60)


def dari_pengaturan(jam_kerja: Iterable | None, libur: Iterable[dt.date]) -> Kalender:
    """Build a calendar from stored settings: jam_kerja as 7 items of ["07:30", "16:00"] or
    null; libur the cuti bersama / local days off."""
    jam = JAM_KERJA_DEFAULT
    if jam_kerja is not None:
        jam = tuple(
            None if j is None else (dt.time.fromisoformat(j[0]), dt.time.fromisoformat(j[1]))
            for j in jam_kerja
        )
    return Kalender(jam, frozenset(libur))
