"""Shared pieces of every generated document (minutes, meeting packs, reports).

PDF through reportlab (A4, letterhead text, "Halaman x dari y", signature block), Excel through
xlsxwriter (real numbers with Indonesian display formats, frozen header, widths, print setup) and
DOCX through python-docx. What users typed is always inert: escaped in PDF paragraphs (reportlab
reads a subset of HTML) and neutralised against spreadsheet formulas in Excel and CSV cells.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from dashboard.inti import bingkai, formats

_AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r", "\n")

# Excel display formats: Excel shows separators in the reader's locale; these codes make the
# number of decimals and the grouping right, and dates are written as real dates. (Not
# "#,##0.##": Excel would show a whole number with a dangling decimal mark, "1.234,".)
FORMAT_ANGKA = "#,##0.00"
FORMAT_BULAT = "#,##0"
FORMAT_PERSEN = "#,##0.00"
FORMAT_RUPIAH = '"Rp" #,##0'
FORMAT_TANGGAL = "[$-421]d mmmm yyyy"


# A column of figures in different units (one indicator counts visitors, the next an index):
# each cell by its own value, a whole number without decimals, any other with two
# (resolved per cell by `tulis_sheet`; never written to a file as it is).
FORMAT_PER_SEL = "per-sel"


def format_otomatis(nilai: Sequence[object]) -> str:
    """Display format of a number column: whole numbers without decimals; in a column that
    also holds fractions each cell by its own value (`FORMAT_PER_SEL`)."""
    angka = [v for v in nilai if isinstance(v, int | float) and not isinstance(v, bool)]
    bulat = all(math.isnan(v) or float(v).is_integer() for v in angka)
    return FORMAT_BULAT if bulat else FORMAT_PER_SEL


def format_sel(kode: str | None, v: object) -> str | None:
    """The format of one cell: `FORMAT_PER_SEL` resolved by the value."""
    if kode != FORMAT_PER_SEL:
        return kode
    bulat = isinstance(v, int | float) and math.isfinite(v) and float(v).is_integer()
    return FORMAT_BULAT if bulat else FORMAT_ANGKA


def aman_sel(v: object) -> object:
    """A text cell that a spreadsheet will never run as a formula (OWASP CSV injection):
    text starting with = + - @ or a control character gets a leading apostrophe. Numbers and
    other values pass unchanged."""
    if isinstance(v, str) and v.startswith(_AWALAN_RUMUS):
        return "'" + v
    return v


def aman_df(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table with every text cell neutralised (for CSV and Excel exports)."""
    out = df.copy()
    for kolom in out.columns:
        if out[kolom].dtype == object or pd.api.types.is_string_dtype(out[kolom]):
            out[kolom] = out[kolom].map(aman_sel)
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for Excel users in Indonesia: `;` between fields, `,` as decimal mark, UTF-8 BOM."""
    # CRLF rows, so a field holding a bare CR or LF is quoted and cannot start a new row
    return (
        aman_df(df)
        .to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
        .encode("utf-8-sig")
    )


# --- PDF ---------------------------------------------------------------------------------


def teks_pdf(v: object) -> str:
    """User text for a reportlab Paragraph: markup escaped, line breaks kept."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return escape(str(v)).replace("\n", "<br/>")


_GAYA = getSampleStyleSheet()
GAYA = {
    "judul": ParagraphStyle(
        "judul", parent=_GAYA["Title"], fontName="Helvetica-Bold", fontSize=13, leading=16
    ),
    "subjudul": ParagraphStyle(
        "subjudul", parent=_GAYA["Heading2"], fontName="Helvetica-Bold", fontSize=11, leading=14
    ),
    "isi": ParagraphStyle("isi", parent=_GAYA["BodyText"], fontName="Helvetica", fontSize=9),
    "sel": ParagraphStyle("sel", fontName="Helvetica", fontSize=7.5, leading=9),
    "sel_tebal": ParagraphStyle("sel_tebal", fontName="Helvetica-Bold", fontSize=7.5, leading=9),
    "kop": ParagraphStyle(
        "kop", fontName="Helvetica-Bold", fontSize=12, leading=15, alignment=TA_CENTER
    ),
    "kop_kecil": ParagraphStyle(
        "kop_kecil", fontName="Helvetica", fontSize=8.5, leading=11, alignment=TA_CENTER
    ),
}


