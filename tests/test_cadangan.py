"""Backup and restore safe while the app runs (dashboard/admin/cadangan.py, DOMAIN §12.4), on
real DuckDB files and real processes: the backup holds the database, the evidence files and a
manifest; a restore refuses while another process holds the store, swaps a checked new file in,
and a restore killed at any step leaves a store that opens."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import duckdb
import pytest

from dashboard.admin import cadangan
from dashboard.admin import layanan_cadangan as svc
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.cli import main
from dashboard.inti import config, pg_lokal, store

from .conftest import login, tombol

SAAT = dt.datetime(2026, 11, 21, 9, 30, 5)
PDF = b"%PDF-1.4 bukti dukung"


@pytest.fixture
def jam(monkeypatch):
    monkeypatch.setattr(config, "sekarang", lambda: SAAT)


@pytest.fixture
def bukti_dir(tmp_path: Path) -> Path:
    """An evidence folder as bukti.py lays it out: <unit>/<year>-TW<n>/<name>_<id>.<ext>."""
    akar = tmp_path / "bukti"
    (akar / "5" / "2026-TW1").mkdir(parents=True)
    (akar / "5" / "2026-TW1" / "laporan_1a2b3c4d.pdf").write_bytes(PDF)
    (akar / "7" / "2026-TW2").mkdir(parents=True)
    (akar / "7" / "2026-TW2" / "foto_5e6f7a8b.png").write_bytes(b"\x89PNG gambar")
    return akar


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _berkas(akar: Path) -> dict[str, str]:
    return {p.relative_to(akar).as_posix(): _sha(p) for p in akar.rglob("*") if p.is_file()}


def _isi(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))
            for t in store.table_names(con)
        }
    finally:
        con.close()


def _db(demo_db: Path, tmp_path: Path, nama: str = "monev.duckdb") -> Path:
    path = tmp_path / nama
    shutil.copy(demo_db, path)
    return path


def _tambah_instansi(db: Path, kode: str) -> None:
    con = store.connect(db)
    try:
        con.execute("INSERT INTO instansi (kode, nama, pemda) VALUES (?, 'Baru', 'Pemda')", [kode])
        con.execute("CHECKPOINT")
    finally:
        con.close()


# --------------------------------------------------------------------------------- backup


def test_backup_holds_database_evidence_and_manifest(demo_con, bukti_dir, tmp_path, jam):
    m = cadangan.cadangkan(demo_con.cursor(), tmp_path / "bk", folder_bukti=bukti_dir, oleh="u")
    disk = json.loads((tmp_path / "bk" / "manifest.json").read_text(encoding="utf-8"))
    assert disk == m
    assert m["format"] == "monev-cadangan" and m["versi_format"] == cadangan.VERSI_FORMAT
    assert m["dibuat_pada"] == "2026-11-21T09:30:05" and m["zona_waktu"] == "Asia/Jakarta"
    assert m["mesin"] == "duckdb" and m["oleh"] == "u"
    assert m["versi_skema"] == len(store.migrations())
    assert m["jumlah_baris"] == cadangan.jumlah_baris(demo_con)
    assert m["jumlah_baris"]["realisasi"] > 0
    berkas = {b["path"]: b["sha256"] for b in m["berkas"]}
    assert {f"bukti/{p}": s for p, s in _berkas(bukti_dir).items()}.items() <= berkas.items()
    assert "basisdata/schema.sql" in berkas and "basisdata/realisasi.parquet" in berkas
    di_folder = _berkas(tmp_path / "bk")
    assert di_folder.pop("manifest.json") and berkas == di_folder


def test_archive_has_the_manifest_first_and_every_file(demo_con, bukti_dir, tmp_path):
    arsip = tmp_path / "simpan" / "monev.tar.gz"
    m = cadangan.cadangkan(demo_con.cursor(), arsip, folder_bukti=bukti_dir)
    with tarfile.open(arsip) as tar:
        nama = tar.getnames()
    assert nama[0] == "manifest.json"
    assert set(nama[1:]) == {b["path"] for b in m["berkas"]}
    assert cadangan.baca_manifest_arsip(arsip) == m
    assert [p.name for p in arsip.parent.iterdir()] == ["monev.tar.gz"]  # no work folder left
    with pytest.raises(cadangan.CadanganError, match="sudah ada"):
        cadangan.cadangkan(demo_con.cursor(), arsip, folder_bukti=bukti_dir)


def test_backup_is_one_snapshot_while_another_cursor_commits(demo_con, tmp_path, monkeypatch):
    """A save committed by another user between the counting and the export is in neither:
    the manifest's counts are the export's."""
    versi_asli = cadangan._versi_skema

    def lalu_simpan(cur):
        lain = demo_con.cursor()
        lain.execute("INSERT INTO instansi (kode, nama, pemda) VALUES ('SELA', 'x', 'y')")
        lain.close()
        return versi_asli(cur)

    monkeypatch.setattr(cadangan, "_versi_skema", lalu_simpan)
    m = cadangan.cadangkan(demo_con.cursor(), tmp_path / "bk", folder_bukti=tmp_path / "kosong")
    diekspor = duckdb.sql(
        f"SELECT count(*) FROM '{tmp_path / 'bk' / 'basisdata' / 'instansi.parquet'}'"
    ).fetchone()[0]
    assert diekspor == m["jumlah_baris"]["instansi"]
    assert cadangan.jumlah_baris(demo_con)["instansi"] == diekspor + 1


def test_backup_refuses_a_folder_that_is_not_empty(demo_con, tmp_path):
    (tmp_path / "isi").mkdir()
    (tmp_path / "isi" / "f").write_text("x")
    with pytest.raises(cadangan.CadanganError, match="tidak kosong"):
        cadangan.cadangkan(demo_con.cursor(), tmp_path / "isi")


# -------------------------------------------------------------------------------- restore


def test_restore_round_trip_equal_tables_and_files(demo_db, bukti_dir, tmp_path, jam):
    asal = _db(demo_db, tmp_path)
    assert (
        main(["--db", str(asal), "backup", str(tmp_path / "bk.tar.gz"), "--bukti", str(bukti_dir)])
        == 0
    )
    tujuan, bukti_baru = tmp_path / "baru" / "pulih.duckdb", tmp_path / "bukti-baru"
    hasil = cadangan.pulihkan(tmp_path / "bk.tar.gz", tujuan, folder_bukti=bukti_baru)
    assert hasil["sebelumnya"] is None and hasil["bukti"] == 2
    assert _isi(tujuan) == _isi(asal)
    assert _berkas(bukti_baru) == _berkas(bukti_dir)
    assert sorted(p.name for p in tujuan.parent.iterdir()) == ["pulih.duckdb"]  # nothing left
    con = store.connect(tujuan)  # sequences continue after the restored ids
    baru = con.execute(
        "INSERT INTO instansi (kode, nama, pemda) VALUES ('BARU', 'x', 'y') RETURNING id"
    ).fetchone()[0]
    con.close()
    assert baru > max(int(r.split(",")[0].strip("(")) for r in _isi(asal)["instansi"])


def test_restore_force_keeps_the_previous_file_and_its_wal(demo_db, tmp_path, jam):
    """The live file had a save after the backup, still in its WAL (a writer killed before any
    checkpoint): the new store has the backup's rows, the kept previous file has the save."""
    db = _db(demo_db, tmp_path)
    cadangan.cadangkan_berkas(db, tmp_path / "bk", folder_bukti=tmp_path / "kosong")
    _simpan_lalu_mati(db, "WAL")
    with pytest.raises(cadangan.CadanganError, match="sudah ada"):
        cadangan.pulihkan(tmp_path / "bk", db, folder_bukti=tmp_path / "b")
    hasil = cadangan.pulihkan(tmp_path / "bk", db, ganti=True, folder_bukti=tmp_path / "b")
    lama = tmp_path / "monev.duckdb.sebelum-pulih-20261121-093005"
    assert hasil["sebelumnya"] == lama
    assert not Path(f"{db}.wal").exists()
    assert _isi(db) == _isi(demo_db)
    assert any("'WAL'" in r for r in _isi(lama)["instansi"])


