"""Configuration fails loudly (issue 19, item 7): a secrets file or environment variable the
product cannot use stops startup and every command with an Indonesian message naming the file
(or variable) and the key; nothing falls back to a default in silence and the file is never
rewritten. (tests/conftest.py points config.SECRETS_FILE at a file of each test's own.)"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.cli import main
from dashboard.inti import config, surel
from dashboard.notifikasi import penjadwal

# the file: a short cookie_key, and a second one the old writer put under [auth]
DUA_KUNCI = """[database]
path = "data/lain.duckdb"

[auth]
cookie_key = "x"
cookie_key = "pendek"
"""


def _tulis(isi: str) -> None:
    config.SECRETS_FILE.write_text(isi, encoding="utf-8")
    config.secrets.cache_clear()


def _galat() -> str:
    with pytest.raises(config.SetelanSalah) as exc:
        config.periksa()
    return str(exc.value)


def test_the_example_file_is_valid():
    _tulis((config.ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8"))
    config.periksa()
    assert config.db_path() == config.ROOT / "data" / "monev.duckdb"


def test_invalid_toml_stops_naming_the_file_and_line():
    """The file the old cookie-key writer left (a key twice in [auth]): no longer every
    setting silently at its default (here the database path)."""
    _tulis(DUA_KUNCI)
    pesan = _galat()
    assert str(config.SECRETS_FILE) in pesan and "bukan TOML yang sah pada baris 6" in pesan
    with pytest.raises(config.SetelanSalah):
        config.db_url()  # a reader stops too, without periksa() first


@pytest.mark.parametrize(
    ("isi", "kunci", "potongan"),
    [
        ('[auth]\nsesi_idle_menit = "dua jam"\n', "[auth] sesi_idle_menit", "bilangan bulat"),
        ("[auth]\nmax_gagal_login = true\n", "[auth] max_gagal_login", "yang tertulis: true"),
        ("[database]\npath = 5\n", "[database] path", "tanda kutip"),
        ("[auth]\nlama_kunci_menit = 0\n", "[auth] lama_kunci_menit", "dari 1 ke atas"),
        ('[app]\ndemo = "mungkin"\n', "[app] demo", '"ya", "tidak"'),
        ('[app]\nhttps = "aktif"\n', "[app] https", 'yang tertulis: "aktif"'),
        ('[app]\nzona_waktu = "WITA"\n', "[app] zona_waktu", "Asia/Makassar"),
        ('[smtp]\ntls = "tls"\n', "[smtp] tls", '"starttls", "ssl", "none"'),
        ("[smtp]\nport = 70000\n", "[smtp] port", "dari 1 sampai 65535"),
        ("[auth]\nsesi_idel_menit = 30\n", "[auth] sesi_idel_menit", "sesi_idle_menit"),
        ("[basisdata]\npath = 'x'\n", "[basisdata]", "[database]"),
        ('demo = "1"\n', "'demo'", "di luar bagian"),
    ],
)
def test_a_value_the_setting_cannot_take_names_file_and_key(isi, kunci, potongan):
    _tulis(isi)
    pesan = _galat()
    assert str(config.SECRETS_FILE) in pesan and kunci in pesan and potongan in pesan, pesan


def test_a_short_cookie_key_stops_without_repeating_it():
    _tulis('[auth]\ncookie_key = "rahasia-pendek"\n')
    pesan = _galat()
    assert "[auth] cookie_key" in pesan and "minimal 16 karakter" in pesan
    assert "rahasia-pendek" not in pesan and "14 karakter" in pesan
    _tulis(f'[auth]\ncookie_key = "{"k" * 32}"\n')
    config.periksa()


def test_streamlit_login_keys_in_auth_are_no_typo():
    _tulis('[auth]\nredirect_uri = "http://x/oauth2callback"\n[auth.google]\nclient_id = "a"\n')
    config.periksa()


@pytest.mark.parametrize(
    ("env", "nilai", "baca"),
    [
        ("MONEV_SESI_IDLE_MENIT", "abc", config.sesi_idle),
        ("MONEV_LAMA_KUNCI_MENIT", "-5", config.lama_kunci),
        ("MONEV_MAX_GAGAL_LOGIN", "sepuluh", pengguna.batas_gagal_login),
        ("MONEV_NOTIFIKASI_MENIT", "1,5", penjadwal.menit),
        ("MONEV_SMTP_PORT", "smtp", surel.setelan),
        ("MONEV_TZ", "Asia/Bandung", config.zona_waktu),
        ("MONEV_DEMO", "mungkin", config.demo_mode),
    ],
)
def test_a_bad_environment_variable_is_named(monkeypatch, env, nilai, baca):
    """Each reader stops instead of its old silent default, and periksa() names it too."""
    monkeypatch.setenv(env, nilai)
    with pytest.raises(config.SetelanSalah, match=f"Variabel lingkungan {env}"):
        baca()
    assert f"Variabel lingkungan {env}" in _galat()


def test_good_values_are_read(monkeypatch):
    for s in config.SETELAN:  # only the file speaks here (a tool run before may have set some)
        monkeypatch.delenv(s.env, raising=False)
    _tulis(
        '[auth]\nsesi_idle_menit = "45"\nmax_gagal_login = 4\n[app]\ndemo = true\n'
        'https = "ya"\nzona_waktu = "Asia/Makassar"\n[smtp]\ntls = "SSL"\n'
    )
    config.periksa()
    assert config.sesi_idle().total_seconds() == 45 * 60
    assert pengguna.batas_gagal_login() == 4
    assert config.demo_mode() and config.https() and config.zona_waktu().key == "Asia/Makassar"
    assert surel.setelan().tls == "ssl" and surel.setelan().port == 465
    monkeypatch.setenv("MONEV_SESI_IDLE_MENIT", "30")  # the environment wins
    assert config.sesi_idle().total_seconds() == 30 * 60


def test_the_cli_stops_and_leaves_the_file_as_it_was(tmp_path, monkeypatch, capsys):
    """`init --demo` on the issue's file: an Indonesian message naming the file, exit 1, no
    store created, and the file byte for byte as the agency wrote it."""
    db = tmp_path / "monev.duckdb"
    monkeypatch.setenv("MONEV_DB", str(db))
    for isi in (DUA_KUNCI, '[auth]\ncookie_key = "pendek"\n'):
        _tulis(isi)
        sebelum = config.SECRETS_FILE.stat().st_mtime_ns
        assert main(["init", "--demo"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("Galat: Berkas pengaturan") and str(config.SECRETS_FILE) in err
        assert "Traceback" not in err
        assert config.SECRETS_FILE.read_text(encoding="utf-8") == isi
        assert config.SECRETS_FILE.stat().st_mtime_ns == sebelum
        assert not db.exists()


def test_the_server_entry_stops_before_serving(tmp_path):
    """app.py (what `streamlit run` loads) exits 2 with the message on a bad setting; run
    here with its secrets file pointed at the test's own, as conftest does in-process."""
    berkas = tmp_path / "secrets.toml"
    berkas.write_text('[app]\ndemo = "mungkin"\n', encoding="utf-8")
    kode = (
        "import runpy, sys\nfrom pathlib import Path\nfrom dashboard.inti import config\n"
        "config.SECRETS_FILE = Path(sys.argv[1])\n"
        f"runpy.run_path({str(config.APP)!r}, run_name='__main__')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONEV_")}
    hasil = subprocess.run(
        [sys.executable, "-c", kode, str(berkas)],
        cwd=config.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 2, hasil.stderr
    assert hasil.stderr.startswith(f"Galat pengaturan: Berkas pengaturan {berkas}, [app] demo")
