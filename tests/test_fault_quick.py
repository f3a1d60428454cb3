"""The quick fault check kept in `make test` (the long ones are in tests/fault): a data folder
that cannot be written gives a clear Indonesian message on the page, not a traceback, and the
next request tries again."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import new_app


@pytest.fixture
def folder_hanya_baca(demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(demo_db, folder / "monev.duckdb")
    if os.geteuid() == 0:  # root ignores file modes: a read-only tmpfs instead
        if subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)]).returncode:
            pytest.skip("tmpfs tidak dapat dipasang")
        shutil.copy(demo_db, folder / "monev.duckdb")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        (folder / "monev.duckdb").chmod(0o444)
        folder.chmod(0o555)
    monkeypatch.setenv("MONEV_DB", str(folder / "monev.duckdb"))
    monkeypatch.setenv("MONEV_DEMO", "0")
    yield folder
    if os.geteuid() == 0:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o755)


def test_read_only_data_folder_gives_a_clear_message(folder_hanya_baca):
    for _ in range(2):  # not cached: every request answers the same, nothing crashes
        at = new_app()
        at.run()
        assert not at.exception
        assert "tidak dapat dibuka untuk ditulis" in at.error[0].value
        assert not at.text_input  # no login form on a store that cannot be opened
