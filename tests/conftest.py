"""Shared fixtures: real DuckDB files in temp folders, never a mock of the store; and, for the
modules marked `dua_backend`, the same tests against a real PostgreSQL 15 (a throwaway cluster
for the session, a fresh database per test made from a migrated or demo-loaded template)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from dashboard.alat import demo
from dashboard.inti import config, pg_lokal, serve, store

# No deadline on a property test's examples: a wall-clock limit per example is a timed
# assertion, and on a busy 2-core machine an example of the capaian engine took over 200 ms.
settings.register_profile("monev", deadline=None)
settings.load_profile("monev")

# The servers' own notification timer (notifikasi/penjadwal.py) stays off in every test and every
# server a test starts (they inherit the environment): a reminder written a minute into a test
# would change what the test counts. tests/test_penjadwal.py runs it on purpose.
os.environ["MONEV_NOTIFIKASI_MENIT"] = "0"

TODAY = dt.date(2026, 11, 21)
BACKENDS = ("duckdb", "postgres")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module marked `pytest.mark.dua_backend` runs every test that takes a store (`con`,
    `demo_con`, `backend`) once per backend: ids end in [duckdb] / [postgres]; a test marked
    `duckdb_saja` there (a DuckDB file mechanism, e.g. EXPORT DATABASE) runs on DuckDB only."""
    tanda = metafunc.definition.get_closest_marker
    if "backend" in metafunc.fixturenames and tanda("dua_backend"):
        metafunc.parametrize(
            "backend", BACKENDS[:1] if tanda("duckdb_saja") else BACKENDS, indirect=True
        )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The store backend of this test: "duckdb", or "postgres" in a dua_backend module."""
    return getattr(request, "param", "duckdb")


class PgUji:
    """The session's PostgreSQL cluster: template databases and a fresh database per test."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._nomor = itertools.count(1)

    def url_db(self, nama: str) -> str:
        return self.url.rsplit("/", 1)[0] + f"/{nama}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as c:
            c.execute(sql)

    def buat(self, template: str | None = None) -> str:
        """A new database (a copy of `template` when given); its URL."""
        nama = f"uji_{next(self._nomor)}"
        self._admin(f"CREATE DATABASE {nama}" + (f" TEMPLATE {template}" if template else ""))
        return self.url_db(nama)

    def hapus(self, url: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def template(self, nama: str, isi) -> str:
        """A template database filled once by `isi(con)`; tests copy it."""
        self._admin(f"CREATE DATABASE {nama}")
        c = store.connect(self.url_db(nama))
        try:
            isi(c)
        finally:
            c.close()
        return nama


@pytest.fixture(scope="session")
def pg_uji() -> Iterator[PgUji]:
    """A throwaway PostgreSQL cluster for the session (stopped afterwards, passed or failed).
    Skips only where PostgreSQL is not installed (`make test` installs it). Its folder is not
    under pytest's temp root: every pytest run resets that root to mode 700, which would lock
    the `postgres` user out of a running cluster of a concurrent session."""
    if not pg_lokal.tersedia():
        pytest.skip("PostgreSQL tidak terpasang (make server-deps)")
    folder = Path(tempfile.mkdtemp(prefix="monev-pg-uji-"))
    try:
        with pg_lokal.klaster(folder) as url:
            yield PgUji(url)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_template_kosong(pg_uji: PgUji) -> str:
    return pg_uji.template("tpl_kosong", store.migrate)


@pytest.fixture(scope="session")
def pg_template_demo(pg_uji: PgUji, demo_db: Path) -> str:
    from dashboard.inti import pindah

    def isi(c) -> None:
        sumber = store.connect(demo_db, read_only=True)
        try:
            pindah.salin(sumber, c)
        finally:
            sumber.close()

    return pg_uji.template("tpl_demo", isi)


def _pg_con(pg_uji: PgUji, template: str) -> Iterator:
    url = pg_uji.buat(template)
    c = store.connect(url)
    try:
        yield c
    finally:
        c.close()
        pg_uji.hapus(url)


@pytest.fixture(autouse=True)
def _private_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Tests never read or write the checkout's .streamlit/secrets.toml."""
    monkeypatch.setattr(config, "SECRETS_FILE", tmp_path / "secrets.toml")
    config.secrets.cache_clear()
    yield
    config.secrets.cache_clear()


@pytest.fixture(autouse=True)
def _hapus_salinan_store(tmp_path: Path) -> Iterator[None]:
    """A test's store copies go as it ends (torn down after every fixture it used): pytest keeps
    every tmp_path to the end of the run, and hundreds of demo-store copies of 34 MB each filled
    a CI machine's disk mid-run. The folder stays, so no later test gets the same path (a
    process caches its connection by path)."""
    yield
    for berkas in [*tmp_path.rglob("*.duckdb"), *tmp_path.rglob("*.duckdb.wal")]:
        berkas.unlink(missing_ok=True)


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
def con(backend: str, tmp_path: Path, request: pytest.FixtureRequest):
    """A migrated, empty store."""
    if backend == "postgres":
        yield from _pg_con(
            request.getfixturevalue("pg_uji"), request.getfixturevalue("pg_template_kosong")
        )
        return
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
    store.siapkan_batch(c)
    demo.generate(c, "S", today=TODAY)
    store.checkpoint(c)
    c.close()
    return path


@pytest.fixture
def demo_con(backend: str, demo_db: Path, tmp_path: Path, request: pytest.FixtureRequest):
    """A private writable copy of the demo store."""
    if backend == "postgres":
        yield from _pg_con(
            request.getfixturevalue("pg_uji"), request.getfixturevalue("pg_template_demo")
        )
        return
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

    from dashboard.inti import config

    return AppTest.from_file(str(config.SKRIP), default_timeout=60)


def sesi_baru(username: str, password: str | None = None) -> str | None:
    """Sign in through the same service the `/masuk` route calls; the session token, or None."""
    from dashboard.akun import layanan_pengguna as pengguna

    con = store.connect(config.db_url())  # the app's database instance in this process
    try:
        return pengguna.masuk(
            con, username, password or sandi_demo(username), "127.0.0.1", "AppTest"
        ).token
    finally:
        con.close()


def login(username: str, password: str | None = None):
    """An AppTest session signed in: a session made by the sign-in service, its token handed to
    the app the way the cookie is (AppTest cannot send cookies)."""
    from dashboard.akun import auth

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
