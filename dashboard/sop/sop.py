"""SOP library: validate the package's sumber/sop/*.yaml (pydantic) and load them into the store.

A bad file is refused whole, with a message naming the file, the step and the field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dashboard.inti import config, store
from dashboard.sop.mutu_baku import parse_waktu


class SopError(ValueError):
    """An SOP file that cannot be loaded; the message says where and why."""


def _teks_opsional(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


class Langkah(BaseModel):
    model_config = ConfigDict(extra="forbid")

    no: str
    aktivitas: str = Field(min_length=1)
    pelaksana: list[str] = Field(min_length=1)
    kelengkapan: str | None = None
    waktu: str | None = None
    output: str | None = None
    keterangan: str | None = None

    @field_validator("no", mode="before")
    @classmethod
    def _no_teks(cls, v: object) -> str:
        # Step numbers are kept exactly as written, so they must be text in the file too.
        if not isinstance(v, str):
            raise ValueError("nomor langkah harus ditulis sebagai teks, misalnya '1'")
        return v

    @field_validator("kelengkapan", "waktu", "output", "keterangan", mode="before")
    @classmethod
    def _opsional(cls, v: object) -> str | None:
        return _teks_opsional(v)


class Sop(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kode: str = Field(pattern=r"^[a-z0-9_]+$")
    seed: str | None = None
    nomor: str | None = None
    nama: str = Field(min_length=1)
    instansi: str = Field(min_length=1)
    tanggal_pembuatan: str | None = None
    tanggal_revisi: str | None = None
    tanggal_efektif: str | None = None
    disahkan_oleh: str | None = None
    dasar_hukum: list[str] = []
    keterkaitan: list[str] = []
    peringatan: str | None = None
    kualifikasi_pelaksana: list[str] = []
    peralatan: list[str] = []
    pencatatan: list[str] = []
    pelaksana: list[str] = Field(min_length=1)
    langkah: list[Langkah] = Field(min_length=1)

    @field_validator(
        "nomor",
        "tanggal_pembuatan",
        "tanggal_revisi",
        "tanggal_efektif",
        "disahkan_oleh",
        "peringatan",
        "seed",
        mode="before",
    )
    @classmethod
    def _opsional(cls, v: object) -> str | None:
        return _teks_opsional(v)

    @model_validator(mode="after")
    def _pelaksana_dikenal(self) -> Sop:
        for i, step in enumerate(self.langkah):
            asing = [p for p in step.pelaksana if p not in self.pelaksana]
            if asing:
                raise ValueError(
                    f"langkah ke-{i + 1} (no {step.no!r}), kolom pelaksana: {', '.join(asing)} "
                    "tidak ada di daftar pelaksana SOP"
                )
        return self


def _lokasi(err: Mapping[str, Any], data: object) -> str:
    loc = list(err.get("loc", ()))
    if len(loc) >= 2 and loc[0] == "langkah" and isinstance(loc[1], int):
        no = None
        if isinstance(data, dict) and isinstance(data.get("langkah"), list):
            langkah = data["langkah"]
            if loc[1] < len(langkah) and isinstance(langkah[loc[1]], dict):
                no = langkah[loc[1]].get("no")
        kolom = ".".join(str(x) for x in loc[2:]) or "(langkah)"
        return f"langkah ke-{loc[1] + 1} (no {no!r}), kolom {kolom}"
    return "kolom " + (".".join(str(x) for x in loc) or "(berkas)")


def parse_sop(teks: str, nama_berkas: str) -> Sop:
    """Validate one SOP document (YAML text); raise SopError naming file, step and field."""
    try:
        data = yaml.safe_load(teks)
    except yaml.YAMLError as exc:
        raise SopError(f"{nama_berkas}: YAML tidak valid: {exc}") from exc
    if not isinstance(data, dict):
        raise SopError(f"{nama_berkas}: isi berkas harus berupa pemetaan kunci SOP.")
    try:
        return Sop.model_validate(data)
    except ValidationError as exc:
        pesan = "; ".join(f"{_lokasi(e, data)}: {e['msg']}" for e in exc.errors())
        raise SopError(f"{nama_berkas}: {pesan}") from exc


def load_file(path: Path) -> Sop:
    try:
        teks = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SopError(f"{path.name}: berkas tidak dapat dibaca: {exc}") from exc
    return parse_sop(teks, path.name)


def load_library(folder: Path | None = None) -> list[Sop]:
    """Every SOP of the shipped library, validated; the first bad file stops the load."""
    folder = folder or config.SOP_DIR
    return [load_file(p) for p in sorted(folder.glob("*.yaml"))]


def save_sop(cur: duckdb.DuckDBPyConnection, sop: Sop, sumber: str | None = None) -> int:
    """Store an SOP as a new revision of its kode (one transaction); return the sop id."""
    with store.transaction(cur):
        revisi = store.satu(
            cur.execute(store.sql("sop_next_revisi"), {"kode": sop.kode}).fetchone()
        )[0]
        sop_id = store.satu(
            cur.execute(
                store.sql("sop_insert"),
                {
                    "kode": sop.kode,
                    "revisi": revisi,
                    "nomor": sop.nomor,
                    "nama": sop.nama,
                    "instansi": sop.instansi,
                    "tanggal_pembuatan": sop.tanggal_pembuatan,
                    "tanggal_revisi": sop.tanggal_revisi,
                    "tanggal_efektif": sop.tanggal_efektif,
                    "disahkan_oleh": sop.disahkan_oleh,
                    "dasar_hukum": json.dumps(sop.dasar_hukum),
                    "keterkaitan": json.dumps(sop.keterkaitan),
                    "peringatan": sop.peringatan,
                    "kualifikasi_pelaksana": json.dumps(sop.kualifikasi_pelaksana),
                    "peralatan": json.dumps(sop.peralatan),
                    "pencatatan": json.dumps(sop.pencatatan),
                    "pelaksana": json.dumps(sop.pelaksana),
                    "sumber": sumber,
                },
            ).fetchone()
        )[0]
        for urutan, step in enumerate(sop.langkah, start=1):
            w = parse_waktu(step.waktu)
            cur.execute(
                store.sql("sop_langkah_insert"),
                {
                    "sop_id": sop_id,
                    "urutan": urutan,
                    "no": step.no,
                    "aktivitas": step.aktivitas,
                    "pelaksana": json.dumps(step.pelaksana),
                    "kelengkapan": step.kelengkapan,
                    "waktu": step.waktu,
                    "hari": w.hari,
                    "menit": w.menit,
                    "basis": w.basis,
                    "output": step.output,
                    "keterangan": step.keterangan,
                },
            )
    return int(sop_id)


def load_library_into(cur: duckdb.DuckDBPyConnection, folder: Path | None = None) -> int:
    """Validate the whole library first, then store each SOP not yet in the store."""
    sops = load_library(folder)
    known = {r[0] for r in store.fetch_all(cur, "sop_kode_list")}
    count = 0
    for s in sops:
        if s.kode not in known:
            save_sop(cur, s, sumber=f"sumber/sop/{s.kode}.yaml")
            count += 1
    return count
