"""Shared document pieces: a screen table exported to Excel keeps its numbers as numbers; every
document is ready to sign (room to sign, no lone heading or signature, no word cut in a cell)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from dashboard.inti import dokumen


def test_screen_numbers_go_back_into_excel_as_numbers():
    tampil = pd.DataFrame(
        {
            "Kode": ["1.01.01", "LYN.01", "2.230"],
            "Indikator": ["=SUM(A1)", "Jumlah pengunjung", "Indeks"],
            "Capaian": ["54,18%", "–", "102,5%"],
            "Pagu": ["Rp 1.512.500.000", "Rp 0", None],
            "Jumlah": ["1.234", "2", "15"],
            "Campur": ["12%", "Rp 5", "3"],
        }
    )
    df, fmt = dokumen.angka_tampilan(tampil)
    assert df["Capaian"].tolist() == [54.18, None, 102.5]
    assert df["Pagu"].tolist() == [1_512_500_000.0, 0.0, None]
    assert df["Jumlah"].tolist() == [1234.0, 2.0, 15.0]
    assert df["Kode"].tolist() == ["1.01.01", "LYN.01", "2.230"]  # not every cell a number
    assert df["Campur"].tolist() == ["12%", "Rp 5", "3"]  # mixed kinds stay text
    assert fmt == {
        "Capaian": dokumen.FORMAT_PERSEN + '"%"',
        "Pagu": dokumen.FORMAT_RUPIAH,
        "Jumlah": dokumen.FORMAT_BULAT,
    }

    ws = openpyxl.load_workbook(io.BytesIO(dokumen.excel_tabel(tampil, "uji", ["Judul"])))["uji"]
    header = [c.value for c in ws[3]]
    baris = {h: ws.cell(row=4, column=i + 1) for i, h in enumerate(header)}
    assert baris["Capaian"].value == 54.18 and baris["Capaian"].number_format.endswith('"%"')
    assert baris["Pagu"].value == 1_512_500_000 and "Rp" in baris["Pagu"].number_format
    assert baris["Indikator"].value == "'=SUM(A1)"  # text stays inert
    assert ws.cell(row=5, column=header.index("Capaian") + 1).value is None


# ---------------------------------------------------------------- documents ready to sign

TTD = dokumen.Penandatangan(
    kota="Sukamaju",
    tanggal=dt.date(2026, 12, 2),
    jabatan="Kepala Dinas Perpustakaan",
    nama="Dra. Siti Rahmawati",
    nip="19680512 199303 2 007",
)


def _teks_halaman(isi: bytes) -> list[list[tuple[float, str]]]:
    """Per page, the text pieces with the height of their baseline (points from the foot)."""
    halaman = []
    for page in PdfReader(io.BytesIO(isi)).pages:
        teks: list[tuple[float, str]] = []

        def catat(t, cm, tm, _font, _ukuran, teks=teks):
            if t.strip():
                teks.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], t.strip()))

        page.extract_text(visitor_text=catat)
        halaman.append(teks)
    return halaman


def _halaman_dengan(halaman, awal: str) -> int:
    return next(i for i, teks in enumerate(halaman) if any(t.startswith(awal) for _, t in teks))


def _jarak_mm(isi: bytes, jabatan: str, nama: str, ukuran: float = 9) -> float:
    """Room between the jabatan line and the typed name: from the foot of the one to the top
    of the other (baseline distance less one font size), in mm."""
    teks = [x for h in _teks_halaman(isi) for x in h]
    y_jabatan = next(y for y, t in teks if t == jabatan)
    y_nama = next(y for y, t in teks if t == nama)
    return (y_jabatan - y_nama - ukuran) / mm


@pytest.mark.parametrize("berdampingan", [False, True])
def test_signature_leaves_25_to_30_mm_to_sign(berdampingan):
    blok = (
        dokumen.tanda_tangan_berdampingan_pdf([TTD, TTD])
        if berdampingan
        else dokumen.tanda_tangan_pdf(TTD)
    )
    isi = dokumen.pdf_bytes([Paragraph("Isi", dokumen.GAYA["isi"]), blok], judul="Uji")
    assert 25 <= _jarak_mm(isi, TTD.jabatan, TTD.nama) <= 30


def _tabel(n: int, awal: str = "Baris") -> dokumen.TabelPdf:
    return dokumen.tabel_pdf(
        ["No", "Uraian"], [[i, f"{awal} {i}"] for i in range(1, n + 1)], lebar=[40, 400]
    )


def test_signature_never_alone_on_a_page():
    """Whatever the length of the table before it, the page with the signature also holds the
    table's last rows (the signature block moves with them, under the repeated header)."""
    for n in range(25, 75, 2):
        isi = dokumen.pdf_bytes([_tabel(n), dokumen.tanda_tangan_pdf(TTD)], judul="Uji")
        halaman = _teks_halaman(isi)
        p = _halaman_dengan(halaman, TTD.nama)
        baris = [t for _, t in halaman[p] if t.startswith("Baris")]
        assert baris and baris[-1] == f"Baris {n}", (n, len(halaman))
        assert any(t == "Uraian" for _, t in halaman[p])  # the header repeated above them


