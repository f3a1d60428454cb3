"""The suites' Streamlit server is stopped in every path (a test raising in the block, an
interruption while it starts, the suite killed outright), and a run that leaves a child process
alive fails and names it (tests/conftest.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dashboard.inti import config, serve


def _hidup(pid: int) -> bool:
    """Running (a zombie is dead: only its exit status waits to be read)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def _tunggu_mati(pid: int, detik: float = 30) -> bool:
    """Whether the process is gone within a guard time (it is signalled asynchronously)."""
    batas = time.monotonic() + detik
    while _hidup(pid) and time.monotonic() < batas:
        time.sleep(0.1)
    return not _hidup(pid)


def _salinan(demo_db: Path, tmp_path: Path) -> Path:
    """The server's own copy (it opens its store for writing)."""
    db = tmp_path / "s.duckdb"
    db.write_bytes(demo_db.read_bytes())
    return db


def test_server_is_stopped_when_the_test_raises_inside_the_block(demo_db, tmp_path):
    db, log = _salinan(demo_db, tmp_path), tmp_path / "server.log"
    with (
        pytest.raises(AssertionError, match="gagal di tengah"),
        serve.running(db, log) as (proc, _),
    ):
        pid = proc.pid
        assert _hidup(pid)
        raise AssertionError("uji gagal di tengah")
    assert not _hidup(pid) and proc.returncode is not None
    assert pid not in [p.pid for p in serve.turunan()]


def test_server_is_stopped_when_its_start_is_interrupted(demo_db, tmp_path, monkeypatch):
    """Ctrl-C while waiting for the health check (before the block is entered)."""
    dibuat: list[subprocess.Popen] = []

    class Dicatat(subprocess.Popen):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            dibuat.append(self)

    def diinterupsi(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(serve.subprocess, "Popen", Dicatat)
    monkeypatch.setattr(serve.urllib.request, "urlopen", diinterupsi)
    with pytest.raises(KeyboardInterrupt), serve.running(demo_db, tmp_path / "server.log"):
        pass
    assert len(dibuat) == 1 and dibuat[0].returncode is not None
    assert not _hidup(dibuat[0].pid)


@pytest.mark.skipif(not Path("/usr/bin/setpriv").exists(), reason="setpriv (util-linux) tidak ada")
def test_server_stops_when_the_suite_is_killed_outright(demo_db, tmp_path):
    """SIGKILL runs no `finally`: the kernel's parent-death signal stops the server."""
    db = _salinan(demo_db, tmp_path)
    skrip = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from dashboard.inti import serve
        with serve.running(Path({str(db)!r}), Path({str(tmp_path / "server.log")!r})) as (p, _):
            print(p.pid, flush=True)
            time.sleep(600)
        """
    )
    suite = subprocess.Popen(
        [sys.executable, "-c", skrip], cwd=config.ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        pid = int(suite.stdout.readline())
        assert _hidup(pid)
        suite.send_signal(signal.SIGKILL)
        suite.wait(timeout=30)
        assert _tunggu_mati(pid), f"server {pid} masih berjalan setelah induknya dibunuh"
    finally:
        suite.kill()
        suite.wait(timeout=30)


def test_a_child_left_running_is_found_and_killed():
    # The child says when it runs its own program: read before that, its command line is
    # empty or its parent's (a fresh clone's run once read "(sleep)" for a bare `sleep 600`).
    kode = "print('siap', flush=True); import time; time.sleep(600)"
    tidur = subprocess.Popen([sys.executable, "-c", kode], stdout=subprocess.PIPE, text=True)
    try:
        assert tidur.stdout is not None and tidur.stdout.readline() == "siap\n"
        sisa = [p for p in serve.turunan(os.getpid()) if p.pid == tidur.pid]
        assert [p.perintah for p in sisa] == [f"{sys.executable} -c {kode}"]
        serve.hentikan(sisa)
        assert tidur.wait(timeout=30) == -signal.SIGKILL
    finally:
        tidur.kill()
        tidur.wait(timeout=30)


def test_a_run_that_leaves_a_child_alive_fails_and_names_it(tmp_path):
    """A whole pytest run with this suite's conftest, whose only test passes but leaves a
    process behind: the run fails, the process is named and killed."""
    uji = tmp_path / "test_bocor.py"
    uji.write_text(
        "import subprocess\n\n"
        "def test_bocor():\n"
        "    p = subprocess.Popen(['sleep', '601'])\n"
        "    open('pid', 'w').write(str(p.pid))\n"
    )
    hasil = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", str(uji), "-q"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(config.ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert hasil.returncode == pytest.ExitCode.TESTS_FAILED, hasil.stdout + hasil.stderr
    assert "1 passed" in hasil.stdout
    assert "Proses anak masih berjalan" in hasil.stdout and "sleep 601" in hasil.stdout
    assert _tunggu_mati(int((tmp_path / "pid").read_text()))


def test_the_served_command_carries_every_streamlit_setting_of_the_package():
    """An installed app has no .streamlit/config.toml in its working folder: every setting of
    sumber/streamlit.toml (postScriptGC off, no error details, the theme) goes as a flag, the
    port and address as asked."""
    argv = serve.perintah(8765, "127.0.0.1")
    flag = dict(zip(argv[5::2], argv[6::2], strict=True))
    assert argv[1:5] == ["-m", "streamlit", "run", str(config.APP)]
    assert flag["--runner.postScriptGC"] == "false"
    assert flag["--client.showErrorDetails"] == "none"
    assert flag["--server.port"] == "8765" and flag["--server.address"] == "127.0.0.1"
    assert argv.count("--server.port") == 1


def test_the_served_app_takes_what_lives_as_long_as_the_server_out_of_the_collector(tmp_path):
    """The server's entry point freezes the objects it has loaded (Streamlit and the libraries,
    about 139.000): a full collection under load no longer walks them; and it sets the
    collector's thresholds, full collections every few minutes under load (not every few seconds,
    not never), and shortens the threads' turns (docs/operasi.md)."""
    kode = (
        f"import gc, runpy\nrunpy.run_path({str(config.APP)!r})\n"
        "print(gc.get_threshold())\nprint(gc.get_freeze_count())\n"
        "import sys\nprint(sys.getswitchinterval())\n"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert hasil.returncode == 0, hasil.stderr
    *_, ambang, beku, gantian = hasil.stdout.strip().splitlines()
    assert int(beku) > 50_000
    # full collections rarer than Python's default (700, 10, 10), not as rare as (5000, 20, 50)
    assert ambang == "(5000, 20, 5)"
    # threads take turns every millisecond, not every 5 (Python's default)
    assert float(gantian) == 0.001
