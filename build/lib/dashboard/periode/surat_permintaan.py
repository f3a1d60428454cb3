"""The request letter of a period (Nota Dinas permintaan data kinerja), PDF and DOCX, pure.

The first step of the collection SOPs (seed 001 step 1, seed 002 Pengumpulan step 2, seed 004
steps 1-3): the head of the instansi asks every unit for the quarter's realisations of its
indicators and their evidence by the period's tenggat. Written when the period opens
(services/periode.py) and rendered from the stored row, so it reads the same every time.
Letterhead and signature come from dashboard/inti/dokumen.py like every other document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from dashboard.inti import dokumen, formats
from dashboard.inti.dokumen import GAYA, Kop, Penandatangan, teks_pdf

JUDUL = "NOTA DINAS"
# more addressees than this are listed in the attachment instead of the header
TUJUAN_MAKS_KEPALA = 6
_GAYA_TENGAH = GAYA["kop"].clone("nd_tengah", fontSize=11, leading=14)
_GAYA_ISI = GAYA["isi"].clone("nd_isi", fontSize=10, leading=14)


def nomor(urut: int, kode_instansi: str, tahun: int) -> str:
    """000/<urut>/<kode instansi>/<tahun>: 000 the classification code (kode klasifikasi
    arsip "umum"), urut the instansi's letters of the year counted from 1."""
    return f"000/{int(urut):03d}/{kode_instansi}/{int(tahun)}"


def jabatan_tujuan(unit: dict) -> str:
    """How a unit's head is addressed: the Sekretariat's is the Sekretaris, any other unit's
    its Kepala."""
    if unit.get("jenis") == "Sekretariat":
        return "Sekretaris"
    return f"Kepala {unit['nama']}"


@dataclass(frozen=True)
class Surat:
    """Everything the letter shows."""

    nomor: str
    tanggal: dt.date
    tahun: int
    triwulan: int
    tenggat: dt.date
    tujuan: list[dict]  # unit_id, kode, nama, jenis, indikator
    instansi: dict  # an `instansi_kop` row
    catatan: str | None = None

    @property
    def hal(self) -> str:
        return f"Permintaan Data Kinerja {formats.nama_triwulan(self.triwulan)} Tahun {self.tahun}"

    @property
    def dari(self) -> str:
        return str(self.instansi.get("kepala_jabatan") or f"Kepala {self.instansi['nama']}")

    def daftar_tujuan(self) -> list[str]:
        if len(self.tujuan) > TUJUAN_MAKS_KEPALA:
            return ["Kepala Unit Kerja (daftar terlampir)"]
        return [jabatan_tujuan(u) for u in self.tujuan]

    def paragraf(self) -> tuple[str, list[str], str]:
        """Opening, the numbered points of what to send and how, closing."""
        tw = f"{formats.nama_triwulan(self.triwulan)} Tahun {self.tahun}"
        pembuka = (
            f"Dalam rangka monitoring dan evaluasi capaian kinerja {self.instansi['nama']} "
            f"{tw}, dengan hormat kami minta Saudara menyampaikan data kinerja unit kerja "
            "masing-masing dengan ketentuan sebagai berikut:"
        )
        butir = [
            f"realisasi {tw} untuk setiap indikator kinerja yang menjadi tanggung jawab unit "
            "kerja Saudara (jumlah indikator setiap unit tercantum pada lampiran);",
            "bukti dukung setiap realisasi (dokumen, laporan, foto kegiatan, atau tautan "
            "sumber data);",
            "faktor pendorong, faktor penghambat, dan kendala pencapaian bila ada;",
            "data disampaikan melalui aplikasi Monev Kinerja pada halaman Isi realisasi "
            f"paling lambat {formats.hari_tanggal(self.tenggat)}.",
        ]
        if self.catatan:
            butir.append(f"Catatan: {self.catatan}")
        penutup = (
            "Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih."
        )
        return pembuka, butir, penutup

    def penandatangan(self) -> Penandatangan:
        i = self.instansi
        return Penandatangan(
            str(i.get("kota") or ""),
            self.tanggal,
            self.dari,
            str(i.get("kepala_nama") or ""),
            i.get("kepala_nip") or None,
        )

    def kepala(self) -> list[tuple[str, str]]:
        """The header lines: label and value."""
        tujuan = self.daftar_tujuan()
        teks_tujuan = (
            tujuan[0]
            if len(tujuan) == 1
            else "\n".join(f"{n}. {t}" for n, t in enumerate(tujuan, 1))
        )
        return [
            ("Kepada Yth.", teks_tujuan),
            ("Dari", self.dari),
            ("Tanggal", formats.tanggal(self.tanggal)),
            ("Nomor", self.nomor),
            ("Sifat", "Segera"),
            ("Lampiran", "1 (satu) lembar"),
            ("Hal", self.hal),
        ]

    def lampiran(self) -> list[list[object]]:
        return [
            [n, u["nama"], formats.angka(u["indikator"], 0)] for n, u in enumerate(self.tujuan, 1)
        ]


