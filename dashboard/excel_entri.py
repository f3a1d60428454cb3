"""Excel round trip of a unit's quarter: a prefilled, protected template (xlsxwriter) and the
reader of a filled one (openpyxl), which lists every problem by row and column."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl
import xlsxwriter

from dashboard import formats
from dashboard.entri import periksa

SHEET = "Realisasi"
META = "_meta"
MAX_BYTES = 5 * 1024 * 1024
MAX_BARIS = 20_000
HEADER_ROW = 5  # 1-based row of the column headers; data starts below it
KOLOM = [
    "No",
    "Kode",
    "Indikator",
    "Satuan",
    "Polaritas",
    "Agregasi",
    "Target tahunan",
    "Target TW I",
    "Target TW II",
    "Target TW III",
    "Target TW IV",
    "Realisasi TW I",
    "Realisasi TW II",
    "Realisasi TW III",
    "Realisasi TW IV",
    "Realisasi diisi",
    "Catatan",
    "Bukti dukung",
    "versi",
]
COL_NILAI, COL_CATATAN, COL_BUKTI, COL_VERSI = 15, 16, 17, 18  # 0-based


@dataclass
class MasalahImpor:
    baris: int  # Excel row number (1-based); 0 for the file as a whole
    kolom: str
    pesan: str


@dataclass
class BarisImpor:
    indikator_id: int
    kode: str
    nilai: float | None
    catatan: str | None
    bukti: str | None
    versi: int | None


def buat_template(form, unit_nama: str, instansi_nama: str) -> bytes:
    """The template for one unit and period: only the input cells are unlocked."""
    p = form.periode
    n = p["triwulan"]
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet(SHEET)
    judul = wb.add_format({"bold": True, "font_size": 13})
    head = wb.add_format(
        {
            "bold": True,
            "bg_color": "#dbe5f1",
            "border": 1,
            "text_wrap": True,
            "valign": "top",
            "locked": True,
        }
    )
    kunci = wb.add_format({"border": 1, "locked": True, "num_format": "#,##0.##"})
    teks = wb.add_format({"border": 1, "locked": True, "text_wrap": True})
    isian = wb.add_format(
        {"border": 1, "locked": False, "bg_color": "#fff2cc", "num_format": "#,##0.##"}
    )
    isian_teks = wb.add_format(
        {"border": 1, "locked": False, "bg_color": "#fff2cc", "text_wrap": True}
    )
    ws.write(
        0,
        0,
        f"Realisasi kinerja {formats.nama_triwulan(n)} {formats.nama_tahun(p['tahun'])}",
        judul,
    )
    ws.write(1, 0, f"{instansi_nama} - {unit_nama}")
    ws.write(
        2,
        0,
        "Isi hanya sel berwarna kuning. Angka desimal memakai koma sesuai pengaturan "
        f"Excel Anda. Tenggat: {formats.tanggal(p['tenggat'])}.",
    )
    for c, k in enumerate(KOLOM):
        label = f"Realisasi {formats.nama_triwulan(n)} (isi)" if c == COL_NILAI else k
        ws.write(HEADER_ROW - 1, c, label, head)
    isi = form.baris.set_index("indikator_id") if not form.baris.empty else None
    for i, ind in enumerate(form.indikator):
        r = HEADER_ROW + i
        ws.write_number(r, 0, i + 1, kunci)
        ws.write_string(r, 1, ind.kode, teks)
        ws.write_string(r, 2, ind.nama, teks)
        ws.write_string(r, 3, ind.satuan, teks)
        ws.write_string(r, 4, ind.polaritas, teks)
        ws.write_string(r, 5, ind.cara_agregasi, teks)
        for c, v in enumerate([ind.target_tahunan, *ind.target, *ind.realisasi], start=6):
            if v is None:
                ws.write_blank(r, c, None, kunci)
            else:
                ws.write_number(r, c, v, kunci)
        cur = (
            isi.loc[ind.indikator_id] if isi is not None and ind.indikator_id in isi.index else None
        )
        nilai = None if cur is None or cur["nilai"] != cur["nilai"] else cur["nilai"]
        if nilai is None:
            ws.write_blank(r, COL_NILAI, None, isian)
        else:
            ws.write_number(r, COL_NILAI, float(nilai), isian)
        ws.write_string(
            r,
            COL_CATATAN,
            "" if cur is None or cur["catatan"] is None else str(cur["catatan"]),
            isian_teks,
        )
        ws.write_string(
            r,
            COL_BUKTI,
            "" if cur is None or cur["bukti"] is None else str(cur["bukti"]),
            isian_teks,
        )
        versi = None if cur is None else cur["versi"]
        if versi is None:
            ws.write_blank(r, COL_VERSI, None, kunci)
        else:
            ws.write_number(r, COL_VERSI, int(versi), kunci)
        minimum = -1e15 if ind.boleh_negatif else 0
        maksimum = 100 if ind.satuan.strip() == "%" else 1e15
        ws.data_validation(
            r,
            COL_NILAI,
            r,
            COL_NILAI,
            {
                "validate": "decimal",
                "criteria": "between",
                "minimum": minimum,
                "maximum": maksimum,
                "error_title": "Nilai tidak valid",
                "error_message": f"Isi angka antara {formats.angka(minimum)} dan "
                f"{formats.angka(maksimum)}.",
            },
        )
        ws.data_validation(
            r, COL_CATATAN, r, COL_CATATAN, {"validate": "length", "criteria": "<=", "value": 2000}
        )
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 10)
    ws.set_column(2, 2, 50)
    ws.set_column(3, 14, 11)
    ws.set_column(COL_NILAI, COL_NILAI, 14)
    ws.set_column(COL_CATATAN, COL_BUKTI, 40)
    ws.set_column(COL_VERSI, COL_VERSI, None, None, {"hidden": True})
    ws.freeze_panes(HEADER_ROW, 3)
    ws.protect("", {"format_columns": True, "format_rows": True})
    meta = wb.add_worksheet(META)
    for r, (k, v) in enumerate(
        (("periode_id", p["id"]), ("unit_id", form.unit_id), ("tahun", p["tahun"]), ("triwulan", n))
    ):
        meta.write_string(r, 0, k)
        meta.write_number(r, 1, v)
    meta.hide()
    wb.close()
    return buf.getvalue()


def _teks(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def baca_template(
    data: bytes,
    form,
    bands,
    progress: Callable[[float], None] | None = None,
) -> tuple[list[BarisImpor], list[MasalahImpor]]:
    """Read a filled template for `form`'s unit and period; return rows and every problem."""
    masalah: list[MasalahImpor] = []
    if len(data) > MAX_BYTES:
        return [], [
            MasalahImpor(
                0,
                "-",
                f"Berkas terlalu besar ({len(data) // 1024} KB); "
                f"maksimal {MAX_BYTES // 1024 // 1024} MB.",
            )
        ]
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file gets the same clear answer
        return [], [MasalahImpor(0, "-", "Berkas bukan Excel (.xlsx) yang dapat dibaca.")]
    if SHEET not in wb.sheetnames:
        return [], [
            MasalahImpor(
                0, "-", f"Lembar '{SHEET}' tidak ada; pakai templat yang diunduh dari aplikasi."
            )
        ]
    if META in wb.sheetnames:
        meta = {r[0]: r[1] for r in wb[META].iter_rows(values_only=True) if r and r[0]}
        if meta.get("unit_id") != form.unit_id:
            masalah.append(MasalahImpor(0, "-", "Templat ini milik unit lain."))
        if meta.get("periode_id") != form.periode["id"]:
            masalah.append(MasalahImpor(0, "-", "Templat ini untuk periode lain."))
    ws = wb[SHEET]
    if (ws.max_row or 0) > MAX_BARIS + HEADER_ROW:
        return [], [MasalahImpor(0, "-", f"Terlalu banyak baris (maksimal {MAX_BARIS}).")]
    rows = ws.iter_rows(min_row=HEADER_ROW, values_only=False)
    header = [c.value for c in next(rows, [])]
    harapan = KOLOM[:COL_NILAI] + [None] + KOLOM[COL_NILAI + 1 :]
    beda = [
        KOLOM[i]
        for i, k in enumerate(harapan)
        if k is not None and (i >= len(header) or str(header[i] or "").strip() != k)
    ]
    if beda:
        return [], masalah + [
            MasalahImpor(HEADER_ROW, ", ".join(beda), "Kolom tidak sesuai templat.")
        ]
    indikator = {i.kode: i for i in form.indikator}
    hasil: list[BarisImpor] = []
    total = max(1, (ws.max_row or HEADER_ROW) - HEADER_ROW)
    for nomor, row in enumerate(rows, start=HEADER_ROW + 1):
        if progress and nomor % 200 == 0:
            progress(min(1.0, (nomor - HEADER_ROW) / total))
        cells = list(row) + [None] * (len(KOLOM) - len(row))
        val = [getattr(c, "value", None) for c in cells]
        if all(v in (None, "") for v in val[:COL_VERSI]):
            continue
        for c, cell in enumerate(cells[: len(KOLOM)]):
            if getattr(cell, "data_type", None) == "f":
                masalah.append(MasalahImpor(nomor, KOLOM[c], "Rumus tidak diterima; isi nilai."))
        kode = _teks(val[1])
        ind = indikator.get(kode or "")
        if ind is None:
            masalah.append(
                MasalahImpor(
                    nomor, "Kode", f"Indikator '{kode}' bukan milik unit ini untuk periode ini."
                )
            )
            continue
        mentah = val[COL_NILAI]
        if isinstance(mentah, str) and mentah.startswith("="):
            continue
        catatan = _teks(val[COL_CATATAN])
        h = periksa(ind, form.periode["triwulan"], mentah, catatan, bands)
        for g in h.galat:
            masalah.append(MasalahImpor(nomor, "Realisasi diisi", g))
        versi = val[COL_VERSI]
        hasil.append(
            BarisImpor(
                ind.indikator_id,
                ind.kode,
                h.nilai,
                catatan,
                _teks(val[COL_BUKTI]),
                int(versi) if isinstance(versi, int | float) else None,
            )
        )
    kode_baris = [b.kode for b in hasil]
    for k in {k for k in kode_baris if kode_baris.count(k) > 1}:
        masalah.append(MasalahImpor(0, "Kode", f"Indikator '{k}' muncul lebih dari sekali."))
    if progress:
        progress(1.0)
    wb.close()
    return hasil, masalah
