"""The archive table of the admin's Cadangan page (pure view function)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dashboard.admin import tampilan_cadangan as tampil
from dashboard.admin.layanan_cadangan import Arsip


def test_archives_in_indonesian():
    a = Arsip(
        nama="monev-20261202.zip",
        path=Path("x"),
        ukuran=12_345_678,
        dibuat_pada=dt.datetime(2026, 12, 2, 8, 5),
        oleh="admin",
        tabel=40,
        baris=123_456,
        bukti=7,
        versi_skema=14,
    )
    t = tampil.tabel_arsip([a])
    assert t.iloc[0].tolist() == [
        "monev-20261202.zip",
        "2 Desember 2026 08.05",
        "admin",
        "123.456",
        "7",
        "12,3 MB",
    ]
    assert tampil.tabel_arsip([]).empty
