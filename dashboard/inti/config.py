"""Settings from the environment or `.streamlit/secrets.toml`, read without Streamlit.

The CLI and the server share them, so they must not depend on a running Streamlit session.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# What ships in the package (read through importlib.resources, so an installed wheel finds it as a
# checkout does): the app and its pages, the named queries and migrations, the SOP library, the
# icon and Streamlit's settings.
PAKET = Path(str(resources.files("dashboard")))
APP = PAKET / "app.py"
SKRIP = PAKET / "streamlit_app.py"
QUERIES_DIR = PAKET / "queries"
MIGRATIONS_DIR = QUERIES_DIR / "migrations"
SOP_DIR = PAKET / "sumber" / "sop"
IKON = PAKET / "sumber" / "ikon.png"
STREAMLIT_TOML = PAKET / "sumber" / "streamlit.toml"
# The agency's own files (data/, .streamlit/secrets.toml): the checkout in development (the
# folder with pyproject.toml), else the working folder the installed app is started from.
ROOT = PAKET.parent if (PAKET.parent / "pyproject.toml").is_file() else Path.cwd()
DATA_DIR = ROOT / "data"
SECRETS_FILE = ROOT / ".streamlit" / "secrets.toml"
DEFAULT_DB = DATA_DIR / "monev.duckdb"


class SetelanSalah(Exception):
    """A setting that cannot be used, said in Indonesian with the file (or the environment
    variable) and the key. Startup and every command stop on it: falling back to a default
    (another database, sessions that never end, no lockout) is worse than not starting. Not
    a ValueError, so that no reader's own fallback swallows it."""


@dataclass(frozen=True)
class Setelan:
    """One setting: its environment variable, its `[bagian] kunci` in secrets.toml, and what
    a value may be. `jenis`: "teks", "bilangan" (whole number from `minimum` to `maksimum`),
    "ya_tidak" (YA / TIDAK), "pilihan" (one of `pilihan`), "zona" (an IANA time zone); a
    `rahasia` value is never repeated in a message."""

    env: str
    bagian: str
    kunci: str
    jenis: str
    minimum: int = 0
    maksimum: int | None = None
    pilihan: tuple[str, ...] = ()
    panjang_min: int = 0
    rahasia: bool = False


