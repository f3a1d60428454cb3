"""Capaian services: targets and realisations read by named queries, computed by the engine."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails, InitErrorDetails

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses
from dashboard.capaian import capaian as engine
from dashboard.capaian import skala as skala_mod
from dashboard.capaian.skala import SKALA_BAKU, Skala
from dashboard.inti import store
from dashboard.inti.validasi import pesan_validasi

KOLOM_HASIL = [
    "target_sd",
    "target_atas_sd",
    "realisasi_sd",
    "capaian",
    "status",
    "kategori",
    "level",
    "merah",
    "progres_tahunan",
    "status_tahunan",
    "progres_terpakai",
    "capaian_tahunan",
]


def angka_atau_none(x: Any) -> float | None:
    """A stored number as float; None for NULL, NaN or pd.NA."""
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return None
    return float(x)


def per_triwulan(row: object, awal: str, akhir: str = "") -> list[float | None]:
    """Quarters 1..4 of a pivoted `indikator_tahun` row, e.g. r1..r4 or t1_atas..t4_atas."""
    return [angka_atau_none(getattr(row, f"{awal}{i}{akhir}")) for i in range(1, 5)]


KUNCI_SKALA = "skala_kategori"  # the scale as dashboard/capaian/skala.py stores it
KUNCI_LAMA = "kategori_bands"  # the earlier setting: [[nama, bawah, atas], ...], still read


def _pilih_skala(rows: list[tuple], instansi_id: int | None) -> Skala:
    """From `pengaturan_skala` rows (instansi_id, kunci, nilai): the instansi's own setting
    before the default row (NULL instansi), the new key before the old, else Permendagri."""
    peringkat = {}
    for iid, kunci, nilai in rows:
        if iid is not None and iid != instansi_id:
            continue
        peringkat[(iid is None, kunci != KUNCI_SKALA)] = (kunci, nilai)
    if not peringkat:
        return SKALA_BAKU
    kunci, nilai = peringkat[min(peringkat)]
    return skala_mod.dari_json(nilai) if kunci == KUNCI_SKALA else skala_mod.dari_bands_lama(nilai)


def skala(cur: duckdb.DuckDBPyConnection, instansi_id: int) -> Skala:
    """The category scale of the instansi (bands, red levels, scoring cap): the one home every
    rule and view reads it from."""
    rows = store.fetch_all(
        cur, "pengaturan_skala", {"instansi_id": instansi_id, "kunci": [KUNCI_SKALA, KUNCI_LAMA]}
    )
    return _pilih_skala(rows, instansi_id)


def skala_semua(cur: duckdb.DuckDBPyConnection, instansi_ids: list[int]) -> dict[int, Skala]:
    """The scale of each instansi from one read (the cross-instansi comparison)."""
    rows = store.fetch_all(
        cur, "pengaturan_skala", {"instansi_id": None, "kunci": [KUNCI_SKALA, KUNCI_LAMA]}
    )
    return {int(i): _pilih_skala(rows, int(i)) for i in instansi_ids}


def skala_instansi(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> Skala:
    """The scale for a page of the instansi (legend, colours, count columns)."""
    akses.cek_instansi(instansi_id)
    return skala(cur, instansi_id)


class KategoriInput(BaseModel):
    """One band as typed; names, colours and bounds are checked by `Skala` itself."""

    model_config = ConfigDict(str_strip_whitespace=True)

    nama: str | None = None
    bawah: float | None = None
    warna: str | None = None
    merah: bool | None = False


class SkalaInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    nama: str = Field(default="Khusus", min_length=1, max_length=100)
    kategori: list[KategoriInput]
    batas_skor: float | None = None


LABEL = {
    "nama": "Nama",
    "kategori": "Kategori",
    "bawah": "batas bawah",
    "warna": "warna",
    "merah": "merah",
    "batas_skor": "Batas skor",
}


def _ulang(e: ErrorDetails, loc: tuple[int | str, ...]) -> InitErrorDetails:
    """A reported error again, at `loc`, as from_exception_data takes it (no msg, no url)."""
    detail: InitErrorDetails = {"type": e["type"], "loc": loc, "input": e["input"]}
    if "ctx" in e:
        detail["ctx"] = e["ctx"]
    return detail


def _pesan(exc: ValidationError) -> str:
    """Validation errors as Indonesian lines; a band's problem names the band by its row."""
    baris = []
    for e in exc.errors():
        loc = e.get("loc", ())
        if len(loc) >= 3 and loc[0] == "kategori" and isinstance(loc[1], int):
            kolom = f"Kategori ke-{loc[1] + 1}, {LABEL.get(str(loc[2]), str(loc[2]))}"
            baris.append(
                pesan_validasi(
                    ValidationError.from_exception_data(exc.title, [_ulang(e, ("x",))]),
                    {"x": kolom},
                )
            )
        else:
            baris.append(
                pesan_validasi(
                    ValidationError.from_exception_data(exc.title, [_ulang(e, e["loc"])]), LABEL
                )
            )
    return " ".join(dict.fromkeys(baris))


