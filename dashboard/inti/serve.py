"""`streamlit run` of the packaged app: in this process for `python -m dashboard jalankan`, and in
a child process for the browser, fault and load suites and the several-process launcher
(dashboard/inti/layani.py).

The server is stopped in every path: the block raising (a failed test), an interruption
(Ctrl-C) while it starts or runs, and the caller being killed outright. The child asks the
kernel for SIGTERM when its parent dies (Linux prctl PDEATHSIG: a suite killed by a CI timeout
runs no `finally`), and it gets its own process group, so stopping it signals the whole group.
tests/conftest.py fails a run that still has a child process at its end (`turunan`, `hentikan`).
"""

from __future__ import annotations

import contextlib
import ctypes
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard.inti import config


def perintah(port: int, alamat: str | None = None) -> list[str]:
    """The command line that serves the app: Streamlit's settings from the package's own
    `sumber/streamlit.toml` passed as flags, since Streamlit reads `.streamlit/config.toml` only
    from the working folder (a checkout links it there, an installed app has none)."""
    setelan = tomllib.loads(config.STREAMLIT_TOML.read_text("utf-8"))
    flag = [
        (f"--{bagian}.{kunci}", str(nilai).lower() if isinstance(nilai, bool) else str(nilai))
        for bagian, isi in setelan.items()
        for kunci, nilai in isi.items()
        if (bagian, kunci) not in {("server", "port"), ("server", "address")}
    ]
    return [
        sys.executable,
        *("-m", "streamlit", "run", str(config.APP)),
        *(x for pasangan in flag for x in pasangan),
        *("--server.port", str(port)),
        *(("--server.address", alamat) if alamat else ()),
    ]


def jalankan(port: int) -> None:
    """`python -m dashboard jalankan`: this process becomes the Streamlit server (exec)."""
    argv = perintah(port)
    os.execv(argv[0], argv)


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
) -> subprocess.Popen:
    """Start the app on 127.0.0.1:`port` over the store `db` (a DuckDB file or a URL), its
    output appended to `log`; in its own process group (a terminal's Ctrl+C reaches only the
    caller, which stops it), dying with the thread that started it (the kernel ties the
    parent-death signal to that thread: start it from one that lives as long as the server)."""
    with log.open("a") as out:  # the child keeps its copy; a restart loop leaks no handle
        return subprocess.Popen(
            perintah(port, "127.0.0.1"),
            cwd=config.ROOT,
            env={
                **os.environ,
                "MONEV_DB": str(db),
                "MONEV_DEMO": "1" if demo else "0",
                **(env or {}),
            },
            stdout=out,
            stderr=subprocess.STDOUT,
            process_group=0,
            preexec_fn=_mati_bersama_induk,
        )


def siap(url: str) -> bool:
    """Does the server at `url` answer its health check?"""
    with (
        contextlib.suppress(OSError, http.client.HTTPException),
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r,
    ):
        return r.status == 200
    return False


def tunggu_siap(proc: subprocess.Popen, url: str, log: Path, timeout: float = 60) -> None:
    """Wait until the server answers; kill it and raise if it does not in time or exits."""
    deadline = time.time() + timeout
    while not siap(url):
        if time.time() > deadline or proc.poll() is not None:
            berhenti(proc)
            pesan = f"server Streamlit tidak siap dalam {timeout:.0f} detik; lihat {log}"
            raise RuntimeError(pesan)
        time.sleep(0.3)


def _sinyal(proc: subprocess.Popen, sinyal: int) -> None:
    """To the child's whole process group when it leads one (a server started here), else to
    the child alone (e.g. nginx)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if os.getpgid(proc.pid) == proc.pid:
            os.killpg(proc.pid, sinyal)
        else:
            proc.send_signal(sinyal)


def berhenti(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Stop a child (SIGTERM, then SIGKILL after `timeout` seconds) and reap it; nothing of it
    is left running or as a zombie."""
    if proc.poll() is None:
        _sinyal(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _sinyal(proc, signal.SIGKILL)
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
    health check; the process is stopped afterwards whatever happened (or was killed by the
    caller). The demo is off unless asked for (`demo`): the suites bring their own prepared
    store. Start it from the thread that lives as long as the server (the kernel's parent-death
    signal follows the starting thread)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc: subprocess.Popen | None = None
    try:
        proc = mulai(db, log, port, env, demo)
        tunggu_siap(proc, url, log, timeout)
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