KOLOM_LAMPIRAN = ["No", "Unit kerja", "Jumlah indikator"]


def pdf(s: Surat) -> bytes:
    """The letter as an A4 portrait PDF: letterhead, header, body, signature, attachment."""
    lebar = dokumen.lebar_halaman(mendatar=False)
    isi: list = [
        *dokumen.kop_pdf(Kop.dari_instansi(s.instansi)),
        Paragraph(f"<u>{JUDUL}</u>", _GAYA_TENGAH),
        Spacer(1, 10),
    ]
    baris = [
        [
            Paragraph(teks_pdf(k), _GAYA_ISI),
            Paragraph(":", _GAYA_ISI),
            Paragraph(teks_pdf(v), _GAYA_ISI),
        ]
        for k, v in s.kepala()
    ]
    kepala = Table(baris, colWidths=[3 * cm, 0.5 * cm, lebar - 3.5 * cm], hAlign="LEFT")
    kepala.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEBELOW", (0, -1), (-1, -1), 1, "black"),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    pembuka, butir, penutup = s.paragraf()
    isi += [kepala, Spacer(1, 10), Paragraph(teks_pdf(pembuka), _GAYA_ISI), Spacer(1, 4)]
    daftar = Table(
        [
            [Paragraph(f"{chr(97 + n)}.", _GAYA_ISI), Paragraph(teks_pdf(b), _GAYA_ISI)]
            for n, b in enumerate(butir)
        ],
        colWidths=[0.8 * cm, lebar - 0.8 * cm],
        hAlign="LEFT",
    )
    daftar.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    isi += [daftar, Spacer(1, 6), Paragraph(teks_pdf(penutup), _GAYA_ISI)]
    isi.append(dokumen.tanda_tangan_pdf(s.penandatangan(), tanggal=False))
    isi += [
        PageBreak(),  # the attachment on a page of its own, as a letter's lampiran is
        Paragraph(teks_pdf(f"Lampiran Nota Dinas Nomor {s.nomor}"), GAYA["subjudul"]),
        Paragraph(teks_pdf(f"Unit kerja tujuan dan jumlah indikator — {s.hal}"), GAYA["isi"]),
        Spacer(1, 4),
        dokumen.tabel_pdf(
            KOLOM_LAMPIRAN,
            s.lampiran(),
            lebar=[1.2 * cm, lebar - 4.7 * cm, 3.5 * cm],
            kanan=[2],
        ),
    ]
    return dokumen.pdf_bytes(isi, judul=f"Nota Dinas {s.nomor}", mendatar=False, kaki=s.hal)


def docx(s: Surat) -> bytes:
    """The same letter as a Word document (to edit or print on the agency's paper)."""
    from docx.shared import Pt

    doc = dokumen.docx_baru(Kop.dari_instansi(s.instansi))
    judul = doc.add_paragraph()
    judul.alignment = 1  # centre
    run = judul.add_run(JUDUL)
    run.bold = run.underline = True
    run.font.size = Pt(11)
    for k, v in s.kepala():
        p = doc.add_paragraph(dokumen.teks_docx(f"{k}\t: {v.replace(chr(10), chr(10) + chr(9))}"))
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.tab_stops.add_tab_stop(Pt(90))
    doc.add_paragraph("_" * 90)
    pembuka, butir, penutup = s.paragraf()
    doc.add_paragraph(dokumen.teks_docx(pembuka))
    for n, b in enumerate(butir):
        p = doc.add_paragraph(dokumen.teks_docx(f"{chr(97 + n)}.\t{b}"))
        p.paragraph_format.left_indent = Pt(18)
        p.paragraph_format.first_line_indent = Pt(-18)
        p.paragraph_format.space_after = Pt(2)
    doc.add_paragraph(dokumen.teks_docx(penutup))
    dokumen.tanda_tangan_docx(doc, [s.penandatangan()], tanggal=False)
    doc.add_page_break()
    dokumen.judul_docx(doc, f"Lampiran Nota Dinas Nomor {s.nomor}")
    dokumen.tabel_docx(doc, KOLOM_LAMPIRAN, s.lampiran())
    return dokumen.docx_bytes(doc)
