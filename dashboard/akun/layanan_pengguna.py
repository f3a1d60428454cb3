"""Users, roles, sign-in, sessions and passwords. No Streamlit here.

Passwords are stored as bcrypt hashes only, and every sign-in attempt runs one bcrypt check (a
fixed unusable hash stands in for an unknown user), so the time taken does not tell whether a
user exists. Failed attempts slow down per username and per client address (a growing delay,
counted whether the user exists or not); at the limit the account locks for a while (a setting),
never for good, so strangers cannot shut an agency out. A successful sign-in creates a session:
a random token for the cookie, of which only the SHA-256 hash is stored. Every request looks the
session up; logout, logout everywhere, a password change, a reset, a deactivation and a lock end
sessions in the store, so they lose access at their next click in every tab.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import re
import secrets
import string
from dataclasses import dataclass

import bcrypt
import duckdb
import pandas as pd
from pydantic import BaseModel, Field, field_validator, model_validator
from zxcvbn import zxcvbn

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import PERAN, Akses, AksesDitolak
from dashboard.inti import config, store, versi_data
from dashboard.inti.batas import PANJANG_NAMA
from dashboard.inti.validasi import validasi

BCRYPT_ROUNDS = 12
PANJANG_MIN_SANDI = 10
SKOR_MIN_SANDI = 3  # zxcvbn 0-4: below 3 a password is among common ones or easily guessed
PESAN_LOGIN_GAGAL = "Nama pengguna atau kata sandi salah, atau akun sedang terkunci/nonaktif."
PESAN_TUNGGU = "Terlalu banyak percobaan yang gagal. Coba lagi dalam {detik} detik."
BEBAS_PER_PENGGUNA = 3  # failed attempts per username before the delay starts
BEBAS_PER_ALAMAT = 10  # per client address (an office behind one NAT shares it)
JEDA_MAKS_DETIK = 60
SENTUH_SETIAP = dt.timedelta(seconds=60)  # last-seen is written at most this often
SIMPAN_SESI_USANG = dt.timedelta(days=1)  # an unusable session row is deleted a day later

log = logging.getLogger("monev")


def batas_gagal_login() -> int:
    """Failed attempts before an account locks for a while (MONEV_MAX_GAGAL_LOGIN /
    [auth] max_gagal_login, default 10)."""
    return config.bilangan("MONEV_MAX_GAGAL_LOGIN", "auth", "max_gagal_login", 10)


def hash_sandi(sandi: str, rounds: int = BCRYPT_ROUNDS) -> str:
    return bcrypt.hashpw(sandi.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def cocok_sandi(sandi: str, hashed: str) -> bool:
    try:
        return bcrypt.checkpw(sandi.encode("utf-8")[:72], hashed.encode("ascii"))
    except ValueError:
        return False


def cek_kekuatan_sandi(sandi: str, username: str = "", nama: str = "") -> None:
    """The password rules, one home for every form: at least 10 characters, not containing the
    username (or a part of it of 4+ letters), not common or easily guessed (zxcvbn's lists of
    common passwords, words, names and patterns). Raise ValueError naming the rule that failed."""
    if len(sandi) < PANJANG_MIN_SANDI:
        raise ValueError(f"Kata sandi minimal {PANJANG_MIN_SANDI} karakter.")
    rendah = sandi.lower()
    nama_pengguna = username.strip().lower()
    bagian = [b for b in re.split(r"[^a-z0-9]+", nama_pengguna) if len(b) >= 4]
    if nama_pengguna and (nama_pengguna in rendah or any(b in rendah for b in bagian)):
        raise ValueError("Kata sandi tidak boleh memuat nama pengguna.")
    petunjuk = [x for x in (nama_pengguna, *bagian, *nama.lower().split()) if x]
    if zxcvbn(sandi[:100], user_inputs=petunjuk)["score"] < SKOR_MIN_SANDI:
        raise ValueError(
            "Kata sandi terlalu umum atau mudah ditebak (sandi populer, kata kamus, nama, "
            "urutan atau pengulangan). Gabungkan beberapa kata yang tidak berkaitan, angka "
            "dan tanda baca."
        )


def sandi_acak(panjang: int = 14) -> str:
    """A temporary password for a reset: letters and digits that pass the rules."""
    abjad = string.ascii_letters + string.digits
    while True:
        s = "".join(secrets.choice(abjad) for _ in range(panjang))
        try:
            cek_kekuatan_sandi(s)
        except ValueError:
            continue
        return s


# ---------------------------------------------------------------- sign-in and sessions


def ada_administrator(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether any active account holds the admin role. Without one nobody can set the store
    up, so the app shows how to create the first administrator instead of the login form."""
    row = cur.execute(store.sql("pengguna_admin_aktif")).fetchone()
    return bool(row and row[0])


