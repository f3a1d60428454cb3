"""Account commands from the server's shell (issue 13, item 1): `admin-baru`, `buka-kunci`,
`reset-sandi` on a real DuckDB file; a locked-out last administrator always recovers."""

from __future__ import annotations

import datetime as dt
import getpass
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.cli import main
from dashboard.inti import config, store


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An initialised store without demo, named by MONEV_DB like the server's."""
    path = tmp_path / "akun.duckdb"
    monkeypatch.setenv("MONEV_DB", str(path))
    monkeypatch.delenv("MONEV_SANDI_BARU", raising=False)
    monkeypatch.delenv("MONEV_DEMO", raising=False)
    assert main(["init"]) == 0
    return path


def _baca(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = store.connect(path)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _ketik(monkeypatch: pytest.MonkeyPatch, *jawaban: str) -> None:
    """Answers for getpass, one per prompt (the terminal the command would ask)."""
    sisa = list(jawaban)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": sisa.pop(0))


def test_init_without_demo_leaves_no_users_and_no_instansi(db):
    assert _baca(db, "SELECT count(*) FROM pengguna")[0][0] == 0
    assert _baca(db, "SELECT count(*) FROM instansi")[0][0] == 0


def test_admin_baru_with_typed_password_then_login(db, monkeypatch, capsys):
    _ketik(monkeypatch, "Baru#Sekali27", "Baru#Sekali27")
    assert main(["admin-baru", "--username", " Ketua.TI ", "--nama", "Budi Santoso"]) == 0
    assert "Administrator 'ketua.ti' dibuat (semua instansi)" in capsys.readouterr().out
    con = store.connect(db)
    try:
        akses = pengguna.akses_untuk(con, "ketua.ti")
        assert akses.peran == {"admin"} and akses.instansi_id is None
        hashed = con.execute(
            "SELECT password_hash FROM pengguna WHERE username = 'ketua.ti'"
        ).fetchone()[0]
        assert pengguna.cocok_sandi("Baru#Sekali27", hashed)
        assert pengguna.ada_administrator(con)
        ev = con.execute(
            "SELECT pengguna, objek_id FROM event WHERE jenis = 'pengguna_dibuat'"
        ).fetchall()
        assert ev == [(f"cli:{getpass.getuser()}", "ketua.ti")]
    finally:
        con.close()


def test_admin_baru_for_one_instansi(db, monkeypatch, capsys):
    con = store.connect(db)
    con.execute("INSERT INTO instansi (kode, nama, pemda) VALUES ('DISKOM', 'Diskominfo', 'Kab')")
    iid = con.execute("SELECT id FROM instansi WHERE kode = 'DISKOM'").fetchone()[0]
    con.close()
    monkeypatch.setenv("MONEV_SANDI_BARU", "Baru#Sekali27")
    assert main(["admin-baru", "--username", "adm", "--nama", "Admin", "--instansi", "DISKOM"]) == 0
    assert _baca(db, "SELECT instansi_id FROM pengguna WHERE username = 'adm'") == [(iid,)]
    assert main(["admin-baru", "--username", "adm2", "--nama", "Admin", "--instansi", "X"]) == 1
    assert "Instansi dengan kode 'X' tidak ada" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("jawaban", "pesan"),
    [
        (("Baru#Sekali27", "Baru#Sekali28"), "Ulangan kata sandi tidak sama"),
        (("pendek1", "pendek1"), "Kata sandi minimal"),
        (("password1234", "password1234"), "terlalu umum"),
    ],
)
def test_admin_baru_bad_password_refused_nothing_created(db, monkeypatch, capsys, jawaban, pesan):
    _ketik(monkeypatch, *jawaban)
    assert main(["admin-baru", "--username", "adm", "--nama", "Admin"]) == 1
    assert pesan in capsys.readouterr().err
    assert _baca(db, "SELECT count(*) FROM pengguna")[0][0] == 0
    assert _baca(db, "SELECT count(*) FROM event")[0][0] == 0


def test_admin_baru_weak_password_from_env_refused(db, monkeypatch, capsys):
    monkeypatch.setenv("MONEV_SANDI_BARU", "lemah")
    assert main(["admin-baru", "--username", "adm", "--nama", "Admin"]) == 1
    assert "Kata sandi minimal" in capsys.readouterr().err
    assert _baca(db, "SELECT count(*) FROM pengguna")[0][0] == 0