def test_restore_refuses_while_another_process_holds_the_store(demo_db, tmp_path, capsys):
    db = _db(demo_db, tmp_path)
    cadangan.cadangkan_berkas(db, tmp_path / "bk", folder_bukti=tmp_path / "kosong")
    sebelum = _sha(db)
    kode = (
        f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('siap', flush=True); "
        "time.sleep(120)"
    )
    p = subprocess.Popen([sys.executable, "-c", kode], stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "siap"
        assert cadangan.pakai_proses_lain(db)
        with pytest.raises(cadangan.CadanganError, match="sedang dipakai proses lain"):
            cadangan.pulihkan(tmp_path / "bk", db, ganti=True, folder_bukti=tmp_path / "b")
        args = ["--db", str(db), "restore", str(tmp_path / "bk"), "--force"]
        assert main([*args, "--bukti", str(tmp_path / "b")]) == 1
        assert "Tidak ada yang diubah" in capsys.readouterr().err
        assert main(["--db", str(db), "backup", str(tmp_path / "bk2")]) == 1
        assert "halaman Cadangan data" in capsys.readouterr().err
    finally:
        p.kill()
        p.wait()
    assert _sha(db) == sebelum
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("monev")) == [
        "monev.duckdb"
    ]
    assert not (tmp_path / "b").exists()
    assert not cadangan.pakai_proses_lain(db)