# A hash of a random secret nobody knows, at the cost of real hashes: an unknown user is checked
# against it, so a failed attempt costs the same whether the user exists or not.
_HASH_PALSU = bcrypt.hashpw(secrets.token_bytes(24), bcrypt.gensalt(BCRYPT_ROUNDS)).decode()


@dataclass(frozen=True)
class HasilMasuk:
    """The outcome of a sign-in attempt: a session token, or a message and the seconds to wait."""

    token: str | None = None
    pesan: str | None = None
    tunggu: int = 0


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _kunci_gagal(username: str, alamat: str | None) -> list[str]:
    return [f"u:{username}", f"a:{alamat or '-'}"]


def jeda_login(
    cur: duckdb.DuckDBPyConnection, username: str, alamat: str | None, sekarang: dt.datetime
) -> int:
    """Seconds to wait before the next attempt for this username or client address: free for
    the first few failures, then 1, 2, 4, ... up to a minute after the last one."""
    jendela = sekarang - config.lama_kunci()
    sisa = 0.0
    rows = cur.execute(
        store.sql("login_gagal_get"), {"kunci": _kunci_gagal(username, alamat)}
    ).fetchall()
    for kunci, jumlah, terakhir in rows:
        bebas = BEBAS_PER_PENGGUNA if kunci.startswith("u:") else BEBAS_PER_ALAMAT
        if terakhir < jendela or jumlah < bebas:
            continue
        jeda = min(2 ** (jumlah - bebas), JEDA_MAKS_DETIK)
        sisa = max(sisa, (terakhir + dt.timedelta(seconds=jeda) - sekarang).total_seconds())
    return math.ceil(sisa)


def masuk(
    cur: duckdb.DuckDBPyConnection,
    username: str,
    sandi: str,
    alamat: str | None = None,
    agen: str | None = None,
    sekarang: dt.datetime | None = None,
) -> HasilMasuk:
    """Sign in: throttle, one bcrypt check whatever the username, then a new session or a
    counted failure. A locked, inactive or unknown account fails like a wrong password."""
    now = sekarang or config.sekarang()
    username = (username or "").strip().lower()[:100]
    sandi = (sandi or "")[:200]
    tunggu = jeda_login(cur, username, alamat, now)
    if tunggu > 0:
        return HasilMasuk(pesan=PESAN_TUNGGU.format(detik=tunggu), tunggu=tunggu)
    row = (
        cur.execute(store.sql("pengguna_masuk"), {"username": username}).fetchone()
        if username
        else None
    )
    cocok = cocok_sandi(sandi, row[1] if row else _HASH_PALSU)
    if row and row[3] and row[4] is not None and row[4] <= now:
        with store.transaction(cur):  # the lock's time is over
            cur.execute(store.sql("pengguna_buka_kunci"), {"username": username})
            store.log_event(
                cur, "akun_dibuka", objek="pengguna", objek_id=username, catatan="masa kunci habis"
            )
        row = (*row[:3], False, None)
    if row and cocok and sandi and row[2] and not row[3]:
        token = secrets.token_urlsafe(32)
        with store.transaction(cur):
            cur.execute(
                store.sql("sesi_insert"),
                {
                    "token_hash": hash_token(token),
                    "pengguna_id": row[0],
                    "terakhir_pada": now,
                    "alamat": (alamat or "")[:100] or None,
                    "agen": (agen or "")[:300],
                },
            )
            cur.execute(store.sql("pengguna_reset_gagal"), {"username": username})
            cur.execute(store.sql("login_gagal_hapus"), {"kunci": f"u:{username}"})
            store.log_event(
                cur,
                "login",
                pengguna=username,
                objek="pengguna",
                objek_id=username,
                catatan=alamat,
            )
        _bersihkan_sesi(cur, now)
        return HasilMasuk(token=token)
    catat_login_gagal(cur, username, alamat, now, ada=row is not None)
    return HasilMasuk(pesan=PESAN_LOGIN_GAGAL)


