"""The days off the admin's Kalender kerja page lists (pure view function): national holidays
merged with the agency's own of the same year, in date order, in Indonesian."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.periode import tampilan_kalender as tampil


def test_national_and_own_days_off_of_one_year_in_order():
    tambahan = pd.DataFrame(
        {
            "tanggal": [dt.date(2026, 3, 18), dt.date(2025, 12, 26)],
            "keterangan": ["Cuti bersama Idul Fitri", "Cuti bersama Natal"],
            "jenis": ["cuti_bersama", "lokal"],
        }
    )
    t = tampil.tabel_libur(2026, tambahan)
    assert list(t.columns) == ["Tanggal", "Keterangan", "Jenis"]
    assert t["Tanggal"].tolist()[0] == "1 Januari 2026"  # Tahun Baru first
    assert "26 Desember 2025" not in t["Tanggal"].tolist()  # another year's
    baris = t[t["Keterangan"] == "Cuti bersama Idul Fitri"].iloc[0]
    assert baris["Tanggal"] == "18 Maret 2026" and baris["Jenis"] == "Cuti bersama"
    assert set(t["Jenis"]) == {"Libur nasional", "Cuti bersama"}
