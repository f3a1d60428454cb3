"""Admin services: units, indicators and their targets. Validated with pydantic, one transaction
per save, so nothing is ever saved half."""

from __future__ import annotations

import math

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses
from dashboard.inti import store
from dashboard.inti.batas import PANJANG_CATATAN, PANJANG_NAMA, periksa_angka
from dashboard.inti.validasi import M, validasi
from dashboard.rencana import rencana
from dashboard.rencana.rencana import (
    CARA_AGREGASI,
    JENIS_INDIKATOR,
    JENIS_UNIT,
    POLARITAS,
    RUMUS_NEGATIF,
)


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


# IndikatorInput fields that are not indikator columns (the plan link and the PK flag, saved by
# indikator_kedudukan), and the columns a new row needs before indikator_simpan writes the rest.
_BUKAN_KOLOM = {"tingkat", "node_id", "pk"}
_KOLOM_BARU = ("instansi_id", "unit_id", "kode", "nama", "jenis", "satuan")


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
    # the plan node it hangs on (Tujuan .. Sub Kegiatan and its id); None: not linked yet
    tingkat: str | None = None
    node_id: int | None = None
    pk: bool = False

    @field_validator("tingkat")
    @classmethod
    def _tingkat(cls, v: str | None) -> str | None:
        return None if v is None else _salah_satu(v, rencana.TINGKAT)

    @model_validator(mode="after")
    def _node(self) -> IndikatorInput:
        if (self.tingkat is None) != (self.node_id is None):
            raise ValueError("Pilih tingkat dan simpul rencana tempat indikator ini bergantung.")
        return self

    @field_validator("jenis")
    @classmethod
    def _jenis(cls, v: str) -> str:
        return _salah_satu(v, JENIS_INDIKATOR)

    @field_validator("polaritas")
    @classmethod
    def _polaritas(cls, v: str) -> str:
        return _salah_satu(v, POLARITAS)

    @field_validator("cara_agregasi")
    @classmethod
    def _agregasi(cls, v: str) -> str:
        return _salah_satu(v, CARA_AGREGASI)

    @field_validator("rumus_negatif")
    @classmethod
    def _rumus(cls, v: str) -> str:
        return _salah_satu(v, RUMUS_NEGATIF)

    @field_validator("baseline", "target_renstra")
    @classmethod
    def _hingga(cls, v: float | None) -> float | None:
        alasan = periksa_angka(v)
        if alasan:
            raise ValueError(alasan)
        return v


def _empat_kosong() -> list[float | None]:
    """No upper bound in any quarter (a range target is the exception)."""
    return [None] * 4


class TargetInput(BaseModel):
    """Annual PK target (triwulan 0) and quarterly targets; `*_atas` set makes a range."""

    tahun: int = Field(ge=2000, le=2100)
    tahunan: float
    tahunan_atas: float | None = None
    triwulan: list[float | None] = Field(min_length=4, max_length=4)
    triwulan_atas: list[float | None] = Field(
        default_factory=_empat_kosong, min_length=4, max_length=4
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
    "tingkat": "Tingkat rencana",
    "node_id": "Kedudukan dalam rencana",
}


class PerluKonfirmasi(ValueError):
    """The targets do not aggregate to the annual one: saved only once the admin confirms."""

    def __init__(self, peringatan: list[str]) -> None:
        self.peringatan = peringatan
        super().__init__(
            " ".join(peringatan) + " Periksa lalu centang konfirmasi untuk tetap menyimpan."
        )


def _model(cls: type[M], data: dict) -> M:
    return validasi(cls, data, LABEL)


def _cek_unit_instansi(cur: duckdb.DuckDBPyConnection, unit_id: int, instansi_id: int) -> None:
    if lokasi.instansi_unit(cur, unit_id) != instansi_id:
        raise ValueError("Unit penanggung jawab bukan bagian dari instansi ini.")


# ---------------------------------------------------------------- units


