"""Agenda of a monev meeting proposed from the data, and the follow-up rules (docs/DOMAIN.md
§7), pure: the service reads the figures, these functions decide what is worth discussing.

Sources, in this order: indicators in a red band of the instansi's scale (by level, column
`merah` of services/capaian.hitung_capaian) for the period, units that
submitted late or not at all, open follow-ups of earlier meetings (overdue first), SOP steps that
ran past their standard. The Pengelola Monev keeps, drops or adds items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.inti import bingkai, formats
from dashboard.periode.ketepatan import uraian_menit
from dashboard.rapat import tindak_lanjut as aturan_tl
from dashboard.review import alur

# Where an agenda item came from, and its label (the page, the minutes): the one home; the
# rapat_agenda CHECK constraint (migration 005) is tested against it.
USULAN = "usulan"  # proposed from the data
MANUAL = "manual"  # added by hand
SUMBER_AGENDA = {USULAN: "Usulan dari data", MANUAL: "Tambahan"}
# The kinds of item, in the order of the SOP's discussion, with their labels.
JENIS_AGENDA = {
    "indikator_rendah": "Capaian rendah",
    "unit_terlambat": "Penyampaian data",
    "tindak_lanjut": "Tindak lanjut rapat sebelumnya",
    "sop_langgar": "Ketepatan waktu SOP",
    "lainnya": "Lainnya",
}


@dataclass(frozen=True)
class ItemAgenda:
    """One agenda item; `objek`/`objek_id` point at what the data item was about."""

    jenis: str
    uraian: str
    sumber: str = USULAN
    objek: str | None = None
    objek_id: int | None = None


def lewat_batas(batas_waktu: pd.Series, status: pd.Series, hari_ini: dt.date) -> pd.Series:
    """Overdue: open and the due date has passed (the due day itself is still on time)."""
    batas = pd.to_datetime(batas_waktu).dt.date
    return aturan_tl.terbuka(status) & (batas < hari_ini)


def indikator_rendah(ind: pd.DataFrame) -> list[ItemAgenda]:
    """Indicators whose capaian triwulan falls in a red band of the scale, lowest first."""
    merah = ind[ind["merah"].eq(True)].sort_values("capaian")
    return [
        ItemAgenda(
            "indikator_rendah",
            f"Capaian {r.kode} {r.nama} ({r.unit_nama}): {formats.persen(r.capaian)}, "
            f"kategori {r.kategori}",
            objek="indikator",
            objek_id=int(r.id),
        )
        for r in bingkai.baris(merah)
    ]


def unit_bermasalah(unit: pd.DataFrame) -> pd.DataFrame:
    """Units of the period that did not submit (no submission or still draf) or submitted late,
    with a `masalah` text."""
    belum = unit["status"].isna() | (unit["status"] == alur.DRAF)
    telat = ~belum & unit["terlambat"].eq(True)
    out = unit[belum | telat].copy()
    out["masalah"] = [
        "belum menyampaikan data"
        if b
        else f"menyampaikan data terlambat ({formats.tanggal(pd.Timestamp(w).date())})"
        for b, w in zip(belum[belum | telat], out["diajukan_pada"], strict=True)
    ]
    return out


def unit_terlambat(unit: pd.DataFrame) -> list[ItemAgenda]:
    return [
        ItemAgenda(
            "unit_terlambat",
            f"{r.nama}: {r.masalah}",
            objek="unit",
            objek_id=int(r.unit_id),
        )
        for r in bingkai.baris(unit_bermasalah(unit))
    ]


def tindak_lanjut_terbuka(tl: pd.DataFrame, hari_ini: dt.date) -> pd.DataFrame:
    """Open follow-ups, with `terlambat`, overdue first, then by due date."""
    buka = tl[aturan_tl.terbuka(tl["status"])].copy()
    buka["terlambat"] = lewat_batas(buka["batas_waktu"], buka["status"], hari_ini)
    return buka.sort_values(["terlambat", "batas_waktu"], ascending=[False, True])


def tindak_lanjut(tl: pd.DataFrame, hari_ini: dt.date) -> list[ItemAgenda]:
    return [
        ItemAgenda(
            "tindak_lanjut",
            f"{r.uraian} (PIC {r.pic_unit}, batas "
            f"{formats.tanggal(pd.Timestamp(r.batas_waktu).date())}, {r.status}"
            f"{', lewat batas waktu' if r.terlambat else ''})",
            objek="tindak_lanjut",
            objek_id=int(r.id),
        )
        for r in bingkai.baris(tindak_lanjut_terbuka(tl, hari_ini))
    ]


def sop_langgar(catatan: pd.DataFrame) -> pd.DataFrame:
    """Step records past their standard, grouped per SOP step: how often, which units, total
    excess (minutes), worst first."""
    lewat = catatan[catatan["dalam_standar"].eq(False)]
    if lewat.empty:
        return pd.DataFrame(
            columns=["urutan", "no", "aktivitas", "kali", "unit", "kelebihan_menit"]
        )
    out = (
        lewat.groupby(["urutan", "no", "aktivitas"], dropna=False)
        .agg(
            kali=("run_id", "size"),
            unit=("unit", lambda s: ", ".join(sorted({str(u) for u in s.dropna()}))),
            kelebihan_menit=("kelebihan_menit", "sum"),
        )
        .reset_index()
    )
    return out.sort_values("kelebihan_menit", ascending=False).reset_index(drop=True)


def sop(catatan: pd.DataFrame) -> list[ItemAgenda]:
    return [
        ItemAgenda(
            "sop_langgar",
            f"Langkah {r.no} {r.aktivitas}: {r.kali} kali melewati standar, total kelebihan "
            f"{uraian_menit(r.kelebihan_menit)}" + (f" ({r.unit})" if r.unit else ""),
            objek="sop_langkah",
            objek_id=int(r.urutan),
        )
        for r in bingkai.baris(sop_langgar(catatan))
    ]


def usulan(
    indikator: pd.DataFrame,
    unit: pd.DataFrame,
    tl: pd.DataFrame,
    catatan_sop: pd.DataFrame,
    hari_ini: dt.date,
) -> list[ItemAgenda]:
    """Every proposed item, grouped by source in the order of the SOP's discussion."""
    return [
        *indikator_rendah(indikator),
        *unit_terlambat(unit),
        *tindak_lanjut(tl, hari_ini),
        *sop(catatan_sop),
    ]


def rekap_per_unit(tl: pd.DataFrame, hari_ini: dt.date) -> pd.DataFrame:
    """Per PIC unit: follow-ups in all, open, overdue, asked to close, done (the Kadis view),
    most overdue first."""
    kolom = ["pic_unit", "jumlah", "terbuka", "terlambat", "minta_tutup", "selesai"]
    if tl.empty:
        return pd.DataFrame(columns=kolom)
    terbuka = aturan_tl.terbuka(tl["status"])
    d = tl.assign(
        _terbuka=terbuka,
        _terlambat=lewat_batas(tl["batas_waktu"], tl["status"], hari_ini),
        _minta=tl["minta_tutup"].eq(True) & terbuka,
        _selesai=~terbuka,
    )
    out = (
        d.groupby("pic_unit")
        .agg(
            jumlah=("id", "size"),
            terbuka=("_terbuka", "sum"),
            terlambat=("_terlambat", "sum"),
            minta_tutup=("_minta", "sum"),
            selesai=("_selesai", "sum"),
        )
        .reset_index()
    )
    return out.sort_values(["terlambat", "terbuka"], ascending=False).reset_index(drop=True)[kolom]
