"""Indonesian formats (docs/DOMAIN.md §11) through babel, and the parser for typed numbers."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

from dashboard.capaian.skala import bulat
from dashboard.inti import config
from dashboard.inti.batas import periksa_angka

LOCALE = "id_ID"
_LOCALE = Locale.parse(LOCALE)
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@cache
def _pola(pola: str) -> NumberPattern:
    """A number pattern parsed once: `format_decimal` parses the pattern and the locale on
    every call, 2,5 times the cost of applying it, and a page formats hundreds of numbers."""
    return parse_pattern(pola)


def _desimal(x: decimal.Decimal | float, pola: str) -> str:
    """`babel.numbers.format_decimal(x, pola, locale=LOCALE)` (its defaults) with the pattern
    and the locale parsed once."""
    return _pola(pola).apply(x, _LOCALE)


def _kosong(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def angka(x: float | None, desimal: int = 2, kosong: str = "–", tetap: bool = False) -> str:
    """`1.234.567,89`; trailing zeros of the fraction dropped unless `tetap` (a column of a
    signed report, where every value shows the same decimals). Rounded half up by
    `skala.bulat`, the rounding the category is decided on (so "91,00%" is never Tinggi)."""
    if x is None or _kosong(x):
        return kosong
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    pola = "#,##0" + ("." + ("0" if tetap else "#") * desimal if desimal else "")
    # enough digits for any finite double (up to 309 before the comma): a value stored before
    # the bounds must still show, not crash the page that lists it
    with decimal.localcontext(prec=400):
        return _desimal(bulat(x, desimal), pola)


def persen(x: float | None, desimal: int = 2, kosong: str = "–", tetap: bool = False) -> str:
    """`91,25%` (`tetap`: `61,00%`, not `61%`)."""
    return kosong if _kosong(x) else angka(x, desimal, tetap=tetap) + "%"


def rupiah(x: float | None, kosong: str = "–") -> str:
    """`Rp 1.234.568` (whole rupiah)."""
    if x is None or _kosong(x):
        return kosong
    if not math.isfinite(x):
        return angka(x)
    with decimal.localcontext(prec=400):
        return "Rp " + _desimal(bulat(x, 0), "#,##0")


def tanggal(d: dt.date | None, kosong: str = "–") -> str:
    """`31 Maret 2024`."""
    return kosong if d is None else format_date(d, format="d MMMM y", locale=LOCALE)


def hari_tanggal(d: dt.date | None, kosong: str = "–") -> str:
    """`Rabu, 29 Juli 2026` (the day of a meeting in minutes and letters)."""
    return kosong if d is None else format_date(d, format="EEEE, d MMMM y", locale=LOCALE)


def jam(t: dt.time | dt.datetime) -> str:
    """`14.30`."""
    return f"{t.hour:02d}.{t.minute:02d}"


def waktu(w: dt.datetime | None, kosong: str = "–") -> str:
    """`2 Desember 2026 01.05`: a moment in the agency's zone, the one way every page shows a
    timestamp (docs/DOMAIN.md §11). None, NaT and NaN give `kosong`."""
    try:
        hilang = w is None or bool(w != w)  # noqa: PLR0124 - NaT and NaN are unequal to themselves
    except TypeError:  # pandas.NA
        hilang = True
    if hilang or w is None:
        return kosong
    lokal = config.waktu_lokal(w)
    return f"{tanggal(lokal.date())} {jam(lokal)}"


def nama_triwulan(n: int) -> str:
    return f"Triwulan {ROMAWI[n]}"


def nama_semester(n: int) -> str:
    return f"Semester {ROMAWI[n]}"


def nama_tahun(tahun: int) -> str:
    return f"TA {tahun}"


_RIBUAN_TITIK = re.compile(r"^\d{1,3}(\.\d{3})+$")
_RIBUAN_KOMA = re.compile(r"^\d{1,3}(,\d{3}){2,}$")


def parse_angka(teks: str | float | int | None) -> float | None:
    """Read a number typed as "1.234,5", "1234,5", "1.234.567" or "1234.5"; blank gives None.

    Raises ValueError with an Indonesian message for anything else. A single dot followed by
    exactly three digits ("1.234") is read as a thousands separator, the Indonesian habit.
    """
    if teks is None:
        return None
    if isinstance(teks, bool):
        raise ValueError("Nilai harus berupa angka.")
    if isinstance(teks, int | float):
        return _dalam_batas(float(teks))
    s = str(teks).strip().replace("\u00a0", "").replace(" ", "")
    if s == "":
        return None
    tanda = 1.0
    if s[0] in "+-":
        tanda, s = (-1.0 if s[0] == "-" else 1.0), s[1:]
    if not s or not re.fullmatch(r"[\d.,]+", s) or not any(c.isdigit() for c in s):
        raise ValueError(f"'{teks}' bukan angka. Contoh yang benar: 1.234,5 atau 1234.5")
    if "." in s and "," in s:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        bulat, _, pecahan = s.rpartition(desimal)
        if ribuan in pecahan or not re.fullmatch(rf"\d{{1,3}}(\{ribuan}\d{{3}})*", bulat):
            raise ValueError(f"'{teks}' bukan angka yang dapat dibaca.")
        s = bulat.replace(ribuan, "") + "." + pecahan
    elif "," in s:
        if _RIBUAN_KOMA.match(s):
            s = s.replace(",", "")
        elif s.count(",") == 1:
            s = s.replace(",", ".")
        else:
            raise ValueError(f"'{teks}' bukan angka yang dapat dibaca.")
    elif "." in s:
        if _RIBUAN_TITIK.match(s) and not s.startswith("0"):
            s = s.replace(".", "")
        elif s.count(".") > 1:
            raise ValueError(f"'{teks}' bukan angka yang dapat dibaca.")
    if s.startswith(".") or s.endswith("."):
        raise ValueError(f"'{teks}' bukan angka yang dapat dibaca.")
    return _dalam_batas(tanda * float(s))


def _dalam_batas(nilai: float) -> float:
    """The number if it may be stored (finite, within ±1e15: dashboard/inti/batas.py), else an
    Indonesian ValueError; "9" typed 400 times is float infinity, never a value."""
    alasan = periksa_angka(nilai)
    if alasan:
        raise ValueError(f"Nilai tidak dapat disimpan: {alasan}.")
    return nilai


def teks(v: object) -> str | None:
    """A typed or read text, stripped; None for blank, None or NaN (an empty Excel cell)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    s = str(v).strip()
    return s or None


_MARKDOWN_KHUSUS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=])")


def md_aman(v: object) -> str:
    """Text a user typed, for a Streamlit element that renders markdown (markdown, caption,
    info, error, subheader): every markdown, HTML and directive character is backslash-escaped,
    so it shows literally and never becomes a link, image, HTML or colour."""
    return _MARKDOWN_KHUSUS.sub(r"\\\1", str(v))
