"""Beranda through AppTest on a real demo store."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import config


@pytest.fixture
def app(demo_db, monkeypatch, tmp_path):
    copy = tmp_path / "app.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    monkeypatch.setenv("MONEV_DB", str(copy))
    monkeypatch.setenv("MONEV_DEMO", "0")
    at = AppTest.from_file(str(config.ROOT / "app.py"), default_timeout=60)
    return at


def test_beranda_shows_capaian_per_bidang(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Beranda"
    assert [s.label for s in app.selectbox] == ["Tahun", "Triwulan"]
    assert app.selectbox[0].value == 2026 and app.selectbox[1].value == 3
    table = app.dataframe[0].value
    assert len(table) == 6
    assert "Sekretariat" in table["Unit"].tolist()
    # Indonesian percent format, the unit not yet entered shown apart
    assert table["Capaian"].str.match(r"^\d{1,3}(\.\d{3})*(,\d{1,2})?%$|^–$").all()
    dep = table[table["Unit"].str.contains("Deposit")].iloc[0]
    assert dep["Belum Diisi"] == 6 and dep["Capaian"] == "–"


def test_beranda_period_switch(app):
    app.run()
    app.selectbox[1].select(2).run()
    assert not app.exception
    assert app.dataframe[0].value["Belum Diisi"].sum() < 6
    chart = app.get("plotly_chart")[0]
    assert '"separators":",."' in chart.proto.spec.replace(" ", "")
