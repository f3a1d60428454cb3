"""Step timeliness against the SOP's mutu baku waktu (docs/DOMAIN.md §8.4), pure.

A step record has a start and an end; its duration counts working minutes (standards in menit,
jam or hari kerja) or calendar minutes (hari kalender) on the working calendar. A standard in
working days counts MENIT_HARI_KERJA minutes per day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.inti import formats
from dashboard.periode.kalender import MENIT_HARI_KERJA, Kalender
from dashboard.sop.mutu_baku import HARI_KALENDER, MutuBakuWaktu


def standar_menit(w: MutuBakuWaktu) -> float | None:
    """The standard as minutes on its own basis; None when the step has no standard."""
    if not w.ada_standar:
        return None
    hari = w.hari or 0.0
    menit_hari = 1440 if w.basis == HARI_KALENDER else MENIT_HARI_KERJA
    return hari * menit_hari + (w.menit or 0.0)


def durasi(kal: Kalender, w: MutuBakuWaktu, mulai: dt.datetime, selesai: dt.datetime) -> float:
    """Duration in minutes on the standard's basis (calendar minutes for hari kalender)."""
    if w.basis == HARI_KALENDER:
        return kal.menit_kalender(mulai, selesai)
    return kal.menit_kerja(mulai, selesai)


@dataclass(frozen=True)
class Catatan:
    """One step record: which run and step, when, and the standard that applies."""

    run_id: int
    urutan: int
    no: str
    aktivitas: str
    pelaksana: str
    mulai: dt.datetime
    selesai: dt.datetime
    waktu: MutuBakuWaktu
    ulang: int = 0  # 0 the first time, 1.. for rework after a return
    oleh: str | None = None  # who closed the step (the user of its end event, or the pelaku)
    unit_id: int | None = None  # the unit the record is about (a submission's), if any


def nilai(kal: Kalender, catatan: list[Catatan]) -> pd.DataFrame:
    """Per record: duration, standard, within standard, excess (minutes); the wait before it
    (working minutes since the previous record of the same run ended)."""
    rows = []
    for c in catatan:
        std = standar_menit(c.waktu)
        d = durasi(kal, c.waktu, c.mulai, c.selesai)
        rows.append(
            {
                "run_id": c.run_id,
                "urutan": c.urutan,
                "no": c.no,
                "aktivitas": c.aktivitas,
                "pelaksana": c.pelaksana,
                "mulai": c.mulai,
                "selesai": c.selesai,
                "ulang": c.ulang,
                "oleh": c.oleh,
                "unit_id": c.unit_id,
                "waktu": c.waktu.teks,
                "standar_menit": std,
                "durasi_menit": d,
                "dalam_standar": None if std is None else d <= std,
                "kelebihan_menit": None if std is None else max(0.0, d - std),
            }
        )
    df = pd.DataFrame(
        rows,
        columns=[
            "run_id",
            "urutan",
            "no",
            "aktivitas",
            "pelaksana",
            "mulai",
            "selesai",
            "ulang",
            "oleh",
            "unit_id",
            "waktu",
            "standar_menit",
            "durasi_menit",
            "dalam_standar",
            "kelebihan_menit",
        ],
    )
    if df.empty:
        df["tunggu_menit"] = pd.Series(dtype=float)
        return df
    df = df.sort_values(["run_id", "mulai", "urutan"]).reset_index(drop=True)
    akhir_sebelum = df.groupby("run_id")["selesai"].shift()
    df["tunggu_menit"] = [
        kal.menit_kerja(a, m) if pd.notna(a) and a < m else 0.0
        for a, m in zip(akhir_sebelum, df["mulai"], strict=True)
    ]
    return df


def per_langkah(df: pd.DataFrame) -> pd.DataFrame:
    """Per SOP step: count, median and p90 duration against the standard, share within standard,
    breaches, total excess, mean wait before it, rework. Steps without a standard are listed but
    left out of breach counts."""
    if df.empty:
        return pd.DataFrame()
    g = df.groupby(["urutan", "no", "aktivitas", "pelaksana", "waktu"], dropna=False)
    out = g.agg(
        jumlah=("durasi_menit", "size"),
        median_menit=("durasi_menit", "median"),
        p90_menit=("durasi_menit", lambda s: s.quantile(0.9)),
        standar_menit=("standar_menit", "first"),
        dinilai=("dalam_standar", lambda s: int(s.notna().sum())),
        tepat=("dalam_standar", lambda s: int((s == True).sum())),  # noqa: E712 - may hold None
        kelebihan_menit=("kelebihan_menit", lambda s: float(s.fillna(0).sum())),
        tunggu_rata_menit=("tunggu_menit", "mean"),
        ulang=("ulang", lambda s: int((s > 0).sum())),
    ).reset_index()
    out["lewat"] = out["dinilai"] - out["tepat"]
    out["persen_tepat"] = out["tepat"] / out["dinilai"].where(out["dinilai"] > 0) * 100
    return out.sort_values("urutan").reset_index(drop=True)


def per_run(df: pd.DataFrame) -> pd.DataFrame:
    """Per run: total duration and the sum of the standards of its steps (first occurrences)."""
    if df.empty:
        return pd.DataFrame()
    return (
        df.groupby("run_id")
        .agg(
            langkah=("urutan", "nunique"),
            durasi_menit=("durasi_menit", "sum"),
            standar_menit=("standar_menit", lambda s: float(s.fillna(0).sum())),
            lewat=("dalam_standar", lambda s: int((s == False).sum())),  # noqa: E712
            kelebihan_menit=("kelebihan_menit", lambda s: float(s.fillna(0).sum())),
            ulang=("ulang", lambda s: int((s > 0).sum())),
        )
        .reset_index()
    )


def hambatan(df: pd.DataFrame, kolom: str = "aktivitas") -> pd.DataFrame:
    """Bottleneck ranking: total excess by step (kolom='aktivitas') or actor ('pelaksana')."""
    if df.empty:
        return pd.DataFrame()
    out = (
        df.groupby(kolom)
        .agg(
            kelebihan_menit=("kelebihan_menit", lambda s: float(s.fillna(0).sum())),
            lewat=("dalam_standar", lambda s: int((s == False).sum())),  # noqa: E712
            jumlah=("durasi_menit", "size"),
        )
        .reset_index()
    )
    return out.sort_values("kelebihan_menit", ascending=False).reset_index(drop=True)


def nama_pelaksana(teks: str | None) -> str:
    """An SOP actor as people write it: the documents type some in capitals ("BIDANG", "KEPALA
    DINAS") and some not ("Fungsional"); capitals become title case, short acronyms (UPT, TU)
    stay. Several actors stay comma-separated."""
    if not teks:
        return "–"

    def kata(k: str) -> str:
        return k if len(k) <= 3 or not k.isupper() else k.capitalize()

    return ", ".join(" ".join(kata(k) for k in b.strip().split()) for b in str(teks).split(","))


def uraian_menit(menit: float | None) -> str:
    """Minutes as Indonesian text: '45 menit', '3 jam 20 menit', '2 hari 1 jam' (working days
    of MENIT_HARI_KERJA minutes)."""
    if menit is None or menit != menit:
        return "–"
    m = int(round(menit))
    if m < 60:
        return f"{m} menit"
    hari, sisa = divmod(m, MENIT_HARI_KERJA)
    jam, mnt = divmod(sisa, 60)
    bagian = (
        ([f"{formats.angka(hari, 0)} hari"] if hari else [])
        + ([f"{jam} jam"] if jam else [])
        + ([f"{mnt} menit"] if mnt and not hari else [])
    )
    return " ".join(bagian) or "0 menit"