@dataclass(frozen=True)
class Kop:
    """Letterhead text of an instansi: pemda, agency name, address."""

    pemda: str
    nama: str
    alamat: str | None = None

    @classmethod
    def dari_instansi(cls, row) -> Kop:
        """From an `instansi_kop` row (dict or pandas row)."""
        return cls(str(row["pemda"]), str(row["nama"]), formats.teks(row.get("alamat")))

    @property
    def baris_pemda(self) -> str:
        """ "PEMERINTAH KABUPATEN X", whether or not the stored pemda starts with Pemerintah."""
        pemda = self.pemda.upper()
        return pemda if pemda.startswith("PEMERINTAH") else f"PEMERINTAH {pemda}"


@dataclass(frozen=True)
class Penandatangan:
    """Signature block: place, date, jabatan, name, NIP."""

    kota: str
    tanggal: dt.date
    jabatan: str
    nama: str
    nip: str | None = None
    keterangan: str | None = None  # a line above the place, e.g. "Disusun" / "Dievaluasi"


def kop_pdf(kop: Kop) -> list:
    """Letterhead flowables with the rule under it."""
    baris = [
        Paragraph(teks_pdf(kop.baris_pemda), GAYA["kop"]),
        Paragraph(teks_pdf(kop.nama.upper()), GAYA["kop"]),
    ]
    if kop.alamat:
        baris.append(Paragraph(teks_pdf(kop.alamat), GAYA["kop_kecil"]))
    garis = Table([[""]], colWidths=["100%"], rowHeights=[2])
    garis.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.5, colors.black)]))
    return [*baris, Spacer(1, 3), garis, Spacer(1, 8)]


# Room for a wet signature and the stamp between the jabatan line and the typed name
# (docs/DOMAIN.md §9): 2,5-3 cm, the same in PDF, DOCX and Excel.
RUANG_TTD = 2.75 * cm


class _Penanda(Flowable):
    """An invisible mark that notes the page it lands on (`pdf_bytes` reads it to see whether
    the signature block was pushed onto a page of its own)."""

    def __init__(self) -> None:
        super().__init__()
        self.halaman: int | None = None

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.halaman = self.canv.getPageNumber()


class _TandaTangan(KeepTogether):
    """The signature block(s), kept together, with a mark before and at the top of it."""

    def __init__(self, blok: Flowable) -> None:
        self.sebelum, self.awal = _Penanda(), _Penanda()
        self.blok = blok
        super().__init__([self.awal, Spacer(1, 14), blok])

    @property
    def sendiri(self) -> bool:
        """True when the block went onto a later page than what came before it."""
        return (self.awal.halaman or 0) > (self.sebelum.halaman or 0)


def tanda_tangan_pdf(p: Penandatangan, tanggal: bool = True) -> _TandaTangan:
    """The signature block at the right: place and date, jabatan, room to sign, name, NIP.
    `tanggal=False` for a letter that states its place and date at its head already (a
    Nota Dinas, an undangan): they are not written twice."""
    return _TandaTangan(_blok_tanda_tangan(p, tanggal))


def tanda_tangan_berdampingan_pdf(penandatangan: Sequence[Penandatangan]) -> _TandaTangan:
    """Signature blocks side by side (e.g. notulis and pimpinan rapat)."""
    blok = Table([[_blok_tanda_tangan(p) for p in penandatangan]])
    blok.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return _TandaTangan(blok)


