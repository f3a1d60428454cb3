"""What the Ketepatan waktu SOP page shows, shaped from the recorded steps (pure: no Streamlit,
no store): the choice of SOP and year, the headline figures, the tables per step, bottleneck,
unit, run and breach, and the trend. The rules themselves (duration, standard, per step, per
run, bottleneck) are in periode/ketepatan.py; this module only arranges them for the page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.akun.akses import NAMA_PERAN
from dashboard.inti import bingkai, formats
from dashboard.periode import ketepatan
from dashboard.review import alur

SEMUA = "Semua"  # every year
uraian = ketepatan.uraian_menit


def label_run(r: Any) -> str:
    """A run as people name it: unit (or the instansi's own run) and its quarter or year."""
    kapan = (
        f"Tahun {int(r.tahun)}"
        if pd.isna(r.triwulan)
        else f"TW {formats.ROMAWI[int(r.triwulan)]} {int(r.tahun)}"
    )
    return f"{r.unit if isinstance(r.unit, str) else 'Tingkat instansi'} · {kapan}"


def rapikan(semua: pd.DataFrame) -> pd.DataFrame:
    """One spelling per actor (the SOP documents mix "BIDANG" and "Fungsional")."""
    return semua.assign(pelaksana=semua["pelaksana"].map(ketepatan.nama_pelaksana))


def opsi_sop(semua: pd.DataFrame) -> dict[str, str]:
    return dict(zip(semua["kode"], semua["sop_nama"], strict=False))


def opsi_tahun(semua: pd.DataFrame) -> list:
    """ "Semua", then the years recorded, newest first."""
    return [SEMUA, *sorted(semua["tahun"].dropna().astype(int).unique(), reverse=True)]


def label_tahun(t: Any) -> str:
    return t if t == SEMUA else formats.nama_tahun(t)


def saring(semua: pd.DataFrame, kode: str, tahun: object) -> pd.DataFrame:
    """The steps of one SOP (and year), each marked `tepat` (within its standard) or `lewat`
    (past it); a step without a standard is neither."""
    df = semua[semua["kode"] == kode]
    if tahun != SEMUA:
        df = df[df["tahun"] == tahun]
    return df.assign(tepat=df["dalam_standar"].eq(True), lewat=df["dalam_standar"].eq(False))


def ringkasan(df: pd.DataFrame) -> dict[str, str]:
    """The headline figures, label -> value as shown."""
    dinilai = df["dalam_standar"].notna()
    tepat = int(df["tepat"].sum())
    return {
        "Catatan langkah": formats.angka(len(df), 0),
        "Dalam standar": formats.persen(tepat / dinilai.sum() * 100 if dinilai.any() else None, 1),
        "Melewati standar": formats.angka(int(dinilai.sum() - tepat), 0),
        "Total kelebihan": uraian(df["kelebihan_menit"].fillna(0).sum()),
        "Langkah diulang": formats.angka(int((df["ulang"] > 0).sum()), 0),
    }


def tabel_langkah(df: pd.DataFrame) -> pd.DataFrame:
    """Per step; the verdict columns right after the step (in view at 1366 px), spreads after."""
    langkah = ketepatan.per_langkah(df)
    return pd.DataFrame(
        {
            "No": langkah["no"],
            "Aktivitas": langkah["aktivitas"],
            "Pelaksana": langkah["pelaksana"],
            "Standar": langkah["waktu"].fillna("tanpa standar"),
            "Dalam standar": langkah["persen_tepat"].map(lambda v: formats.persen(v, 1)),
            "Lewat": langkah["lewat"],
            "Median": langkah["median_menit"].map(uraian),
            "Total kelebihan": langkah["kelebihan_menit"].map(uraian),
            "Jumlah": langkah["jumlah"],
            "P90": langkah["p90_menit"].map(uraian),
            "Rata-rata tunggu": langkah["tunggu_rata_menit"].map(uraian),
            "Diulang": langkah["ulang"],
        }
    )


def tabel_hambatan(df: pd.DataFrame, kolom: str, judul: str, n: int | None = None) -> pd.DataFrame:
    """The biggest bottlenecks by step (`aktivitas`) or actor (`pelaksana`)."""
    h = ketepatan.hambatan(df, kolom)
    if n is not None:
        h = h.head(n)
    return h.assign(kelebihan_menit=h["kelebihan_menit"].map(uraian)).rename(
        columns={
            kolom: judul,
            "kelebihan_menit": "Total kelebihan",
            "lewat": "Lewat",
            "jumlah": "Jumlah",
        }
    )


def tren(df: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """Share of steps within standard per quarter, or per year for an annual procedure (the
    LKj, Balangan's year: runs without a quarter); (table, annual?)."""
    dinilai = df["dalam_standar"].notna()
    tahunan = bool(df.loc[dinilai, "triwulan"].isna().all())
    per = (
        df[dinilai]
        .groupby(["tahun"] if tahunan else ["tahun", "triwulan"])
        .agg(persen_tepat=("tepat", lambda s: s.mean() * 100))
        .reset_index()
    )
    per["periode"] = (
        [formats.nama_tahun(int(y)) for y in per["tahun"]]
        if tahunan
        else [
            f"TW {formats.ROMAWI[int(t)]} {int(y)}"
            for y, t in zip(per["tahun"], per["triwulan"], strict=True)
        ]
    )
    return per, tahunan


def tabel_unit(df: pd.DataFrame) -> pd.DataFrame:
    """Per unit, the unit with the most excess time first."""
    per_unit = (
        df[df["dalam_standar"].notna()]
        .groupby("unit")
        .agg(
            jumlah=("durasi_menit", "size"),
            tepat=("tepat", lambda s: s.mean() * 100),
            lewat=("lewat", "sum"),
            kelebihan=("kelebihan_menit", "sum"),
        )
        .reset_index()
        .sort_values("kelebihan", ascending=False)
    )
    return per_unit.assign(
        tepat=per_unit["tepat"].map(lambda v: formats.persen(v, 1)),
        kelebihan=per_unit["kelebihan"].map(uraian),
    ).rename(
        columns={
            "unit": "Unit",
            "jumlah": "Catatan",
            "tepat": "Dalam standar",
            "lewat": "Lewat",
            "kelebihan": "Total kelebihan",
        }
    )


def tabel_run(df: pd.DataFrame, menit_kerja, standar_sop: Mapping[int, float]) -> pd.DataFrame:
    """Each run, the latest first: its working time from the first step's start to the last
    step's end (`menit_kerja(mulai, selesai)`, the agency's calendar) against the sum of its
    SOP's standards (`standar_sop`: sop_id -> minutes)."""
    runs = (
        df.groupby("run_id")
        .agg(
            tahun=("tahun", "first"),
            triwulan=("triwulan", "first"),
            unit=(
                "unit",
                lambda s: ", ".join(sorted({u for u in s if isinstance(u, str)})) or None,
            ),
            mulai=("mulai", "min"),
            selesai=("selesai", "max"),
            langkah=("urutan", "nunique"),
            lewat=("lewat", "sum"),
        )
        .sort_values("mulai", ascending=False)
    )
    sop_run = dict(zip(df["run_id"], df["sop_id"], strict=False))
    total = [menit_kerja(a, b) for a, b in zip(runs["mulai"], runs["selesai"], strict=True)]
    runs["total"] = total
    runs["standar"] = [standar_sop.get(int(sop_run[i]), 0.0) for i in runs.index]
    return pd.DataFrame(
        {
            "Pelaksanaan": [label_run(r) for r in bingkai.baris(runs)],
            "Langkah tercatat": runs["langkah"].to_numpy(),
            "Lewat standar": runs["lewat"].astype(int).to_numpy(),
            "Total waktu": runs["total"].map(uraian).to_numpy(),
            "Jumlah standar SOP": runs["standar"].map(uraian).to_numpy(),
            "Melebihi": (runs["total"] > runs["standar"])
            .map({True: "ya", False: "tidak"})
            .to_numpy(),
        }
    )


def pelanggaran(df: pd.DataFrame) -> pd.DataFrame:
    """The steps past their standard, the largest excess first."""
    return df[df["lewat"]].sort_values("kelebihan_menit", ascending=False)


def tabel_pelanggaran(lewat: pd.DataFrame, n: int = 200) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Langkah": lewat["no"].astype(str) + ". " + lewat["aktivitas"].str.slice(0, 70),
            "Kelebihan": lewat["kelebihan_menit"].map(uraian),
            "Standar": lewat["waktu"],
            "Pelaksana": lewat["pelaksana"],
            "Oleh": lewat["oleh"].fillna("–"),
            "Unit": lewat["unit"].fillna("Tingkat instansi"),
        }
    ).head(n)


