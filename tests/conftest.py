"""Shared fixtures: real DuckDB files in temp folders, never a mock of the store."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from dashboard import config, demo, serve, store

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _private_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Tests never read or write the checkout's .streamlit/secrets.toml."""
    monkeypatch.setattr(config, "SECRETS_FILE", tmp_path / "secrets.toml")
    config.secrets.cache_clear()
    yield
    config.secrets.cache_clear()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """No test leaves a process running, passed or failed: after every fixture is torn down
    (trylast: after pytest's own teardown of the remaining fixtures), any living descendant of
    this pytest process is killed, listed, and fails the run. A process that is already
    stopping gets a few seconds first (a browser driver closing)."""
    if not Path("/proc/self/stat").exists():  # /proc only (Linux): elsewhere nothing checked
        return
    sisa = serve.turunan(os.getpid())
    batas = time.monotonic() + 5
    while sisa and time.monotonic() < batas:
        time.sleep(0.2)
        sisa = serve.turunan(os.getpid())
    if not sisa:
        return
    serve.hentikan(sisa)
    laporan = session.config.pluginmanager.get_plugin("terminalreporter")
    pesan = "\n".join(
        ["Proses anak masih berjalan setelah suite selesai (kini dihentikan):"]
        + [f"  pid {p.pid}: {p.perintah[:200]}" for p in sisa]
    )
    if laporan:
        laporan.write_line(pesan, red=True, bold=True)
    else:
        print(pesan)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def con(tmp_path: Path):
    """A migrated, empty store."""
    c = store.connect(tmp_path / "test.duckdb")
    store.migrate(c)
    yield c
    c.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the S demo data, built once per test session (tests copy it to write)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    c = store.connect(path)
    store.migrate(c)
    c.execute("SET enable_progress_bar = false")
    demo.generate(c, "S", today=TODAY)
    c.execute("CHECKPOINT")
    c.close()
    return path


@pytest.fixture
def demo_con(demo_db: Path, tmp_path: Path):
    """A private writable copy of the demo store."""
    copy = tmp_path / "demo_copy.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    c = store.connect(copy)
    yield c
    c.close()


SANDI = {
    "admin": "Pustaka#Induk26",
    "kadis": "Kepala#Dinas26",
    "sekretaris": "Tata#Usaha2026",
    "monev": "Evaluasi#Kinerja26",
}


def sandi_demo(username: str) -> str:
    return SANDI.get(username, "Bidang#Kerja26")


@pytest.fixture
def app_db(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the demo store wired into the app through the environment."""
    copy = tmp_path / "app.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    monkeypatch.setenv("MONEV_DB", str(copy))
    monkeypatch.setenv("MONEV_DEMO", "0")
    return copy


def new_app():
    from streamlit.testing.v1 import AppTest

    from dashboard import config

    return AppTest.from_file(str(config.ROOT / "streamlit_app.py"), default_timeout=60)


def sesi_baru(username: str, password: str | None = None) -> str | None:
    """Sign in through the same service the `/masuk` route calls; the session token, or None."""
    from dashboard.services import pengguna

    con = store.connect(config.db_path())  # the app's database instance in this process
    try:
        return pengguna.masuk(
            con, username, password or sandi_demo(username), "127.0.0.1", "AppTest"
        ).token
    finally:
        con.close()


def login(username: str, password: str | None = None):
    """An AppTest session signed in: a session made by the sign-in service, its token handed to
    the app the way the cookie is (AppTest cannot send cookies)."""
    from dashboard import auth

    at = new_app()
    token = sesi_baru(username, password)
    if token:
        at.session_state[auth.TOKEN_SESI] = token
    at.run()
    assert not at.exception, at.exception
    return at


def tombol(at, indeks: int = 0):
    """The page's n-th button, not counting "Keluar" (the page header's, above every title)."""
    return [b for b in at.button if b.key != "tombol_keluar"][indeks]