def _blok_tanda_tangan(p: Penandatangan, tanggal: bool = True) -> Table:
    """Place and date, jabatan, RUANG_TTD of empty room, the name underlined, the NIP."""
    sel = [[Paragraph(teks_pdf(p.keterangan), GAYA["isi"])]] if p.keterangan else []
    if tanggal:
        sel.append([Paragraph(teks_pdf(f"{p.kota}, {formats.tanggal(p.tanggal)}"), GAYA["isi"])])
    sel += [
        [Paragraph(teks_pdf(p.jabatan), GAYA["isi"])],
        [Spacer(1, RUANG_TTD)],
        [Paragraph(f"<u>{teks_pdf(p.nama)}</u>", GAYA["isi"])],
        [Paragraph(teks_pdf(f"NIP. {p.nip}" if p.nip else ""), GAYA["isi"])],
    ]
    blok = Table(sel, colWidths=[7.5 * cm], hAlign="RIGHT")
    blok.setStyle(
        TableStyle(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 6 if tanggal else 0),
            ]
        )
    )
    return blok


# cell padding left + right of a tabel_pdf cell (reportlab's default 6 pt each side)
_PAD_SEL = 12
# a cell's font may shrink to this share of the table's size before a word would be cut
_KECIL_MIN = 0.7
_SPASI = re.compile(r"[ \t\r\n]+")  # where a line may break (not the no-break space)


def kata(teks: str) -> list[str]:
    """The pieces a cell line may break between: split at spaces and line breaks only; a
    no-break space (the indentation of kegiatan rows) binds what it joins."""
    return [k for k in _SPASI.split(teks) if k]


def sel_pdf(v: object, gaya: ParagraphStyle, lebar: float | None = None) -> Paragraph:
    """A table cell that breaks lines only at spaces: leading no-break spaces become an
    indent, and when the longest word does not fit `lebar` (the column width) the font
    shrinks (to 70%) until it does. Only a word that fits even then (a pasted link) may be
    cut, rather than run over the next column."""
    teks = "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
    isi = teks.lstrip("\u00a0")
    inden = stringWidth("\u00a0", gaya.fontName, gaya.fontSize) * (len(teks) - len(isi))
    if lebar is None:
        return Paragraph(teks_pdf(teks), gaya)
    ukuran, batas = gaya.fontSize, gaya.fontSize * _KECIL_MIN

    def muat(u: float) -> bool:
        ruang = lebar - _PAD_SEL - inden * u / gaya.fontSize
        return all(stringWidth(k, gaya.fontName, u) <= ruang for k in kata(isi))

    while not muat(ukuran) and ukuran - 0.25 >= batas:
        ukuran -= 0.25
    skala = ukuran / gaya.fontSize
    gaya_sel = ParagraphStyle(
        f"{gaya.name}_{ukuran}_{inden:.1f}",
        parent=gaya,
        fontSize=ukuran,
        leading=gaya.leading * skala,
        leftIndent=inden * skala,
        splitLongWords=0 if muat(ukuran) else 1,
    )
    return Paragraph(teks_pdf(isi), gaya_sel)


def baris_terpotong(p: Paragraph, lebar: float) -> list[str]:
    """Words of a cell that reportlab cut inside (the check the tests make): the cell wrapped
    at `lebar`, every piece of every line that is not a whole word of the text."""
    p.wrap(lebar - _PAD_SEL, 10_000)
    utuh = set(kata(p.text.replace("<br/>", "\n")))
    potong = []
    for baris in p.blPara.lines:
        isi = baris[1] if isinstance(baris, tuple) else [w.text for w in baris.words]
        potong += [k for w in isi for k in kata(w) if k not in utuh]
    return potong


