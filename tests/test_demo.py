"""The demo generator: deterministic, realistic, and the mixes docs/DOMAIN.md needs."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.alat import demo
from dashboard.inti import store

from .conftest import TODAY


def test_periode_terakhir():
    assert demo.periode_terakhir(dt.date(2026, 11, 21)) == (2026, 3)
    assert demo.periode_terakhir(dt.date(2026, 2, 1)) == (2025, 4)
    assert demo.periode_terakhir(dt.date(2026, 4, 1)) == (2026, 1)


def test_demo_agency_shape(demo_con):
    c = demo_con
    # the demo agency, and three instansi that run the other seed SOPs (demo_sop.py)
    assert c.execute("SELECT count(*) FROM instansi").fetchone()[0] == 4
    assert 5 <= c.execute("SELECT count(*) FROM unit WHERE instansi_id = 1").fetchone()[0] <= 6
    assert 25 <= c.execute("SELECT count(*) FROM indikator").fetchone()[0] <= 40
    mix = dict(c.execute("SELECT polaritas, count(*) FROM indikator GROUP BY 1").fetchall())
    assert mix["negatif"] >= 3 and mix["positif"] >= 20
    agg = {r[0] for r in c.execute("SELECT DISTINCT cara_agregasi FROM indikator").fetchall()}
    assert agg == {"SUM", "LAST", "AVG", "MAX"}
    assert (
        c.execute(
            "SELECT count(*) FROM indikator WHERE rumus_negatif = 'B' AND polaritas = 'negatif'"
        ).fetchone()[0]
        >= 1
    )
    assert c.execute("SELECT count(*) FROM target WHERE nilai_atas IS NOT NULL").fetchone()[0] > 0
    assert (
        c.execute("SELECT count(*) FROM target WHERE triwulan > 0 AND nilai = 0").fetchone()[0] > 0
    )
    years = [r[0] for r in c.execute("SELECT DISTINCT tahun FROM realisasi ORDER BY 1").fetchall()]
    assert years == [2024, 2025, 2026]
    last = c.execute("SELECT max(triwulan) FROM realisasi WHERE tahun = 2026").fetchone()[0]
    assert last == 3
    # notes on most rows, some gaps, budgets for every sub kegiatan and year
    assert c.execute("SELECT count(*) FROM realisasi WHERE catatan IS NOT NULL").fetchone()[0] > 100
    expected = c.execute("SELECT count(*) FROM indikator").fetchone()[0] * 11
    assert c.execute("SELECT count(*) FROM realisasi").fetchone()[0] < expected
    assert (
        c.execute("SELECT count(*) FROM anggaran").fetchone()[0]
        == 3 * c.execute("SELECT count(*) FROM sub_kegiatan").fetchone()[0]
    )
    assert c.execute("SELECT count(DISTINCT kode) FROM sop").fetchone()[0] == 8
    for kode in ("2.23.02", "2.24.02"):
        assert c.execute("SELECT count(*) FROM program WHERE kode = ?", [kode]).fetchone()[0] == 1


def test_deterministic(con, tmp_path):
    demo.generate(con, "S", today=TODAY)
    other = store.connect(tmp_path / "lain.duckdb")
    store.migrate(other)
    demo.generate(other, "S", today=TODAY)
    q = "SELECT indikator_id, tahun, triwulan, nilai, catatan FROM realisasi ORDER BY ALL"
    assert con.execute(q).fetchall() == other.execute(q).fetchall()


def test_refuses_non_empty_store_and_unknown_scale(demo_con, con):
    with pytest.raises(store.StoreError, match="sudah berisi"):
        demo.generate(demo_con, "S", today=TODAY)
    with pytest.raises(ValueError, match="Skala"):
        demo.generate(con, "XL")


def test_scale_m_shape(con):
    counts = demo.generate(con, "M", today=TODAY)
    assert counts["instansi"] == 40
    assert con.execute("SELECT count(DISTINCT pemda) FROM instansi").fetchone()[0] == 1


def test_demo_plan_pk_and_renstra(demo_con):
    """The admin plan pages show real data: IKU and program indicators are in the Perjanjian
    Kinerja, every indicator has a Renstra target for each year of one five-year period whose
    last year is the indicator's target akhir Renstra, and range indicators have ranges."""
    c = demo_con
    assert c.execute(
        "SELECT count(*) FROM indikator WHERE pk <> (jenis IN ('IKU', 'program'))"
    ).fetchone() == (0,)
    per = c.execute(
        "SELECT count(DISTINCT indikator_id), min(tahun), max(tahun), count(*) FROM target_renstra"
    ).fetchone()
    n = c.execute("SELECT count(*) FROM indikator").fetchone()[0]
    assert per == (n, TODAY.year - 2, TODAY.year + 2, 5 * n)
    assert c.execute(
        "SELECT count(*) FROM indikator i JOIN target_renstra r ON r.indikator_id = i.id "
        f"AND r.tahun = {TODAY.year + 2} WHERE abs(r.nilai - i.target_renstra) > 0.01"
    ).fetchone() == (0,)
    assert c.execute("SELECT count(*) FROM target_renstra WHERE nilai_atas IS NOT NULL").fetchone()[
        0
    ]
