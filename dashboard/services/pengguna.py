"""Users, roles, login bookkeeping and passwords. No Streamlit here.

Passwords are stored as bcrypt hashes only. A failed login increments a counter in the store; at
the configured limit the account locks until an admin unlocks it. Every login, failure, lockout
and password change is an event.
"""

from __future__ import annotations

import datetime as dt
import secrets
import string

import bcrypt
import duckdb
import pandas as pd
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from dashboard import config, store
from dashboard.akses import PERAN, Akses, AksesDitolak
from dashboard.batas import PANJANG_NAMA
from dashboard.services import lokasi
from dashboard.validasi import pesan_validasi

BCRYPT_ROUNDS = 12
PANJANG_MIN_SANDI = 8
PESAN_LOGIN_GAGAL = "Nama pengguna atau kata sandi salah, atau akun sedang terkunci/nonaktif."


def batas_gagal_login() -> int:
    """Failed attempts before an account locks (MONEV_MAX_GAGAL_LOGIN / [auth] max_gagal_login)."""
    raw = config.setting("MONEV_MAX_GAGAL_LOGIN", "auth", "max_gagal_login", "5")
    try:
        return max(1, int(raw or 5))
    except ValueError:
        return 5


def hash_sandi(sandi: str, rounds: int = BCRYPT_ROUNDS) -> str:
    return bcrypt.hashpw(sandi.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def cocok_sandi(sandi: str, hashed: str) -> bool:
    try:
        return bcrypt.checkpw(sandi.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        return False


def cek_kekuatan_sandi(sandi: str) -> None:
    """At least 8 characters with a letter and a digit; raise ValueError in Indonesian."""
    if len(sandi) < PANJANG_MIN_SANDI:
        raise ValueError(f"Kata sandi minimal {PANJANG_MIN_SANDI} karakter.")
    if not any(c.isalpha() for c in sandi) or not any(c.isdigit() for c in sandi):
        raise ValueError("Kata sandi harus memuat huruf dan angka.")


def sandi_acak(panjang: int = 12) -> str:
    """A temporary password for a reset: letters and digits, always both."""
    abjad = string.ascii_letters + string.digits
    while True:
        s = "".join(secrets.choice(abjad) for _ in range(panjang))
        if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
            return s


# ---------------------------------------------------------------- login


def ada_administrator(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether any active account holds the admin role. Without one nobody can set the store
    up, so the app shows how to create the first administrator instead of the login form."""
    row = cur.execute(store.sql("pengguna_admin_aktif")).fetchone()
    return bool(row and row[0])


# A hash of a random secret nobody knows: a locked or inactive account keeps its entry (so its
# failed attempts are still counted) but no password can match it.
_HASH_TERBLOKIR = bcrypt.hashpw(secrets.token_bytes(24), bcrypt.gensalt(BCRYPT_ROUNDS)).decode()


def credentials(cur: duckdb.DuckDBPyConnection) -> dict:
    """Credentials for streamlit-authenticator. A locked or deactivated account fails exactly
    like a wrong password, so the message never reveals whether a user exists."""
    users: dict[str, dict] = {}
    rows = store.fetch_all(cur, "pengguna_credentials")
    for username, nama, email, hashed, peran, boleh in rows:
        users[username] = {
            "name": nama,
            "email": email,
            "password": hashed if boleh else _HASH_TERBLOKIR,
            "roles": sorted(peran or []),
            "failed_login_attempts": 0,
        }
    return {"usernames": users}


def akses_untuk(cur: duckdb.DuckDBPyConnection, username: str) -> Akses | None:
    """The caller object for a logged-in user; None if the account is gone, inactive or locked."""
    row = cur.execute(store.sql("pengguna_akses"), [username]).fetchone()
    if not row:
        return None
    uname, nama, instansi_id, unit_id, peran = row
    return Akses(
        username=uname,
        peran=frozenset(peran or []),
        instansi_id=instansi_id,
        unit_id=unit_id,
        nama=nama,
    )


def catat_login(cur: duckdb.DuckDBPyConnection, username: str) -> None:
    with store.transaction(cur):
        cur.execute(store.sql("pengguna_reset_gagal"), [username])
        store.log_event(cur, "login", pengguna=username, objek="pengguna", objek_id=username)


def catat_login_gagal(cur: duckdb.DuckDBPyConnection, username: str | None) -> bool:
    """Count a failed attempt for an existing user and lock at the limit; True if now locked.

    An unknown username is logged too, without saying so to the person at the form.
    """
    batas = batas_gagal_login()
    with store.transaction(cur):
        row = None
        if username:
            cur.execute(store.sql("pengguna_tambah_gagal"), [username])
            row = cur.execute(store.sql("pengguna_status"), [username]).fetchone()
        store.log_event(
            cur,
            "login_gagal",
            pengguna=username,
            objek="pengguna",
            objek_id=username,
            catatan=None if row else "pengguna tidak dikenal",
        )
        if row and row[0] >= batas and not row[1]:
            cur.execute(store.sql("pengguna_kunci"), [username])
            store.log_event(
                cur,
                "akun_terkunci",
                pengguna=username,
                objek="pengguna",
                objek_id=username,
                catatan=f"{row[0]} kali gagal masuk",
            )
            return True
    return False


def catat_logout(
    cur: duckdb.DuckDBPyConnection, username: str | None, pada: dt.datetime | None = None
) -> None:
    """Log out: every login cookie issued before now stops working for this user."""
    if username:
        with store.transaction(cur):
            cur.execute(store.sql("pengguna_keluar"), [pada or dt.datetime.now(), username])
            store.log_event(cur, "logout", pengguna=username, objek="pengguna", objek_id=username)


def cookie_dicabut(cur: duckdb.DuckDBPyConnection, username: str, diterbitkan: dt.datetime) -> bool:
    """Was this login cookie (issued at `diterbitkan`) revoked by a later logout?"""
    row = cur.execute(store.sql("pengguna_keluar_pada"), [username]).fetchone()
    return bool(row and row[0] is not None and diterbitkan <= row[0])


def ganti_sandi(
    cur: duckdb.DuckDBPyConnection, akses: Akses, lama: str, baru: str, ulang: str
) -> None:
    """A user changes their own password."""
    row = cur.execute(store.sql("pengguna_sandi"), [akses.username]).fetchone()
    if not row or not cocok_sandi(lama, row[0]):
        raise ValueError("Kata sandi lama salah.")
    if baru != ulang:
        raise ValueError("Ulangan kata sandi baru tidak sama.")
    if baru == lama:
        raise ValueError("Kata sandi baru harus berbeda dari yang lama.")
    cek_kekuatan_sandi(baru)
    with store.transaction(cur):
        cur.execute(store.sql("pengguna_set_sandi"), [hash_sandi(baru), akses.username])
        store.log_event(
            cur, "ganti_sandi", pengguna=akses.username, objek="pengguna", objek_id=akses.username
        )


# ---------------------------------------------------------------- administration


class PenggunaInput(BaseModel):
    username: str = Field(min_length=3, max_length=40)
    nama: str = Field(min_length=2, max_length=PANJANG_NAMA)
    email: str | None = None
    peran: list[str] = Field(min_length=1)
    instansi_id: int | None = None
    unit_id: int | None = None
    aktif: bool = True

    @field_validator("username")
    @classmethod
    def _username(cls, v: str) -> str:
        v = v.strip().lower()
        if not all(c.isalnum() or c in "._-" for c in v):
            raise ValueError("hanya huruf, angka, titik, garis bawah dan tanda hubung")
        return v

    @field_validator("nama")
    @classmethod
    def _nama(cls, v: str) -> str:
        return v.strip()

    @field_validator("email")
    @classmethod
    def _email(cls, v: str | None) -> str | None:
        v = (v or "").strip()
        if v and ("@" not in v or v.startswith("@") or v.endswith("@")):
            raise ValueError("alamat email tidak valid")
        return v or None

    @field_validator("peran")
    @classmethod
    def _peran(cls, v: list[str]) -> list[str]:
        asing = [p for p in v if p not in PERAN]
        if asing:
            raise ValueError(f"peran tidak dikenal: {', '.join(asing)}")
        return sorted(set(v))

    @model_validator(mode="after")
    def _unit_staf(self) -> PenggunaInput:
        if "staf_bidang" in self.peran and self.unit_id is None:
            raise ValueError("Peran Staf Bidang wajib memilih unit.")
        return self


LABEL_PENGGUNA = {
    "username": "Nama pengguna",
    "nama": "Nama lengkap",
    "email": "Email",
    "peran": "Peran",
    "unit_id": "Unit",
    "instansi_id": "Instansi",
}


def _validasi(data: dict) -> PenggunaInput:
    try:
        return PenggunaInput.model_validate(data)
    except ValidationError as exc:
        raise ValueError(pesan_validasi(exc, LABEL_PENGGUNA)) from exc


def _cek_unit(cur: duckdb.DuckDBPyConnection, p: PenggunaInput) -> PenggunaInput:
    if p.unit_id is None:
        return p
    instansi_id = lokasi.instansi_unit(cur, p.unit_id)
    if instansi_id is None:
        raise ValueError("Unit yang dipilih tidak ada.")
    if p.instansi_id is not None and p.instansi_id != instansi_id:
        raise ValueError("Unit yang dipilih bukan bagian dari instansi pengguna.")
    return p.model_copy(update={"instansi_id": instansi_id})


def _harus_ada(cur: duckdb.DuckDBPyConnection, akses: Akses, username: str) -> None:
    """The user exists and is within the admin's reach (see `_lingkup_admin`)."""
    row = cur.execute(store.sql("pengguna_instansi"), [username]).fetchone()
    if not row:
        raise ValueError("Pengguna tidak ditemukan.")
    if akses.instansi_id is not None and row[0] != akses.instansi_id:
        raise AksesDitolak("Anda hanya dapat mengelola pengguna instansi Anda sendiri.")


def _lingkup_admin(akses: Akses, p: PenggunaInput) -> PenggunaInput:
    """An admin tied to one instansi manages users of that instansi only; a user tied to none
    (who sees every instansi: the Setda / Bappeda / Inspektorat view) is saved as such, and
    only by an admin tied to none. Never silently narrowed to the admin's own instansi."""
    if akses.instansi_id is None:
        return p
    if p.instansi_id is None:
        raise AksesDitolak(
            "Pengguna untuk semua instansi hanya dapat diatur oleh administrator yang tidak "
            "terikat pada satu instansi. Pilih instansi Anda."
        )
    akses.cek_instansi(p.instansi_id)
    return p


def daftar_pengguna(cur: duckdb.DuckDBPyConnection, akses: Akses) -> pd.DataFrame:
    akses.wajib("admin")
    df = store.fetch_df(cur, "pengguna_list")
    if akses.instansi_id is not None:
        df = df[df["instansi_id"] == akses.instansi_id].reset_index(drop=True)
    return df


def buat_pengguna(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    data: dict,
    sandi: str,
    rounds: int = BCRYPT_ROUNDS,
) -> int:
    akses.wajib("admin")
    p = _lingkup_admin(akses, _cek_unit(cur, _validasi(data)))
    cek_kekuatan_sandi(sandi)
    if cur.execute(store.sql("pengguna_id"), [p.username]).fetchone():
        raise ValueError(f"Nama pengguna '{p.username}' sudah dipakai.")
    with store.transaction(cur):
        uid = cur.execute(
            store.sql("pengguna_insert"),
            [
                p.username,
                p.nama,
                p.email,
                hash_sandi(sandi, rounds),
                p.instansi_id,
                p.unit_id,
                p.aktif,
            ],
        ).fetchone()[0]
        for peran in p.peran:
            cur.execute(store.sql("peran_pengguna_insert"), [uid, peran])
        store.log_event(
            cur,
            "pengguna_dibuat",
            pengguna=akses.username,
            peran="admin",
            objek="pengguna",
            objek_id=p.username,
            catatan=", ".join(p.peran),
        )
    return int(uid)


def ubah_pengguna(cur: duckdb.DuckDBPyConnection, akses: Akses, username: str, data: dict) -> None:
    """Edit name, email, roles, unit and the active flag (username stays)."""
    akses.wajib("admin")
    p = _lingkup_admin(akses, _cek_unit(cur, _validasi({**data, "username": username})))
    _harus_ada(cur, akses, p.username)
    row = cur.execute(store.sql("pengguna_id"), [p.username]).fetchone()
    if p.username == akses.username and ("admin" not in p.peran or not p.aktif):
        raise ValueError("Anda tidak dapat mencabut peran admin atau menonaktifkan akun sendiri.")
    with store.transaction(cur):
        cur.execute(
            store.sql("pengguna_update"),
            [p.nama, p.email, p.instansi_id, p.unit_id, p.aktif, p.username],
        )
        cur.execute(store.sql("peran_pengguna_hapus"), [row[0]])
        for peran in p.peran:
            cur.execute(store.sql("peran_pengguna_insert"), [row[0], peran])
        store.log_event(
            cur,
            "pengguna_diubah",
            pengguna=akses.username,
            peran="admin",
            objek="pengguna",
            objek_id=p.username,
            catatan=f"peran {', '.join(p.peran)}; aktif {p.aktif}",
        )


def reset_sandi(cur: duckdb.DuckDBPyConnection, akses: Akses, username: str) -> str:
    """Set a temporary password (returned once, to hand to the user) and unlock."""
    akses.wajib("admin")
    sementara = sandi_acak()
    _harus_ada(cur, akses, username)
    with store.transaction(cur):
        cur.execute(store.sql("pengguna_reset_sandi"), [hash_sandi(sementara), username])
        store.log_event(
            cur,
            "reset_sandi",
            pengguna=akses.username,
            peran="admin",
            objek="pengguna",
            objek_id=username,
        )
    return sementara


def buka_kunci(cur: duckdb.DuckDBPyConnection, akses: Akses, username: str) -> None:
    akses.wajib("admin")
    _harus_ada(cur, akses, username)
    with store.transaction(cur):
        cur.execute(store.sql("pengguna_buka_kunci"), [username])
        store.log_event(
            cur,
            "akun_dibuka",
            pengguna=akses.username,
            peran="admin",
            objek="pengguna",
            objek_id=username,
        )
