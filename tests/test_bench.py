"""The bench times every named read query: each one must have sample parameters and run."""

from __future__ import annotations

from dashboard.alat import bench
from dashboard.inti import store


def test_every_read_query_has_sample_parameters_and_runs(demo_con):
    names = bench.query_baca()
    assert "indikator_tahun" in names and "event_insert" not in names
    for name in names:
        params = bench.contoh_parameter(demo_con, name)
        assert params is not None, f"bench: no sample parameters for {name}"
        demo_con.execute(store.sql(name), params).fetchall()


def test_the_pages_are_timed_as_a_named_user_of_the_instansi_as_generated(demo_db, tmp_path):
    """The report says whom Beranda was timed as, and on how many indicators (the import
    steps, timed after the pages, add 10.000 to this instansi)."""
    db = tmp_path / "bench.duckdb"
    db.write_bytes(demo_db.read_bytes())
    siapa = bench._siapa(db, "kadis")
    assert siapa["pengguna"] == "kadis" and siapa["peran"] == "Kepala Dinas"
    assert siapa["instansi"] and 0 < siapa["indikator"] < 10_000
    assert set(bench.HALAMAN) == {"beranda", "antrian"}
