"""SIGKILL in the middle of saves, imports and transitions, then a restart of the real server on
the same store; a read-only and a full data folder; backup -> restore identical."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.inti import config, store
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.periode import layanan_periode as periode

from .conftest import server, tmpfs


def _tulis_lalu_bunuh(db: Path, jumlah: int, seed: int) -> list[str]:
    """Run the writer child, SIGKILL it at a random moment after `jumlah` commits; return what
    it reported as committed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fault.penulis", str(db)],
        cwd=config.ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    laporan = []
    try:
        for baris in proc.stdout:
            laporan.append(baris.strip())
            if len(laporan) >= jumlah:
                break
        time.sleep(random.Random(seed).uniform(0, 0.08))  # land inside the next write
    finally:  # killed in every path, a failure or Ctrl-C included
        proc.send_signal(signal.SIGKILL)
        sisa, galat = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, galat[-2000:]
    return laporan + [b for b in sisa.splitlines() if b]


def _jumlah(con, pid: int) -> tuple[int, int]:
    """(save events of DEP, transition events of PKA's submission) in the period."""
    simpan = con.execute(
        "SELECT count(*) FROM event WHERE jenis = 'realisasi_disimpan' AND objek_id = "
        "(SELECT ? || ':' || id FROM unit WHERE kode = 'DEP')",
        [str(pid)],
    ).fetchone()[0]
    transisi = con.execute(
        "SELECT count(*) FROM event e JOIN pengajuan p ON e.objek_id = CAST(p.id AS VARCHAR) "
        "JOIN unit u ON u.id = p.unit_id WHERE e.objek = 'pengajuan' AND e.jenis = 'transisi' "
        "AND p.periode_id = ? AND u.kode = 'PKA'",
        [pid],
    ).fetchone()[0]
    return simpan, transisi


def _awal(db: Path) -> tuple[int, int]:
    con = store.connect(db)
    try:
        return _jumlah(con, _periode(con))
    finally:
        con.close()


def _periode(con) -> int:
    staf = pengguna.akses_untuk(con, "staf.dep")
    return int(periode.periode_entri(con, staf, staf.unit_id)["id"].iloc[0])


def _periksa_utuh(db: Path, laporan: list[str], awal: tuple[int, int]) -> None:
    """After a kill: every save and transition the writer reported is in the store, at most the
    one in flight besides, and none of them half applied."""
    con = store.connect(db)
    try:
        staf = pengguna.akses_untuk(con, "staf.dep")
        pid = _periode(con)
        baris = realisasi.form_entri(con, staf, pid, staf.unit_id).baris
        gen = set(baris["catatan"])
        assert len(gen) == 1, f"simpan/impor setengah jadi: {gen}"  # all rows one generation
        g = int(gen.pop().split()[1])
        simpan = [int(b.split()[1]) for b in laporan if b.startswith("simpan")]
        assert g in (simpan[-1], simpan[-1] + 1), (g, simpan[-1])
        assert set(baris["nilai"]) == {float(g % 90 + 1)}
        riwayat = con.execute(
            "SELECT count(*) FROM realisasi_riwayat WHERE catatan = ?", [f"gen {g}"]
        ).fetchone()[0]
        assert riwayat and riwayat % len(baris) == 0  # value history of a save: every row
        n_simpan, n_transisi = _jumlah(con, pid)
        assert n_simpan - awal[0] == g  # one event per committed save, none for a lost one
        transisi = [b for b in laporan if b.startswith("transisi")]
        assert n_transisi - awal[1] in (len(transisi), len(transisi) + 1)
        # the submission's state is the one its last transition event says
        pka = pengguna.akses_untuk(con, "staf.pka")
        peng, status = con.execute(
            "SELECT id, status FROM pengajuan WHERE periode_id = ? AND unit_id = ?",
            [pid, pka.unit_id],
        ).fetchone()
        ke = con.execute(
            "SELECT ke FROM event WHERE objek = 'pengajuan' AND objek_id = ? AND jenis = "
            "'transisi' ORDER BY id DESC LIMIT 1",
            [str(peng)],
        ).fetchone()[0]
        assert ke == status
    finally:
        con.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_mid_write_then_restart_keeps_every_commit(demo_db, tmp_path, seed):
    db = tmp_path / "kill.duckdb"
    shutil.copy(demo_db, db)
    awal = _awal(db)
    laporan = _tulis_lalu_bunuh(db, 10 + 7 * seed, seed)
    # restart exactly like the server's first start: migrations + SOP library on the dirty WAL
    init = subprocess.run(
        [sys.executable, "-m", "dashboard", "--db", str(db), "init"],
        cwd=config.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
    _periksa_utuh(db, laporan, awal)
    # and a second kill on the recovered store
    awal = _awal(db)
    laporan = _tulis_lalu_bunuh(db, 5, seed + 10)
    _periksa_utuh(db, laporan, awal)


def test_server_killed_and_restarted_serves_the_saved_data(demo_db, tmp_path, page):
    from playwright.sync_api import expect

    db = tmp_path / "server.duckdb"
    shutil.copy(demo_db, db)
    log = tmp_path / "server.log"

    def masuk(url: str) -> None:
        page.goto(url)
        page.get_by_label("Nama pengguna").fill("kadis")
        page.get_by_label("Kata sandi").fill("Kepala#Dinas26")
        page.get_by_role("button", name="Masuk").click()
        expect(page.get_by_role("heading", name="Beranda").first).to_be_visible()

    with server(db, log) as s:
        masuk(s["url"])
        s["proc"].send_signal(signal.SIGKILL)  # the server holds the store open
        s["proc"].wait(timeout=10)
    awal = _awal(db)
    laporan = _tulis_lalu_bunuh(db, 12, 7)  # writes between the two servers, killed as well
    with server(db, log) as s:
        page.context.clear_cookies()  # a login cookie of the first server would skip the form
        masuk(s["url"])
        assert s["proc"].poll() is None
    _periksa_utuh(db, laporan, awal)


def test_read_only_data_folder_clear_message_no_crash_loop(demo_db, tmp_path, page):
    from playwright.sync_api import expect

    with tmpfs(tmp_path / "ro", "40m") as folder:
        db = folder / "monev.duckdb"
        shutil.copy(demo_db, db)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with server(db, tmp_path / "server.log") as s:
            for _ in range(3):  # every request answers with the message; the server stays up
                page.goto(s["url"])
                expect(page.get_by_text("tidak dapat dibuka untuk ditulis").first).to_be_visible()
                assert s["proc"].poll() is None
            assert "Traceback" not in page.content()
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)
            page.goto(s["url"])  # fixed while running: the next request works, no restart
            expect(page.get_by_label("Nama pengguna")).to_be_visible()


