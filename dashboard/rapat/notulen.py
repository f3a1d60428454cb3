"""Documents of a monev meeting: the minutes (notulen) as PDF and DOCX with the signatures of
the note taker and the chair, and the meeting pack (bahan rapat) of a period as PDF with charts.

Charts are drawn with reportlab.graphics (plotly's image export would need a browser). Every
text users typed goes through `dokumen.teks_pdf` / `teks_docx`, so it stays inert.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import pandas as pd
from docx.shared import Cm, Pt
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from dashboard.inti import bingkai, charts, config, dokumen, formats
from dashboard.inti.dokumen import GAYA, Kop, Penandatangan, teks_pdf
from dashboard.periode.ketepatan import uraian_menit
from dashboard.rapat import agenda
from dashboard.rapat import tindak_lanjut as aturan_tl

if TYPE_CHECKING:  # the service imports this module
    from dashboard.rapat.layanan_rapat import BahanRapat

JUDUL_NOTULEN = "NOTULEN RAPAT MONITORING DAN EVALUASI KINERJA"
JUDUL_BAHAN = "BAHAN RAPAT MONITORING DAN EVALUASI KINERJA"


def _tanggal(w: object) -> dt.date:
    return pd.Timestamp(w).date()


def periode(tahun: int, triwulan: int) -> str:
    return f"{formats.nama_triwulan(int(triwulan))} {formats.nama_tahun(int(tahun))}"


def _penandatangan(info: dict, instansi: dict) -> list[Penandatangan]:
    """Notulis and pimpinan rapat. The chair is typed as "nama, jabatan"; when that is the head
    of the instansi (the usual chair) the block shows the name alone, underlined, with the
    jabatan above it and the NIP below, as a signature block should."""
    kota, tgl = instansi.get("kota") or "", _tanggal(info["waktu"])
    pimpinan = str(info["pimpinan"] or "")
    kepala = str(instansi.get("kepala_nama") or "")
    if kepala and pimpinan.startswith(kepala):
        jabatan = f"Pimpinan Rapat\n{instansi.get('kepala_jabatan') or ''}".strip()
        ketua = Penandatangan(kota, tgl, jabatan, kepala, instansi.get("kepala_nip") or None)
    else:
        ketua = Penandatangan(kota, tgl, "Pimpinan Rapat", pimpinan)
    # the notulis' block gets as many jabatan lines, so both names sit on one line
    notulis = "Notulis" + "\n\u00a0" * ketua.jabatan.count("\n")
    return [Penandatangan(kota, tgl, notulis, str(info["notulis"] or "")), ketua]


# the agency's zone as people write it after a time (Undang-Undang tentang waktu Indonesia)
_SINGKATAN_ZONA = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def pukul(w: dt.datetime) -> str:
    """ "Pukul 09.00 WIB": the meeting's local time with the agency's zone."""
    zona = config.zona_waktu()
    singkatan = _SINGKATAN_ZONA.get(zona.key) or w.replace(tzinfo=zona).tzname() or ""
    return f"Pukul {formats.jam(w)} {singkatan}".strip()


def _kepala(info: dict) -> list[tuple[str, str]]:
    w = pd.Timestamp(info["waktu"]).to_pydatetime()
    status = "Final" if info["status"] == "final" else "Draf"
    if int(info["revisi"] or 0):
        status += f" (revisi ke-{int(info['revisi'])})"
    return [
        ("Judul", str(info["judul"])),
        ("Hari, tanggal", formats.hari_tanggal(w.date())),
        ("Waktu", pukul(w)),
        ("Tempat", str(info["tempat"] or "–")),
        ("Periode", periode(info["tahun"], info["triwulan"])),
        ("Pimpinan rapat", str(info["pimpinan"] or "–")),
        ("Notulis", str(info["notulis"] or "–")),
        ("Status notulen", status),
    ]


def _baris_peserta(peserta: pd.DataFrame) -> list[list[object]]:
    return [
        [i, r.nama, r.jabatan or "", r.unit if isinstance(r.unit, str) else ""]
        for i, r in enumerate(bingkai.baris(peserta), 1)
    ]


def _baris_agenda(ag: pd.DataFrame) -> list[list[object]]:
    return [
        [
            i,
            r.uraian,
            agenda.JENIS_AGENDA.get(r.jenis, r.jenis),
            agenda.SUMBER_AGENDA.get(r.sumber, r.sumber),
        ]
        for i, r in enumerate(bingkai.baris(ag), 1)
    ]


def _baris_temuan(temuan: pd.DataFrame) -> list[list[object]]:
    return [
        [
            i,
            t.unit,
            f"{t.indikator_kode} {t.indikator}" if isinstance(t.indikator, str) else "–",
            t.permasalahan,
            t.penyebab or "",
            t.rekomendasi or "",
        ]
        for i, t in enumerate(bingkai.baris(temuan), 1)
    ]


def _baris_tindak_lanjut(temuan: pd.DataFrame, tl: pd.DataFrame) -> list[list[object]]:
    """Follow-ups numbered after their finding (1.1, 1.2, 2.1 ...)."""
    no_temuan = {int(t): i for i, t in enumerate(temuan["id"], 1)}
    rows = []
    for t_id, grup in tl.groupby("temuan_id", sort=False):
        for j, r in enumerate(bingkai.baris(grup), 1):
            status = r.status + (
                " (minta ditutup)"
                if r.minta_tutup and not aturan_tl.sudah_ditutup(r.status)
                else ""
            )
            rows.append(
                [
                    f"{no_temuan.get(int(t_id), '')}.{j}",
                    r.uraian,
                    r.pic_unit,
                    formats.tanggal(_tanggal(r.batas_waktu)),
                    status,
                ]
            )
    return sorted(rows, key=lambda x: [int(n) for n in str(x[0]).split(".") if n])


KOLOM_TEMUAN = ["No", "Unit", "Indikator", "Permasalahan", "Penyebab", "Rekomendasi"]
KOLOM_TL = ["No", "Tindak lanjut", "Unit PIC", "Batas waktu", "Status"]
SUBJUDUL = GAYA["subjudul"]


def _bagian(judul: str, isi, lebar: float) -> list:
    """A section heading kept with the start of its table or text (`dokumen.judul_bersama`)."""
    return dokumen.judul_bersama(Paragraph(teks_pdf(judul), SUBJUDUL), isi, lebar)


def notulen_pdf(detail: dict, instansi: dict) -> bytes:
    """The minutes as an A4 PDF (portrait): header, participants, agenda, summary, findings
    with follow-ups, conclusions, signatures."""
    info = detail["info"]
    lebar = dokumen.lebar_halaman(mendatar=False)
    isi = [*dokumen.kop_pdf(Kop.dari_instansi(instansi)), Paragraph(JUDUL_NOTULEN, GAYA["judul"])]
    kepala = Table(
        [
            [Paragraph(teks_pdf(k), GAYA["isi"]), Paragraph(teks_pdf(f": {v}"), GAYA["isi"])]
            for k, v in _kepala(info)
        ],
        colWidths=[3.5 * cm, lebar - 3.5 * cm],
    )
    kepala.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 0)]))
    isi += [kepala, Spacer(1, 6)]
    isi += _bagian(
        "A. Peserta",
        dokumen.tabel_pdf(
            ["No", "Nama", "Jabatan", "Unit"],
            _baris_peserta(detail["peserta"]),
            lebar=[1 * cm, 5.5 * cm, 5.5 * cm, lebar - 12 * cm],
        ),
        lebar,
    )
    isi += _bagian(
        "B. Agenda",
        dokumen.tabel_pdf(
            ["No", "Agenda", "Jenis", "Sumber"],
            _baris_agenda(detail["agenda"]),
            lebar=[1 * cm, lebar - 8 * cm, 4 * cm, 3 * cm],
        ),
        lebar,
    )
    isi += _bagian(
        "C. Ringkasan pembahasan", Paragraph(teks_pdf(info["ringkasan"] or "–"), GAYA["isi"]), lebar
    )
    isi += _bagian(
        "D. Temuan",
        dokumen.tabel_pdf(
            KOLOM_TEMUAN,
            _baris_temuan(detail["temuan"]) or [["–", "Tidak ada temuan", "", "", "", ""]],
            lebar=[0.8 * cm, 2.8 * cm, 3 * cm, lebar - 12.6 * cm, 3 * cm, 3 * cm],
        ),
        lebar,
    )
    isi += _bagian(
        "E. Tindak lanjut",
        dokumen.tabel_pdf(
            KOLOM_TL,
            _baris_tindak_lanjut(detail["temuan"], detail["tindak_lanjut"])
            or [["–", "Tidak ada tindak lanjut", "", "", ""]],
            lebar=[1 * cm, lebar - 11 * cm, 4 * cm, 3 * cm, 3 * cm],
        ),
        lebar,
    )
    isi += _bagian(
        "F. Kesimpulan dan keputusan",
        Paragraph(teks_pdf(info["kesimpulan"] or "–"), GAYA["isi"]),
        lebar,
    )
    isi.append(dokumen.tanda_tangan_berdampingan_pdf(_penandatangan(info, instansi)))
    return dokumen.pdf_bytes(
        isi,
        judul=f"Notulen {info['judul']}",
        mendatar=False,
        kaki=f"Notulen rapat monev {periode(info['tahun'], info['triwulan'])}",
    )


def notulen_docx(detail: dict, instansi: dict) -> bytes:
    """The same minutes as a Word document (plain text runs only)."""
    info = detail["info"]
    doc = dokumen.docx_baru(Kop.dari_instansi(instansi))
    judul = doc.add_paragraph()
    judul.add_run(JUDUL_NOTULEN).bold = True
    for k, v in _kepala(info):  # one tab stop so the colons line up
        baris = doc.add_paragraph(dokumen.teks_docx(f"{k}\t: {v}"))
        baris.paragraph_format.tab_stops.add_tab_stop(Cm(3.5))
        baris.paragraph_format.space_after = Pt(0)
    bagian = [
        ("A. Peserta", ["No", "Nama", "Jabatan", "Unit"], _baris_peserta(detail["peserta"])),
        ("B. Agenda", ["No", "Agenda", "Jenis", "Sumber"], _baris_agenda(detail["agenda"])),
    ]
    for judul_bagian, header, rows in bagian:
        dokumen.judul_docx(doc, judul_bagian)
        dokumen.tabel_docx(doc, header, rows)
    dokumen.judul_docx(doc, "C. Ringkasan pembahasan")
    doc.add_paragraph(dokumen.teks_docx(info["ringkasan"] or "–"))
    dokumen.judul_docx(doc, "D. Temuan")
    dokumen.tabel_docx(doc, KOLOM_TEMUAN, _baris_temuan(detail["temuan"]))
    dokumen.judul_docx(doc, "E. Tindak lanjut")
    tl = dokumen.tabel_docx(
        doc, KOLOM_TL, _baris_tindak_lanjut(detail["temuan"], detail["tindak_lanjut"])
    )
    # the last rows, the conclusions and the signatures stay on one page
    dokumen.bawa_ke_berikut_docx(tl)
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    dokumen.judul_docx(doc, "F. Kesimpulan dan keputusan")
    kesimpulan = doc.add_paragraph(dokumen.teks_docx(info["kesimpulan"] or "–"))
    kesimpulan.paragraph_format.keep_with_next = True
    doc.add_paragraph().paragraph_format.keep_with_next = True
    dokumen.tanda_tangan_docx(doc, _penandatangan(info, instansi))
    return dokumen.docx_bytes(doc)


# --- meeting pack ---------------------------------------------------------------------------


def _label_pendek(s: str, n: int = 48) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def grafik_batang(
    label: list[str],
    nilai: list[float],
    judul: str,
    lebar: float,
    warna: list[str] | None = None,
    persen: bool = True,
    garis_100: bool = False,
) -> Drawing:
    """Horizontal bars with Indonesian number labels (reportlab.graphics)."""
    tinggi = 40 + 16 * max(1, len(label))
    d = Drawing(lebar, tinggi + 20)
    d.add(String(0, tinggi + 6, judul, fontName="Helvetica-Bold", fontSize=9))
    bc = HorizontalBarChart()
    bc.x, bc.y, bc.width, bc.height = 230, 20, lebar - 280, tinggi - 30
    bc.data = [list(reversed(nilai)) or [0]]
    bc.categoryAxis.categoryNames = [_label_pendek(x) for x in reversed(label)] or [""]
    bc.categoryAxis.labels.fontSize = 7
    bc.categoryAxis.labels.fontName = "Helvetica"
    bc.categoryAxis.labels.boxAnchor = "e"
    atas = max([*nilai, 100 if garis_100 else 1]) * 1.15
    bc.valueAxis.valueMin, bc.valueAxis.valueMax = 0, atas
    if not persen:  # counts: whole-number ticks
        bc.valueAxis.valueStep = max(1, math.ceil(atas / 5))
    bc.valueAxis.labels.fontSize = 7
    bc.valueAxis.labels.fontName = "Helvetica"
    fmt = (lambda v: formats.angka(v, 0) + "%") if persen else (lambda v: formats.angka(v, 0))
    bc.valueAxis.labelTextFormat = fmt
    bc.barLabelFormat = (lambda v: formats.persen(v, 1)) if persen else fmt
    bc.barLabels.fontSize = 7
    bc.barLabels.fontName = "Helvetica"
    bc.barLabels.boxAnchor = "w"
    bc.barLabels.dx = 3
    bc.bars[0].fillColor = colors.HexColor("#0b5394")
    for i, w in enumerate(reversed(warna or [])):
        bc.bars[(0, i)].fillColor = colors.HexColor(w)
    d.add(bc)
    if garis_100:
        x = bc.x + bc.width * 100 / atas
        d.add(Line(x, bc.y, x, bc.y + bc.height, strokeColor=colors.grey, strokeDashArray=[2, 2]))
    return d


def bahan_rapat_pdf(bahan: BahanRapat, instansi: dict, penyusun: str) -> bytes:
    """The meeting pack of a period: the figures, two charts and the four lists the meeting
    goes through (red indicators, late units, open follow-ups, SOP breaches)."""
    lebar = dokumen.lebar_halaman()
    per = periode(bahan.tahun, bahan.triwulan)
    tl = bahan.tindak_lanjut
    lewat = int(tl["terlambat"].sum()) if not tl.empty else 0
    isi = [
        *dokumen.kop_pdf(Kop.dari_instansi(instansi)),
        Paragraph(JUDUL_BAHAN, GAYA["judul"]),
        Paragraph(teks_pdf(f"{per} · disusun {formats.tanggal(bahan.hari_ini)}"), GAYA["isi"]),
        Spacer(1, 6),
        dokumen.tabel_pdf(
            ["Pokok bahasan", "Jumlah"],
            [
                [f"Indikator dengan capaian {bahan.skala.label_merah}", len(bahan.indikator)],
                ["Unit terlambat atau belum menyampaikan data", len(bahan.unit)],
                ["Tindak lanjut belum selesai", len(tl)],
                ["... di antaranya lewat batas waktu", lewat],
                ["Langkah SOP yang melewati standar", int(bahan.sop["kali"].sum())],
            ],
            lebar=[10 * cm, 3 * cm],
            kanan=[1],
        ),
        Spacer(1, 8),
    ]
    ind = bahan.indikator.head(15)
    if not ind.empty:
        isi.append(
            grafik_batang(
                [f"{k} {n}" for k, n in zip(ind["kode"], ind["nama"], strict=True)],
                [float(v) for v in ind["capaian"]],
                "Capaian triwulan indikator merah (terendah lebih dulu)",
                lebar,
                warna=[bahan.skala.warna(k) or charts.WARNA_LAIN for k in ind["kategori"]],
                garis_100=True,
            )
        )
    rekap = agenda.rekap_per_unit(tl, bahan.hari_ini) if not tl.empty else pd.DataFrame()
    if not rekap.empty:
        isi.append(
            grafik_batang(
                list(rekap["pic_unit"]),
                [float(v) for v in rekap["terlambat"]],
                "Tindak lanjut lewat batas waktu per unit PIC",
                lebar,
                warna=[charts.MERAH] * len(rekap),
                persen=False,
            )
        )
    isi += [
        *_bagian(
            f"1. Indikator dengan capaian {bahan.skala.label_merah}",
            dokumen.tabel_pdf(
                [
                    "Kode",
                    "Indikator",
                    "Unit",
                    "Target s.d. TW",
                    "Realisasi s.d. TW",
                    "Capaian",
                    "Kategori",
                ],
                [
                    [
                        r.kode,
                        r.nama,
                        r.unit_nama,
                        formats.angka(r.target_sd),
                        formats.angka(r.realisasi_sd),
                        formats.persen(r.capaian),
                        r.kategori,
                    ]
                    for r in bingkai.baris(bahan.indikator)
                ]
                or [["–", "Tidak ada", "", "", "", "", ""]],
                lebar=[2 * cm, lebar - 15 * cm, 4.5 * cm, 2.3 * cm, 2.3 * cm, 1.9 * cm, 2 * cm],
                kanan=[3, 4, 5],
            ),
            lebar,
        ),
        *_bagian(
            "2. Unit terlambat atau belum menyampaikan data",
            dokumen.tabel_pdf(
                ["Unit", "Keterangan", "Tenggat"],
                [
                    [r.nama, r.masalah, formats.tanggal(_tanggal(r.tenggat))]
                    for r in bingkai.baris(bahan.unit)
                ]
                or [["Tidak ada", "", ""]],
                lebar=[8 * cm, lebar - 12 * cm, 4 * cm],
            ),
            lebar,
        ),
        *_bagian(
            "3. Tindak lanjut rapat sebelumnya yang belum selesai",
            dokumen.tabel_pdf(
                ["Tindak lanjut", "Unit PIC", "Rapat", "Batas waktu", "Status", "Lewat batas"],
                [
                    [
                        r.uraian,
                        r.pic_unit,
                        periode(r.tahun, r.triwulan),
                        formats.tanggal(_tanggal(r.batas_waktu)),
                        r.status + (" (minta ditutup)" if r.minta_tutup else ""),
                        "Ya" if r.terlambat else "",
                    ]
                    for r in bingkai.baris(tl)
                ]
                or [["Tidak ada", "", "", "", "", ""]],
                lebar=[lebar - 17 * cm, 5 * cm, 3.5 * cm, 3 * cm, 3.5 * cm, 2 * cm],
            ),
            lebar,
        ),
        *_bagian(
            "4. Langkah SOP yang melewati standar waktu",
            dokumen.tabel_pdf(
                ["No", "Langkah", "Kali", "Unit", "Total kelebihan"],
                [
                    [r.no, r.aktivitas, r.kali, r.unit, uraian_menit(r.kelebihan_menit)]
                    for r in bingkai.baris(bahan.sop)
                ]
                or [["–", "Tidak ada", "", "", ""]],
                lebar=[1.2 * cm, lebar - 14.2 * cm, 1.5 * cm, 8 * cm, 3.5 * cm],
                kanan=[2],
            ),
            lebar,
        ),
        dokumen.tanda_tangan_pdf(
            Penandatangan(instansi.get("kota") or "", bahan.hari_ini, "Pengelola Monev", penyusun)
        ),
    ]
    return dokumen.pdf_bytes(isi, judul=f"Bahan rapat monev {per}", kaki=f"Bahan rapat monev {per}")
