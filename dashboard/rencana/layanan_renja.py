"""Renja form E.81 (Permendagri 86/2017, docs/DOMAIN.md §9.12): the Renstra years so far, the
spending of those years, the open monev follow-ups and the two signers, read for
`dashboard.laporan.renja`; the signers are a setting per instansi (admin, Pengelola Monev).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import InitErrorDetails

from dashboard.akun.akses import Akses
from dashboard.capaian import layanan_capaian as capaian
from dashboard.capaian.skala import Skala
from dashboard.inti import formats, store
from dashboard.inti.dokumen import Penandatangan
from dashboard.inti.validasi import pesan_validasi
from dashboard.laporan import renja
from dashboard.laporan.data import Permintaan, Tabel
from dashboard.rapat import tindak_lanjut as aturan_tl

KUNCI = "renja_penandatangan"  # pengaturan: {"disusun": {...}, "dievaluasi": {...}}
PERAN_UBAH = ("admin", "pengelola_monev")
TITIK = "." * 40  # an evaluator not set: a dotted line for the name, written by hand


class Pejabat(BaseModel):
    """One signer as typed; empty fields fall back to the defaults."""

    model_config = ConfigDict(str_strip_whitespace=True)

    jabatan: str = Field(default="", max_length=200)
    nama: str = Field(default="", max_length=200)
    nip: str = Field(default="", max_length=30)

    @field_validator("nip")
    @classmethod
    def _nip(cls, v: str) -> str:
        if not re.fullmatch(r"[0-9 ]*", v):
            raise ValueError("hanya boleh berisi angka dan spasi")
        return v


class PenandatanganRenja(BaseModel):
    disusun: Pejabat = Pejabat()
    dievaluasi: Pejabat = Pejabat()


LABEL = {"jabatan": "Jabatan", "nama": "Nama", "nip": "NIP"}


def _pesan(exc: ValidationError) -> str:
    """Indonesian lines naming the block and the field ("Dievaluasi, NIP ...")."""
    baris = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        kolom = ", ".join([*(x.capitalize() for x in loc[:-1]), LABEL.get(loc[-1], loc[-1])])
        detail: InitErrorDetails = {"type": e["type"], "loc": ("x",), "input": e["input"]}
        if "ctx" in e:
            detail["ctx"] = e["ctx"]
        satu = ValidationError.from_exception_data(exc.title, [detail])
        baris.append(pesan_validasi(satu, {"x": kolom}))
    return " ".join(dict.fromkeys(baris))


def penandatangan(cur: duckdb.DuckDBPyConnection, instansi_id: int) -> PenandatanganRenja:
    """The instansi's setting, or empty (defaults apply)."""
    row = store.fetch_all(cur, "pengaturan_get", {"instansi_id": instansi_id, "kunci": KUNCI})
    if not row:
        return PenandatanganRenja()
    try:
        return PenandatanganRenja.model_validate_json(row[0][0])
    except ValidationError:
        return PenandatanganRenja()


def penandatangan_instansi(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int
) -> PenandatanganRenja:
    """The setting for the Laporan page (any role that reads the instansi)."""
    akses.cek_instansi(instansi_id)
    return penandatangan(cur, instansi_id)


def simpan_penandatangan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, data: dict
) -> PenandatanganRenja:
    """Save the two signers of the form (admin or Pengelola Monev of the instansi), with an
    event keeping the old and the new value."""
    akses.wajib(*PERAN_UBAH)
    akses.cek_instansi(instansi_id)
    try:
        baru = PenandatanganRenja.model_validate(data)
    except ValidationError as exc:
        raise ValueError(_pesan(exc)) from exc
    lama = penandatangan(cur, instansi_id)
    with store.transaction(cur):
        cur.execute(store.sql("pengaturan_hapus"), {"instansi_id": instansi_id, "kunci": KUNCI})
        cur.execute(
            store.sql("pengaturan_insert"),
            {"instansi_id": instansi_id, "kunci": KUNCI, "nilai": baru.model_dump_json()},
        )
        store.log_event(
            cur,
            "penandatangan_renja_diubah",
            pengguna=akses.username,
            peran=next(p for p in PERAN_UBAH if p in akses.peran),
            objek="instansi",
            objek_id=instansi_id,
            data=json.dumps(
                {"lama": lama.model_dump(), "baru": baru.model_dump()}, ensure_ascii=False
            ),
        )
    return baru


