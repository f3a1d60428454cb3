"""Notification rules (docs/DOMAIN.md §14), pure: which reminder on which day, the retry
schedule, the letter's number."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.notifikasi import notifikasi
from dashboard.periode import surat_permintaan

TENGGAT = dt.date(2027, 1, 15)


@pytest.mark.parametrize(
    ("hari_ini", "jenis"),
    [
        (dt.date(2027, 1, 11), None),  # 4 days before: nothing yet
        (dt.date(2027, 1, 12), "tenggat_h3"),  # 3 days before
        (dt.date(2027, 1, 13), "tenggat_h3"),  # missed H-3: still sent on H-2
        (dt.date(2027, 1, 14), "tenggat_h1"),  # 1 day before
        (dt.date(2027, 1, 15), "tenggat_h1"),  # the day itself: still in time
        (dt.date(2027, 1, 16), "terlambat"),
        (dt.date(2027, 3, 1), "terlambat"),
    ],
)
def test_deadline_reminder_by_calendar_day(hari_ini, jenis):
    assert notifikasi.jenis_tenggat(TENGGAT, hari_ini) == jenis


def test_deadline_counts_calendar_days_over_a_weekend():
    # Monday 18 January 2027: H-3 is Friday the 15th, not three working days earlier
    senin = dt.date(2027, 1, 18)
    assert notifikasi.jenis_tenggat(senin, dt.date(2027, 1, 14)) is None
    assert notifikasi.jenis_tenggat(senin, dt.date(2027, 1, 15)) == "tenggat_h3"


@pytest.mark.parametrize(
    ("hari_ini", "jenis"),
    [
        (dt.date(2027, 1, 11), None),
        (dt.date(2027, 1, 12), "tindak_lanjut_jatuh_tempo"),
        (dt.date(2027, 1, 15), "tindak_lanjut_jatuh_tempo"),
        (dt.date(2027, 1, 16), "tindak_lanjut_terlambat"),
    ],
)
def test_follow_up_reminder(hari_ini, jenis):
    assert notifikasi.jenis_tindak_lanjut(TENGGAT, hari_ini) == jenis


def test_retry_backs_off_to_a_day():
    menit = [notifikasi.jeda_coba_lagi(n).total_seconds() / 60 for n in (1, 2, 3, 4, 12, 40)]
    assert menit == [5, 10, 20, 40, 1440, 1440]


def test_letter_number():
    assert surat_permintaan.nomor(7, "DISPERPUSIP", 2026) == "000/007/DISPERPUSIP/2026"


def test_email_body_links_to_the_page_when_the_address_is_known():
    p = notifikasi.pesan_periode_dibuka(2026, 4, TENGGAT, "000/001/X/2026", 12)
    isi = notifikasi.isi_surel(p, "Operator", "https://monev.contoh.go.id/")
    assert "Yth. Operator," in isi and "15 Januari 2027" in isi
    assert "Buka: https://monev.contoh.go.id/entri" in isi
    assert "Buka:" not in notifikasi.isi_surel(p, "Operator", None)