def label_pelanggaran(lewat: pd.DataFrame, n: int = 200) -> dict:
    awal = lewat.head(n)
    return {
        i: f"{label_run(r)} · langkah {r.no}: lewat {uraian(r.kelebihan_menit)}"
        for i, r in zip(awal.index, bingkai.baris(awal), strict=True)
    }


def keterangan_run(run: pd.DataFrame, run_id: int) -> str:
    total = ketepatan.per_run(run).iloc[0]
    return (
        f"Pelaksanaan #{run_id}: total {uraian(total['durasi_menit'])} terhadap jumlah standar "
        f"{uraian(total['standar_menit'])}; {int(total['lewat'])} langkah lewat standar."
    )


def tabel_event(ev: pd.DataFrame) -> pd.DataFrame:
    """The events of a run: who did what, when, from which state to which."""
    return pd.DataFrame(
        {
            "Waktu": ev["waktu"].map(formats.waktu),
            "Oleh": ev["pengguna"].fillna("–"),
            "Peran": ev["peran"].map(lambda p: NAMA_PERAN.get(p, p) if p else "–"),
            "Dari": ev["dari"].map(alur.label_status),
            "Ke": ev["ke"].map(alur.label_status),
            "Catatan": ev["catatan"].fillna(""),
        }
    )