def skala_dari_input(data: dict) -> Skala:
    """An admin's scale, validated: bands in any order (each with nama, bawah, warna, merah),
    sorted high to low by lower bound with the one without a bound lowest; 2..7 bands, names
    unique, bounds strictly falling (no gaps, no overlaps), the red ones the lowest bands (at
    least one, never the top), the cap not below the top band's bound."""
    try:
        m = SkalaInput.model_validate(data)
    except ValidationError as exc:
        raise ValueError(_pesan(exc)) from exc
    urut = sorted(m.kategori, key=lambda k: (k.bawah is None, -(k.bawah or 0.0)))
    merah = [bool(k.merah) for k in urut]
    jumlah = sum(merah)
    if merah != [False] * (len(merah) - jumlah) + [True] * jumlah:
        raise ValueError("Kategori merah harus kategori-kategori terbawah yang berurutan.")
    return Skala(
        tuple(skala_mod.Kategori(k.nama or "", k.bawah, k.warna or "") for k in urut),
        jumlah,
        m.batas_skor,
        m.nama,
    )


def simpan_skala(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, data: dict
) -> Skala:
    """Save the instansi's scale (admin): replaces the setting (the earlier `kategori_bands`
    too) in one transaction with an event that keeps the old and the new scale."""
    akses.wajib("admin")
    akses.cek_instansi(instansi_id)
    baru = skala_dari_input(data)
    lama = skala(cur, instansi_id)
    with store.transaction(cur):
        for kunci in (KUNCI_SKALA, KUNCI_LAMA):
            cur.execute(store.sql("pengaturan_hapus"), {"instansi_id": instansi_id, "kunci": kunci})
        cur.execute(
            store.sql("pengaturan_insert"),
            {"instansi_id": instansi_id, "kunci": KUNCI_SKALA, "nilai": baru.ke_json()},
        )
        store.log_event(
            cur,
            "skala_kategori_diubah",
            pengguna=akses.username,
            peran="admin",
            objek="instansi",
            objek_id=instansi_id,
            dari=lama.nama,
            ke=baru.nama,
            catatan=", ".join(f"{n} {baru.rentang(i)}" for i, n in enumerate(baru.urut, 1)),
            data=json.dumps(
                {"lama": json.loads(lama.ke_json()), "baru": json.loads(baru.ke_json())},
                ensure_ascii=False,
            ),
        )
    return baru


def capaian_indikator(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
) -> pd.DataFrame:
    """Per indicator: targets and realisations of the year and both figures of docs/DOMAIN.md
    §4.5 for quarter `triwulan`, limited to what the caller may read."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    df = store.fetch_df(
        cur, "indikator_tahun", {"instansi_id": instansi_id, "tahun": tahun, "lingkup": lingkup}
    )
    return hitung_capaian(df, triwulan, skala(cur, instansi_id))


def _masukan(df: pd.DataFrame) -> list[tuple]:
    """Per row of an `indikator_tahun`-shaped frame, the engine's inputs: (indicator,
    realisations, targets, annual target, upper targets or None, annual upper target). Read
    column by column (a frame's rows one by one cost more than the engine itself)."""
    v = angka_atau_none
    kol = {c: df[c].tolist() for c in df.columns}
    q = range(1, 5)
    out = []
    for i in range(len(df)):
        ta = tuple(v(kol[f"t{n}_atas"][i]) for n in q)
        out.append(
            (
                engine.Indikator(
                    kol["polaritas"][i], kol["cara_agregasi"][i], kol["rumus_negatif"][i]
                ),
                tuple(v(kol[f"r{n}"][i]) for n in q),
                tuple(v(kol[f"t{n}"][i]) for n in q),
                v(kol["t0"][i]),
                ta if any(x is not None for x in ta) else None,
                v(kol["t0_atas"][i]),
            )
        )
    return out


# The engine's result for one indicator's inputs, kept: a pure function of hashable values (the
# frozen Indikator and Skala, floats and None), so a save recomputes only the indicators whose
# numbers it changed, not the instansi's every row (a cold Beranda after each save, issue 16).
# Bounded: about 600 bytes an entry.
_hitung_triwulan = lru_cache(maxsize=32_768)(engine.hitung_triwulan)


def _hasil(masukan: list[tuple], triwulan: int, sk: Skala) -> list[engine.HasilTriwulan]:
    return [
        _hitung_triwulan(ind, triwulan, r, t, t0, ta, t0a, sk) for ind, r, t, t0, ta, t0a in masukan
    ]


def _kolom_hasil(hasil: list[engine.HasilTriwulan], sk: Skala, index: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (
                h.target_sd,
                h.target_atas_sd,
                h.realisasi_sd,
                h.capaian,
                str(h.status),
                h.kategori,
                h.level,
                sk.merah(h.level),
                h.progres_tahunan,
                str(h.status_tahunan),
                h.progres_terpakai,
                h.capaian_tahunan,
            )
            for h in hasil
        ],
        columns=KOLOM_HASIL,
        index=index,
    )


