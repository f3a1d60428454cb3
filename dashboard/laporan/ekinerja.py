"""SOP e-Kinerja (seed 002, Kalimantan Barat): a period's signed data as an Excel sheet laid
out like the e-Kinerja entry form, so the Fungsional types (or pastes) it row by row
(docs/DOMAIN.md §9.9). Pure: the frame comes from the report service's signed-only read.

Columns and why: the e-Kinerja application asks per indikator kinerja for its target and
realisasi for the period and shows capaian; it asks a keterangan (the explanation of the
achievement or a shortfall). The code and satuan identify the row and the unit of the value
being typed, the annual target is what the Perjanjian Kinerja states, and the period target
and realisation are to date (s.d. triwulan) because e-Kinerja records the cumulative
achievement of the period."""

from __future__ import annotations

import io

import pandas as pd
import xlsxwriter

from dashboard.capaian import capaian as engine
from dashboard.capaian.layanan_capaian import angka_atau_none
from dashboard.inti import bingkai, dokumen, formats
from dashboard.inti.dokumen import Kop
from dashboard.laporan.data import target_teks, urutkan

KOLOM = (
    "No",
    "Kode",
    "Indikator kinerja",
    "Satuan",
    "Target tahunan",
    "Target s.d. triwulan",
    "Realisasi s.d. triwulan",
    "Capaian (%)",
    "Keterangan",
)
LEBAR: dict[str, float] = {
    "No": 5,
    "Kode": 10,
    "Indikator kinerja": 48,
    "Satuan": 12,
    "Target tahunan": 12,
    "Target s.d. triwulan": 12,
    "Realisasi s.d. triwulan": 12,
    "Capaian (%)": 10,
    "Keterangan": 48,
}
BELUM_SAH = "Belum ada realisasi yang disahkan; tidak untuk dientri."


def tabel(ind: pd.DataFrame, triwulan: int) -> pd.DataFrame:
    """One row per indicator: the signed to-date realisation of quarter `triwulan` against
    its target, the engine's capaian, and the unit's note as keterangan (a row whose quarter
    is not signed says so instead of showing a number)."""
    rows = []
    for i, r in enumerate(bingkai.baris(urutkan(ind)), start=1):
        # the quarter's own value unsigned (left out by the signed-only read): the to-date
        # figure would hold the earlier quarters only, so nothing is offered for entry
        sah = angka_atau_none(getattr(r, f"r{triwulan}")) is not None
        real = angka_atau_none(r.realisasi_sd) if sah else None
        dinilai = sah and r.status == str(engine.Status.DINILAI)
        catatan = getattr(r, f"c{triwulan}", None)
        if real is None:
            ket = BELUM_SAH
        else:
            ket = catatan.strip() if isinstance(catatan, str) and catatan.strip() else ""
            if not dinilai:
                ket = f"{r.status}. {ket}".strip()
        rows.append(
            {
                "No": i,
                "Kode": r.kode,
                "Indikator kinerja": r.nama,
                "Satuan": r.satuan,
                "Target tahunan": target_teks(r.t0, r.t0_atas),
                "Target s.d. triwulan": target_teks(r.target_sd, r.target_atas_sd),
                "Realisasi s.d. triwulan": real,
                "Capaian (%)": angka_atau_none(r.capaian) if dinilai else None,
                "Keterangan": ket or None,
            }
        )
    df = pd.DataFrame(rows, columns=list(KOLOM))
    return df.astype(object).where(df.notna(), None)


def siap_entri(df: pd.DataFrame) -> int:
    """Rows holding a signed value (what the Fungsional can enter)."""
    return int(df["Realisasi s.d. triwulan"].notna().sum()) if not df.empty else 0


def xlsx(df: pd.DataFrame, kop: Kop, tahun: int, triwulan: int, dibuat: str) -> bytes:
    """The sheet: letterhead lines, the period, then the table (real numbers, Indonesian
    display formats, frozen header)."""
    buf = io.BytesIO()
    with xlsxwriter.Workbook(buf, {"in_memory": True}) as wb:
        judul = [
            kop.baris_pemda,
            kop.nama.upper(),
            "DATA CAPAIAN KINERJA UNTUK ENTRI APLIKASI E-KINERJA",
            f"Periode: {formats.nama_triwulan(triwulan)} {formats.nama_tahun(tahun)} "
            "(hanya realisasi yang telah disahkan)",
            f"Disusun: {dibuat}",
        ]
        dokumen.tulis_sheet(
            wb,
            "e-Kinerja",
            df,
            judul=judul,
            format_kolom={"Capaian (%)": dokumen.FORMAT_PERSEN},
            lebar=LEBAR,
        )
    return buf.getvalue()
