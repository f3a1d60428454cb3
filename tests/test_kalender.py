"""Working calendar and durations in working time (docs/DOMAIN.md §8.3)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.periode.kalender import Kalender, dari_pengaturan, libur_nasional

K = Kalender()
T = dt.datetime


def test_same_day_within_hours():
    assert K.menit_kerja(T(2026, 11, 18, 9, 0), T(2026, 11, 18, 10, 30)) == 90


def test_across_end_of_working_day():
    # Wednesday 15.30 -> Thursday 08.00: 30 + 30 minutes
    assert K.menit_kerja(T(2026, 11, 18, 15, 30), T(2026, 11, 19, 8, 0)) == 60


def test_friday_closes_later_and_weekend_does_not_count():
    # Friday 16.00 -> Monday 08.00: 30 (Friday until 16.30) + 30 (Monday from 07.30)
    assert K.menit_kerja(T(2026, 11, 20, 16, 0), T(2026, 11, 23, 8, 0)) == 60
    assert K.menit_kerja(T(2026, 11, 21, 9, 0), T(2026, 11, 22, 15, 0)) == 0


def test_step_starting_outside_office_hours():
    # started 05.00 and 19.00: only office hours count
    assert K.menit_kerja(T(2026, 11, 18, 5, 0), T(2026, 11, 18, 8, 0)) == 30
    assert K.menit_kerja(T(2026, 11, 18, 19, 0), T(2026, 11, 19, 7, 45)) == 15


def test_national_holiday_from_holidays_package():
    assert dt.date(2026, 8, 17) in libur_nasional(2026)  # Hari Kemerdekaan, a Monday
    assert not K.hari_kerja(dt.date(2026, 8, 17))
    assert K.menit_kerja(T(2026, 8, 14, 16, 0), T(2026, 8, 18, 8, 0)) == 30 + 30


def test_cuti_bersama_added_by_admin():
    k = Kalender(libur_tambahan=frozenset({dt.date(2026, 11, 19)}))
    assert K.menit_kerja(T(2026, 11, 19, 8, 0), T(2026, 11, 19, 9, 0)) == 60
    assert k.menit_kerja(T(2026, 11, 19, 8, 0), T(2026, 11, 19, 9, 0)) == 0


def test_configured_hours_and_validation():
    jam = [["08:00", "15:00"]] * 5 + [["08:00", "12:00"], None]
    k = dari_pengaturan(jam, [])
    assert k.menit_kerja(T(2026, 11, 21, 7, 0), T(2026, 11, 21, 13, 0)) == 240  # Saturday
    with pytest.raises(ValueError, match="mulai harus sebelum"):
        dari_pengaturan([["16:00", "08:00"]] * 7, [])


def test_reversed_interval_is_zero_and_calendar_minutes():
    assert K.menit_kerja(T(2026, 11, 19, 9, 0), T(2026, 11, 18, 9, 0)) == 0
    assert K.menit_kalender(T(2026, 11, 18, 9, 0), T(2026, 11, 20, 9, 0)) == 2880


@given(
    st.datetimes(min_value=T(2025, 1, 1), max_value=T(2027, 12, 31)),
    st.integers(min_value=0, max_value=60 * 24 * 20),
    st.integers(0, 60 * 24 * 20),
)
def test_working_minutes_add_up_and_never_exceed_calendar(a, m1, m2):
    b, c = a + dt.timedelta(minutes=m1), a + dt.timedelta(minutes=m1 + m2)
    assert K.menit_kerja(a, c) == pytest.approx(K.menit_kerja(a, b) + K.menit_kerja(b, c))
    assert 0 <= K.menit_kerja(a, c) <= K.menit_kalender(a, c)
