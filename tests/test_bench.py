"""The bench times every named read query: each one must have sample parameters and run."""

from __future__ import annotations

from dashboard import bench, store


def test_every_read_query_has_sample_parameters_and_runs(demo_con):
    names = bench.query_baca()
    assert "indikator_tahun" in names and "event_insert" not in names
    for name in names:
        params = bench.contoh_parameter(demo_con, name)
        assert params is not None, f"bench: no sample parameters for {name}"
        demo_con.execute(store.sql(name), params).fetchall()
