"""Settings from the environment or `.streamlit/secrets.toml`, read without Streamlit.

The CLI and the server share them, so they must not depend on a running Streamlit session.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
MIGRATIONS_DIR = QUERIES_DIR / "migrations"
DATA_DIR = ROOT / "data"
SOP_DIR = DATA_DIR / "sop"
SECRETS_FILE = ROOT / ".streamlit" / "secrets.toml"
DEFAULT_DB = DATA_DIR / "monev.duckdb"


@lru_cache(maxsize=1)
def secrets() -> dict:
    """The secrets file as a dict ({} when absent or unreadable)."""
    try:
        return tomllib.loads(SECRETS_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def setting(env: str, section: str, key: str, default: str | None = None) -> str | None:
    """Environment variable first, then `[section] key` of secrets.toml, then the default."""
    if os.environ.get(env):
        return os.environ[env]
    value = secrets().get(section, {}).get(key)
    return str(value) if value not in (None, "") else default


def adalah_url(nilai: object) -> bool:
    """A PostgreSQL URL rather than a DuckDB file path."""
    return str(nilai).startswith(("postgresql://", "postgres://"))


def db_url() -> str:
    """The store to open: MONEV_DB, else secrets `[database] path`, else data/monev.duckdb; a
    `postgresql://` URL as it is (the shared-database backend), a file as its absolute path."""
    raw = setting("MONEV_DB", "database", "path")
    if raw and adalah_url(raw):
        return raw
    return str(db_path())


def db_path() -> Path:
    """The DuckDB file: MONEV_DB, else secrets `[database] path`, else data/monev.duckdb. With a
    PostgreSQL URL there is no file: commands that need one say so."""
    raw = setting("MONEV_DB", "database", "path")
    if raw and adalah_url(raw):
        raise ValueError(
            "MONEV_DB berisi alamat PostgreSQL, bukan berkas DuckDB; perintah ini memerlukan "
            "berkas DuckDB (beri --db BERKAS)."
        )
    path = Path(raw) if raw else DEFAULT_DB
    return path if path.is_absolute() else ROOT / path


def demo_mode() -> bool:
    """Demo mode loads the demo data and its public accounts into an empty store. Off unless
    asked for (MONEV_DEMO=1 or `[app] demo = "1"`): a production first start must never open
    with passwords printed in the README and the guide."""
    nilai = setting("MONEV_DEMO", "app", "demo", "0") or "0"
    return nilai.strip().lower() in {"1", "true", "ya", "yes"}


def zona_waktu() -> ZoneInfo:
    """The agency's time zone (MONEV_TZ / [app] zona_waktu, default Asia/Jakarta, WIB): office
    hours and SOP step times are local times, whatever zone the server runs in."""
    nama = setting("MONEV_TZ", "app", "zona_waktu", "Asia/Jakarta") or "Asia/Jakarta"
    try:
        return ZoneInfo(nama)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Asia/Jakarta")


# A moment set by `jam_demo` (the demo generator's history), for this thread / context only.
_JAM_DEMO: ContextVar[dt.datetime | None] = ContextVar("jam_demo", default=None)


def sekarang() -> dt.datetime:
    """Now, as a naive local time in the agency's zone (how every timestamp is stored). The one
    clock of the product: nothing calls date.today() or datetime.now(), so a test can freeze
    time by replacing this function."""
    tetap = _JAM_DEMO.get()
    if tetap is not None:
        return tetap
    return dt.datetime.now(zona_waktu()).replace(tzinfo=None)


@contextmanager
def jam_demo(pada: dt.datetime) -> Iterator[None]:
    """The clock reads `pada` inside the block, in this context only (other threads and
    sessions keep the real time): the demo generator performs past steps through the real
    services, which date their rows and events by this clock (docs/DOMAIN.md §8.5)."""
    token = _JAM_DEMO.set(pada)
    try:
        yield
    finally:
        _JAM_DEMO.reset(token)


def hari_ini() -> dt.date:
    """The agency's date: the default of every date picker and the day overdue counts run to.
    Between 00.00 and 07.00 WIB a UTC server's date.today() is still yesterday."""
    return sekarang().date()


def waktu_lokal(w: dt.datetime) -> dt.datetime:
    """A stored or computed time as naive agency-local time: naive values already are (every
    TIMESTAMP column holds local time), aware ones are converted to the agency's zone."""
    if w.tzinfo is None:
        return w
    return w.astimezone(zona_waktu()).replace(tzinfo=None)


def _bilangan(env: str, section: str, key: str, default: int, minimum: int = 1) -> int:
    raw = setting(env, section, key, str(default))
    try:
        return max(minimum, int(raw or default))
    except ValueError:
        return default


def https() -> bool:
    """Served over HTTPS (MONEV_HTTPS / [app] https, default off): the session cookie is then
    marked Secure, which a browser would drop on plain local HTTP."""
    return (setting("MONEV_HTTPS", "app", "https", "0") or "0").lower() in {
        "1",
        "true",
        "ya",
        "yes",
    }


def sesi_idle() -> dt.timedelta:
    """A session ends after this long without a request (MONEV_SESI_IDLE_MENIT, default 120)."""
    return dt.timedelta(minutes=_bilangan("MONEV_SESI_IDLE_MENIT", "auth", "sesi_idle_menit", 120))


def sesi_maks() -> dt.timedelta:
    """A session ends this long after sign-in whatever happens (MONEV_SESI_MAKS_JAM, default 12)."""
    return dt.timedelta(hours=_bilangan("MONEV_SESI_MAKS_JAM", "auth", "sesi_maks_jam", 12))


def lama_kunci() -> dt.timedelta:
    """How long an account stays locked after too many failed sign-ins (MONEV_LAMA_KUNCI_MENIT,
    default 15); an admin or `python -m dashboard buka-kunci` can unlock it earlier."""
    return dt.timedelta(minutes=_bilangan("MONEV_LAMA_KUNCI_MENIT", "auth", "lama_kunci_menit", 15))
