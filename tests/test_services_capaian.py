"""Capaian services on hand-built data (page -> service -> queries -> DuckDB -> engine)."""

from __future__ import annotations

import json

import pytest

from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as svc

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL


def _build(con):
    con.execute("INSERT INTO instansi (id, kode, nama, pemda) VALUES (1, 'D', 'Dinas X', 'Kab')")
    con.execute("INSERT INTO instansi (id, kode, nama, pemda) VALUES (2, 'E', 'Dinas Y', 'Kab')")
    con.execute(
        "INSERT INTO unit (id, instansi_id, kode, nama, jenis) VALUES "
        "(1, 1, 'A', 'Bidang A', 'Bidang'), (2, 1, 'B', 'Bidang B', 'Bidang'), "
        "(3, 2, 'C', 'Bidang C', 'Bidang')"
    )
    ind = [  # id, unit, kode, polaritas, agregasi, rumus
        (1, 1, "A1", "positif", "SUM", "A"),
        (2, 1, "A2", "positif", "LAST", "A"),
        (3, 2, "B1", "negatif", "LAST", "A"),
        (4, 2, "B2", "positif", "SUM", "A"),
        (5, 2, "B3", "positif", "SUM", "A"),
    ]
    for i, u, k, p, a, r in ind:
        con.execute(
            "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan,"
            " polaritas, cara_agregasi, rumus_negatif) VALUES (?, 1, ?, ?, ?, 'IKU', 'x',"
            " ?, ?, ?)",
            [i, u, k, k, p, a, r],
        )
    targets = {
        1: [10000, 2000, 2500, 2500, 3000],
        2: [80, 20, 40, 60, 80],
        3: [10, 10, 10, 10, 10],
        4: [4, 0, 0, 4, 0],
        5: [100, 25, 25, 25, 25],
    }
    for i, vals in targets.items():
        for tw, v in enumerate(vals):
            con.execute("INSERT INTO target VALUES (?, 2026, ?, ?, NULL)", [i, tw, v])
    real = {1: [1800, 2600], 2: [18, 41], 3: [12, 8], 4: [0, 0], 5: [10]}
    for i, vals in real.items():
        for tw, v in enumerate(vals, start=1):
            con.execute(
                "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai) "
                "VALUES (?, 2026, ?, ?)",
                [i, tw, v],
            )


def test_capaian_indikator_per_domain_examples(con):
    _build(con)
    df = svc.capaian_indikator(con, SISTEM, 1, 2026, 2).set_index("kode")
    assert round(df.loc["A1", "capaian"], 2) == 97.78
    assert df.loc["A1", "progres_tahunan"] == pytest.approx(44)
    assert df.loc["A2", "capaian"] == pytest.approx(102.5)
    assert df.loc["B1", "capaian"] == pytest.approx(120)  # negatif A: (20 - 8) / 10
    assert df.loc["B2", "status"] == "Belum Dapat Dinilai"
    assert df.loc["B3", "status"] == "Belum Diisi"


def test_capaian_per_bidang_leaves_out_unassessed(con):
    _build(con)
    df = svc.capaian_per_bidang(con, SISTEM, 1, 2026, 2).set_index("unit_kode")
    assert df.loc["A", "capaian"] == pytest.approx((4400 / 4500 * 100 + 102.5) / 2)
    assert df.loc["B", "capaian"] == pytest.approx(120)
    assert df.loc["B", "dinilai"] == 1
    assert df.loc["B", "Belum Dapat Dinilai"] == 1 and df.loc["B", "Belum Diisi"] == 1
    assert df.loc["B", "kategori"] == "Sangat Tinggi"


def test_configured_bands_are_used(con):
    _build(con)
    bands = [["Baik", 100, None], ["Kurang", None, 100]]
    con.execute("INSERT INTO pengaturan VALUES (1, 'kategori_bands', ?)", [json.dumps(bands)])
    df = svc.capaian_indikator(con, SISTEM, 1, 2026, 2).set_index("kode")
    assert df.loc["A1", "kategori"] == "Kurang" and df.loc["A2", "kategori"] == "Baik"


def test_staf_bidang_limited_to_own_unit(con):
    _build(con)
    staf = Akses("staf_a", frozenset({"staf_bidang"}), instansi_id=1, unit_id=1)
    df = svc.capaian_indikator(con, staf, 1, 2026, 2)
    assert set(df["unit_kode"]) == {"A"}
    with pytest.raises(AksesDitolak):
        svc.capaian_indikator(con, staf, 1, 2026, 2, unit_id=2)
    assert set(svc.capaian_per_bidang(con, staf, 1, 2026, 2)["unit_kode"]) == {"A"}


def test_instansi_scope_enforced(con):
    _build(con)
    kadis = Akses("kadis", frozenset({"kadis"}), instansi_id=1)
    with pytest.raises(AksesDitolak):
        svc.capaian_per_bidang(con, kadis, 2, 2026, 2)
    with pytest.raises(AksesDitolak):  # a unit of another instansi
        svc.capaian_indikator(con, kadis, 1, 2026, 2, unit_id=3)
    assert list(svc.daftar_instansi(con, kadis)["id"]) == [1]
    tanpa_peran = Akses("x", frozenset(), instansi_id=1)
    with pytest.raises(AksesDitolak):
        svc.capaian_per_bidang(con, tanpa_peran, 1, 2026, 2)


def test_periode_and_years(con):
    _build(con)
    assert svc.periode_terakhir(con, SISTEM, 1) == (2026, 2)
    assert svc.tahun_tersedia(con, SISTEM, 1) == [2026]