# Every setting the product reads, in one place (README, Pengaturan, lists them for people).
SETELAN = (
    Setelan("MONEV_DB", "database", "path", "teks"),
    Setelan("MONEV_PG_KONEKSI", "database", "koneksi", "bilangan"),
    Setelan("MONEV_DEMO", "app", "demo", "ya_tidak"),
    Setelan("MONEV_HTTPS", "app", "https", "ya_tidak"),
    Setelan("MONEV_TZ", "app", "zona_waktu", "zona"),
    Setelan("MONEV_BUKTI_DIR", "app", "folder_bukti", "teks"),
    Setelan("MONEV_URL", "app", "url", "teks"),
    Setelan("MONEV_RUN_SERENTAK", "app", "run_serentak", "bilangan", minimum=1),
    Setelan("MONEV_SESI_IDLE_MENIT", "auth", "sesi_idle_menit", "bilangan", minimum=1),
    Setelan("MONEV_SESI_MAKS_JAM", "auth", "sesi_maks_jam", "bilangan", minimum=1),
    Setelan("MONEV_MAX_GAGAL_LOGIN", "auth", "max_gagal_login", "bilangan", minimum=1),
    Setelan("MONEV_LAMA_KUNCI_MENIT", "auth", "lama_kunci_menit", "bilangan", minimum=1),
    # No longer read (sessions live in the store since the sign-in gate), still in agencies'
    # files written from the older guide: a short one is the sign of a file written wrongly.
    Setelan("MONEV_COOKIE_KEY", "auth", "cookie_key", "teks", panjang_min=16, rahasia=True),
    Setelan("MONEV_NOTIFIKASI_MENIT", "notifikasi", "menit", "bilangan"),
    Setelan("MONEV_SMTP_HOST", "smtp", "host", "teks"),
    Setelan("MONEV_SMTP_PORT", "smtp", "port", "bilangan", minimum=1, maksimum=65535),
    Setelan("MONEV_SMTP_PENGIRIM", "smtp", "pengirim", "teks"),
    Setelan("MONEV_SMTP_TLS", "smtp", "tls", "pilihan", pilihan=("starttls", "ssl", "none")),
    Setelan("MONEV_SMTP_PENGGUNA", "smtp", "pengguna", "teks"),
    Setelan("MONEV_SMTP_SANDI", "smtp", "sandi", "teks", rahasia=True),
)
_SKEMA = {(s.bagian, s.kunci): s for s in SETELAN}
# Keys of `[auth]` that Streamlit's own st.login reads from the same file (its providers are
# sub-tables such as [auth.google]); the app does not use them but they are no typo.
_AUTH_STREAMLIT = frozenset(
    {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"}
    | {"client_kwargs", "expose_tokens"}
)
YA = frozenset({"1", "true", "ya", "yes"})
TIDAK = frozenset({"0", "false", "tidak", "no"})


@lru_cache(maxsize=1)
def secrets() -> dict[str, Any]:
    """The secrets file as a dict ({} when there is none); a file that is not valid TOML
    stops with SetelanSalah naming the file and the line (the file is never rewritten)."""
    try:
        teks = SECRETS_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SetelanSalah(
            f"Berkas pengaturan {SECRETS_FILE} tidak dapat dibaca ({exc}). Periksa izin "
            "berkasnya dan simpan sebagai teks UTF-8."
        ) from exc
    try:
        return tomllib.loads(teks)
    except tomllib.TOMLDecodeError as exc:
        letak = re.search(r"line (\d+), column (\d+)", str(exc))
        di = f" pada baris {letak[1]}, kolom {letak[2]}" if letak else ""
        raise SetelanSalah(
            f"Berkas pengaturan {SECRETS_FILE} bukan TOML yang sah{di} (pesan pembaca TOML: "
            f"{exc}). Perbaiki baris itu, misalnya kunci yang tertulis dua kali dalam satu "
            "bagian atau teks tanpa tanda kutip, lalu jalankan lagi; contoh lengkap ada di "
            ".streamlit/secrets.example.toml."
        ) from exc


def _periksa_nilai(s: Setelan, nilai: object, asal: str) -> str:
    """A value of setting `s` as text, or SetelanSalah naming `asal` (the file and key, or the
    environment variable) and what the value may be (a secret's value is never repeated)."""
    teks = _sebagai_teks(s, nilai)
    if teks is None or not _cocok(s, teks):
        raise SetelanSalah(f"{asal}: {_harus(s)}; yang tertulis: {_tertulis(s, nilai)}.")
    return teks


def _tertulis(s: Setelan, nilai: object) -> str:
    """A value as TOML writes it, or only its length for a secret."""
    if s.rahasia:
        return f"{len(str(nilai))} karakter"
    if isinstance(nilai, bool):
        return str(nilai).lower()
    return f'"{nilai}"' if isinstance(nilai, str) else str(nilai)


def _sebagai_teks(s: Setelan, nilai: object) -> str | None:
    """A TOML or environment value as text, None for a type the setting cannot take (a number
    where a path is due, true where a number is due)."""
    if isinstance(nilai, bool):
        return ("1" if nilai else "0") if s.jenis == "ya_tidak" else None
    if isinstance(nilai, int) and s.jenis in ("bilangan", "ya_tidak"):
        return str(nilai)
    return nilai.strip() if isinstance(nilai, str) else None


def _cocok(s: Setelan, teks: str) -> bool:
    """Can setting `s` take this text?"""
    if s.jenis == "bilangan":
        try:
            angka = int(teks)
        except ValueError:
            return False
        return angka >= s.minimum and (s.maksimum is None or angka <= s.maksimum)
    if s.jenis == "ya_tidak":
        return teks.lower() in YA | TIDAK
    if s.jenis == "pilihan":
        return teks.lower() in s.pilihan
    if s.jenis == "zona":
        try:
            ZoneInfo(teks)
        except (ZoneInfoNotFoundError, ValueError):
            return False
        return True
    return not teks or len(teks) >= s.panjang_min


def _harus(s: Setelan) -> str:
    """What a value of `s` must be, in words."""
    if s.jenis == "bilangan":
        batas = f"dari {s.minimum}" + (f" sampai {s.maksimum}" if s.maksimum else " ke atas")
        return f"harus bilangan bulat {batas}"
    if s.jenis == "ya_tidak":
        return 'harus salah satu dari "1", "0", "ya", "tidak", true, false'
    if s.jenis == "pilihan":
        return "harus salah satu dari " + ", ".join(f'"{p}"' for p in s.pilihan)
    if s.jenis == "zona":
        return 'harus nama zona waktu IANA, misalnya "Asia/Jakarta", "Asia/Makassar"'
    if s.panjang_min:
        return (
            f"harus teks acak minimal {s.panjang_min} karakter, misalnya hasil "
            '`python3 -c "import secrets; print(secrets.token_urlsafe(32))"`'
        )
    return 'harus teks dalam tanda kutip, misalnya "nilai"'


def _asal_berkas(bagian: str, kunci: str) -> str:
    return f"Berkas pengaturan {SECRETS_FILE}, [{bagian}] {kunci}"


def setting(env: str, section: str, key: str, default: str | None = None) -> str | None:
    """Environment variable first, then `[section] key` of secrets.toml, then the default; a
    value the setting cannot take stops with SetelanSalah (see `periksa`)."""
    s = _SKEMA.get((section, key))
    if os.environ.get(env):
        raw = os.environ[env]
        return _periksa_nilai(s, raw, f"Variabel lingkungan {env}") if s else raw
    bagian = secrets().get(section, {})
    value = bagian.get(key) if isinstance(bagian, dict) else None
    if value in (None, ""):
        return default
    return _periksa_nilai(s, value, _asal_berkas(section, key)) if s else str(value)


def bilangan(env: str, section: str, key: str, default: int) -> int:
    """A whole-number setting (checked against its bounds by `setting`)."""
    return int(setting(env, section, key, str(default)) or default)


def ya(env: str, section: str, key: str) -> bool:
    """A YA / TIDAK setting, TIDAK when not set."""
    return (setting(env, section, key, "0") or "0").lower() in YA


def periksa() -> None:
    """Check every setting before the app or a command starts: the secrets file is valid TOML,
    has only known sections and keys (a misspelt key would silently keep the default), and
    each value, there or in its environment variable, is one the setting can take. The first
    fault stops with SetelanSalah; the file is only read, never written."""
    isi = secrets()
    bagian_dikenal = sorted({s.bagian for s in SETELAN})
    for bagian, kunci_kunci in isi.items():
        if not isinstance(kunci_kunci, dict):
            raise SetelanSalah(
                f"Berkas pengaturan {SECRETS_FILE}: kunci {bagian!r} berada di luar bagian. "
                f"Tulis di bawah salah satu bagian {', '.join(f'[{b}]' for b in bagian_dikenal)}."
            )
        if bagian not in bagian_dikenal:
            raise SetelanSalah(
                f"Berkas pengaturan {SECRETS_FILE}: bagian [{bagian}] tidak dikenal. Bagian "
                f"yang dikenal: {', '.join(f'[{b}]' for b in bagian_dikenal)}."
            )
        dikenal = sorted(s.kunci for s in SETELAN if s.bagian == bagian)
        for kunci, nilai in kunci_kunci.items():
            if (bagian, kunci) in _SKEMA:
                if nilai not in (None, ""):
                    _periksa_nilai(_SKEMA[bagian, kunci], nilai, _asal_berkas(bagian, kunci))
            elif not (bagian == "auth" and (kunci in _AUTH_STREAMLIT or isinstance(nilai, dict))):
                raise SetelanSalah(
                    f"{_asal_berkas(bagian, kunci)}: kunci tidak dikenal (salah ketik?). "
                    f"Kunci yang dikenal di [{bagian}]: {', '.join(dikenal)}."
                )
    for s in SETELAN:
        if os.environ.get(s.env):
            _periksa_nilai(s, os.environ[s.env], f"Variabel lingkungan {s.env}")


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
    return ya("MONEV_DEMO", "app", "demo")


def zona_waktu() -> ZoneInfo:
    """The agency's time zone (MONEV_TZ / [app] zona_waktu, default Asia/Jakarta, WIB): office
    hours and SOP step times are local times, whatever zone the server runs in."""
    return ZoneInfo(setting("MONEV_TZ", "app", "zona_waktu", "Asia/Jakarta") or "Asia/Jakarta")


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


def https() -> bool:
    """Served over HTTPS (MONEV_HTTPS / [app] https, default off): the session cookie is then
    marked Secure, which a browser would drop on plain local HTTP."""
    return ya("MONEV_HTTPS", "app", "https")


def sesi_idle() -> dt.timedelta:
    """A session ends after this long without a request (MONEV_SESI_IDLE_MENIT, default 120)."""
    return dt.timedelta(minutes=bilangan("MONEV_SESI_IDLE_MENIT", "auth", "sesi_idle_menit", 120))


def sesi_maks() -> dt.timedelta:
    """A session ends this long after sign-in whatever happens (MONEV_SESI_MAKS_JAM, default 12)."""
    return dt.timedelta(hours=bilangan("MONEV_SESI_MAKS_JAM", "auth", "sesi_maks_jam", 12))


def lama_kunci() -> dt.timedelta:
    """How long an account stays locked after too many failed sign-ins (MONEV_LAMA_KUNCI_MENIT,
    default 15); an admin or `python -m dashboard buka-kunci` can unlock it earlier."""
    return dt.timedelta(minutes=bilangan("MONEV_LAMA_KUNCI_MENIT", "auth", "lama_kunci_menit", 15))