def _bersihkan_sesi(cur: duckdb.DuckDBPyConnection, sekarang: dt.datetime) -> None:
    """Delete the sign-in rows nothing can use any more, at every successful sign-in: sessions
    ended, idle or past their absolute age for a day, and failed-sign-in counts older than the
    throttle window. Without it both tables keep a row per sign-in (and per guessed username)
    forever. A failed clean-up is logged and never fails the sign-in."""
    usang = sekarang - SIMPAN_SESI_USANG
    try:
        with store.transaction(cur):
            cur.execute(
                store.sql("sesi_hapus_lama"),
                {
                    "usang": usang,
                    "terakhir_pada": usang - config.sesi_idle(),
                    "dibuat_pada": usang - config.sesi_maks(),
                },
            )
            cur.execute(
                store.sql("login_gagal_hapus_lama"), {"terakhir": sekarang - config.lama_kunci()}
            )
    except Exception:  # noqa: BLE001 - best effort: the sign-in itself has succeeded
        log.exception("Pembersihan sesi lama gagal; dicoba lagi pada login berikutnya")


def catat_login_gagal(
    cur: duckdb.DuckDBPyConnection,
    username: str,
    alamat: str | None,
    sekarang: dt.datetime,
    ada: bool,
) -> bool:
    """Count a failed attempt per username and per address (whether the user exists or not);
    an existing account locks for a while at the limit, ending its sessions. True if locked."""
    jendela = sekarang - config.lama_kunci()
    terkunci = False
    with store.transaction(cur):
        for kunci in _kunci_gagal(username, alamat):
            cur.execute(
                store.sql("login_gagal_tambah"),
                {"kunci": kunci, "sekarang": sekarang, "jendela": jendela},
            )
        row = None
        if ada:
            cur.execute(store.sql("pengguna_tambah_gagal"), {"username": username})
            row = cur.execute(store.sql("pengguna_status"), {"username": username}).fetchone()
        store.log_event(
            cur,
            "login_gagal",
            pengguna=username or None,
            objek="pengguna",
            objek_id=username or None,
            catatan=f"{alamat or '-'}" + ("" if ada else "; pengguna tidak dikenal"),
        )
        if row and row[0] >= batas_gagal_login() and not row[1]:
            sampai = sekarang + config.lama_kunci()
            cur.execute(store.sql("pengguna_kunci"), {"username": username, "sampai": sampai})
            cur.execute(
                store.sql("sesi_akhiri_pengguna"), {"sekarang": sekarang, "username": username}
            )
            store.log_event(
                cur,
                "akun_terkunci",
                pengguna=username,
                objek="pengguna",
                objek_id=username,
                catatan=f"{row[0]} kali gagal masuk; terkunci sampai {sampai:%Y-%m-%d %H:%M}",
            )
            terkunci = True
    if terkunci:
        versi_data.sesi_berubah(cur)
    return terkunci


