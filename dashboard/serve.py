"""A real `streamlit run app.py` in a child process, for the browser, fault and load suites
and for the several-process launcher (dashboard/layani.py)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from dashboard import config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _mati_bersama_induk() -> None:
    """In the child before exec: the kernel sends SIGTERM when the parent dies, even by
    SIGKILL, so a launcher that is killed leaves no orphan server (Linux prctl)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def mulai(
    db: Path | str,
    log: Path,
    port: int,
    env: dict[str, str] | None = None,
    demo: bool = False,
    anak: bool = False,
) -> subprocess.Popen:
    """Start the app on 127.0.0.1:`port` over the store `db` (a DuckDB file or a URL), its
    output appended to `log`. `anak`: a supervised child (its own process group, so a
    terminal's Ctrl+C reaches only the supervisor, which stops it; and it dies with its
    parent). Only for a child started from the main thread: the kernel ties it to the
    starting thread."""
    with log.open("a") as out:  # the child keeps its copy; a restart loop leaks no handle
        return subprocess.Popen(
            [
                sys.executable,
                *("-m", "streamlit", "run", str(config.ROOT / "app.py")),
                *("--server.port", str(port), "--server.address", "127.0.0.1"),
                *("--server.headless", "true"),
            ],
            cwd=config.ROOT,
            env={
                **os.environ,
                "MONEV_DB": str(db),
                "MONEV_DEMO": "1" if demo else "0",
                **(env or {}),
            },
            stdout=out,
            stderr=subprocess.STDOUT,
            process_group=0 if anak else None,
            preexec_fn=_mati_bersama_induk if anak else None,
        )


def siap(url: str) -> bool:
    """Does the server at `url` answer its health check?"""
    with (
        contextlib.suppress(OSError),
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r,
    ):
        return r.status == 200
    return False


def tunggu_siap(proc: subprocess.Popen, url: str, log: Path, timeout: float = 60) -> None:
    """Wait until the server answers; kill it and raise if it does not in time or exits."""
    deadline = time.time() + timeout
    while not siap(url):
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            proc.wait(timeout=10)
            pesan = f"server Streamlit tidak siap dalam {timeout:.0f} detik; lihat {log}"
            raise RuntimeError(pesan)
        time.sleep(0.3)


def berhenti(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Stop a child: SIGTERM, then SIGKILL if it has not exited in `timeout` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)


@contextlib.contextmanager
def running(
    db: Path | str,
    log: Path,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    demo: bool = False,
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Serve the app on `db` at a free port and yield (process, url) once it answers its
    health check; the process is stopped (or was killed by the caller) afterwards. The demo is
    off unless asked for (`demo`): the suites bring their own prepared store."""
    port = free_port()
    proc = mulai(db, log, port, env, demo)
    url = f"http://127.0.0.1:{port}"
    tunggu_siap(proc, url, log, timeout)
    try:
        yield proc, url
    finally:
        berhenti(proc)