def test_restore_refuses_a_damaged_backup_and_changes_nothing(demo_db, bukti_dir, tmp_path):
    db = _db(demo_db, tmp_path)
    cadangan.cadangkan_berkas(db, tmp_path / "bk", folder_bukti=bukti_dir)
    (tmp_path / "bk" / "bukti" / "5" / "2026-TW1" / "laporan_1a2b3c4d.pdf").write_bytes(b"%PDF x")
    sebelum = _sha(db)
    with pytest.raises(cadangan.CadanganError, match="tidak utuh.*rusak: bukti/5/2026-TW1"):
        cadangan.pulihkan(tmp_path / "bk", db, ganti=True, folder_bukti=tmp_path / "b")
    assert _sha(db) == sebelum and not (tmp_path / "b").exists()
    with pytest.raises(cadangan.CadanganError, match="bukan cadangan"):
        cadangan.pulihkan(tmp_path / "bukti", tmp_path / "x.duckdb")


def test_restore_count_mismatch_changes_nothing(demo_db, tmp_path):
    db = _db(demo_db, tmp_path)
    cadangan.cadangkan_berkas(db, tmp_path / "bk", folder_bukti=tmp_path / "kosong")
    m = json.loads((tmp_path / "bk" / "manifest.json").read_text(encoding="utf-8"))
    m["jumlah_baris"]["realisasi"] += 1  # the manifest says more rows than the export holds
    (tmp_path / "bk" / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    sebelum = _sha(db)
    with pytest.raises(cadangan.CadanganError, match="Jumlah baris"):
        cadangan.pulihkan(tmp_path / "bk", db, ganti=True, folder_bukti=tmp_path / "b")
    assert _sha(db) == sebelum
    assert sorted(p.name for p in tmp_path.glob("monev*")) == ["monev.duckdb"]


def _simpan_lalu_mati(db: Path, kode_instansi: str) -> None:
    """A writer killed after a commit, before any checkpoint: the commit is only in the WAL."""
    kode = textwrap.dedent(f"""
        import duckdb, os
        c = duckdb.connect({str(db)!r})
        c.execute("SET checkpoint_threshold = '1TB'")
        c.execute("INSERT INTO instansi (kode, nama, pemda) VALUES ({kode_instansi!r}, 'x', 'y')")
        os._exit(9)
    """)
    subprocess.run([sys.executable, "-c", kode], check=False)
    assert Path(f"{db}.wal").exists()


def test_restore_replaces_a_store_that_no_longer_opens(demo_db, tmp_path, jam):
    """After a crash that left a store no start can open (here: a damaged file with a WAL next
    to it), a restore still puts a good one in, and the WAL goes with the old file: replayed
    onto the new one it would break it again."""
    db = _db(demo_db, tmp_path)
    cadangan.cadangkan_berkas(db, tmp_path / "bk", folder_bukti=tmp_path / "kosong")
    _simpan_lalu_mati(db, "WAL")
    with db.open("r+b") as f:
        f.write(b"rusak" * 1000)
    with pytest.raises(store.StoreError):
        store.connect(db)
    hasil = cadangan.pulihkan(tmp_path / "bk", db, ganti=True, folder_bukti=tmp_path / "b")
    assert not Path(f"{db}.wal").exists()
    assert Path(f"{hasil['sebelumnya']}.wal").exists()
    assert _isi(db) == _isi(demo_db)
    store.connect(db).close()  # and it opens again, read-write


def test_restore_of_an_older_backup_without_manifest(demo_db, tmp_path):
    """A folder of the earlier `backup` command (EXPORT DATABASE only) still restores."""
    con = duckdb.connect(str(demo_db), read_only=True)
    con.execute(f"EXPORT DATABASE '{tmp_path / 'lama'}' (FORMAT parquet)")
    con.close()
    cadangan.pulihkan(tmp_path / "lama", tmp_path / "p.duckdb", folder_bukti=tmp_path / "b")
    assert _isi(tmp_path / "p.duckdb") == _isi(demo_db)


LANGKAH = [
    "diperiksa",
    "dikunci",
    "diimpor",
    "dimigrasi",
    "diverifikasi",
    "bukti",
    "lama_disimpan",
    "ditukar",
]


@pytest.mark.parametrize("langkah", LANGKAH)
def test_restore_killed_at_each_step_leaves_a_store_that_opens(
    demo_db, bukti_dir, tmp_path, langkah
):
    """SIGKILL at a step (no cleanup runs): the next start opens either the old store whole or
    the restored one, and a second restore then completes."""
    db = _db(demo_db, tmp_path)
    cadangan.cadangkan_berkas(db, tmp_path / "bk.tar.gz", folder_bukti=bukti_dir)
    _tambah_instansi(db, "SESUDAH")  # the live store differs from the backup
    lama = _isi(db)
    kode = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from dashboard.admin import cadangan
        def mati(nama):
            if nama == {langkah!r}:
                os.kill(os.getpid(), signal.SIGKILL)
        cadangan._langkah = mati
        cadangan.pulihkan(Path({str(tmp_path / "bk.tar.gz")!r}), Path({str(db)!r}), ganti=True,
                          folder_bukti=Path({str(tmp_path / "b")!r}))
    """)
    r = subprocess.run([sys.executable, "-c", kode], cwd=config.ROOT, check=False)
    assert r.returncode == -9
    con = store.connect(db)  # what the server's start does
    store.migrate(con)
    con.close()
    assert _isi(db) in (lama, _isi(demo_db))
    assert not Path(f"{db}.wal").exists()
    cadangan.pulihkan(tmp_path / "bk.tar.gz", db, ganti=True, folder_bukti=tmp_path / "b")
    assert _isi(db) == _isi(demo_db)
    assert not list(tmp_path.glob("monev.duckdb.pulih-*"))  # what the kill left is cleaned up


@pytest.mark.parametrize("langkah", LANGKAH[:-1])
def test_restore_failing_at_each_step_leaves_the_old_store(demo_db, tmp_path, monkeypatch, langkah):
    db = _db(demo_db, tmp_path)
    cadangan.cadangkan_berkas(db, tmp_path / "bk", folder_bukti=tmp_path / "kosong")
    _tambah_instansi(db, "SESUDAH")
    lama = _isi(db)

    def gagal(nama):
        if nama == langkah:
            raise OSError("disk dicabut")

    monkeypatch.setattr(cadangan, "_langkah", gagal)
    with pytest.raises(OSError):
        cadangan.pulihkan(tmp_path / "bk", db, ganti=True, folder_bukti=tmp_path / "b")
    assert _isi(db) == lama
    assert not list(tmp_path.glob("monev.duckdb.pulih-*"))


# ----------------------------------------------------------------------- admin page


def test_service_checks_the_caller(demo_con, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    cur = demo_con.cursor()
    kadis = Akses("kadis", frozenset({"kadis"}))
    with pytest.raises(AksesDitolak):
        svc.buat_cadangan(cur, kadis)
    with pytest.raises(AksesDitolak):
        svc.daftar_cadangan(cur, kadis)
    demo_admin = Akses("admin", frozenset({"admin"}), instansi_id=1)
    assert not svc.boleh(cur, demo_admin)  # one of the demo's several instansi
    with pytest.raises(AksesDitolak, match="semua instansi"):
        svc.buat_cadangan(cur, demo_admin)
    sendiri = store.connect(tmp_path / "satu.duckdb")  # one agency's own server
    try:
        store.migrate(sendiri)
        iid = sendiri.execute(
            "INSERT INTO instansi (kode, nama, pemda) VALUES ('DINAS', 'Dinas', 'P') RETURNING id"
        ).fetchone()[0]
        satu = Akses("adm", frozenset({"admin"}), instansi_id=iid)
        assert svc.boleh(sendiri, satu)  # the only instansi in the store
        sendiri.execute("INSERT INTO instansi (kode, nama, pemda) VALUES ('LAIN', 'Lain', 'P')")
        assert not svc.boleh(sendiri, satu)
        with pytest.raises(AksesDitolak, match="semua instansi"):
            svc.buat_cadangan(sendiri, satu)
    finally:
        sendiri.close()
    assert not (tmp_path / "cadangan").exists()
    semua = Akses("adm", frozenset({"admin"}))
    arsip = svc.buat_cadangan(cur, semua)
    assert svc.daftar_cadangan(cur, semua) == [arsip]
    assert svc.isi_arsip(arsip) == arsip.path.read_bytes()


def _admin_semua_instansi(db: Path) -> None:
    """The demo admin untied from its instansi: the demo has several, and only an admin of
    none (or of the only instansi) may back them all up."""
    con = store.connect(db)
    try:
        con.execute("UPDATE pengguna SET instansi_id = NULL WHERE username = 'admin'")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def test_admin_page_makes_a_backup_and_offers_it(app_db, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    _admin_semua_instansi(app_db)
    (tmp_path / "bukti" / "3").mkdir(parents=True)
    (tmp_path / "bukti" / "3" / "a.pdf").write_bytes(PDF)
    at = login("admin")
    at.switch_page(str(config.PAKET / "app_pages" / "admin_cadangan.py")).run()
    assert not at.exception and at.title[0].value == "Cadangan data"
    assert "Belum ada arsip" in at.info[0].value
    tombol(at).click().run()
    assert not at.exception and not at.error
    assert "dibuat" in at.success[0].value and "1 berkas bukti" in at.success[0].value
    arsip = list((tmp_path / "cadangan").glob("monev-*.tar.gz"))
    assert len(arsip) == 1
    m = cadangan.baca_manifest_arsip(arsip[0])
    assert "bukti/3/a.pdf" in {b["path"] for b in m["berkas"]}
    assert at.selectbox(key="arsip_unduh").value == arsip[0].name
    assert at.dataframe[0].value["Arsip"].tolist() == [arsip[0].name]
    con = store.connect(config.db_path())
    try:
        ev = con.execute(
            "SELECT pengguna, objek_id FROM event WHERE jenis = 'cadangan_dibuat'"
        ).fetchall()
    finally:
        con.close()
    assert ev == [("admin", arsip[0].name)]


def test_kadis_cannot_open_the_backup_page(app_db, tmp_path, monkeypatch):
    from .test_pages import _open_url

    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    at = login("kadis")
    _open_url(at, "admin-cadangan")
    assert not at.exception
    assert at.title[0].value == "Halaman tidak tersedia"
    assert not any(b.label == "Buat cadangan sekarang" for b in at.button)
    assert not (tmp_path / "cadangan").exists()


# ---------------------------------------------------------------------------- PostgreSQL


def _psql(url: str, sql: str) -> str:
    return subprocess.run(
        ["psql", "-X", "-tA", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.mark.skipif(not pg_lokal.tersedia(), reason="PostgreSQL tidak terpasang")
def test_postgres_backup_and_restore_with_pg_dump(tmp_path, bukti_dir, jam):
    with pg_lokal.klaster() as url:
        _psql(
            url,
            "CREATE TABLE schema_migrations (versi INTEGER PRIMARY KEY, nama TEXT);"
            "INSERT INTO schema_migrations VALUES (1, '001_core'), (2, '002_alur');"
            "CREATE TABLE instansi (id SERIAL PRIMARY KEY, kode TEXT UNIQUE);"
            "INSERT INTO instansi (kode) SELECT 'I' || g FROM generate_series(1, 25) g;",
        )
        arsip = tmp_path / "pg.tar.gz"
        m = cadangan.cadangkan_pg(url, arsip, folder_bukti=bukti_dir)
        assert m["mesin"] == "postgresql" and m["versi_skema"] == 2
        assert m["jumlah_baris"] == {"instansi": 25, "schema_migrations": 2}
        assert "basisdata/monev.dump" in {b["path"] for b in m["berkas"]}
        _psql(url, "INSERT INTO instansi (kode) VALUES ('SESUDAH'); CREATE TABLE baru (x INT)")
        kerja = tmp_path / "kerja"
        with pytest.raises(cadangan.CadanganError, match="sudah berisi tabel"):
            cadangan.pulihkan_pg(arsip, url, kerja=kerja, folder_bukti=tmp_path / "b")
        sesi = subprocess.Popen(  # another client, connected
            ["psql", "-X", "-tA", "-d", url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            sesi.stdin.write("SELECT pg_backend_pid();\n")
            sesi.stdin.flush()
            pid = int(sesi.stdout.readline())
            with pytest.raises(cadangan.CadanganError, match="dipakai sesi lain"):
                cadangan.pulihkan_pg(
                    arsip, url, kerja=kerja, ganti=True, folder_bukti=tmp_path / "b"
                )
            assert _psql(url, "SELECT count(*) FROM instansi") == "26"  # nothing changed
            # ended, and waited for (PostgreSQL 14+: the timeout makes it wait)
            assert _psql(url, f"SELECT pg_terminate_backend({pid}, 60000)") == "t"
        finally:
            sesi.kill()
            sesi.wait()
        for _ in range(2):  # twice: the second restore replaces a schema made by the first
            hasil = cadangan.pulihkan_pg(
                arsip, url, kerja=kerja, ganti=True, folder_bukti=tmp_path / "b"
            )
            assert _psql(url, "SELECT count(*) FROM instansi") == "25"
            assert _psql(url, "SELECT to_regclass('baru') IS NULL") == "t"
            assert _psql(url, "SELECT nextval('instansi_id_seq')") == "26"
        assert _berkas(tmp_path / "b") == _berkas(bukti_dir)
        assert hasil["sebelumnya"].is_file()
        sebelum = cadangan.baca_manifest_arsip(hasil["sebelumnya"])
        assert sebelum["jumlah_baris"]["instansi"] == 25


def test_admin_of_one_instansi_among_several_is_told_why(app_db, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    _tambah_instansi(app_db, "LAIN")  # the demo admin is tied to the demo instansi
    at = login("admin")
    at.switch_page(str(config.PAKET / "app_pages" / "admin_cadangan.py")).run()
    assert not at.exception and at.title[0].value == "Cadangan data"
    assert "hanya dapat dibuat dan diunduh oleh administrator" in at.info[0].value
    assert not any(b.label == "Buat cadangan sekarang" for b in at.button)
