"""A real `streamlit run app.py` in a child process, for the browser, fault and load suites.

The server is stopped in every path: the block raising (a failed test), an interruption
(Ctrl-C) while it starts or runs, and the caller being killed outright. On Linux the server runs
under `setpriv --pdeathsig TERM`, so the kernel stops it when the thread that started it dies
(a suite killed by a CI timeout ran no `finally`); it gets its own process group, and stopping
it signals the whole group. tests/conftest.py fails a run that still has a child process at
its end (`turunan`, `hentikan`).
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard import config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _perintah(port: int) -> list[str]:
    """`streamlit run app.py` on a port; under setpriv --pdeathsig where it exists (Linux)."""
    streamlit = [
        sys.executable,
        *("-m", "streamlit", "run", str(config.ROOT / "app.py")),
        *("--server.port", str(port), "--server.address", "127.0.0.1"),
        *("--server.headless", "true"),
    ]
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--", *streamlit] if setpriv else streamlit


def _sinyal_grup(proc: subprocess.Popen, sinyal: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sinyal)


def berhenti(proc: subprocess.Popen, tunggu: float = 10) -> None:
    """Stop the server's process group (SIGTERM, then SIGKILL after `tunggu` seconds) and reap
    it; nothing of it is left running or as a zombie."""
    if proc.poll() is None:
        _sinyal_grup(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=tunggu)
        except subprocess.TimeoutExpired:
            _sinyal_grup(proc, signal.SIGKILL)
            proc.wait(timeout=tunggu)


def _tunggu_siap(proc: subprocess.Popen, url: str, timeout: float, log: Path) -> None:
    """Until the health check answers 200; a clear error when the server exits or is late."""
    deadline = time.time() + timeout
    while True:
        with (
            contextlib.suppress(OSError, http.client.HTTPException),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r,
        ):
            if r.status == 200:
                return
        if time.time() > deadline or proc.poll() is not None:
            raise RuntimeError(
                f"server Streamlit tidak siap dalam {timeout:.0f} detik; lihat {log}"
            )
        time.sleep(0.3)


@contextlib.contextmanager
def running(
    db: Path,
    log: Path,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    demo: bool = False,
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Serve the app on `db` at a free port and yield (process, url) once it answers its
    health check; the process is stopped afterwards whatever happened (or was killed by the
    caller). The demo is off unless asked for (`demo`): the suites bring their own prepared
    store. Start it from the thread that lives as long as the server (the kernel's parent-death
    signal follows the starting thread)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc: subprocess.Popen | None = None
    try:
        with log.open("a") as keluaran:  # the child keeps its own copy of the descriptor
            proc = subprocess.Popen(
                _perintah(port),
                cwd=config.ROOT,
                env={
                    **os.environ,
                    "MONEV_DB": str(db),
                    "MONEV_DEMO": "1" if demo else "0",
                    **(env or {}),
                },
                stdout=keluaran,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: Ctrl-C reaches the suite, which stops it
            )
        _tunggu_siap(proc, url, timeout, log)
        yield proc, url
    finally:
        if proc is not None:
            berhenti(proc)


@dataclass(frozen=True)
class Proses:
    pid: int
    status: str  # R, S, D, Z (zombie: dead, not reaped yet), ...
    perintah: str


def _baca_proses(pid: int) -> tuple[int, Proses] | None:
    """(parent pid, process) from /proc, or None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    # the command name is in parentheses and may hold spaces: the fields follow the last ")"
    sisa = stat[stat.rindex(")") + 2 :].split()
    perintah = cmdline.replace(b"\0", b" ").decode(errors="replace").strip()
    return int(sisa[1]), Proses(
        pid, sisa[0], perintah or stat[stat.index("(") : stat.rindex(")") + 1]
    )


def turunan(pid: int | None = None) -> list[Proses]:
    """Every living descendant of a process (this one by default), from /proc (Linux); zombies,
    which are dead, are left out."""
    induk_dari: dict[int, tuple[int, Proses]] = {}
    for nama in os.listdir("/proc"):
        if nama.isdigit() and (baca := _baca_proses(int(nama))):
            induk_dari[int(nama)] = baca
    akar, hasil, cari = pid or os.getpid(), [], [pid or os.getpid()]
    while cari:
        atas = cari.pop()
        for anak, (induk, proses) in induk_dari.items():
            if induk == atas and anak != akar:
                cari.append(anak)
                if proses.status != "Z":
                    hasil.append(proses)
    return sorted(hasil, key=lambda p: p.pid)


def hentikan(proses: list[Proses]) -> None:
    """SIGKILL each of them (already gone is fine)."""
    for p in proses:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(p.pid, signal.SIGKILL)
