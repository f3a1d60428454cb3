"""Migrations, transactions and the one-process lock, on real DuckDB files (backup and restore:
tests/test_cadangan.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from dashboard.inti import config, store

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL


def test_migrations_recorded_and_idempotent(con):
    rows = con.execute("SELECT versi, nama FROM schema_migrations ORDER BY versi").fetchall()
    assert rows[0] == (1, "001_core")
    assert store.migrate(con) == []
    assert {
        "instansi",
        "unit",
        "indikator",
        "target",
        "realisasi",
        "anggaran",
        "pengguna",
        "peran_pengguna",
        "event",
        "sop",
        "sop_langkah",
    } <= set(store.table_names(con))


def test_failed_migration_leaves_previous_version(tmp_path, monkeypatch):
    mig = tmp_path / "migrations"
    shutil.copytree(config.MIGRATIONS_DIR, mig)
    n = len(list(mig.glob("*.sql")))
    (mig / f"{n + 1:03d}_rusak.sql").write_text(
        "CREATE TABLE baru (x INTEGER);\nINSERT INTO tabel_tidak_ada VALUES (1);\n"
    )
    monkeypatch.setattr(config, "MIGRATIONS_DIR", mig)
    c = store.connect(tmp_path / "m.duckdb")
    with pytest.raises(store.MigrationError, match="rusak"):
        store.migrate(c)
    assert store.schema_version(c) == n
    assert "baru" not in store.table_names(c)


def test_migration_numbering_must_be_contiguous(tmp_path, monkeypatch):
    mig = tmp_path / "migrations"
    shutil.copytree(config.MIGRATIONS_DIR, mig)
    akhir = max(int(f.name[:3]) for f in mig.glob("[0-9][0-9][0-9]_*.sql"))
    (mig / f"{akhir + 2:03d}_loncat.sql").write_text("SELECT 1;")  # one number skipped
    monkeypatch.setattr(config, "MIGRATIONS_DIR", mig)
    with pytest.raises(store.MigrationError, match="berurutan"):
        store.migrations()


def test_transaction_rolls_back_whole(con):
    with pytest.raises(store.GALAT_DB), store.transaction(con):
        con.execute("INSERT INTO instansi (kode, nama, pemda) VALUES ('A', 'a', 'p')")
        con.execute("INSERT INTO instansi (kode, nama, pemda) VALUES ('A', 'b', 'p')")
    assert con.execute("SELECT count(*) FROM instansi").fetchone()[0] == 0


def test_named_parameters_bound_from_a_dict(con):
    """The queries' `$nama` placeholders, bound from a dict on both backends: a name used twice
    is one value, and a missing or unused name is refused (DuckDB checks both; so does the
    PostgreSQL adapter); a positional list still binds `$1..$n`."""
    con.execute(
        "INSERT INTO instansi (kode, nama, pemda) VALUES ($kode, $nama, $kode)",
        {"kode": "A", "nama": "a"},
    )
    cari = "SELECT nama, pemda FROM instansi WHERE kode = $kode AND pemda = $kode"
    assert con.execute(cari, {"kode": "A"}).fetchall() == [("a", "A")]
    assert con.execute("SELECT '$kode', $1", ["x"]).fetchone() == ("$kode", "x")
    with pytest.raises(store.GALAT_DB, match="kode"):
        con.execute(cari, {})
    with pytest.raises(store.GALAT_DB, match="lain"):
        con.execute(cari, {"kode": "A", "lain": 1})
    con.executemany(
        "INSERT INTO instansi (kode, nama, pemda) VALUES ($kode, $nama, 'p')",
        [{"kode": "B", "nama": "b"}, {"kode": "C", "nama": "c"}],
    )
    assert con.execute("SELECT count(*) FROM instansi").fetchone() == (3,)


def test_second_process_gets_clear_lock_message(tmp_path):
    path = tmp_path / "kunci.duckdb"
    c = store.connect(path)
    store.migrate(c)
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "--db", str(path), "init"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        timeout=120,
    )
    c.close()
    assert out.returncode == 1
    assert "sedang dipakai proses lain" in out.stderr
    assert "Traceback" not in out.stderr


def test_migrations_leave_no_schema_in_the_wal(tmp_path):
    """A server stopped right after creating a store left the new DDL only in the WAL, which
    DuckDB 1.5 could not replay ("no default database set"): the store would not open again.
    The migrations are checkpointed into the file."""
    path = tmp_path / "baru.duckdb"
    con = store.connect(path)
    try:
        assert store.migrate(con)
        wal = path.with_name(path.name + ".wal")
        assert not wal.exists() or wal.stat().st_size == 0
    finally:
        con.close()


def test_migrations_upgrade_a_store_that_holds_data(tmp_path, monkeypatch):
    """An agency's store made by the previous release, with SOP runs in it, upgrades: DuckDB
    refuses to build an index over rows updated in the same transaction, which an empty
    test store never shows (012 failed so on every upgraded store)."""
    lama = tmp_path / "lama"
    lama.mkdir()
    for f in sorted(config.MIGRATIONS_DIR.glob("*.sql")):
        if int(f.name[:3]) <= 11:
            shutil.copy(f, lama / f.name)
    monkeypatch.setattr(config, "MIGRATIONS_DIR", lama)
    c = store.connect(tmp_path / "naik.duckdb")
    store.migrate(c)
    c.execute(
        "INSERT INTO sop_run (sop_id, instansi_id, objek, objek_id) "
        "VALUES (1, 1, 'pengajuan', 5), (1, 1, 'perbaikan', 6)"
    )
    monkeypatch.undo()
    assert "012_sop_adopsi" in store.migrate(c)
    rows = c.execute("SELECT kunci, prosedur FROM sop_run ORDER BY objek_id").fetchall()
    assert rows == [("5", "pengumpulan"), ("6", "perbaikan")]
