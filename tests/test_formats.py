"""Indonesian formats and the typed-number parser (docs/DOMAIN.md §11)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.inti import formats


def test_number_formats():
    assert formats.angka(1234567.89) == "1.234.567,89"
    assert formats.persen(91.25) == "91,25%"
    assert formats.persen(97.777) == "97,78%"
    assert formats.rupiah(1234567.89) == "Rp 1.234.568"
    assert formats.angka(None) == "–"


def test_dates_and_periods():
    assert formats.tanggal(dt.date(2024, 3, 31)) == "31 Maret 2024"
    assert formats.tanggal(dt.date(2026, 8, 17)) == "17 Agustus 2026"
    assert formats.jam(dt.time(14, 30)) == "14.30"
    assert [formats.nama_triwulan(i) for i in range(1, 5)] == [
        "Triwulan I",
        "Triwulan II",
        "Triwulan III",
        "Triwulan IV",
    ]
    assert formats.nama_semester(1) == "Semester I"
    assert formats.nama_tahun(2026) == "TA 2026"


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("1.234,5", 1234.5),
        ("1234.5", 1234.5),
        ("1234,5", 1234.5),
        ("1.234", 1234.0),
        ("1.234.567", 1234567.0),
        ("1.234.567,89", 1234567.89),
        ("1,234,567.89", 1234567.89),
        ("0.5", 0.5),
        ("0,5", 0.5),
        ("-12,5", -12.5),
        (" 42 ", 42.0),
        ("", None),
        (None, None),
        (7, 7.0),
    ],
)
def test_parse_angka(teks, nilai):
    assert formats.parse_angka(teks) == nilai


@pytest.mark.parametrize("teks", ["abc", "58%", "1,2,3", "1.2.3,4.5", "--1", "1..2", ".", ","])
def test_parse_angka_rejects_with_message(teks):
    with pytest.raises(ValueError, match="angka"):
        formats.parse_angka(teks)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda x: round(x, 2)))
def test_parse_round_trips_indonesian_format(x):
    assert formats.parse_angka(formats.angka(x)) == pytest.approx(x, abs=1e-9)


@given(st.text(max_size=20))
def test_parse_never_fails_unexpectedly(s):
    with contextlib.suppress(ValueError):
        formats.parse_angka(s)


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**20), max_value=10**20),
    st.sampled_from(["#,##0", "#,##0.##", "#,##0.00", "#,##0.####"]),
)
def test_a_number_pattern_parsed_once_formats_as_babel_does(x, pola):
    """formats._desimal keeps the pattern and locale parsed; its output is format_decimal's."""
    from babel.numbers import format_decimal

    assert formats._desimal(x, pola) == format_decimal(x, format=pola, locale=formats.LOCALE)
