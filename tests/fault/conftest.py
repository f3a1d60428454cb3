"""Fault tests (marker `fault`, `make faulttest`): real processes killed with SIGKILL, a real
Streamlit server restarted on the same store, read-only and full data folders."""

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

import pytest

from dashboard import config

from ..browser.conftest import browser, page  # noqa: F401 - Playwright fixtures reused
from ..conftest import COOKIE_KEY


def pytest_collection_modifyitems(config, items):
    """Every test here is `fault`; they run only when asked for (`-m fault`, make faulttest),
    never in `make test` or a plain `pytest`."""
    diminta = "fault" in (config.getoption("markexpr") or "").replace("not fault", "")
    for item in items:
        if "tests/fault/" in str(item.fspath):
            item.add_marker(pytest.mark.fault)
            if not diminta:
                item.add_marker(pytest.mark.skip(reason="uji kegagalan: jalankan make faulttest"))


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(db: Path, log: Path) -> Iterator[dict]:
    """A real `streamlit run app.py` on `db`; yields url and the process; killed at the end."""
    port = _port()
    env = {
        **os.environ,
        "MONEV_DB": str(db),
        "MONEV_DEMO": "0",
        "MONEV_COOKIE_KEY": COOKIE_KEY,
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(config.ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=config.ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2),
        ):
            break
        time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("server Streamlit tidak siap dalam 60 detik")
    try:
        yield {"url": url, "proc": proc}
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str, read_only: bool = False) -> Iterator[Path]:
    """A tiny file system of its own (root only): a real full disk / read-only folder."""
    if os.geteuid() != 0:
        pytest.skip("butuh root untuk memasang tmpfs (disk penuh / folder hanya-baca)")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
