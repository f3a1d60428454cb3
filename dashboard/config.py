"""Settings from the environment or `.streamlit/secrets.toml`, read without Streamlit.

The CLI and the server share them, so they must not depend on a running Streamlit session.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
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


def db_path() -> Path:
    """The DuckDB file: MONEV_DB, else secrets `[database] path`, else data/monev.duckdb."""
    raw = setting("MONEV_DB", "database", "path")
    path = Path(raw) if raw else DEFAULT_DB
    return path if path.is_absolute() else ROOT / path


def demo_mode() -> bool:
    """Demo mode loads the demo data and its public accounts into an empty store. Off unless
    asked for (MONEV_DEMO=1 or `[app] demo = "1"`): a production first start must never open
    with passwords printed in the README."""
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


def sekarang() -> dt.datetime:
    """Now, as a naive local time in the agency's zone (how every timestamp is stored)."""
    return dt.datetime.now(zona_waktu()).replace(tzinfo=None)


def cookie_key() -> str | None:
    """The key that signs the login cookie: MONEV_COOKIE_KEY or secrets `[auth] cookie_key`."""
    key = setting("MONEV_COOKIE_KEY", "auth", "cookie_key")
    return key if key and len(key) >= 16 else None


def ensure_demo_cookie_key(demo: bool | None = None) -> bool:
    """In demo mode (`demo`, else the setting), write a random cookie key into secrets.toml if
    none is set; True if written.

    Outside demo mode nothing is generated: the app refuses to start without a configured key.
    """
    if cookie_key() or not (demo_mode() if demo is None else demo):
        return False
    import secrets as pysecrets

    key = pysecrets.token_urlsafe(32)
    SECRETS_FILE.parent.mkdir(parents=True, exist_ok=True)
    existing = SECRETS_FILE.read_text(encoding="utf-8") if SECRETS_FILE.exists() else ""
    if "[auth]" in existing:
        existing = existing.replace("[auth]", f'[auth]\ncookie_key = "{key}"', 1)
    else:
        existing = (
            existing.rstrip()
            + ("\n\n" if existing.strip() else "")
            + f'[auth]\ncookie_key = "{key}"\n'
        )
    SECRETS_FILE.write_text(existing, encoding="utf-8")
    SECRETS_FILE.chmod(0o600)
    secrets.cache_clear()
    return True
