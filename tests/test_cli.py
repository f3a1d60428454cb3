"""`python -m dashboard`: help, clear errors with non-zero exit, init/demo/backup/restore."""

from __future__ import annotations

import subprocess
import sys

from dashboard.cli import main
from dashboard.inti import config


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        timeout=300,
    )


def test_help_lists_commands():
    out = _run("--help")
    assert out.returncode == 0
    for cmd in ("init", "demo", "backup", "restore", "bench"):
        assert cmd in out.stdout


def test_bad_arguments_exit_non_zero():
    assert _run("terbang").returncode != 0
    out = _run("demo", "--scale", "XL")
    assert out.returncode == 2 and "invalid choice" in out.stderr
    assert _run().returncode == 2


def test_init_demo_backup_restore(tmp_path, capsys):
    db = str(tmp_path / "cli.duckdb")
    assert main(["--db", db, "init", "--demo"]) == 0
    assert "data demo dimuat" in capsys.readouterr().out
    assert main(["--db", db, "init", "--demo"]) == 0  # second start: nothing reloaded
    assert "data demo dimuat" not in capsys.readouterr().out
    bukti = ["--bukti", str(tmp_path / "bukti")]  # never the checkout's data/bukti
    assert main(["--db", db, "backup", str(tmp_path / "bk"), *bukti]) == 0
    assert "Cadangan ditulis" in capsys.readouterr().out
    baru = ["--db", str(tmp_path / "baru.duckdb")]
    assert main([*baru, "restore", str(tmp_path / "bk"), *bukti]) == 0
    assert "jumlah baris sama dengan manifest" in capsys.readouterr().out
    assert main(["--db", db, "restore", str(tmp_path / "bk"), *bukti]) == 1  # exists, no --force
    assert "sudah ada" in capsys.readouterr().err
    assert main(["--db", db, "backup", str(tmp_path / "bk"), *bukti]) == 1  # folder not empty
    assert "tidak kosong" in capsys.readouterr().err


def test_demo_replace_and_refuse(tmp_path, capsys):
    db = str(tmp_path / "d.duckdb")
    assert main(["--db", db, "demo", "--scale", "S", "--today", "2026-11-21"]) == 0
    assert main(["--db", db, "demo", "--scale", "S"]) == 1
    assert "sudah berisi" in capsys.readouterr().err
    assert main(["--db", db, "demo", "--replace", "--today", "2026-11-21"]) == 0
    assert main(["--db", db, "demo", "--today", "kemarin", "--replace"]) == 1
