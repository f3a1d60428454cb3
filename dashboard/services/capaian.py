"""Capaian services: targets and realisations read by named queries, computed by the engine."""

from __future__ import annotations

import json
import math

import duckdb
import pandas as pd

from dashboard import capaian as engine
from dashboard import store
from dashboard.akses import Akses
from dashboard.services import lokasi

KOLOM_HASIL = [
    "target_sd",
    "target_atas_sd",
    "realisasi_sd",
    "capaian",
    "status",
    "kategori",
    "progres_tahunan",
    "status_tahunan",
]


def angka_atau_none(x: object) -> float | None:
    """A stored number as float; None for NULL, NaN or pd.NA."""
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return None
    return float(x)


def per_triwulan(row: object, awal: str, akhir: str = "") -> list[float | None]:
    """Quarters 1..4 of a pivoted `indikator_tahun` row, e.g. r1..r4 or t1_atas..t4_atas."""
    return [angka_atau_none(getattr(row, f"{awal}{i}{akhir}")) for i in range(1, 5)]


def bands(cur: duckdb.DuckDBPyConnection, instansi_id: int) -> tuple[tuple[str, float, float], ...]:
    """Category bands configured for the instansi, else the Permendagri 86/2017 default."""
    row = cur.execute(store.sql("pengaturan_get"), [instansi_id, "kategori_bands"]).fetchone()
    return bands_dari_teks(row[0]) if row else engine.DEFAULT_BANDS


def bands_dari_teks(teks: str) -> tuple[tuple[str, float, float], ...]:
    """The stored `kategori_bands` setting, validated."""
    raw = json.loads(teks)  # [[nama, bawah|null, atas|null], ...]; null = open end
    return engine.validate_bands(
        [
            (b[0], -math.inf if b[1] is None else b[1], math.inf if b[2] is None else b[2])
            for b in raw
        ]
    )


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
    df = store.fetch_df(cur, "indikator_tahun", [instansi_id, tahun, lingkup])
    return hitung_capaian(df, triwulan, bands(cur, instansi_id))


def hitung_capaian(
    df: pd.DataFrame, triwulan: int, b: tuple[tuple[str, float, float], ...]
) -> pd.DataFrame:
    """The engine's figures (KOLOM_HASIL) for quarter `triwulan` added to every row of an
    `indikator_tahun`-shaped frame: one fetch serves every quarter of the year, and reports
    call it on values already limited to signed ones."""
    hasil = []
    for row in df.itertuples(index=False):
        ind = engine.Indikator(row.polaritas, row.cara_agregasi, row.rumus_negatif)
        r, t, ta = per_triwulan(row, "r"), per_triwulan(row, "t"), per_triwulan(row, "t", "_atas")
        h = engine.hitung_triwulan(
            ind,
            triwulan,
            r,
            t,
            angka_atau_none(row.t0),
            ta if any(v is not None for v in ta) else None,
            angka_atau_none(row.t0_atas),
            b,
        )
        hasil.append(
            (
                h.target_sd,
                h.target_atas_sd,
                h.realisasi_sd,
                h.capaian,
                str(h.status),
                h.kategori,
                h.progres_tahunan,
                str(h.status_tahunan),
            )
        )
    return pd.concat([df, pd.DataFrame(hasil, columns=KOLOM_HASIL, index=df.index)], axis=1)


def ringkas_per_unit(
    ind: pd.DataFrame,
    batas_skor: float | None = None,
    b: tuple[tuple[str, float, float], ...] = engine.DEFAULT_BANDS,
) -> pd.DataFrame:
    """Per unit: mean capaian of assessed indicators (categorised) and counts per status and
    category. Belum Diisi / Belum Dapat Dinilai are counted apart, never averaged."""
    rows = []
    for (unit_id, unit_kode, unit_nama), g in ind.groupby(
        ["unit_id", "unit_kode", "unit_nama"], sort=True
    ):
        nilai = [angka_atau_none(v) for v in g["capaian"]]
        rata = engine.rata_rata_capaian(nilai, batas_skor)
        row = {
            "unit_id": unit_id,
            "unit_kode": unit_kode,
            "unit": unit_nama,
            "jumlah_indikator": len(g),
            "dinilai": int((g["status"] == "Dinilai").sum()),
            "capaian": rata,
            "kategori": engine.kategori(rata, b),
        }
        for k in engine.KATEGORI_URUT:
            row[k] = int((g["kategori"] == k).sum())
        for s in (
            engine.Status.BELUM_DIISI,
            engine.Status.BELUM_DAPAT_DINILAI,
            engine.Status.TIDAK_ADA_TARGET,
        ):
            row[str(s)] = int((g["status"] == s).sum())
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
    return ringkas_per_unit(ind, b=bands(cur, instansi_id))


def periode_terakhir(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int
) -> tuple[int, int] | None:
    """Latest (tahun, triwulan) with data for the instansi."""
    akses.cek_instansi(instansi_id)
    row = cur.execute(store.sql("periode_terakhir"), [instansi_id]).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def tahun_tersedia(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> list[int]:
    akses.cek_instansi(instansi_id)
    return [int(r[0]) for r in store.fetch_all(cur, "tahun_tersedia", [instansi_id])]


def daftar_instansi(cur: duckdb.DuckDBPyConnection, akses: Akses) -> pd.DataFrame:
    """The instansi the caller may see."""
    df = store.fetch_df(cur, "instansi_list")
    if akses.instansi_id is not None:
        df = df[df["id"] == akses.instansi_id]
    return df.reset_index(drop=True)