def tanda_tangan(
    setelan: PenandatanganRenja, ins: pd.Series, kota: str, tanggal: dt.date, kepala: Penandatangan
) -> tuple[Penandatangan, Penandatangan]:
    """ "Disusun" by the head of the perangkat daerah (the setting, else the report's signer),
    "Dievaluasi" by the Kepala Bappeda (the setting; a dotted line for the name and no NIP,
    written by hand, when not set)."""
    d, e = setelan.disusun, setelan.dievaluasi
    pemda = formats.teks(ins["pemda"]) or ""
    return (
        Penandatangan(
            kota=kota,
            tanggal=tanggal,
            jabatan=d.jabatan or kepala.jabatan,
            nama=d.nama or kepala.nama,
            nip=d.nip or kepala.nip,
            keterangan="Disusun",
        ),
        Penandatangan(
            kota=kota,
            tanggal=tanggal,
            jabatan=e.jabatan or f"Kepala Bappeda {pemda}".strip(),
            nama=e.nama or TITIK,  # to be written by hand
            nip=e.nip or None,
            keterangan="Dievaluasi",
        ),
    )


def tahun_renstra_lalu(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> list[int]:
    """The stored years of the Renstra period before `tahun`: from its first year (the
    earliest Renstra target year within the four years before), else the four years before."""
    awal = store.fetch_all(
        cur, "laporan_renstra_awal", {"instansi_id": instansi_id, "tahun": tahun}
    )
    mulai = awal[0][0] if awal and awal[0][0] is not None else tahun - 4
    return [th for th in capaian.tahun_tersedia(cur, akses, instansi_id) if mulai <= th < tahun]


def tabel(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    p: Permintaan,
    unit_id: int | None,
    ind: pd.DataFrame,
    skala: Skala,
) -> Tabel:
    """The E.81 table of the request: `ind` (this year, quarter n) completed with the Renstra
    years so far, their spending and the open follow-ups."""
    from dashboard.laporan import layanan_laporan as svc  # the report service reads the years

    n = p.triwulan
    tahun_lalu = sorted(tahun_renstra_lalu(cur, akses, p.instansi_id, p.tahun))
    per_tahun = [
        svc.indikator_laporan(
            cur, akses, p.instansi_id, th, 4, unit_id, p.termasuk_belum_sah
        ).set_index("id")["realisasi_sd"]
        for th in tahun_lalu
    ]
    ind = ind.assign(
        renstra_lalu=[[capaian.angka_atau_none(s.get(i)) for s in per_tahun] for i in ind["id"]]
    )
    ang = svc.anggaran_laporan(cur, akses, p.instansi_id, p.tahun, unit_id)
    belanja = [svc.anggaran_laporan(cur, akses, p.instansi_id, th, unit_id) for th in tahun_lalu]
    if belanja:
        semua = pd.concat(belanja)
        per_sub = (
            semua[["rp1", "rp2", "rp3", "rp4"]]
            .sum(axis=1, min_count=1)
            .groupby(semua["sub_kegiatan_id"])
            .sum(min_count=1)
        )
        ang["rp_lalu"] = ang["sub_kegiatan_id"].map(per_sub)
    else:
        ang["rp_lalu"] = None
    tl = store.fetch_df(
        cur,
        "laporan_renja_tindak_lanjut",
        {
            "instansi_id": p.instansi_id,
            "tahun": p.tahun,
            "triwulan": n,
            "unit_id": unit_id,
            "status": aturan_tl.terbuka_sql(),
        },
    )
    return renja.tabel_renja(ind, ang, tl, n, p.tahun, p.termasuk_belum_sah, skala)