def test_heading_never_alone_at_the_foot_of_a_page():
    """However far down the page a table starts, its heading stands on the page of its first
    rows."""
    lebar = dokumen.lebar_halaman()
    for n in range(20, 45):
        isi = [Paragraph(f"Isian {i}", dokumen.GAYA["isi"]) for i in range(n)]
        judul = Paragraph("Tabel 3.3 Uji", dokumen.GAYA["subjudul"])
        isi += dokumen.judul_bersama(judul, _tabel(30, "Data"), lebar)
        halaman = _teks_halaman(dokumen.pdf_bytes(isi, judul="Uji"))
        assert _halaman_dengan(halaman, "Tabel 3.3") == _halaman_dengan(halaman, "Data 3"), n


def test_cells_break_only_between_words():
    """A cell breaks lines at spaces; an indented name (no-break spaces) keeps its first word
    whole: the font shrinks instead of cutting "Pengembangan" into "Pengemban gan"."""
    nama = "\u00a0" * 8 + "Pengembangan Layanan Perpustakaan Kabupaten/Kota"
    assert dokumen.kata(nama) == [
        "\u00a0" * 8 + "Pengembangan",
        "Layanan",
        "Perpustakaan",
        "Kabupaten/Kota",
    ]
    gaya = dokumen.GAYA["sel_tebal"]
    sel = dokumen.sel_pdf(nama, gaya, 70)
    assert dokumen.baris_terpotong(sel, 70) == []
    assert sel.style.fontSize < gaya.fontSize and sel.style.leftIndent > 0
    # the check itself sees a cut: reportlab's default cuts a word that does not fit
    dipotong = Paragraph(dokumen.teks_pdf(nama), gaya)
    assert dokumen.baris_terpotong(dipotong, 70)
    # a roomy column keeps the table's size
    assert dokumen.sel_pdf(nama, gaya, 300).style.fontSize == gaya.fontSize
    tabel = dokumen.tabel_pdf(["Uraian"], [[nama], ["Sub Kegiatan Penyelenggaraan"]], lebar=[70])
    assert tabel.kata_terpotong() == []


def test_excel_number_cells_whole_without_decimals():
    """A column of indicators in different units: 12.000 shows as 12.000, 6,675 with
    decimals; the signature block leaves the same room to sign as the PDF."""
    import xlsxwriter

    df = pd.DataFrame({"Indikator": ["A", "B", "C"], "Realisasi": [12000, 6.675, 350.0]})
    buf = io.BytesIO()
    with xlsxwriter.Workbook(buf, {"in_memory": True}) as wb:
        ws, baris = dokumen.tulis_sheet(wb, "Uji", df)
        dokumen.tanda_tangan_excel(wb, ws, baris, 0, TTD)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["Uji"]
    assert [ws.cell(r, 2).number_format for r in (2, 3, 4)] == ["#,##0", "#,##0.00", "#,##0"]
    nama = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == TTD.nama)
    assert ws.cell(nama - 2, 1).value == TTD.jabatan
    assert ws.row_dimensions[nama - 1].height >= 25 / 10 * 72 / 2.54  # 2,5 cm in points


def test_docx_signature_room_and_headings_kept_with_next():
    from docx.shared import Cm

    doc = dokumen.docx_baru(dokumen.Kop("Kabupaten Uji", "Dinas Uji"))
    judul = dokumen.judul_docx(doc, "E. Tindak lanjut")
    tabel = dokumen.tabel_docx(doc, ["No", "Uraian"], [[i, f"Baris {i}"] for i in range(9)])
    dokumen.bawa_ke_berikut_docx(tabel)
    dokumen.tanda_tangan_docx(doc, [TTD])
    assert judul.paragraph_format.keep_with_next
    assert all(p.paragraph_format.keep_with_next for p in tabel.rows[0].cells[0].paragraphs)
    assert all(p.paragraph_format.keep_with_next for p in tabel.rows[-1].cells[1].paragraphs)
    assert not tabel.rows[2].cells[1].paragraphs[0].paragraph_format.keep_with_next
    kosong, sel = doc.tables[-1].rows[0].cells  # one signer signs at the right, as in the PDF
    assert kosong.text == ""
    teks = [p.text for p in sel.paragraphs]
    jabatan, nama = sel.paragraphs[teks.index(TTD.jabatan)], sel.paragraphs[teks.index(TTD.nama)]
    assert teks.index(TTD.nama) == teks.index(TTD.jabatan) + 1
    ruang = (jabatan.paragraph_format.space_after or 0) + nama.paragraph_format.space_before
    assert Cm(2.5) <= ruang <= Cm(3)
    assert all(p.paragraph_format.keep_with_next for p in sel.paragraphs)
    assert "w:cantSplit" in doc.tables[-1].rows[0]._tr.xml