def daftar_unit(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    akses.cek_instansi(instansi_id)
    df = store.fetch_df(cur, "unit_list", {"instansi_id": instansi_id})
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
    dup = cur.execute(
        store.sql("unit_kode"), {"instansi_id": u.instansi_id, "kode": u.kode}
    ).fetchone()
    if dup and dup[0] != unit_id:
        raise ValueError(f"Kode unit '{u.kode}' sudah dipakai di instansi ini.")
    with store.transaction(cur):
        if unit_id is None:
            unit_id = store.satu(
                cur.execute(
                    store.sql("unit_insert"),
                    {
                        "instansi_id": u.instansi_id,
                        "kode": u.kode,
                        "nama": u.nama,
                        "jenis": u.jenis,
                        "aktif": u.aktif,
                    },
                ).fetchone()
            )[0]
            jenis = "unit_dibuat"
        else:
            cur.execute(
                store.sql("unit_update"),
                {
                    "kode": u.kode,
                    "nama": u.nama,
                    "jenis": u.jenis,
                    "aktif": u.aktif,
                    "unit_id": unit_id,
                },
            )
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
    return store.fetch_df(cur, "indikator_list", {"instansi_id": instansi_id, "lingkup": lingkup})


def target_indikator(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int, tahun: int
) -> dict:
    """Targets of one indicator and year as the form needs them."""
    lokasi.baca_indikator(cur, akses, indikator_id)
    return _target_dict(cur, indikator_id, tahun)


def _target_dict(cur: duckdb.DuckDBPyConnection, indikator_id: int, tahun: int) -> dict:
    rows = store.fetch_all(cur, "target_indikator", {"indikator_id": indikator_id, "tahun": tahun})
    by_tw = {tw: (n, a) for tw, n, a in rows}
    return {
        "tahun": tahun,
        "tahunan": by_tw.get(0, (None, None))[0],
        "tahunan_atas": by_tw.get(0, (None, None))[1],
        "triwulan": [by_tw.get(i, (None, None))[0] for i in range(1, 5)],
        "triwulan_atas": [by_tw.get(i, (None, None))[1] for i in range(1, 5)],
    }


def _kedudukan(
    cur: duckdb.DuckDBPyConnection,
    instansi_id: int,
    tingkat: str | None,
    node_id: int | None,
    tersimpan: tuple | None = None,
) -> list[int | None]:
    """The five link columns (tujuan_id .. sub_kegiatan_id) for a node of the instansi's plan:
    exactly one set, or none when the indicator is not linked yet. A retired node is refused
    unless the indicator already hangs on it (`tersimpan`: its stored link columns)."""
    kolom: list[int | None] = [None] * len(rencana.TINGKAT)
    if tingkat is None:
        return kolom
    pohon = store.fetch_df(cur, "rencana_pohon", {"instansi_id": instansi_id})
    node = pohon[(pohon["tingkat"] == tingkat) & (pohon["id"] == node_id)]
    if node.empty:
        raise ValueError(f"{tingkat} yang dipilih bukan bagian dari rencana instansi ini.")
    kolom[rencana.TINGKAT.index(tingkat)] = node_id
    if not bool(node["aktif"].iloc[0]) and (tersimpan is None or list(tersimpan) != kolom):
        raise ValueError(
            f"{tingkat} {node['kode'].iloc[0]} sudah nonaktif; pilih simpul rencana yang aktif."
        )
    return kolom


def _target_sama(a: dict, b: dict) -> bool:
    """Two target dicts (as `target_indikator` returns them) hold the same numbers."""

    def rata(t: dict) -> list:
        return [
            t.get("tahunan"),
            t.get("tahunan_atas"),
            *(t.get("triwulan") or [None] * 4),
            *(t.get("triwulan_atas") or [None] * 4),
        ]

    return all(
        (x is None) == (y is None) and (x is None or math.isclose(x, y, abs_tol=1e-9))
        for x, y in zip(rata(a), rata(b), strict=True)
    )


def simpan_indikator(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    data: dict,
    target: dict | None = None,
    indikator_id: int | None = None,
    konfirmasi: bool = False,
    target_awal: dict | None = None,
) -> int:
    """Create or edit an indicator (with the plan node it hangs on and its PK flag) and,
    optionally, its targets for one year, in one transaction: everything or nothing.

    Targets go through `rencana.periksa_target`: an error refuses the save; a warning (the
    quarters do not aggregate to the annual target) refuses it unless `konfirmasi`.
    `target_awal` is the year's targets as the form loaded them: if someone else changed them
    since, nothing is saved (KonflikData)."""
    akses.wajib("admin")
    ind = _model(IndikatorInput, data)
    akses.cek_instansi(ind.instansi_id)
    _cek_unit_instansi(cur, ind.unit_id, ind.instansi_id)
    if indikator_id is not None and lokasi.indikator(cur, indikator_id)[0] != ind.instansi_id:
        raise ValueError("Indikator bukan bagian dari instansi ini.")
    for nama, v in (("Baseline", ind.baseline), ("Target Renstra", ind.target_renstra)):
        alasan = periksa_angka(v)
        if alasan:
            raise ValueError(f"{nama}: {alasan}.")
    tgt = _model(TargetInput, target) if target is not None else None
    if tgt is not None:
        galat, peringatan = rencana.periksa_target(
            ind.cara_agregasi, tgt.tahunan, tgt.triwulan, tgt.tahunan_atas, tgt.triwulan_atas
        )
        if galat:
            raise ValueError(" ".join(galat))
        if peringatan and not konfirmasi:
            raise PerluKonfirmasi(peringatan)
    dup = cur.execute(
        store.sql("indikator_kode"), {"instansi_id": ind.instansi_id, "kode": ind.kode}
    ).fetchone()
    if dup and dup[0] != indikator_id:
        raise ValueError(f"Kode indikator '{ind.kode}' sudah dipakai di instansi ini.")
    ubah_kedudukan = indikator_id is None or "tingkat" in data or "node_id" in data
    lama = (
        cur.execute(store.sql("indikator_kedudukan_get"), {"indikator_id": indikator_id}).fetchone()
        if indikator_id is not None
        else None
    )
    kedudukan = _kedudukan(
        cur, ind.instansi_id, ind.tingkat, ind.node_id, lama[:5] if lama else None
    )
    # the row's attributes by name, straight from the model: a new attribute is a field of
    # IndikatorInput and a column of indikator_simpan.sql, nothing else here
    nilai = ind.model_dump(exclude=_BUKAN_KOLOM)
    with store.transaction(cur):
        if indikator_id is None:
            baru = {k: nilai[k] for k in _KOLOM_BARU}
            indikator_id = store.satu(cur.execute(store.sql("indikator_baru"), baru).fetchone())[0]
            jenis = "indikator_dibuat"
        else:
            jenis = "indikator_diubah"
        cur.execute(store.sql("indikator_simpan"), {**nilai, "indikator_id": indikator_id})
        tersimpan = store.satu(
            cur.execute(
                store.sql("indikator_kedudukan_get"), {"indikator_id": indikator_id}
            ).fetchone()
        )
        cur.execute(
            store.sql("indikator_kedudukan"),
            {
                **dict(
                    zip(
                        rencana.KOLOM_INDIKATOR.values(),
                        kedudukan if ubah_kedudukan else tersimpan[:5],
                        strict=True,
                    )
                ),
                "pk": ind.pk if "pk" in data or indikator_id is None else tersimpan[5],
                "indikator_id": indikator_id,
            },
        )
        if tgt is not None:
            if target_awal is not None:
                kini = _target_dict(cur, indikator_id, tgt.tahun)
                if not _target_sama(kini, target_awal):
                    raise store.KonflikData(
                        "Target telah diubah pengguna lain sejak formulir dibuka; tidak ada "
                        "yang disimpan. Formulir dimuat ulang dengan nilai terbaru."
                    )
            cur.execute(
                store.sql("target_hapus"), {"indikator_id": indikator_id, "tahun": tgt.tahun}
            )
            baris = [(0, tgt.tahunan, tgt.tahunan_atas)] + [
                (i + 1, lo, hi)
                for i, (lo, hi) in enumerate(zip(tgt.triwulan, tgt.triwulan_atas, strict=True))
                if lo is not None
            ]
            for tw, lo, hi in baris:
                cur.execute(
                    store.sql("target_insert"),
                    {
                        "indikator_id": indikator_id,
                        "tahun": tgt.tahun,
                        "triwulan": tw,
                        "nilai": lo,
                        "nilai_atas": hi,
                    },
                )
        store.log_event(
            cur,
            jenis,
            pengguna=akses.username,
            peran="admin",
            objek="indikator",
            objek_id=indikator_id,
            catatan=f"{ind.kode}"
            + (f"; target {tgt.tahun}" if tgt else "")
            + ("; peringatan target dikonfirmasi" if tgt and konfirmasi else ""),
        )
    return int(indikator_id)


# ---------------------------------------------------------------- Renstra targets per year


def target_renstra(cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int) -> pd.DataFrame:
    """The Renstra target of every stored year of an indicator (tahun, nilai, nilai_atas)."""
    lokasi.baca_indikator(cur, akses, indikator_id)
    return store.fetch_df(cur, "target_renstra_list", {"indikator_id": indikator_id})


def simpan_target_renstra(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    indikator_id: int,
    baris: list[dict],
    awal: list[dict] | None = None,
) -> int:
    """Replace the Renstra targets of an indicator by `baris` (tahun, nilai, nilai_atas; a row
    without nilai is dropped) in one transaction; the indicator's "target akhir Renstra" becomes
    the last year's value. Errors (bounds, range upper below lower, an upper bound alone, mixed
    single and range within the period, a year twice) refuse the save. `awal` as loaded: a
    change by someone else since refuses it too (KonflikData)."""
    akses.wajib("admin")
    instansi_id, _ = lokasi.indikator(cur, indikator_id)
    akses.cek_instansi(instansi_id)
    galat: list[str] = []
    bersih: list[tuple[int, float, float | None]] = []
    for b in baris:
        th, lo, hi = b.get("tahun"), b.get("nilai"), b.get("nilai_atas")
        lo = None if lo is None or lo != lo else float(lo)
        hi = None if hi is None or hi != hi else float(hi)
        if lo is None and hi is None:
            continue
        if th is None or th != th or not 2000 <= int(th) <= 2100:
            galat.append("Tahun Renstra harus antara 2000 dan 2100.")
            continue
        th = int(th)
        for v in (lo, hi):
            alasan = periksa_angka(v)
            if alasan:
                galat.append(f"Renstra {th}: {alasan}.")
        if lo is None:
            galat.append(f"Renstra {th}: batas atas diisi tanpa batas bawahnya.")
            continue
        if hi is not None and hi < lo:
            galat.append(f"Renstra {th}: batas atas lebih kecil dari batas bawahnya.")
        bersih.append((th, lo, hi))
    tahun = [b[0] for b in bersih]
    if len(set(tahun)) != len(tahun):
        galat.append("Satu tahun Renstra diisi dua kali.")
    if len({hi is None for _, _, hi in bersih}) > 1:
        galat.append(
            "Target Renstra tunggal dan rentang tidak boleh dicampur dalam satu periode: isi "
            "batas atas untuk semua tahun, atau kosongkan semuanya."
        )
    if galat:
        raise ValueError(" ".join(dict.fromkeys(galat)))
    bersih.sort()
    with store.transaction(cur):
        if awal is not None:
            kini = store.fetch_all(cur, "target_renstra_list", {"indikator_id": indikator_id})
            dulu = sorted(
                (int(a["tahun"]), a["nilai"], a.get("nilai_atas"))
                for a in awal
                if a.get("nilai") is not None and a.get("nilai") == a.get("nilai")
            )
            if [(int(t), n, a if a == a else None) for t, n, a in kini] != [
                (t, n, a if a is not None and a == a else None) for t, n, a in dulu
            ]:
                raise store.KonflikData(
                    "Target Renstra telah diubah pengguna lain sejak formulir dibuka; tidak ada "
                    "yang disimpan. Formulir dimuat ulang dengan nilai terbaru."
                )
        cur.execute(store.sql("target_renstra_hapus"), {"indikator_id": indikator_id})
        for th, lo, hi in bersih:
            cur.execute(
                store.sql("target_renstra_insert"),
                {"indikator_id": indikator_id, "tahun": th, "nilai": lo, "nilai_atas": hi},
            )
        if bersih:
            cur.execute(
                store.sql("indikator_renstra_akhir"),
                {"target_renstra": bersih[-1][1], "indikator_id": indikator_id},
            )
        store.log_event(
            cur,
            "target_renstra_disimpan",
            pengguna=akses.username,
            peran="admin",
            objek="indikator",
            objek_id=indikator_id,
            catatan=", ".join(str(t) for t in tahun),
        )
    return len(bersih)
