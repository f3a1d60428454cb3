"""Admin services: units, indicators and their targets. Validated with pydantic, one transaction
per save, so nothing is ever saved half."""

from __future__ import annotations

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dashboard import store
from dashboard.akses import Akses
from dashboard.batas import PANJANG_CATATAN, PANJANG_NAMA, periksa_angka
from dashboard.services import lokasi
from dashboard.validasi import pesan_validasi

JENIS_UNIT = ("Sekretariat", "Bidang", "Bagian", "UPT")
JENIS_INDIKATOR = ("IKU", "IKK", "program", "kegiatan", "sub kegiatan")


def _salah_satu(nilai: str, opsi: tuple[str, ...]) -> str:
    if nilai not in opsi:
        raise ValueError(f"pilih salah satu dari {', '.join(opsi)}")
    return nilai


class UnitInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    instansi_id: int
    kode: str = Field(min_length=1, max_length=20)
    nama: str = Field(min_length=3, max_length=PANJANG_NAMA)
    jenis: str
    aktif: bool = True

    @field_validator("jenis")
    @classmethod
    def _jenis(cls, v: str) -> str:
        return _salah_satu(v, JENIS_UNIT)


class IndikatorInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    instansi_id: int
    unit_id: int
    kode: str = Field(min_length=1, max_length=30)
    nama: str = Field(min_length=5, max_length=PANJANG_NAMA)
    jenis: str
    satuan: str = Field(min_length=1, max_length=40)
    polaritas: str = "positif"
    cara_agregasi: str = "SUM"
    rumus_negatif: str = "A"
    boleh_negatif: bool = False
    definisi: str | None = Field(None, max_length=PANJANG_CATATAN)
    sumber_data: str | None = Field(None, max_length=PANJANG_CATATAN)
    baseline: float | None = None
    target_renstra: float | None = None
    aktif: bool = True

    @field_validator("jenis")
    @classmethod
    def _jenis(cls, v: str) -> str:
        return _salah_satu(v, JENIS_INDIKATOR)

    @field_validator("polaritas")
    @classmethod
    def _polaritas(cls, v: str) -> str:
        return _salah_satu(v, ("positif", "negatif"))

    @field_validator("cara_agregasi")
    @classmethod
    def _agregasi(cls, v: str) -> str:
        return _salah_satu(v, ("SUM", "LAST", "AVG", "MAX"))

    @field_validator("rumus_negatif")
    @classmethod
    def _rumus(cls, v: str) -> str:
        return _salah_satu(v, ("A", "B"))

    @field_validator("baseline", "target_renstra")
    @classmethod
    def _hingga(cls, v: float | None) -> float | None:
        alasan = periksa_angka(v)
        if alasan:
            raise ValueError(alasan)
        return v


class TargetInput(BaseModel):
    """Annual PK target (triwulan 0) and quarterly targets; `*_atas` set makes a range."""

    tahun: int = Field(ge=2000, le=2100)
    tahunan: float
    tahunan_atas: float | None = None
    triwulan: list[float | None] = Field(min_length=4, max_length=4)
    triwulan_atas: list[float | None] = Field(
        default_factory=lambda: [None] * 4, min_length=4, max_length=4
    )

    @model_validator(mode="after")
    def _konsisten(self) -> TargetInput:
        nilai = [self.tahunan, self.tahunan_atas, *self.triwulan, *self.triwulan_atas]
        alasan = next((periksa_angka(v) for v in nilai if periksa_angka(v)), None)
        if alasan:
            raise ValueError(f"Target: {alasan}.")
        if self.tahunan_atas is not None and self.tahunan_atas < self.tahunan:
            raise ValueError("Batas atas target tahunan harus >= batas bawahnya.")
        for i, (lo, hi) in enumerate(zip(self.triwulan, self.triwulan_atas, strict=True)):
            if hi is not None and lo is None:
                raise ValueError(f"Triwulan {i + 1}: isi batas bawah bila batas atas diisi.")
            if hi is not None and lo is not None and hi < lo:
                raise ValueError(f"Triwulan {i + 1}: batas atas harus >= batas bawah.")
        return self


LABEL = {
    "kode": "Kode",
    "nama": "Nama",
    "jenis": "Jenis",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "cara_agregasi": "Cara agregasi",
    "rumus_negatif": "Rumus negatif",
    "unit_id": "Unit penanggung jawab",
    "baseline": "Baseline",
    "target_renstra": "Target Renstra",
    "tahun": "Tahun",
    "tahunan": "Target tahunan",
    "tahunan_atas": "Batas atas tahunan",
    "triwulan": "Target triwulan",
    "triwulan_atas": "Batas atas triwulan",
}


def _model(cls: type[BaseModel], data: dict) -> BaseModel:
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise ValueError(pesan_validasi(exc, LABEL)) from exc


def _cek_unit_instansi(cur: duckdb.DuckDBPyConnection, unit_id: int, instansi_id: int) -> None:
    if lokasi.instansi_unit(cur, unit_id) != instansi_id:
        raise ValueError("Unit penanggung jawab bukan bagian dari instansi ini.")


