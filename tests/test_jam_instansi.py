"""One clock (issue 15, item 7; docs/DOMAIN.md §11): at 00.30 WIB on 2 December the server's UTC
date is still 1 December; every default and every time shown must read 2 Desember."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from dashboard.inti import config, formats, store

from .conftest import login

TENGAH_MALAM = dt.datetime(2026, 12, 2, 0, 30)  # WIB = 2026-12-01 17:30 UTC


@pytest.fixture
def jam_0030(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """The agency's clock frozen at 00.30 WIB through the one hook (config.sekarang)."""
    monkeypatch.setattr(config, "sekarang", lambda: TENGAH_MALAM)
    return TENGAH_MALAM


def test_agency_date_and_times_use_the_agency_zone(jam_0030):
    assert config.hari_ini() == dt.date(2026, 12, 2)
    utc = pd.Timestamp("2026-12-01 17:30", tz="UTC")
    assert formats.waktu(utc) == "2 Desember 2026 00.30"
    assert formats.waktu(utc.to_pydatetime()) == "2 Desember 2026 00.30"
    assert formats.waktu(jam_0030) == "2 Desember 2026 00.30"  # stored: naive local time
    assert formats.waktu(None) == formats.waktu(pd.NaT) == "–"


def test_a_column_default_stores_agency_local_time(tmp_path: Path):
    """A DEFAULT current_timestamp (the value history's `pada`) is the agency's local time, like
    every time the app writes, not the server's UTC (it showed 18.05 for 01.05 WIB)."""
    con = store.connect(tmp_path / "jam.duckdb")
    store.migrate(con)
    cur = con.cursor()  # a cursor, as the services use: the zone must hold there too
    cur.execute(
        "INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, "
        "sumber, oleh) VALUES (1, 2026, 4, NULL, 1, 'entri', 'staf')"
    )
    pada = cur.execute("SELECT pada FROM realisasi_riwayat").fetchone()[0]
    lokal = dt.datetime.now(ZoneInfo("Asia/Jakarta")).replace(tzinfo=None)
    assert abs(pada - lokal) < dt.timedelta(minutes=5), (pada, lokal)
    con.close()


def test_pages_default_to_the_agency_date_at_0030(app_db, jam_0030):
    """Date pickers and year fields default to 2 December 2026, and a session's sign-in time
    (written at 00.30 WIB) shows as 2 Desember 2026 00.30 on Akun saya."""
    at = login("admin")
    at.switch_page("app_pages/admin_kalender.py").run()
    assert not at.exception
    assert at.date_input(key="libur_tanggal").value == dt.date(2026, 12, 2)
    assert at.number_input[0].value == 2026
    at.switch_page("app_pages/akun.py").run()
    sesi = at.dataframe[0].value
    assert "2 Desember 2026 00.30" in sesi["Masuk pada"].tolist()

    at = login("monev")
    at.switch_page("app_pages/pelaksanaan.py").run()
    assert not at.exception
    tanggal = {d.label: d.value for d in at.date_input}
    assert tanggal == {
        "Tanggal mulai": dt.date(2026, 12, 2),
        "Tanggal selesai": dt.date(2026, 12, 2),
    }