def test_admin_baru_refuses_a_taken_username_and_bad_names(db, monkeypatch, capsys):
    monkeypatch.setenv("MONEV_SANDI_BARU", "Baru#Sekali27")
    assert main(["admin-baru", "--username", "adm", "--nama", "Admin"]) == 0
    assert main(["admin-baru", "--username", "ADM", "--nama", "Lagi"]) == 1
    err = capsys.readouterr().err
    assert "sudah dipakai" in err and "reset-sandi adm" in err
    assert main(["admin-baru", "--username", "a b", "--nama", "Admin"]) == 1
    assert "Nama pengguna: hanya huruf" in capsys.readouterr().err
    assert main(["admin-baru", "--username", "adm3", "--nama", "A" * 201]) == 1
    assert "Nama lengkap: terlalu panjang" in capsys.readouterr().err
    assert _baca(db, "SELECT count(*) FROM pengguna")[0][0] == 1


def _kunci(db: Path, username: str, kali: int) -> None:
    con = store.connect(db)
    try:
        for i in range(kali):  # wrong passwords, an hour apart: no throttle delay in the way
            pengguna.masuk(
                con,
                username,
                "Salah#Sekali99",
                sekarang=dt.datetime(2026, 1, 1) + dt.timedelta(hours=i),
            )
    finally:
        con.close()


def test_locked_out_last_admin_recovers_with_buka_kunci(db, monkeypatch, capsys):
    monkeypatch.setenv("MONEV_SANDI_BARU", "Baru#Sekali27")
    assert main(["admin-baru", "--username", "adm", "--nama", "Admin"]) == 0
    _kunci(db, "adm", pengguna.batas_gagal_login())
    assert _baca(db, "SELECT terkunci, gagal_login FROM pengguna") == [
        (True, pengguna.batas_gagal_login())
    ]
    assert main(["buka-kunci", "ADM"]) == 0
    assert "dibuka" in capsys.readouterr().out
    assert _baca(db, "SELECT terkunci, gagal_login FROM pengguna") == [(False, 0)]
    assert _baca(db, "SELECT count(*) FROM event WHERE jenis = 'akun_dibuka'") == [(1,)]


def test_reset_sandi_prints_a_password_that_logs_in(db, monkeypatch, capsys):
    monkeypatch.setenv("MONEV_SANDI_BARU", "Baru#Sekali27")
    assert main(["admin-baru", "--username", "adm", "--nama", "Admin"]) == 0
    _kunci(db, "adm", 9)
    capsys.readouterr()
    assert main(["reset-sandi", "adm"]) == 0
    out = capsys.readouterr().out
    sementara = out.splitlines()[1].strip()
    assert out.count(sementara) == 1  # shown once
    pengguna.cek_kekuatan_sandi(sementara)  # the app's own rules accept it
    con = store.connect(db)
    try:
        assert pengguna.masuk(con, "adm", sementara).token  # unlocked: the password signs in
        assert pengguna.akses_untuk(con, "adm") is not None
        assert con.execute("SELECT count(*) FROM event WHERE jenis = 'reset_sandi'").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("perintah", ["buka-kunci", "reset-sandi"])
def test_unknown_user_refused_with_message(db, capsys, perintah):
    assert main([perintah, "siapa"]) == 1
    assert "Pengguna 'siapa' tidak ada" in capsys.readouterr().err
    assert _baca(db, "SELECT count(*) FROM event")[0][0] == 0


def test_subprocess_admin_baru_with_env_password(tmp_path):
    """The scripted form an installer runs: MONEV_DB and MONEV_SANDI_BARU in the environment."""
    path = tmp_path / "skrip.duckdb"
    env = {"PATH": "/usr/bin:/bin", "MONEV_DB": str(path), "MONEV_SANDI_BARU": "Baru#Sekali27"}
    jalan = [sys.executable, "-m", "dashboard", "admin-baru", "--username", "adm", "--nama", "A d"]
    out = subprocess.run(jalan, capture_output=True, text=True, cwd=config.ROOT, env=env)
    assert out.returncode == 0, out.stderr
    assert "Baru#Sekali27" not in out.stdout + out.stderr
    out = subprocess.run(jalan, capture_output=True, text=True, cwd=config.ROOT, env=env)
    assert out.returncode == 1 and "sudah dipakai" in out.stderr
    assert _baca(path, "SELECT username FROM pengguna") == [("adm",)]


def test_help_lists_account_commands():
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "--help"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
    )
    for cmd in ("admin-baru", "buka-kunci", "reset-sandi"):
        assert cmd in out.stdout
