"""Fault tests (marker `fault`, `make faulttest`): real processes killed with SIGKILL, a real
Streamlit server restarted on the same store, read-only and full data folders."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.inti import serve

from ..browser.conftest import browser, page  # noqa: F401 - Playwright fixtures reused


def pytest_collection_modifyitems(config, items):
    """Every test here is `fault`; they run only when asked for (`-m fault`, make faulttest),
    never in `make test` or a plain `pytest`."""
    diminta = "fault" in (config.getoption("markexpr") or "").replace("not fault", "")
    for item in items:
        if "tests/fault/" in str(item.fspath):
            item.add_marker(pytest.mark.fault)
            if not diminta:
                item.add_marker(pytest.mark.skip(reason="uji kegagalan: jalankan make faulttest"))


@contextlib.contextmanager
def server(db: Path, log: Path) -> Iterator[dict]:
    """A real `streamlit run app.py` on `db`; yields url and the process; stopped at the end."""
    with serve.running(db, log) as (proc, url):
        yield {"url": url, "proc": proc}


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