# --- Catat langkah SOP (the runs whose steps the Pengelola Monev logs by hand) ---


def label_pelaksanaan(runs: pd.DataFrame) -> dict[int, str]:
    """A run with its SOP and revision: "Bidang A · TW I 2026 · SOP ... (rev. 2)"."""
    return {
        int(r.id): f"{label_run(r)} · {r.sop_nama} (rev. {r.revisi})" for r in bingkai.baris(runs)
    }


def nama_langkah(langkah: pd.DataFrame) -> dict[int, str]:
    """Step order -> "3. Activity (standard)", the activity cut at 80 characters."""
    return {
        int(r.urutan): f"{r.no}. {r.aktivitas[:80]} ({r.waktu or 'tanpa standar'})"
        for r in bingkai.baris(langkah)
    }


def tabel_tercatat(tercatat: pd.DataFrame, nama: dict[int, str]) -> pd.DataFrame:
    """The steps logged for a run; one not finished reads "belum"."""
    return pd.DataFrame(
        {
            "Langkah": tercatat["urutan"].map(nama),
            "Mulai": tercatat["mulai"].map(formats.waktu),
            "Selesai": tercatat["selesai"].map(lambda w: formats.waktu(w, kosong="belum")),
            "Pelaku": tercatat["pelaku"].fillna(""),
            "Catatan": tercatat["catatan"].fillna(""),
        }
    )


def belum_selesai(tercatat: pd.DataFrame) -> pd.DataFrame:
    return tercatat[tercatat["selesai"].isna()]
