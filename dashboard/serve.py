"""A real `streamlit run app.py` in a child process, for the browser, fault and load suites."""

from __future__ import annotations

import contextlib
import os
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


@contextlib.contextmanager
def running(
    db: Path,
    log: Path,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    demo: bool = False,
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Serve the app on `db` at a free port and yield (process, url) once it answers its
    health check; the process is stopped (or was killed by the caller) afterwards. The demo is
    off unless asked for (`demo`): the suites bring their own prepared store."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            *("-m", "streamlit", "run", str(config.ROOT / "app.py")),
            *("--server.port", str(port), "--server.address", "127.0.0.1"),
            *("--server.headless", "true"),
        ],
        cwd=config.ROOT,
        env={**os.environ, "MONEV_DB": str(db), "MONEV_DEMO": "1" if demo else "0", **(env or {})},
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while True:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r,
        ):
            if r.status == 200:
                break
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            pesan = f"server Streamlit tidak siap dalam {timeout:.0f} detik; lihat {log}"
            raise RuntimeError(pesan)
        time.sleep(0.3)
    try:
        yield proc, url
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