# ---------------------------------------------------------------- units


def daftar_unit(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    akses.cek_instansi(instansi_id)
    df = store.fetch_df(cur, "unit_list", [instansi_id])
    if not akses.seluruh_instansi:
        df = df[df["id"] == akses.unit_id]
    return df.reset_index(drop=True)


def simpan_unit(
    cur: duckdb.DuckDBPyConnection, akses: Akses, data: dict, unit_id: int | None = None
) -> int:
    """Create (unit_id None) or edit a unit."""
    akses.wajib("admin")
    u = _model(UnitInput, data)
    akses.cek_instansi(u.instansi_id)
    dup = cur.execute(store.sql("unit_kode"), [u.instansi_id, u.kode]).fetchone()
    if dup and dup[0] != unit_id:
        raise ValueError(f"Kode unit '{u.kode}' sudah dipakai di instansi ini.")
    with store.transaction(cur):
        if unit_id is None:
            unit_id = cur.execute(
                store.sql("unit_insert"), [u.instansi_id, u.kode, u.nama, u.jenis, u.aktif]
            ).fetchone()[0]
            jenis = "unit_dibuat"
        else:
            cur.execute(store.sql("unit_update"), [u.kode, u.nama, u.jenis, u.aktif, unit_id])
            jenis = "unit_diubah"
        store.log_event(
            cur,
            jenis,
            pengguna=akses.username,
            peran="admin",
            objek="unit",
            objek_id=unit_id,
            catatan=f"{u.kode} {u.nama}",
        )
    return int(unit_id)


# ---------------------------------------------------------------- indicators and targets


def daftar_indikator(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int
) -> pd.DataFrame:
    lingkup = akses.lingkup_unit(instansi_id, None)
    return store.fetch_df(cur, "indikator_list", [instansi_id, lingkup])


def target_indikator(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int, tahun: int
) -> dict:
    """Targets of one indicator and year as the form needs them."""
    lokasi.baca_indikator(cur, akses, indikator_id)
    rows = store.fetch_all(cur, "target_indikator", [indikator_id, tahun])
    by_tw = {tw: (n, a) for tw, n, a in rows}
    return {
        "tahun": tahun,
        "tahunan": by_tw.get(0, (None, None))[0],
        "tahunan_atas": by_tw.get(0, (None, None))[1],
        "triwulan": [by_tw.get(i, (None, None))[0] for i in range(1, 5)],
        "triwulan_atas": [by_tw.get(i, (None, None))[1] for i in range(1, 5)],
    }


def simpan_indikator(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    data: dict,
    target: dict | None = None,
    indikator_id: int | None = None,
) -> int:
    """Create or edit an indicator and, optionally, its targets for one year, in one
    transaction: either everything is saved or nothing is."""
    akses.wajib("admin")
    ind = _model(IndikatorInput, data)
    akses.cek_instansi(ind.instansi_id)
    _cek_unit_instansi(cur, ind.unit_id, ind.instansi_id)
    tgt = _model(TargetInput, target) if target is not None else None
    dup = cur.execute(store.sql("indikator_kode"), [ind.instansi_id, ind.kode]).fetchone()
    if dup and dup[0] != indikator_id:
        raise ValueError(f"Kode indikator '{ind.kode}' sudah dipakai di instansi ini.")
    nilai = [
        ind.instansi_id,
        ind.unit_id,
        ind.kode,
        ind.nama,
        ind.jenis,
        ind.satuan,
        ind.polaritas,
        ind.cara_agregasi,
        ind.rumus_negatif,
        ind.boleh_negatif,
        ind.definisi,
        ind.sumber_data,
        ind.baseline,
        ind.target_renstra,
        ind.aktif,
    ]
    with store.transaction(cur):
        if indikator_id is None:
            indikator_id = cur.execute(store.sql("indikator_insert"), nilai).fetchone()[0]
            jenis = "indikator_dibuat"
        else:
            cur.execute(store.sql("indikator_update"), [*nilai, indikator_id])
            jenis = "indikator_diubah"
        if tgt is not None:
            cur.execute(store.sql("target_hapus"), [indikator_id, tgt.tahun])
            baris = [(0, tgt.tahunan, tgt.tahunan_atas)] + [
                (i + 1, lo, hi)
                for i, (lo, hi) in enumerate(zip(tgt.triwulan, tgt.triwulan_atas, strict=True))
                if lo is not None
            ]
            for tw, lo, hi in baris:
                cur.execute(store.sql("target_insert"), [indikator_id, tgt.tahun, tw, lo, hi])
        store.log_event(
            cur,
            jenis,
            pengguna=akses.username,
            peran="admin",
            objek="indikator",
            objek_id=indikator_id,
            catatan=f"{ind.kode}" + (f"; target {tgt.tahun}" if tgt else ""),
        )
    return int(indikator_id)
