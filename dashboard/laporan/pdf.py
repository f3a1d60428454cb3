"""Reports as A4 landscape PDF: letterhead, title, tables with Indonesian number formats,
notes, signature block, "Halaman x dari y" (through `dashboard.inti.dokumen`)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from dashboard.inti import bingkai, dokumen
from dashboard.laporan.data import ANGKA, DRAF, TEKS, Laporan, Tabel, teks_sel

_TENGAH = ParagraphStyle("tengah", parent=dokumen.GAYA["isi"], alignment=TA_CENTER)
_PERINGATAN = ParagraphStyle(
    "peringatan", parent=_TENGAH, fontName="Helvetica-Bold", textColor=colors.HexColor("#B00020")
)
_CATATAN = ParagraphStyle("catatan", parent=dokumen.GAYA["isi"], fontSize=7.5, leading=9)


def _kolom(t: Tabel) -> list[tuple[str, list[str], str]]:
    """PDF columns: (header, source columns, kind); a K and an Rp column merged."""
    gabung = {k: (h, rp) for h, k, rp in t.gabung_pdf}
    dilewati = {rp for _, _, rp in t.gabung_pdf}
    out = []
    for k in t.df.columns:
        if k in dilewati:
            continue
        if k in gabung:
            h, rp = gabung[k]
            out.append((h, [k, rp], TEKS if t.jenis[k] == TEKS else ANGKA))
        else:
            out.append((k, [k], t.jenis.get(k, TEKS)))
    return out


_PAD = 13  # cell padding left + right of dokumen.tabel_pdf, plus a little air


def _lebar_teks(teks: str, tebal: bool = False, ukuran: float = 7.5) -> float:
    return stringWidth(teks, "Helvetica-Bold" if tebal else "Helvetica", ukuran)


def _minimal(
    header: list[str], rows: list[list[str]], bobot: list[float], ukuran: float
) -> list[float]:
    """The narrowest each column may be: a number column (bobot 0) as wide as its longest
    value, so numbers never wrap; a text column as wide as its longest word (at most 90 pt)."""
    kolom = list(zip(*rows, strict=True)) if rows else [() for _ in header]
    minimal = []
    for h, sel, b in zip(header, kolom, bobot, strict=True):
        # words as the cell breaks them: an indented name's no-break spaces belong to its
        # first word (`dokumen.kata`)
        kata = [w for v in (h, *sel) for w in dokumen.kata(v)] or [""]
        if b:
            minimal.append(min(max(_lebar_teks(w, True, ukuran) for w in kata) + _PAD, 90))
        else:
            isi = max((_lebar_teks(v, True, ukuran) for v in sel), default=0)
            judul = (_lebar_teks(w, True, ukuran) for w in dokumen.kata(h))
            minimal.append(max(isi, *judul) + _PAD)
    return minimal


def ukuran_muat(
    header: list[str], rows: list[list[str]], bobot: list[float], total: float, ukuran: float
) -> float:
    """The font size of a table: `ukuran`, or smaller (in 0,25 pt steps, to 70%) when its
    columns at their narrowest would not fit `total`; one size for the whole table, so a
    column never shows some values smaller than others."""
    u = ukuran
    while sum(_minimal(header, rows, bobot, u)) > total and u - 0.25 >= ukuran * 0.7:
        u -= 0.25
    return u


def lebar_kolom(
    header: list[str],
    rows: list[list[str]],
    bobot: list[float],
    total: float,
    ukuran: float = 7.5,
) -> list[float]:
    """Column widths: every column at its narrowest (`_minimal`), and a text column also its
    share (bobot) of the room left."""
    minimal = _minimal(header, rows, bobot, ukuran)
    sisa = total - sum(minimal)
    if sisa <= 0:
        return [w * total / sum(minimal) for w in minimal]
    jumlah = sum(bobot) or 1
    return [w + sisa * b / jumlah for w, b in zip(minimal, bobot, strict=True)]


def tabel(t: Tabel, lebar_total: float):
    kolom = [k for k in _kolom(t) if k[0] not in t.tanpa_pdf]
    rows = []
    for row in bingkai.baris_dict(t.df):
        sel = []
        for _, sumber, jenis in kolom:
            if len(sumber) == 1:
                sel.append(teks_sel(row[sumber[0]], jenis, tetap=True))
            else:
                k, rp = sumber
                sel.append(
                    teks_sel(row[k], t.jenis[k], tetap=True)
                    if row[k] is not None
                    else teks_sel(row[rp], t.jenis[rp], ringkas=True, tetap=True)
                )
        rows.append(sel)
    header = [h for h, *_ in kolom]
    bobot = [t.lebar[s[0]] if j == TEKS else 0 for _, s, j in kolom]
    ukuran = ukuran_muat(header, rows, bobot, lebar_total, t.ukuran_pdf)
    return dokumen.tabel_pdf(
        header,
        rows,
        lebar=lebar_kolom(header, rows, bobot, lebar_total, ukuran),
        kanan=[i for i, b in enumerate(bobot) if not b],
        tebal_baris=t.tebal,
        ukuran=ukuran,
    )


def penutup(t: Tabel, lebar_total: float) -> Table:
    """A form's closing rows under its table, ruled like it: the label in bold, then the text
    (one line per item)."""
    gaya = ParagraphStyle("penutup", parent=dokumen.GAYA["isi"], fontSize=7.5, leading=9.5)
    data = [
        [
            Paragraph(
                f"<b>{dokumen.teks_pdf(label)}:</b><br/>"
                + "<br/>".join(dokumen.teks_pdf(b) for b in teks.split("\n")),
                gaya,
            )
        ]
        for label, teks in t.penutup
    ]
    tabel = Table(data, colWidths=[lebar_total], splitInRow=1)
    tabel.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return tabel


def pdf_laporan(lap: Laporan) -> bytes:
    """The report as an A4 landscape PDF; every table heading stays with its first rows and
    the signature block with the last rows (`dokumen.judul_bersama`, `dokumen.pdf_bytes`)."""
    isi = [
        *dokumen.kop_pdf(lap.kop),
        Paragraph(dokumen.teks_pdf(lap.judul.upper()), dokumen.GAYA["judul"]),
    ]
    for i, s in enumerate(lap.subjudul):
        terakhir = i == len(lap.subjudul) - 1
        gaya = _PERINGATAN if terakhir and lap.belum_sah else _TENGAH
        isi.append(Paragraph(dokumen.teks_pdf(s), gaya))
    lebar = dokumen.lebar_halaman()
    for t in lap.tabel:
        judul = Paragraph(dokumen.teks_pdf(t.judul), dokumen.GAYA["subjudul"])
        isi += [Spacer(1, 8), *dokumen.judul_bersama(judul, tabel(t, lebar), lebar)]
        if t.penutup:
            isi.append(penutup(t, lebar))
        isi += [Paragraph(dokumen.teks_pdf(c), _CATATAN) for c in t.catatan]
    isi += [Paragraph(dokumen.teks_pdf(c), _CATATAN) for c in lap.catatan]
    isi.append(
        dokumen.tanda_tangan_berdampingan_pdf(lap.tanda_tangan)
        if lap.tanda_tangan
        else dokumen.tanda_tangan_pdf(lap.penandatangan)
    )
    kaki = f"{lap.judul.upper()} – {lap.kop.nama}"
    return dokumen.pdf_bytes(
        isi,
        judul=lap.judul,
        kaki=f"{DRAF} – {kaki}" if lap.belum_sah else kaki,
        tanda_air=DRAF if lap.belum_sah else "",
    )