def akses_sesi(
    cur: duckdb.DuckDBPyConnection, token: str | None, sekarang: dt.datetime | None = None
) -> Akses | None:
    """The caller of a session token (one primary-key lookup), or None when the session is
    unknown, ended, idle or too old, or the account is inactive or locked. Touches last-seen
    at most once a minute."""
    if not token or len(token) > 200:
        return None
    now = sekarang or config.sekarang()
    th = hash_token(token)
    row = cur.execute(
        store.sql("sesi_cari"),
        {
            "token_hash": th,
            "terakhir_pada": now - config.sesi_idle(),
            "dibuat_pada": now - config.sesi_maks(),
        },
    ).fetchone()
    if not row:
        return None
    username, nama, instansi_id, unit_id, terakhir, pengguna_id = row
    if now - terakhir >= SENTUH_SETIAP:
        cur.execute(store.sql("sesi_sentuh"), {"terakhir_pada": now, "token_hash": th})
    peran = [
        r[0]
        for r in cur.execute(
            store.sql("peran_pengguna_dari"), {"pengguna_id": pengguna_id}
        ).fetchall()
    ]
    return _akses(username, nama, instansi_id, unit_id, peran)


def akhiri_sesi(cur: duckdb.DuckDBPyConnection, token: str | None) -> None:
    """Log out this session (the cookie's); other devices stay signed in."""
    if not token:
        return
    akses = akses_sesi(cur, token)
    with store.transaction(cur):
        cur.execute(
            store.sql("sesi_akhiri"),
            {"berakhir_pada": config.sekarang(), "token_hash": hash_token(token)},
        )
        if akses is not None:
            store.log_event(
                cur, "logout", pengguna=akses.username, objek="pengguna", objek_id=akses.username
            )
    versi_data.sesi_berubah(cur)


def akhiri_semua_sesi(cur: duckdb.DuckDBPyConnection, akses: Akses) -> None:
    """ "Keluar dari semua perangkat": end every session of one's own account."""
    with store.transaction(cur):
        cur.execute(
            store.sql("sesi_akhiri_pengguna"),
            {"sekarang": config.sekarang(), "username": akses.username},
        )
        store.log_event(
            cur,
            "logout_semua",
            pengguna=akses.username,
            objek="pengguna",
            objek_id=akses.username,
        )
    versi_data.sesi_berubah(cur)


def daftar_sesi(
    cur: duckdb.DuckDBPyConnection, akses: Akses, token_ini: str | None = None
) -> pd.DataFrame:
    """One's own active sessions, newest first; `ini` marks the session of this browser."""
    now = config.sekarang()
    df = store.fetch_df(
        cur,
        "sesi_pengguna",
        {
            "username": akses.username,
            "terakhir_pada": now - config.sesi_idle(),
            "dibuat_pada": now - config.sesi_maks(),
        },
    )
    ini = hash_token(token_ini) if token_ini else None
    df["ini"] = df["token_hash"] == ini
    return df.drop(columns=["token_hash"])


def akses_untuk(cur: duckdb.DuckDBPyConnection, username: str) -> Akses | None:
    """The caller object for a user (scripts and tests); None if gone, inactive or locked."""
    row = cur.execute(store.sql("pengguna_akses"), {"username": username}).fetchone()
    if not row:
        return None
    return _akses(*row)


def _akses(
    username: str, nama: str, instansi_id: int | None, unit_id: int | None, peran: list | None
) -> Akses:
    """The caller from a user row (username, nama, instansi, unit, roles) of a query."""
    return Akses(
        username=username,
        peran=frozenset(peran or []),
        instansi_id=instansi_id,
        unit_id=unit_id,
        nama=nama,
    )