class TabelPdf(Table):
    """A `tabel_pdf` table that remembers what it was made from, so a heading can be kept
    with its first rows and the last rows can be moved to the signature block."""

    sumber: tuple[list, list, dict] | None = None
    sel: Sequence[Sequence[Paragraph]] = ()  # the cells, set by tabel_pdf

    def kata_terpotong(self) -> list[str]:
        """Every piece of a word cut inside a cell (none when the columns are right)."""
        lebar = self.sumber[2]["lebar"] if self.sumber else None
        if lebar is None:
            return []
        return [
            k
            for row in self.sel
            for p, w in zip(row, lebar, strict=True)
            for k in baris_terpotong(p, w)
        ]


def tabel_pdf(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    lebar: Sequence[float] | None = None,
    kanan: Sequence[int] = (),
    tebal_baris: Sequence[int] = (),
    ukuran: float | None = None,
) -> TabelPdf:
    """A ruled table with a repeated grey header; cells are wrapped Paragraphs that break only
    between words (`sel_pdf`), so long text wraps instead of running off the page and no word
    is cut. `kanan`: column indexes aligned right (numbers); `ukuran`: a smaller font for a
    very wide form."""
    gaya = {k: GAYA[k] for k in ("sel", "sel_tebal")}
    if ukuran:
        gaya = {
            k: ParagraphStyle(f"{k}_{ukuran}", parent=g, fontSize=ukuran, leading=ukuran + 1.5)
            for k, g in gaya.items()
        }
    gaya_kanan = ParagraphStyle("sel_kanan", parent=gaya["sel"], alignment=2)
    gaya_kanan_tebal = ParagraphStyle("sel_kanan_tebal", parent=gaya["sel_tebal"], alignment=2)

    def lebar_kolom(j: int) -> float | None:
        return lebar[j] if lebar is not None and isinstance(lebar[j], int | float) else None

    data = [[sel_pdf(h, gaya["sel_tebal"], lebar_kolom(j)) for j, h in enumerate(header)]]
    for i, row in enumerate(rows):
        tebal = i in tebal_baris
        data.append(
            [
                sel_pdf(
                    v,
                    (gaya_kanan_tebal if tebal else gaya_kanan)
                    if j in kanan
                    else (gaya["sel_tebal"] if tebal else gaya["sel"]),
                    lebar_kolom(j),
                )
                for j, v in enumerate(row)
            ]
        )
    # splitInRow: a row taller than a page (a 2.000-character note) splits across pages
    # instead of failing the whole document with a LayoutError
    t = TabelPdf(data, colWidths=lebar, repeatRows=1, splitInRow=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8ECEF")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    t.sel = data
    t.sumber = (
        list(header),
        [list(r) for r in rows],
        {"lebar": lebar, "kanan": kanan, "tebal_baris": tebal_baris, "ukuran": ukuran},
    )
    return t


def _potong(t: TabelPdf, dari: int, sampai: int | None = None) -> TabelPdf:
    """Rows dari..sampai of a tabel_pdf table as a table of their own, under the same header."""
    if t.sumber is None:
        raise ValueError("Hanya tabel dari tabel_pdf yang dapat dipotong.")
    header, rows, kw = t.sumber
    tebal = [i - dari for i in kw["tebal_baris"] if dari <= i < (sampai or len(rows))]
    return tabel_pdf(header, rows[dari:sampai], **{**kw, "tebal_baris": tebal})


def _tinggi(f: Flowable, lebar: float) -> float:
    return f.wrap(lebar, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()


def judul_bersama(judul: Flowable, berikut: Flowable, lebar: float, baris: int = 3) -> list:
    """A heading that never stays alone at the foot of a page: a conditional page break asks
    for room for the heading and the start of what follows (a table's header and first
    `baris` rows, or three lines of text), so both move to the next page together."""
    if isinstance(berikut, TabelPdf) and berikut.sumber:
        awal = _tinggi(_potong(berikut, 0, baris), lebar)
    elif isinstance(berikut, Paragraph):
        awal = min(_tinggi(berikut, lebar), 3 * berikut.style.leading)
    else:
        awal = _tinggi(berikut, lebar)
    return [CondPageBreak(_tinggi(judul, lebar) + awal), judul, berikut]


def _bawa_ke_tanda_tangan(isi: list, baris: int = 3) -> list:
    """The document with what stands right before the signature block kept together with
    it: the last `baris` rows of the last table (under its header) and everything between
    them and the block, so the block never fills a page alone."""
    s = max(i for i, f in enumerate(isi) if isinstance(f, _TandaTangan))
    ttd = isi[s]
    t = next(
        (i for i in range(s - 1, -1, -1) if isinstance(isi[i], TabelPdf) and isi[i].sumber),
        None,
    )
    if t is None:  # no table: the last paragraph goes with the block
        awal, bawa = max(0, s - 1), isi[max(0, s - 1) : s]
    else:
        n = len(isi[t].sumber[1])
        awal = t
        if n > baris:
            bawa = [_potong(isi[t], n - baris), *isi[t + 1 : s]]
            isi = [*isi[:t], _potong(isi[t], 0, n - baris), *isi[t:]]
            awal, s = t + 1, s + 1
        else:  # a short table goes whole, with its heading
            while awal > 0 and isinstance(isi[awal - 1], CondPageBreak | Paragraph):
                awal -= 1
                if isinstance(isi[awal], CondPageBreak):
                    break
            bawa = isi[awal:s]
    bawa = [f for f in bawa if not isinstance(f, CondPageBreak)]
    return [*isi[:awal], KeepTogether([*bawa, *ttd._content]), *isi[s + 1 :]]


class _CanvasBernomor(rl_canvas.Canvas):
    """Writes "Halaman x dari y" on every page once the total is known."""

    judul_kaki = ""
    tanda_air = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._halaman: list[dict] = []

    def showPage(self):  # noqa: N802 - reportlab's name
        self._halaman.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._halaman)
        for state in self._halaman:
            self.__dict__.update(state)
            lebar, _ = self._pagesize
            self.setFont("Helvetica", 7.5)
            self.drawRightString(
                lebar - 1.5 * cm, 1 * cm, f"Halaman {self._pageNumber} dari {total}"
            )
            if self.judul_kaki:
                self.drawString(1.5 * cm, 1 * cm, self.judul_kaki[:120])
            if self.tanda_air:
                self._tulis_tanda_air()
            super().showPage()
        super().save()

    def _tulis_tanda_air(self) -> None:
        """A large pale diagonal word (e.g. DRAF) across the page, behind nothing it hides."""
        lebar, tinggi = self._pagesize
        self.saveState()
        self.setFillColor(colors.Color(0.69, 0, 0.13, alpha=0.12))
        self.setFont("Helvetica-Bold", 110)
        self.translate(lebar / 2, tinggi / 2)
        self.rotate(30)
        self.drawCentredString(0, -35, self.tanda_air)
        self.restoreState()


def pdf_bytes(
    isi: list,
    *,
    judul: str,
    mendatar: bool = True,
    kaki: str = "",
    tanda_air: str = "",
) -> bytes:
    """Build an A4 PDF (landscape by default) from flowables, with page numbers and a footer
    text; `judul` goes into the document metadata; `tanda_air` (e.g. "DRAF") is written pale
    and diagonal across every page, so no page of an unsigned document passes as final."""
    buf = io.BytesIO()
    ukuran = landscape(A4) if mendatar else A4
    doc = SimpleDocTemplate(
        buf,
        pagesize=ukuran,
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.3 * cm,
        bottomMargin=1.6 * cm,
        title=judul,
        author="Monev Kinerja",
    )
    kanvas = type("Kanvas", (_CanvasBernomor,), {"judul_kaki": kaki, "tanda_air": tanda_air})
    ttd = [f for f in isi if isinstance(f, _TandaTangan)]
    cerita = [x for f in isi for x in ([f.sebelum, f] if isinstance(f, _TandaTangan) else [f])]
    doc.build(cerita, canvasmaker=kanvas)
    if ttd and ttd[-1].sendiri:  # built again with the last rows brought to the signature
        pertama = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        try:
            doc.build(_bawa_ke_tanda_tangan(isi), canvasmaker=kanvas)
        except LayoutError:
            # rows too tall to travel with the block (notes of 2.000 characters): the
            # signature on a page of its own is still a whole document
            return pertama
    return buf.getvalue()


def lebar_halaman(mendatar: bool = True) -> float:
    """Usable width between the margins of `pdf_bytes`, in points."""
    return (landscape(A4) if mendatar else A4)[0] - 3 * cm


# --- Excel -------------------------------------------------------------------------------


def tulis_sheet(
    workbook,
    nama: str,
    df: pd.DataFrame,
    *,
    judul: Sequence[str] = (),
    format_kolom: dict[str, str] | None = None,
    lebar: dict[str, float] | None = None,
    mendatar: bool = True,
    tebal_baris: Sequence[int] = (),
):
    """One sheet: title lines, a bold frozen header, the table with real numbers in display
    formats, neutralised text, column widths, and print setup (A4, fit to width, header row
    repeated, page numbers); a number column without a format gets `format_otomatis`.
    `tebal_baris`: positions of table rows in bold (group and total
    rows). Returns the worksheet and the row after the table (for extra rows such as a
    signature block)."""
    ws = workbook.add_worksheet(nama[:31])
    f_judul = workbook.add_format({"bold": True, "font_size": 12})
    f_head = workbook.add_format(
        {"bold": True, "bg_color": "#E8ECEF", "border": 1, "text_wrap": True, "valign": "top"}
    )
    f_teks = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    cache: dict[tuple[str | None, bool], object] = {}

    def fmt(kode: str | None, tebal: bool = False):
        if kode is None and not tebal:
            return f_teks
        if (kode, tebal) not in cache:
            sifat = {"border": 1, "valign": "top", "bold": tebal}
            cache[(kode, tebal)] = workbook.add_format(
                {**sifat, "num_format": kode} if kode else {**sifat, "text_wrap": True}
            )
        return cache[(kode, tebal)]

    for i, baris in enumerate(judul):
        ws.write_string(i, 0, str(aman_sel(baris)), f_judul)
    awal = len(judul) + (1 if judul else 0)
    angka = {
        k: format_otomatis(df[k])
        for k in df.columns
        if any(isinstance(v, int | float) and not isinstance(v, bool) for v in df[k])
    }
    format_kolom = {**angka, **(format_kolom or {})}
    for j, kolom in enumerate(df.columns):
        ws.write_string(awal, j, str(kolom), f_head)
        ws.set_column(j, j, (lebar or {}).get(kolom, max(10, min(45, len(str(kolom)) + 2))))
    tebal = {awal + 1 + b for b in tebal_baris}
    for i, row in enumerate(bingkai.baris(df), start=awal + 1):
        for j, (kolom, v) in enumerate(zip(df.columns, row, strict=True)):
            f = fmt(format_sel(format_kolom.get(kolom), v), i in tebal)
            if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
                ws.write_blank(i, j, None, f)
            elif isinstance(v, bool):
                ws.write_boolean(i, j, v, f)
            elif isinstance(v, int | float):
                ws.write_number(i, j, float(v), f)
            elif isinstance(v, dt.datetime | dt.date):
                ws.write_datetime(i, j, v, fmt(format_kolom.get(kolom, FORMAT_TANGGAL)))
            else:
                ws.write_string(i, j, str(aman_sel(str(v))), f)
    ws.freeze_panes(awal + 1, 0)
    ws.repeat_rows(awal)
    ws.set_paper(9)  # A4
    if mendatar:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_footer("&LMonev Kinerja&RHalaman &P dari &N")
    return ws, awal + 1 + len(df)


def tanda_tangan_excel(workbook, ws, baris: int, kolom: int, p: Penandatangan) -> None:
    """The signature block under a table, starting at (baris + 2, kolom), with one row
    RUANG_TTD high between the jabatan and the name."""
    teks = [p.keterangan] if p.keterangan else []
    awal = baris + 2 + len(teks)
    teks += [
        f"{p.kota}, {formats.tanggal(p.tanggal)}",
        p.jabatan,
        "",
        p.nama,
        f"NIP. {p.nip}" if p.nip else "",
    ]
    tebal = workbook.add_format({"bold": True, "underline": True})
    for i, t in enumerate(teks):
        ws.write_string(
            baris + 2 + i, kolom, str(aman_sel(t)), tebal if i == len(teks) - 2 else None
        )
    ws.set_row(awal + 2, RUANG_TTD)  # points, like reportlab's units


_ANGKA_TAMPIL = re.compile(r"(Rp )?-?\d{1,3}(?:\.\d{3})*(?:,\d+)?(%)?")
_KOSONG_TAMPIL = ("", "–", "-")


def angka_tampilan(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Text columns that hold only numbers as the app shows them (`1.234,5`, `54,18%`,
    `Rp 1.512.500`; blanks and `–` allowed) turned back into real numbers, with the matching
    Excel format, so a table exported from the screen can be summed and sorted in Excel.
    Codes such as `1.01.01` or `LYN.01` never match and stay text."""
    out, fmt = df.copy(), {}
    for kolom in out.columns:
        if out[kolom].dtype != object:
            continue
        cocok: list[float | None] = []
        jenis = set()
        for v in out[kolom]:
            if v is None or (isinstance(v, float) and math.isnan(v)):
                cocok.append(None)
                continue
            if not isinstance(v, str):
                break
            if v.strip() in _KOSONG_TAMPIL:
                cocok.append(None)
                continue
            m = _ANGKA_TAMPIL.fullmatch(v.strip())
            if m is None:
                break
            jenis.add("rupiah" if m.group(1) else "persen" if m.group(2) else "angka")
            cocok.append(formats.parse_angka(v.strip().removeprefix("Rp ").removesuffix("%")))
        else:
            if len(jenis) == 1:
                out[kolom] = pd.Series(cocok, index=out.index, dtype=object)
                j = jenis.pop()
                fmt[kolom] = (
                    FORMAT_RUPIAH
                    if j == "rupiah"
                    else FORMAT_PERSEN + '"%"'
                    if j == "persen"
                    else format_otomatis(cocok)
                )
    return out, fmt


def excel_tabel(df: pd.DataFrame, nama: str, judul: Sequence[str] = (), **kwargs) -> bytes:
    """One table as an .xlsx file (a dashboard table's Excel export), through `tulis_sheet`;
    numbers shown as text on screen go in as real numbers (`angka_tampilan`)."""
    import xlsxwriter

    df, fmt = angka_tampilan(df)
    kwargs["format_kolom"] = {**fmt, **kwargs.get("format_kolom", {})}
    buf = io.BytesIO()
    with xlsxwriter.Workbook(buf, {"in_memory": True}) as wb:
        tulis_sheet(wb, nama, df, judul=judul, **kwargs)
    return buf.getvalue()


# --- DOCX --------------------------------------------------------------------------------

_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def teks_docx(v: object) -> str:
    """User text for a Word run: plain text only (python-docx writes it as a literal run, never
    as a field or hyperlink); characters XML cannot hold are dropped instead of failing."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return _BUKAN_XML.sub("", str(v))


def _field_docx(paragraph, kode: str) -> None:
    """A Word field computed by Word itself (PAGE, NUMPAGES); never built from user text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), kode)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)


def docx_baru(kop: Kop, mendatar: bool = False):
    """An A4 Word document with the letterhead and "Halaman x dari y" in the footer."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    if mendatar:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    for sisi in ("left_margin", "right_margin"):
        setattr(sec, sisi, Cm(2))
    sec.top_margin, sec.bottom_margin = Cm(1.5), Cm(1.8)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    baris = [kop.baris_pemda, kop.nama.upper()]
    for i, b in enumerate(baris + ([kop.alamat] if kop.alamat else [])):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(teks_docx(b))
        run.bold = i < len(baris)
        run.font.size = Pt(12 if i < len(baris) else 8.5)
    garis = doc.add_paragraph("_" * 90)
    garis.alignment = WD_ALIGN_PARAGRAPH.CENTER
    kaki = sec.footer.paragraphs[0]
    kaki.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    kaki.add_run("Halaman ")
    _field_docx(kaki, "PAGE")
    kaki.add_run(" dari ")
    _field_docx(kaki, "NUMPAGES")
    return doc


def judul_docx(doc, teks: str):
    """A bold section heading kept on the page of what follows it (Word's keep with next)."""
    p = doc.add_paragraph()
    p.add_run(teks_docx(teks)).bold = True
    p.paragraph_format.keep_with_next = True
    return p


def tabel_docx(doc, header: Sequence[str], rows: Sequence[Sequence[object]]):
    """A ruled table with a bold header row repeated on every page; cells are plain text, and
    Word wraps them at spaces only. Returns the table."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for sel, h in zip(t.rows[0].cells, header, strict=True):
        run = sel.paragraphs[0].add_run(teks_docx(h))
        run.bold = True
        run.font.size = Pt(9)
    ulang = OxmlElement("w:tblHeader")
    ulang.set(qn("w:val"), "true")
    t.rows[0]._tr.get_or_add_trPr().append(ulang)
    for row in rows:
        cells = t.add_row().cells
        for sel, v in zip(cells, row, strict=True):
            sel.paragraphs[0].add_run(teks_docx(v)).font.size = Pt(9)
    # the header stays with the first row; no row splits across two pages
    for r in t.rows:
        tolak = OxmlElement("w:cantSplit")
        r._tr.get_or_add_trPr().append(tolak)
    for sel in t.rows[0].cells:
        for par in sel.paragraphs:
            par.paragraph_format.keep_with_next = True
    doc.add_paragraph()
    return t


def bawa_ke_berikut_docx(tabel, baris: int = 3) -> None:
    """Keep the last `baris` rows of a table on the page of what follows (the signature)."""
    for r in tabel.rows[-baris:]:
        for sel in r.cells:
            for par in sel.paragraphs:
                par.paragraph_format.keep_with_next = True


def tanda_tangan_docx(doc, penandatangan: Sequence[Penandatangan], tanggal: bool = True) -> None:
    """Signature blocks side by side (e.g. notulis and pimpinan rapat): place and date
    (unless `tanggal` is False, as in `tanda_tangan_pdf`), jabatan, RUANG_TTD of room to sign,
    name underlined, NIP. One signer signs at the right, as in the PDF. The row never splits,
    and every line keeps with the next, so the block stays whole."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    kosong = 1 if len(penandatangan) == 1 else 0  # an empty left cell puts one block right
    tabel = doc.add_table(rows=1, cols=len(penandatangan) + kosong)
    tabel.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for sel, p in zip(tabel.rows[0].cells[kosong:], penandatangan, strict=True):
        if tanggal:
            sel.paragraphs[0].add_run(teks_docx(f"{p.kota}, {formats.tanggal(p.tanggal)}"))
            jabatan = sel.add_paragraph(teks_docx(p.jabatan))
        else:
            jabatan = sel.paragraphs[0]
            jabatan.add_run(teks_docx(p.jabatan))
        jabatan.paragraph_format.space_after = Pt(0)
        nama_p = sel.add_paragraph()
        nama_p.paragraph_format.space_before = Pt(RUANG_TTD)
        nama = nama_p.add_run(teks_docx(p.nama))
        nama.bold = nama.underline = True
        if p.nip:
            sel.add_paragraph(teks_docx(f"NIP. {p.nip}"))
        for par in sel.paragraphs:
            par.paragraph_format.keep_with_next = True
            par.paragraph_format.keep_together = True


def docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