def hitung_capaian(df: pd.DataFrame, triwulan: int, sk: Skala) -> pd.DataFrame:
    """The engine's figures (KOLOM_HASIL) for quarter `triwulan` added to every row of an
    `indikator_tahun`-shaped frame: one fetch serves every quarter of the year, and reports
    call it on values already limited to signed ones. `level` and `merah` (a red band of the
    instansi's scale) are what the rules ask, never the category's name."""
    hasil = _hasil(_masukan(df), triwulan, sk)
    return pd.concat([df, _kolom_hasil(hasil, sk, df.index)], axis=1)


def hasil_tiap_triwulan(df: pd.DataFrame, sk: Skala) -> dict[int, list[engine.HasilTriwulan]]:
    """The engine's result of every row for each quarter 1..4, the inputs read once."""
    masukan = _masukan(df)
    return {n: _hasil(masukan, n, sk) for n in range(1, 5)}


def hitung_capaian_tahun(df: pd.DataFrame, triwulan: int, sk: Skala) -> pd.DataFrame:
    """`hitung_capaian` for `triwulan`, plus the capaian, category and status of every quarter
    of the year (c1..c4, k1..k4, s1..s4: the heat map), from one reading of the inputs."""
    semua = hasil_tiap_triwulan(df, sk)
    out = pd.concat([df, _kolom_hasil(semua[triwulan], sk, df.index)], axis=1)
    tambahan: dict[str, list[float | str | None]] = {}
    for n, hasil in semua.items():
        tambahan[f"c{n}"] = [h.capaian for h in hasil]
        tambahan[f"k{n}"] = [h.kategori for h in hasil]
        tambahan[f"s{n}"] = [str(h.status) for h in hasil]
    return pd.concat([out, pd.DataFrame(tambahan, index=df.index)], axis=1)


def ringkas_per_unit(ind: pd.DataFrame, sk: Skala = SKALA_BAKU) -> pd.DataFrame:
    """Per unit: mean capaian of assessed indicators (each capped at the scale's `batas_skor`;
    categorised) and counts per category (by level, one column per band name) and status.
    Belum Diisi, Belum Dapat Dinilai and Tidak Ada Target are counted apart, never averaged;
    the counts add up to `jumlah_indikator`."""
    rows = []
    for (unit_id, unit_kode, unit_nama), g in ind.groupby(
        ["unit_id", "unit_kode", "unit_nama"], sort=True
    ):
        nilai = [angka_atau_none(v) for v in g["capaian"]]
        rata = engine.rata_rata_capaian(nilai, sk.batas_skor)
        row = {
            "unit_id": unit_id,
            "unit_kode": unit_kode,
            "unit": unit_nama,
            "jumlah_indikator": len(g),
            "dinilai": int((g["status"] == "Dinilai").sum()),
            "capaian": rata,
            "kategori": sk.kategori_nilai(rata),
            "level": sk.level(rata),
        }
        # every indicator in exactly one count column (engine.rekap_status)
        row |= engine.rekap_status(
            [str(v) for v in g["status"]],
            [None if pd.isna(v) else int(v) for v in g["level"]],
            sk,
        )
        rows.append(row)
    return pd.DataFrame(rows)


def capaian_per_bidang(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
) -> pd.DataFrame:
    """Capaian triwulan per unit for the period (the Beranda table)."""
    ind = capaian_indikator(cur, akses, instansi_id, tahun, triwulan)
    return ringkas_per_unit(ind, skala(cur, instansi_id))


def periode_terakhir(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int
) -> tuple[int, int] | None:
    """Latest (tahun, triwulan) with data for the instansi."""
    akses.cek_instansi(instansi_id)
    row = cur.execute(store.sql("periode_terakhir"), {"instansi_id": instansi_id}).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def tahun_tersedia(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> list[int]:
    akses.cek_instansi(instansi_id)
    return [int(r[0]) for r in store.fetch_all(cur, "tahun_tersedia", {"instansi_id": instansi_id})]


def daftar_instansi(cur: duckdb.DuckDBPyConnection, akses: Akses) -> pd.DataFrame:
    """The instansi the caller may see."""
    df = store.fetch_df(cur, "instansi_list")
    if akses.instansi_id is not None:
        df = df[df["id"] == akses.instansi_id]
    return df.reset_index(drop=True)