def ganti_sandi(
    cur: duckdb.DuckDBPyConnection, akses: Akses, lama: str, baru: str, ulang: str
) -> None:
    """A user changes their own password; every session of the account ends (this one too)."""
    row = cur.execute(store.sql("pengguna_sandi"), {"username": akses.username}).fetchone()
    if not row or not cocok_sandi(lama, row[0]):
        raise ValueError("Kata sandi lama salah.")
    if baru != ulang:
        raise ValueError("Ulangan kata sandi baru tidak sama.")
    if baru == lama:
        raise ValueError("Kata sandi baru harus berbeda dari yang lama.")
    cek_kekuatan_sandi(baru, akses.username, akses.nama or "")
    with store.transaction(cur):
        cur.execute(
            store.sql("pengguna_set_sandi"),
            {"password_hash": hash_sandi(baru), "username": akses.username},
        )
        cur.execute(
            store.sql("sesi_akhiri_pengguna"),
            {"sekarang": config.sekarang(), "username": akses.username},
        )
        store.log_event(
            cur, "ganti_sandi", pengguna=akses.username, objek="pengguna", objek_id=akses.username
        )
    versi_data.sesi_berubah(cur)


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
    return validasi(PenggunaInput, data, LABEL_PENGGUNA)


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
    row = cur.execute(store.sql("pengguna_instansi"), {"username": username}).fetchone()
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
    cek_kekuatan_sandi(sandi, p.username, p.nama)
    if cur.execute(store.sql("pengguna_id"), {"username": p.username}).fetchone():
        raise ValueError(f"Nama pengguna '{p.username}' sudah dipakai.")
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        uid = store.satu(
            cur.execute(
                store.sql("pengguna_insert"),
                {
                    "username": p.username,
                    "nama": p.nama,
                    "email": p.email,
                    "password_hash": hash_sandi(sandi, rounds),
                    "instansi_id": p.instansi_id,
                    "unit_id": p.unit_id,
                    "aktif": p.aktif,
                },
            ).fetchone()
        )[0]
        for peran in p.peran:
            cur.execute(store.sql("peran_pengguna_insert"), {"pengguna_id": uid, "peran": peran})
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
    row = store.satu(cur.execute(store.sql("pengguna_id"), {"username": p.username}).fetchone())
    if p.username == akses.username and ("admin" not in p.peran or not p.aktif):
        raise ValueError("Anda tidak dapat mencabut peran admin atau menonaktifkan akun sendiri.")
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        cur.execute(
            store.sql("pengguna_update"),
            {
                "nama": p.nama,
                "email": p.email,
                "instansi_id": p.instansi_id,
                "unit_id": p.unit_id,
                "aktif": p.aktif,
                "username": p.username,
            },
        )
        if not p.aktif:  # a deactivated account loses its sessions at once
            cur.execute(
                store.sql("sesi_akhiri_pengguna"),
                {"sekarang": config.sekarang(), "username": p.username},
            )
        cur.execute(store.sql("peran_pengguna_hapus"), {"pengguna_id": row[0]})
        for peran in p.peran:
            cur.execute(store.sql("peran_pengguna_insert"), {"pengguna_id": row[0], "peran": peran})
        store.log_event(
            cur,
            "pengguna_diubah",
            pengguna=akses.username,
            peran="admin",
            objek="pengguna",
            objek_id=p.username,
            catatan=f"peran {', '.join(p.peran)}; aktif {p.aktif}",
        )
    versi_data.sesi_berubah(cur)  # roles, unit or the active flag of a signed-in user


def reset_sandi(cur: duckdb.DuckDBPyConnection, akses: Akses, username: str) -> str:
    """Set a temporary password (returned once, to hand to the user), unlock, and end the
    user's sessions (whoever held them no longer gets in)."""
    akses.wajib("admin")
    sementara = sandi_acak()
    _harus_ada(cur, akses, username)
    with store.transaction(cur):
        cur.execute(
            store.sql("pengguna_reset_sandi"),
            {"password_hash": hash_sandi(sementara), "username": username},
        )
        cur.execute(
            store.sql("sesi_akhiri_pengguna"), {"sekarang": config.sekarang(), "username": username}
        )
        store.log_event(
            cur,
            "reset_sandi",
            pengguna=akses.username,
            peran="admin",
            objek="pengguna",
            objek_id=username,
        )
    versi_data.sesi_berubah(cur)
    return sementara


def buka_kunci(cur: duckdb.DuckDBPyConnection, akses: Akses, username: str) -> None:
    akses.wajib("admin")
    _harus_ada(cur, akses, username)
    with store.transaction(cur):
        cur.execute(store.sql("pengguna_buka_kunci"), {"username": username})
        store.log_event(
            cur,
            "akun_dibuka",
            pengguna=akses.username,
            peran="admin",
            objek="pengguna",
            objek_id=username,
        )
