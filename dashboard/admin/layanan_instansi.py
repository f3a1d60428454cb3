"""Instansi (the agencies themselves): kode, name, pemda, letterhead and head, as the admin sets
them up. No Streamlit here.

Scope: an admin tied to one instansi edits only that one and cannot add another; an admin tied
to none (a Sekretariat Daerah / Bappeda set-up) sees, adds and edits every instansi.
"""

from __future__ import annotations

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import store, versi_data
from dashboard.inti.batas import PANJANG_CATATAN, PANJANG_NAMA
from dashboard.inti.validasi import validasi

PANJANG_KODE = 30
PANJANG_NIP = 18  # NIP of a civil servant (and NI PPPK): 18 digits, often written with spaces


class InstansiInput(BaseModel):
    """What an admin types for an instansi; optional fields may be left empty."""

    model_config = ConfigDict(str_strip_whitespace=True)

    kode: str = Field(min_length=1, max_length=PANJANG_KODE)
    nama: str = Field(min_length=3, max_length=PANJANG_NAMA)
    pemda: str = Field(min_length=3, max_length=PANJANG_NAMA)
    alamat: str | None = Field(default=None, max_length=PANJANG_CATATAN)
    kota: str | None = Field(default=None, max_length=PANJANG_NAMA)
    kepala_nama: str | None = Field(default=None, max_length=PANJANG_NAMA)
    kepala_jabatan: str | None = Field(default=None, max_length=PANJANG_NAMA)
    kepala_nip: str | None = Field(default=None, max_length=40)

    @field_validator("kode")
    @classmethod
    def _kode(cls, v: str) -> str:
        if not all(c.isalnum() or c in "._-" for c in v):
            raise ValueError("hanya huruf, angka, titik, garis bawah dan tanda hubung")
        return v

    @field_validator("alamat", "kota", "kepala_nama", "kepala_jabatan", "kepala_nip", mode="before")
    @classmethod
    def _kosong(cls, v: object) -> object:
        """An empty optional field is stored as NULL, not as ''."""
        return None if isinstance(v, str) and not v.strip() else v

    @field_validator("kepala_nip")
    @classmethod
    def _nip(cls, v: str | None) -> str | None:
        if v is None:
            return None
        angka = v.replace(" ", "")
        if not angka.isdigit() or len(angka) != PANJANG_NIP:
            raise ValueError(f"harus {PANJANG_NIP} angka (spasi boleh), mis. 19700101 199003 1 001")
        return " ".join(v.split())


LABEL_INSTANSI = {
    "kode": "Kode",
    "nama": "Nama instansi",
    "pemda": "Pemerintah daerah",
    "alamat": "Alamat",
    "kota": "Kota",
    "kepala_nama": "Nama kepala",
    "kepala_jabatan": "Jabatan kepala",
    "kepala_nip": "NIP kepala",
}


def _validasi(data: dict) -> InstansiInput:
    return validasi(InstansiInput, data, LABEL_INSTANSI)


def daftar_instansi(cur: duckdb.DuckDBPyConnection, akses: Akses) -> pd.DataFrame:
    """Every field of the instansi the admin manages (its own, or all for an admin of none)."""
    akses.wajib("admin")
    df = store.fetch_df(cur, "instansi_admin_list")
    if akses.instansi_id is not None:
        df = df[df["id"] == akses.instansi_id]
    return df.reset_index(drop=True)


def id_dari_kode(cur: duckdb.DuckDBPyConnection, kode: str) -> int | None:
    """The id of the instansi with this kode, None when there is none."""
    row = cur.execute(store.sql("instansi_kode"), {"kode": kode.strip()}).fetchone()
    return int(row[0]) if row else None


def simpan_instansi(
    cur: duckdb.DuckDBPyConnection, akses: Akses, data: dict, instansi_id: int | None = None
) -> int:
    """Create (instansi_id None) or edit an instansi, in one transaction with its event."""
    akses.wajib("admin")
    if instansi_id is None and akses.instansi_id is not None:
        raise AksesDitolak(
            "Instansi baru hanya dapat ditambahkan oleh administrator yang tidak terikat pada "
            "satu instansi."
        )
    if instansi_id is not None:
        akses.cek_instansi(instansi_id)
        if cur.execute(store.sql("instansi_kop"), {"instansi_id": instansi_id}).fetchone() is None:
            raise ValueError("Instansi tidak ditemukan.")
    i = _validasi(data)
    dup = id_dari_kode(cur, i.kode)
    if dup is not None and dup != instansi_id:
        raise ValueError(f"Kode instansi '{i.kode}' sudah dipakai.")
    nilai = {
        "kode": i.kode,
        "nama": i.nama,
        "pemda": i.pemda,
        "alamat": i.alamat,
        "kota": i.kota,
        "kepala_nama": i.kepala_nama,
        "kepala_jabatan": i.kepala_jabatan,
        "kepala_nip": i.kepala_nip,
    }
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        if instansi_id is None:
            instansi_id = store.satu(cur.execute(store.sql("instansi_insert"), nilai).fetchone())[0]
            jenis = "instansi_dibuat"
        else:
            cur.execute(store.sql("instansi_update"), {**nilai, "instansi_id": instansi_id})
            jenis = "instansi_diubah"
        store.log_event(
            cur,
            jenis,
            pengguna=akses.username,
            peran="admin",
            objek="instansi",
            objek_id=instansi_id,
            catatan=f"{i.kode} {i.nama}",
        )
    return int(instansi_id)