def test_full_disk_refuses_the_save_whole_and_recovers(demo_db, tmp_path):
    with tmpfs(tmp_path / "penuh", "24m") as folder:
        db = folder / "monev.duckdb"
        shutil.copy(demo_db, db)
        con = store.connect(db)
        staf = pengguna.akses_untuk(con, "staf.dep")
        pid = int(periode.periode_entri(con, staf, staf.unit_id)["id"].iloc[0])
        form = realisasi.form_entri(con, staf, pid, staf.unit_id)
        baris = [
            realisasi.BarisSimpan(i.indikator_id, i.target[2] or 1, "x" * 200_000)
            for i in form.indikator
        ]
        isi = folder / "pengisi"
        with isi.open("wb") as f:  # fill the disk
            try:
                while True:
                    f.write(b"\0" * 1024 * 1024)
                    f.flush()
            except OSError:
                pass
        sebelum = con.execute("SELECT count(*) FROM realisasi").fetchone()[0]
        with pytest.raises(store.StoreError, match="Penyimpanan penuh"):
            realisasi.simpan(con, staf, pid, staf.unit_id, baris)
        assert con.execute("SELECT count(*) FROM realisasi").fetchone()[0] == sebelum
        isi.unlink()  # space again: the same save goes through, nothing left over
        assert realisasi.simpan(con, staf, pid, staf.unit_id, baris) == len(baris)
        con.close()


def _tabel(db: Path) -> dict[str, list]:
    con = store.connect(db, read_only=True)
    try:
        return {
            t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))
            for t in store.table_names(con)
        }
    finally:
        con.close()


def test_backup_restore_cli_round_trip_identical(demo_db, tmp_path):
    db = tmp_path / "asal.duckdb"
    shutil.copy(demo_db, db)
    awal = _awal(db)
    laporan = _tulis_lalu_bunuh(db, 6, 5)  # a store that went through a crash, too
    _periksa_utuh(db, laporan, awal)
    cli = [sys.executable, "-m", "dashboard"]
    for args in (
        ["--db", str(db), "backup", str(tmp_path / "cadangan"), "--bukti", str(tmp_path / "b")],
        [
            "--db",
            str(tmp_path / "pulih.duckdb"),
            "restore",
            str(tmp_path / "cadangan"),
            "--bukti",
            str(tmp_path / "b"),
        ],
    ):
        r = subprocess.run(cli + args, cwd=config.ROOT, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
    asal, pulih = _tabel(db), _tabel(tmp_path / "pulih.duckdb")
    assert asal.keys() == pulih.keys()
    for t in asal:
        assert asal[t] == pulih[t], t
