"""Reports on a small hand-built store: every produced file opened (openpyxl, pypdf) and its
headers, numbers, number formats and totals checked against hand-computed values; signed-only
by default and the marking of unsigned data; scope denials; the CLI; the page per role."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

import openpyxl
import pytest
from pypdf import PdfReader

from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.cli import main
from dashboard.inti import config, store
from dashboard.laporan import layanan_laporan as svc
from dashboard.laporan.data import Permintaan
from dashboard.pengumpulan import data_sah

from .conftest import login
from .test_pages import _open_url

TANGGAL = dt.date(2026, 11, 21)
STAF_A = Akses("staf.a", frozenset({"staf_bidang"}), instansi_id=1, unit_id=1)
KADIS = Akses("kadis", frozenset({"kadis"}), instansi_id=1)


def _build(con) -> None:
    """Dinas X: units A and B, one sasaran, one program with a kegiatan and a sub kegiatan per
    unit; A1 (IKU, SUM) and A2 (sub kegiatan, LAST) of A, B1 (program, negatif LAST) of B.
    2026: TW I signed for both units, TW II signed for A and only initialled (diparaf) for B.
    2025: every quarter signed."""
    x = con.execute
    x(
        "INSERT INTO instansi VALUES (1, 'DX', 'Dinas X', 'Kabupaten Uji', 'Ujikota', "
        "'Jl. Uji No. 1', 'Budi Santoso', '19700101 199001 1 001', 'Kepala Dinas X')"
    )
    x("INSERT INTO instansi (id, kode, nama, pemda) VALUES (2, 'DY', 'Dinas Y', 'Kab')")
    x(
        "INSERT INTO unit (id, instansi_id, kode, nama, jenis) VALUES (1, 1, 'A', 'Bidang A', "
        "'Bidang'), (2, 1, 'B', 'Bidang B', 'Bidang'), (3, 2, 'C', 'Bidang C', 'Bidang')"
    )
    x("INSERT INTO tujuan (id, instansi_id, kode, uraian) VALUES (1, 1, 'T1', 'Tujuan satu')")
    x("INSERT INTO sasaran (id, tujuan_id, kode, uraian) VALUES (1, 1, 'S1', 'Sasaran satu')")
    x("INSERT INTO program (id, sasaran_id, kode, nama) VALUES (1, 1, '1.01', 'Program Satu')")
    x(
        "INSERT INTO kegiatan (id, program_id, unit_id, kode, nama) VALUES "
        "(1, 1, 1, '1.01.2.01', 'Kegiatan A'), "
        "(2, 1, 2, '1.01.2.02', 'Kegiatan B')"
    )
    x(
        "INSERT INTO sub_kegiatan (id, kegiatan_id, unit_id, kode, nama) VALUES "
        "(1, 1, 1, '1.01.2.01.0001', 'Sub A'), "
        "(2, 2, 2, '1.01.2.02.0001', 'Sub B')"
    )
    for i, unit, kode, satuan, pol, agr, renstra, level in (
        (1, 1, "A1", "dokumen", "positif", "SUM", 12000, "sasaran_id"),
        (2, 1, "A2", "%", "positif", "LAST", 100, "sub_kegiatan_id"),
        (3, 2, "B1", "hari", "negatif", "LAST", 8, "program_id"),
    ):
        x(
            "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan, "
            f"polaritas, cara_agregasi, target_renstra, {level}) "
            "VALUES (?, 1, ?, ?, ?, 'IKU', ?, ?, ?, ?, 1)",
            [i, unit, kode, f"Indikator {kode}", satuan, pol, agr, renstra],
        )
    targets = {
        (1, 2026): [10000, 2000, 2500, 2500, 3000],
        (2, 2026): [80, 20, 40, 60, 80],
        (3, 2026): [10, 10, 10, 10, 10],
        (1, 2025): [8000, 2000, 2000, 2000, 2000],
        (3, 2025): [10, 10, 10, 10, 10],
    }
    for (i, th), vals in targets.items():
        for tw, v in enumerate(vals):
            x("INSERT INTO target VALUES (?, ?, ?, ?, NULL)", [i, th, tw, v])
    real = {
        (1, 2026): [1800, 2600],
        (2, 2026): [18, 41],
        (3, 2026): [12, 8],
        (1, 2025): [2000, 2000, 2000, 2200],
        (3, 2025): [9, 9, 9, 9],
    }
    for (i, th), vals in real.items():
        for tw, v in enumerate(vals, start=1):
            x(
                "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan) "
                "VALUES (?, ?, ?, ?, ?)",
                [i, th, tw, v, f"catatan {i}-{th}-{tw}"],
            )
    periode = [(2026, 1, "disahkan"), (2026, 2, "diparaf")]
    periode += [(2025, q, "disahkan") for q in range(1, 5)]
    for pid, (th, tw, status_b) in enumerate(periode, start=1):
        x(
            "INSERT INTO periode (id, instansi_id, tahun, triwulan, tenggat) "
            "VALUES (?, 1, ?, ?, ?)",
            [pid, th, tw, dt.date(th, 12, 1)],
        )
        x("INSERT INTO pengajuan (periode_id, unit_id, status) VALUES (?, 1, 'disahkan')", [pid])
        x("INSERT INTO pengajuan (periode_id, unit_id, status) VALUES (?, 2, ?)", [pid, status_b])
    x("INSERT INTO anggaran VALUES (1, 2026, 1000000), (2, 2026, 3000000)")
    x("INSERT INTO anggaran VALUES (1, 2025, 1000000), (2, 2025, 2000000)")
    x(
        "INSERT INTO realisasi_anggaran VALUES (1, 2026, 1, 100000), (1, 2026, 2, 200000), "
        "(2, 2026, 1, 300000), (2, 2026, 2, 600000)"
    )
    for q in range(1, 5):
        x("INSERT INTO realisasi_anggaran VALUES (1, 2025, ?, 250000)", [q])
        x("INSERT INTO realisasi_anggaran VALUES (2, 2025, ?, 400000)", [q])


@pytest.fixture
def toko(con):
    _build(con)
    return con


def _p(jenis: str, tahun: int = 2026, periode: int = 2, **kw) -> Permintaan:
    kw.setdefault("termasuk_belum_sah", False)  # signed only unless a test asks for all data
    return Permintaan(jenis, 1, tahun, periode, tanggal=TANGGAL, **kw)


def _sheet(isi: bytes, nama: str):
    """The sheet, its header row number and {kode or uraian: row as {header: cell}}."""
    ws = openpyxl.load_workbook(io.BytesIO(isi))[nama]
    baris = next(r for r in range(1, 30) if ws.cell(r, 1).value in ("No", "Kode", "Unit"))
    header = [c.value for c in ws[baris]]
    rows = {}
    for r in range(baris + 1, ws.max_row + 1):
        sel = {h: ws.cell(r, j + 1) for j, h in enumerate(header) if h}
        kunci = next(
            (
                sel[k].value
                for k in ("Kode", "Program / Kegiatan / Sub Kegiatan", "Unit")
                if k in sel and sel[k].value
            ),
            None,
        )
        if kunci is None and "Indikator kinerja" in sel:
            kunci = sel["Program / Kegiatan / Sub Kegiatan"].value
        if kunci is not None:
            rows[str(kunci).strip()] = sel
    return ws, baris, header, rows


def _cek_cetak(ws, baris: int) -> None:
    """Frozen header, A4 landscape fit to one page wide, header row repeated on every printed
    page, "Halaman x dari y" in the footer."""
    assert ws.freeze_panes == f"A{baris + 1}"
    ps = ws.page_setup
    assert ps.orientation == "landscape" and ps.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ps.fitToWidth in (None, 1) and ps.fitToHeight == 0  # None = Excel's default 1
    assert ws.print_title_rows == f"${baris}:${baris}"
    assert ws.oddFooter.right.text == "Halaman &P dari &N"
    for c in ws[baris]:
        assert c.font.bold


def _teks_pdf(isi: bytes) -> str:
    """The text of every page, whitespace collapsed (cells wrap onto several lines)."""
    reader = PdfReader(io.BytesIO(isi))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# ---------------------------------------------------------------- triwulan


def test_triwulan_excel_signed_only(toko):
    dok = svc.dokumen_laporan(toko, SISTEM, _p("triwulan"), "xlsx")
    assert dok.nama_berkas == "laporan-triwulan-DX-2026-tw2.xlsx"
    ws, baris, header, rows = _sheet(dok.isi, "Capaian")
    judul = [ws.cell(r, 1).value for r in range(1, baris)]
    assert judul[:3] == [
        "PEMERINTAH KABUPATEN UJI",
        "DINAS X",
        "LAPORAN CAPAIAN KINERJA TRIWULAN II TAHUN ANGGARAN 2026",
    ]
    assert any("1 realisasi yang belum disahkan tidak dihitung" in (t or "") for t in judul)
    assert header == [
        "No",
        "Sasaran",
        "Kode",
        "Indikator",
        "Satuan",
        "Target tahunan",
        "Target TW II",
        "Realisasi TW II",
        "Target s.d. TW II",
        "Realisasi s.d. TW II",
        "Capaian (%)",
        "Progres tahunan (%)",
        "Kategori",
        "Faktor pendorong / penghambat",
    ]
    _cek_cetak(ws, baris)
    assert ws.column_dimensions["D"].width > 30  # Indikator
    a1 = rows["A1"]
    assert a1["No"].value == 1 and a1["No"].number_format == "#,##0"  # a number, not text
    assert a1["Sasaran"].value == "S1 Sasaran satu"
    assert a1["Realisasi s.d. TW II"].value == 4400
    assert a1["Realisasi s.d. TW II"].number_format == "#,##0"
    assert a1["Target s.d. TW II"].value == 4500
    assert a1["Capaian (%)"].value == pytest.approx(4400 / 4500 * 100)
    assert a1["Capaian (%)"].number_format == "#,##0.00"
    assert a1["Progres tahunan (%)"].value == pytest.approx(44)
    assert a1["Kategori"].value == "Sangat Tinggi"
    assert a1["Faktor pendorong / penghambat"].value == "catatan 1-2026-2"
    assert rows["A2"]["Capaian (%)"].value == pytest.approx(102.5)
    assert rows["A2"]["Progres tahunan (%)"].value == pytest.approx(51.25)
    # B1's TW II is only initialled: not counted, its note left out, no category
    b1 = rows["B1"]
    assert b1["Realisasi TW II"].value is None and b1["Capaian (%)"].value is None
    assert b1["Kategori"].value == "Belum Diisi"
    assert b1["Faktor pendorong / penghambat"].value is None
    assert "Status data" not in header
    # signature block under the table
    teks = {ws.cell(r, c).value for r in range(1, ws.max_row + 1) for c in range(1, 20)}
    assert {"Ujikota, 21 November 2026", "Kepala Dinas X", "Budi Santoso"} <= teks
    assert "NIP. 19700101 199001 1 001" in teks
    ring = _sheet(dok.isi, "Ringkasan")[3]
    assert ring["Bidang A"]["Rata-rata capaian (%)"].value == pytest.approx(
        (4400 / 4500 * 100 + 102.5) / 2
    )
    assert ring["Bidang B"]["Belum Diisi"].value == 1
    total = ring["Jumlah / rata-rata instansi"]  # counts added, the mean over every indicator
    assert total["Jumlah indikator"].value == 3 and total["Belum Diisi"].value == 1
    assert total["Rata-rata capaian (%)"].value == pytest.approx((4400 / 45 + 102.5) / 2)
    assert total["Unit"].font.bold


def test_triwulan_including_unsigned_is_marked(toko):
    p = _p("triwulan", termasuk_belum_sah=True)
    x = svc.dokumen_laporan(toko, SISTEM, p, "xlsx")
    ws, baris, header, rows = _sheet(x.isi, "Capaian")
    assert header[-1] == "Status data"
    judul = " ".join(str(ws.cell(r, 1).value) for r in range(1, baris))
    assert "DRAF: MEMUAT 1 REALISASI YANG BELUM DISAHKAN" in judul
    assert rows["B1"]["Capaian (%)"].value == pytest.approx(120)  # negatif A: (20 - 8) / 10
    assert rows["B1"]["Status data"].value == "Belum sah: TW II"
    assert rows["A1"]["Status data"].value is None
    teks = _teks_pdf(svc.dokumen_laporan(toko, SISTEM, p, "pdf").isi)
    assert "DRAF: MEMUAT 1 REALISASI YANG BELUM DISAHKAN" in teks
    assert "Belum sah: TW II" in teks and "120,00%" in teks
    # every page carries the draft mark: the footer line and the diagonal watermark
    reader = PdfReader(io.BytesIO(svc.dokumen_laporan(toko, SISTEM, p, "pdf").isi))
    for page in reader.pages:
        assert "DRAF – LAPORAN CAPAIAN KINERJA" in " ".join(page.extract_text().split())
    assert "DRAF" in ws.oddHeader.center.text


def test_triwulan_pdf(toko):
    dok = svc.dokumen_laporan(toko, SISTEM, _p("triwulan"), "pdf")
    assert dok.isi.startswith(b"%PDF") and dok.mime == "application/pdf"
    reader = PdfReader(io.BytesIO(dok.isi))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    teks = _teks_pdf(dok.isi)
    for s in (
        "PEMERINTAH KABUPATEN UJI",
        "DINAS X",
        "Jl. Uji No. 1",
        "LAPORAN CAPAIAN KINERJA TRIWULAN II TAHUN ANGGARAN 2026",
        "Capaian (%)",
        "Progres tahunan (%)",
        "4.400",
        "4.500",
        "10.000",
        "97,78%",
        "102,50%",
        "51,25%",
        "Sangat Tinggi",
        "Belum Diisi",
        "Ujikota, 21 November 2026",
        "Kepala Dinas X",
        "Budi Santoso",
        "NIP. 19700101 199001 1 001",
        f"Halaman 1 dari {len(reader.pages)}",
    ):
        assert s in teks, s


def test_signer_override(toko):
    p = _p("triwulan", jabatan="Plt. Kepala Dinas X", nama="Ani", nip="1980", kota="Kotabaru")
    teks = _teks_pdf(svc.dokumen_laporan(toko, SISTEM, p, "pdf").isi)
    assert "Kotabaru, 21 November 2026" in teks and "Plt. Kepala Dinas X" in teks
    assert "NIP. 1980" in teks and "Budi Santoso" not in teks


# ---------------------------------------------------------------- semester


def test_semester_runs_to_tw_ii_with_both_quarters(toko):
    x = svc.dokumen_laporan(toko, SISTEM, _p("semester", periode=1), "xlsx")
    ws, baris, header, rows = _sheet(x.isi, "Capaian")
    assert ws.cell(3, 1).value == "LAPORAN CAPAIAN KINERJA SEMESTER I TAHUN ANGGARAN 2026"
    for h in ("Target TW I", "Realisasi TW I", "Target TW II", "Realisasi TW II"):
        assert h in header
    assert rows["A1"]["Realisasi TW I"].value == 1800
    assert rows["A1"]["Realisasi s.d. TW II"].value == 4400
    assert rows["B1"]["Realisasi TW I"].value == 12
    assert rows["A1"]["Faktor pendorong / penghambat"].value == (
        "TW I: catatan 1-2026-1\nTW II: catatan 1-2026-2"
    )
    with pytest.raises(ValueError, match="Semester harus 1 sampai 2"):
        _p("semester", periode=3)


# ---------------------------------------------------------------- tahunan


def test_tahunan_lkj_and_budget(toko):
    p = _p("tahunan", tahun=2025, periode=4)
    x = svc.dokumen_laporan(toko, SISTEM, p, "xlsx")
    assert x.nama_berkas == "laporan-tahunan-DX-2025.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(x.isi))
    assert wb.sheetnames == ["Capaian tahunan", "Perbandingan", "Anggaran"]
    _, _, header, rows = _sheet(x.isi, "Capaian tahunan")
    assert header[:11] == [
        "No",
        "Sasaran",
        "Kode",
        "Indikator",
        "Satuan",
        "Polaritas / rumus",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Predikat",
        "Ket.",
    ]
    assert rows["A1"]["Target"].value == 8000 and rows["A1"]["Realisasi"].value == 8200
    assert rows["A1"]["Capaian (%)"].value == pytest.approx(102.5)
    assert rows["B1"]["Capaian (%)"].value == pytest.approx(110)  # (2*10 - 9) / 10
    assert rows["A2"]["Predikat"].value == "Belum Diisi"
    assert rows["B1"]["Polaritas / rumus"].value == "Negatif: (2T − R) / T × 100"
    _, _, header, ang = _sheet(x.isi, "Anggaran")
    prog = ang["1.01"]
    assert prog["Pagu (Rp)"].value == 3_000_000 and prog["Realisasi (Rp)"].value == 2_600_000
    assert prog["Pagu (Rp)"].number_format == '"Rp" #,##0'
    assert prog["Serapan (%)"].value == pytest.approx(2.6 / 3 * 100)
    assert prog["Capaian kinerja (%)"].value == pytest.approx(110)  # B1 hangs on the program
    assert prog["Indeks efisiensi"].value == pytest.approx(110 / (2.6 / 3 * 100))
    assert prog["Keterangan"].value == "Efisien"
    assert prog["Kode"].font.bold
    keg_a = ang["1.01.2.01"]
    assert keg_a["Serapan (%)"].value == pytest.approx(100)
    assert keg_a["Capaian kinerja (%)"].value is None  # no indicator on the kegiatan
    total = ang["Jumlah"]
    assert total["Pagu (Rp)"].value == 3_000_000 and total["Realisasi (Rp)"].value == 2_600_000
    assert total["Capaian kinerja (%)"].value is None  # percentages never add up
    teks = _teks_pdf(svc.dokumen_laporan(toko, SISTEM, p, "pdf").isi)
    for s in (
        "Tabel 3.1 Capaian kinerja sasaran strategis TA 2025",
        "Tabel 3.3 Realisasi anggaran dan efisiensi",
        "Rp 3.000.000",
        "Rp 2.600.000",
        "86,67%",
        "1,27",
        "Efisien",
    ):
        assert s in teks, s


def test_tahunan_compares_previous_years_and_renstra(toko):
    x = svc.dokumen_laporan(toko, SISTEM, _p("tahunan", periode=4), "xlsx")
    _, _, header, rows = _sheet(x.isi, "Perbandingan")
    assert header[4:8] == [
        "Realisasi 2024",
        "Capaian 2024 (%)",
        "Realisasi 2025",
        "Capaian 2025 (%)",
    ]
    a1 = rows["A1"]
    assert a1["Realisasi 2024"].value is None
    assert a1["Realisasi 2025"].value == 8200
    assert a1["Capaian 2025 (%)"].value == pytest.approx(102.5)
    assert a1["Realisasi 2026"].value == 4400  # TW III and IV not in yet
    assert a1["Capaian 2026 (%)"].value is None
    # no per-year Renstra targets stored: the indicator's end target, no year's target
    assert a1["Target akhir Renstra"].value == 12000
    assert a1["Target Renstra 2026"].value is None
    assert a1["Capaian thd target akhir Renstra (%)"].value == pytest.approx(4400 / 12000 * 100)


# ---------------------------------------------------------------- Renja


# the form itself: tests/test_laporan_renja.py


# ---------------------------------------------------------------- scope


def test_staf_bidang_gets_only_its_unit(toko):
    from .test_laporan_renja import _lembar

    x = svc.dokumen_laporan(toko, STAF_A, _p("renja"), "xlsx")
    assert x.nama_berkas == "laporan-renja-DX-A-2026-tw2.xlsx"
    ws, baris, _, _, rows = _lembar(x.isi)
    assert "B1" not in rows and {"A1", "A2"} <= set(rows)
    assert rows["Jumlah"]["(7) Target Renja 2026 Rp"] == 1_000_000  # Sub A only
    assert "Unit kerja: Bidang A" in [ws.cell(r, 1).value for r in range(1, baris)]


@pytest.mark.parametrize(
    ("akses", "p", "pesan"),
    [
        (STAF_A, _p("triwulan", unit_id=2), "unit Anda sendiri"),
        (STAF_A, Permintaan("triwulan", 2, 2026, 2), "instansi ini"),
        (KADIS, Permintaan("tahunan", 2, 2026), "instansi ini"),
        (KADIS, _p("triwulan", unit_id=3), "bukan bagian"),
        (Akses("x", frozenset(), instansi_id=1), _p("triwulan"), "tidak memiliki peran"),
    ],
)
def test_scope_denials(toko, akses, p, pesan):
    with pytest.raises(AksesDitolak, match=pesan):
        svc.dokumen_laporan(toko, akses, p, "pdf")


def test_bad_requests(toko):
    with pytest.raises(ValueError, match="Jenis laporan"):
        Permintaan("bulanan", 1, 2026)
    with pytest.raises(ValueError, match="Triwulan harus"):
        Permintaan("triwulan", 1, 2026, 5)
    with pytest.raises(ValueError, match="xlsx atau pdf"):
        svc.dokumen_laporan(toko, SISTEM, _p("triwulan"), "docx")
    with pytest.raises(ValueError, match="Belum ada target kinerja"):
        svc.dokumen_laporan(toko, SISTEM, _p("triwulan", tahun=2030), "xlsx")


def test_formula_text_is_neutralised(toko):
    toko.execute("UPDATE realisasi SET catatan = '=HYPERLINK(\"x\")' WHERE indikator_id = 1")
    _, _, _, rows = _sheet(svc.dokumen_laporan(toko, SISTEM, _p("triwulan"), "xlsx").isi, "Capaian")
    assert rows["A1"]["Faktor pendorong / penghambat"].value.startswith("'=")


# ---------------------------------------------------------------- CLI


def test_cli_report(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    c = store.connect(db)
    store.migrate(c)
    _build(c)
    c.close()
    out = tmp_path / "tw.xlsx"
    args = ["--db", str(db), "report", "triwulan", "--instansi", "DX", "--tahun", "2026"]
    assert main([*args, "--triwulan", "2", "--unit", "A", "--out", str(out)]) == 0
    assert "Laporan ditulis" in capsys.readouterr().out
    rows = _sheet(out.read_bytes(), "Capaian")[3]
    assert set(rows) == {"A1", "A2"}
    pdf = tmp_path / "renja.pdf"
    assert main([*args[:3], "renja", *args[4:], "--triwulan", "2", "--out", str(pdf)]) == 0
    assert "EVALUASI TERHADAP HASIL RENJA" in _teks_pdf(pdf.read_bytes())
    assert main([*args, "--out", str(out)]) == 1
    assert "memerlukan --triwulan" in capsys.readouterr().err
    assert main([*args, "--triwulan", "2", "--unit", "Z", "--out", str(out)]) == 1
    assert "Unit 'Z' tidak ada" in capsys.readouterr().err
    # the server holds the file: a clear refusal, not a traceback
    c = store.connect(db)
    try:
        hasil = subprocess.run(
            [sys.executable, "-m", "dashboard", *args, "--triwulan", "2", "--out", str(out)],
            capture_output=True,
            text=True,
            cwd=config.ROOT,
            timeout=120,
        )
    finally:
        c.close()
    assert hasil.returncode == 1 and "sedang dipakai proses lain" in hasil.stderr


# ---------------------------------------------------------------- page


@pytest.mark.parametrize("username", ["admin", "kadis", "sekretaris", "monev", "staf.lyn"])
def test_page_per_role(app_db, username):
    at = login(username)
    _open_url(at, "laporan")
    assert not at.exception and at.title[0].value == "Laporan kinerja"
    unit = at.selectbox(key="lap_unit")
    if username == "staf.lyn":
        assert unit.options == ["Bidang Layanan dan Otomasi Perpustakaan"]
    else:
        assert unit.options[0] == "Seluruh instansi" and len(unit.options) == 7
    at.selectbox(key="lap_jenis").select("renja" if username == "monev" else "triwulan").run()
    next(b for b in at.button if b.label == "Buat laporan").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [b.label for b in at.get("download_button")] == ["Unduh Excel", "Unduh PDF"]
    # the Beranda's default (pengumpulan/data_sah.py): all data, said so, the report marked DRAF
    sah = at.toggle(key="lap_sah")
    assert (
        sah.value is (not data_sah.TERMASUK_BELUM_SAH_BAWAAN)
        and sah.label == "Hanya data yang sudah disahkan"
    )
    assert "termasuk yang belum disahkan" in at.caption[0].value
    assert at.dataframe and at.warning and "Draf: memuat" in at.warning[0].value
    assert not any("DRAF" in t.value for t in at.text)  # said once, not twice
    sah.set_value(True).run()
    next(b for b in at.button if b.label == "Buat laporan").click().run()
    assert "Hanya realisasi yang telah disahkan" in " ".join(t.value for t in at.text)
    assert "hanya realisasi yang sudah disahkan" in at.caption[0].value
    assert not at.warning


def test_excel_number_formats_of_every_table():
    """`dokumen.excel_tabel` (the Beranda's exports too): numbers stay numbers; a whole-number
    column shows no decimals and no dangling decimal mark, a column with fractions two."""
    import pandas as pd

    from dashboard.inti import dokumen

    df = pd.DataFrame({"Unit": ["A", "B"], "Jumlah": [3, 1200], "Capaian": [97.78, 100.0]})
    ws = openpyxl.load_workbook(io.BytesIO(dokumen.excel_tabel(df, "Uji", judul=["Judul"])))["Uji"]
    assert [c.value for c in ws[3]] == ["Unit", "Jumlah", "Capaian"]
    assert ws["B5"].value == 1200 and ws["B5"].number_format == "#,##0"
    assert ws["C4"].value == pytest.approx(97.78) and ws["C4"].number_format == "#,##0.00"
    assert ws["A4"].number_format == "General"
    assert dokumen.FORMAT_ANGKA == "#,##0.00"
    _cek_cetak(ws, 3)


# ---------------------------------------------------------------- ready to sign


def test_title_in_proper_case_printed_in_capitals(toko):
    lap = svc.susun_laporan(toko, SISTEM, _p("triwulan", periode=3))
    assert lap.judul == "Laporan capaian kinerja Triwulan III tahun anggaran 2026"
    teks = _teks_pdf(svc.dokumen_laporan(toko, SISTEM, _p("triwulan", periode=3), "pdf").isi)
    assert "LAPORAN CAPAIAN KINERJA TRIWULAN III TAHUN ANGGARAN 2026" in teks


def test_report_signature_room_and_excel_whole_numbers(toko):
    from .test_dokumen import _jarak_mm

    isi = svc.dokumen_laporan(toko, SISTEM, _p("triwulan"), "pdf").isi
    assert 25 <= _jarak_mm(isi, "Kepala Dinas X", "Budi Santoso") <= 30
    x = svc.dokumen_laporan(toko, SISTEM, _p("triwulan"), "xlsx")
    ws, baris, header, rows = _sheet(x.isi, "Capaian")
    for sel in rows.values():
        for h in ("Target tahunan", "Realisasi TW II", "Realisasi s.d. TW II"):
            v = sel[h].value
            if isinstance(v, int | float):
                whole = float(v).is_integer()
                assert sel[h].number_format == ("#,##0" if whole else "#,##0.00"), (h, v)


@pytest.mark.parametrize(
    "jenis,tahun,periode,draf",
    [("renja", 2026, 3, True), ("renja", 2025, 4, False), ("semester", 2026, 1, True)],
)
def test_demo_report_cells_never_cut_a_word(demo_con, jenis, tahun, periode, draf):
    """The widest forms of the demo data ("Pengembangan" under an indent, rupiah in the
    K / Rp columns, "Progres tahunan" in a header): every PDF cell breaks between words."""
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.inti import dokumen
    from dashboard.laporan import pdf

    kadis = pengguna.akses_untuk(demo_con, "kadis")
    p = Permintaan(jenis, kadis.instansi_id, tahun, periode, termasuk_belum_sah=draf)
    lap = svc.susun_laporan(demo_con, kadis, p)
    for t in lap.tabel:
        assert pdf.tabel(t, dokumen.lebar_halaman()).kata_terpotong() == [], t.judul
