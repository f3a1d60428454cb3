"""Excel round trip of a unit's quarter: a prefilled, protected template (xlsxwriter) and the
reader of a filled one (openpyxl), which lists every problem by row and column."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import xlsxwriter

from dashboard.capaian.skala import Skala
from dashboard.inti import bingkai, formats, xlsx_aman
from dashboard.inti.formats import teks
from dashboard.pengumpulan.entri import periksa

SHEET = "Realisasi"
META = "_meta"
MAX_BYTES = xlsx_aman.MAX_BYTES
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
    # what keeps the row from being submitted (the draft takes it; docs/DOMAIN.md §6.2)
    penghalang: list[str] = field(default_factory=list)


def label_nilai(triwulan: int) -> str:
    """The header of the input column, also the column named in a problem about it."""
    return f"Realisasi {formats.nama_triwulan(triwulan)} (isi)"


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
    fmt_teks = wb.add_format({"border": 1, "locked": True, "text_wrap": True})
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
    ws.write_string(1, 0, f"{instansi_nama} - {unit_nama}")  # names are text, never formulas
    ws.write(
        2,
        0,
        "Isi hanya sel berwarna kuning. Angka desimal memakai koma sesuai pengaturan "
        f"Excel Anda. Tenggat: {formats.tanggal(p['tenggat'])}.",
    )
    for c, nama_kolom in enumerate(KOLOM):
        label = label_nilai(n) if c == COL_NILAI else nama_kolom
        ws.write(HEADER_ROW - 1, c, label, head)
    isi = form.baris.set_index("indikator_id") if not form.baris.empty else None
    aturan: list[tuple[float, float]] = []
    for i, ind in enumerate(form.indikator):
        r = HEADER_ROW + i
        ws.write_number(r, 0, i + 1, kunci)
        ws.write_string(r, 1, ind.kode, fmt_teks)
        ws.write_string(r, 2, ind.nama, fmt_teks)
        ws.write_string(r, 3, ind.satuan, fmt_teks)
        ws.write_string(r, 4, ind.polaritas, fmt_teks)
        ws.write_string(r, 5, ind.cara_agregasi, fmt_teks)
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
        aturan.append(
            (-1e15 if ind.boleh_negatif else 0, 100 if ind.satuan.strip() == "%" else 1e15)
        )
    # one validation per run of rows with the same limits (one per cell slows Excel and readers)
    mulai = 0
    for k in range(1, len(aturan) + 1):
        if k == len(aturan) or aturan[k] != aturan[mulai]:
            minimum, maksimum = aturan[mulai]
            ws.data_validation(
                HEADER_ROW + mulai,
                COL_NILAI,
                HEADER_ROW + k - 1,
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
            mulai = k
    if aturan:
        ws.data_validation(
            HEADER_ROW,
            COL_CATATAN,
            HEADER_ROW + len(aturan) - 1,
            COL_CATATAN,
            {"validate": "length", "criteria": "<=", "value": 2000},
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
    for r, (nama_meta, v) in enumerate(
        (("periode_id", p["id"]), ("unit_id", form.unit_id), ("tahun", p["tahun"]), ("triwulan", n))
    ):
        meta.write_string(r, 0, nama_meta)
        meta.write_number(r, 1, v)
    meta.hide()
    wb.close()
    return buf.getvalue()


def sel_rumus(data: bytes, sheet: str) -> set[tuple[int, int]]:
    """(row, 0-based column) of every formula cell of a sheet (`xlsx_aman` reads the XML)."""
    return xlsx_aman.periksa(data).rumus.get(sheet, set())


def _periksa_meta(lembar: dict[str, pd.DataFrame], form) -> list[MasalahImpor]:
    """Unit and period of the template, whatever its sheets are called: every sheet holding
    the keys is checked (a renamed `_meta` is found by its content), and a file without them is
    refused rather than taken for any unit and period."""
    daftar = []
    for nama, df in lembar.items():
        if nama == SHEET or df.shape[1] < 2:
            continue
        meta = {str(k): v for k, v in bingkai.baris(df.iloc[:, :2])}
        if "unit_id" in meta or "periode_id" in meta:
            daftar.append(meta)
    if not daftar:
        return [
            MasalahImpor(
                0,
                "-",
                "Templat tidak dikenali: keterangan unit dan periode tidak ditemukan; pakai "
                "templat yang diunduh dari aplikasi.",
            )
        ]
    masalah = []
    if any(m.get("unit_id") != form.unit_id for m in daftar):
        masalah.append(MasalahImpor(0, "-", "Templat ini milik unit lain."))
    if any(m.get("periode_id") != form.periode["id"] for m in daftar):
        masalah.append(MasalahImpor(0, "-", "Templat ini untuk periode lain."))
    return masalah


def baca_template(
    data: bytes,
    form,
    skala: Skala,
    progress: Callable[[float], None] | None = None,
) -> tuple[list[BarisImpor], list[MasalahImpor]]:
    """Read a filled template for `form`'s unit and period; return rows and every problem.

    pandas with the calamine engine reads the cells (fast enough for 10.000 rows); formulas
    are found in the sheet XML.
    """
    masalah: list[MasalahImpor] = []
    # size, zip bomb, external links and formulas are checked before any reader sees the file
    aman = xlsx_aman.periksa(data, MAX_BYTES)
    if not aman.aman:
        return [], [MasalahImpor(0, "-", g) for g in aman.galat]
    if progress:
        progress(0.05)
    try:
        lembar = pd.read_excel(
            io.BytesIO(data), sheet_name=None, header=None, dtype=object, engine="calamine"
        )
    except Exception:  # noqa: BLE001 - any unreadable file gets the same clear answer
        return [], [MasalahImpor(0, "-", "Berkas bukan Excel (.xlsx) yang dapat dibaca.")]
    rumus = aman.rumus.get(SHEET, set())
    if SHEET not in lembar:
        return [], [
            MasalahImpor(
                0, "-", f"Lembar '{SHEET}' tidak ada; pakai templat yang diunduh dari aplikasi."
            )
        ]
    masalah += _periksa_meta(lembar, form)
    df = lembar[SHEET]
    if len(df) > MAX_BARIS + HEADER_ROW:
        return [], [MasalahImpor(0, "-", f"Terlalu banyak baris (maksimal {MAX_BARIS}).")]
    df = df.reindex(columns=range(len(KOLOM)))
    header = [teks(v) for v in df.iloc[HEADER_ROW - 1]] if len(df) >= HEADER_ROW else []
    harapan = KOLOM[:COL_NILAI] + [None] + KOLOM[COL_NILAI + 1 :]
    beda = [
        KOLOM[i]
        for i, k in enumerate(harapan)
        if k is not None and (i >= len(header) or header[i] != k)
    ]
    if beda:
        return [], masalah + [
            MasalahImpor(HEADER_ROW, ", ".join(beda), "Kolom tidak sesuai templat.")
        ]
    if progress:
        progress(0.4)
    indikator = {i.kode: i for i in form.indikator}
    for baris, kolom in sorted(rumus):
        if baris > HEADER_ROW and kolom < len(KOLOM):
            nama = label_nilai(form.periode["triwulan"]) if kolom == COL_NILAI else KOLOM[kolom]
            masalah.append(MasalahImpor(baris, nama, "Rumus tidak diterima; isi nilai."))
    berumus = {b for b, _ in rumus}
    hasil: list[BarisImpor] = []
    data_rows = df.iloc[HEADER_ROW:].itertuples(index=False, name=None)
    total = max(1, len(df) - HEADER_ROW)
    for k, val in enumerate(data_rows):
        nomor = HEADER_ROW + 1 + k
        if progress and k % 1000 == 0:
            progress(0.4 + 0.6 * k / total)
        if all(teks(v) is None for v in val[:COL_VERSI]):
            continue
        kode = teks(val[1])
        ind = indikator.get(kode or "")
        if ind is None:
            masalah.append(
                MasalahImpor(
                    nomor, "Kode", f"Indikator '{kode}' bukan milik unit ini untuk periode ini."
                )
            )
            continue
        if nomor in berumus:
            continue
        mentah = val[COL_NILAI]
        mentah = None if isinstance(mentah, float) and mentah != mentah else mentah
        catatan = teks(val[COL_CATATAN])
        h = periksa(ind, form.periode["triwulan"], mentah, catatan, skala)
        for g in h.galat:
            masalah.append(MasalahImpor(nomor, label_nilai(form.periode["triwulan"]), g))
        versi = val[COL_VERSI]
        hasil.append(
            BarisImpor(
                ind.indikator_id,
                ind.kode,
                h.nilai,
                catatan,
                teks(val[COL_BUKTI]),
                int(versi) if isinstance(versi, int | float) and versi == versi else None,
                h.penghalang,
            )
        )
    ganda = [k for k, n in Counter(b.kode for b in hasil).items() if n > 1]
    for kode in ganda:
        masalah.append(MasalahImpor(0, "Kode", f"Indikator '{kode}' muncul lebih dari sekali."))
    if progress:
        progress(1.0)
    return hasil, masalah
