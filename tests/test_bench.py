"""The bench times every named read query: each one must have sample parameters and run."""

from __future__ import annotations

from dashboard.alat import bench
from dashboard.inti import store, web


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


def test_a_cold_page_run_reads_the_store_again(demo_db, tmp_path, monkeypatch):
    """A cold run forgets the process's cached reads (web.cached_read), not only Streamlit's
    cache, which the app does not use: each cold run reads the store again, a warm run does
    not."""
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "bench.duckdb"
    db.write_bytes(demo_db.read_bytes())
    per_run: list[list[str]] = []
    run, fetch_df = AppTest.run, store.fetch_df

    def dicatat_run(self, *a, **k):
        per_run.append([])
        return run(self, *a, **k)

    def dicatat_fetch(cur, nama, *a, **k):
        per_run[-1].append(nama)
        return fetch_df(cur, nama, *a, **k)

    monkeypatch.setattr(AppTest, "run", dicatat_run)
    monkeypatch.setattr(store, "fetch_df", dicatat_fetch)
    # the bench sets these for its own process: given back after the test, as its cache
    monkeypatch.setenv("MONEV_DB", str(db))
    monkeypatch.setenv("MONEV_DEMO", "0")
    try:
        bench._halaman(db, "kadis", "beranda")
    finally:
        web.kosongkan_cache()
    dingin, hangat = per_run[2:5], per_run[5:]  # after the first run and the switch to Beranda
    assert len(hangat) == 10
    assert all("indikator_tahun" in r for r in dingin), dingin
    assert hangat == [[]] * 10
