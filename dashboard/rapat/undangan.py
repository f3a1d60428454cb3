"""The invitation letter of a monev meeting (SOP Monitoring Evaluasi Kinerja Secara Periodik,
seed 002 step 3: "Membuat undangan rapat ... dan mendistribusikan surat undangan rapat") as
PDF and DOCX: letterhead, place and date, nomor / sifat / lampiran / perihal, the participants
as addressees, the day, time, place and agenda, and the head of the instansi's signature
block (docs/DOMAIN.md §9.8). Everything typed goes through `dokumen.teks_pdf` / `teks_docx`."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from docx.shared import Cm, Pt
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from dashboard.inti import bingkai, dokumen, formats
from dashboard.inti.dokumen import GAYA, Kop, Penandatangan, teks_pdf
from dashboard.rapat.notulen import periode, pukul

NOMOR_KOSONG = "........................"
_BUTIR = GAYA["isi"].clone("butir", spaceBefore=0, spaceAfter=1)


def perihal(info: dict) -> str:
    return (
        f"Undangan Rapat Monitoring dan Evaluasi Kinerja {periode(info['tahun'], info['triwulan'])}"
    )


def _kepala_surat(nomor: str | None, info: dict) -> list[tuple[str, str]]:
    return [
        ("Nomor", nomor or NOMOR_KOSONG),
        ("Sifat", "Biasa"),
        ("Lampiran", "-"),
        ("Perihal", perihal(info)),
    ]


def tujuan(peserta: pd.DataFrame) -> list[str]:
    """The addressees: each participant, with the jabatan or unit where known."""
    out = []
    for r in bingkai.baris(peserta):
        tempat = r.jabatan if isinstance(r.jabatan, str) and r.jabatan else None
        if tempat is None and isinstance(getattr(r, "unit", None), str):
            tempat = r.unit
        out.append(f"{r.nama}" + (f" ({tempat})" if tempat else ""))
    return out


def _acara(info: dict) -> list[tuple[str, str]]:
    w = pd.Timestamp(info["waktu"]).to_pydatetime()
    return [
        ("Hari, tanggal", formats.hari_tanggal(w.date())),
        ("Waktu", f"{pukul(w)} s.d. selesai"),
        ("Tempat", str(info["tempat"] or "–")),
        ("Acara", str(info["judul"])),
    ]


def _pembuka(info: dict) -> str:
    return (
        "Dengan hormat, dalam rangka pelaksanaan monitoring dan evaluasi capaian kinerja "
        f"{periode(info['tahun'], info['triwulan'])}, kami mengundang Bapak/Ibu untuk hadir "
        "pada rapat yang akan dilaksanakan pada:"
    )


PENUTUP = (
    "Mengingat pentingnya acara tersebut, dimohon kehadiran Bapak/Ibu tepat waktu dengan "
    "membawa data dan informasi capaian kinerja unit masing-masing. Atas perhatian dan "
    "kehadirannya diucapkan terima kasih."
)


def penandatangan(instansi: dict, tanggal: dt.date) -> Penandatangan:
    return Penandatangan(
        kota=str(instansi.get("kota") or ""),
        tanggal=tanggal,
        jabatan=str(instansi.get("kepala_jabatan") or "Kepala"),
        nama=str(instansi.get("kepala_nama") or ""),
        nip=instansi.get("kepala_nip") or None,
    )


def _tabel_titik_dua(baris: list[tuple[str, str]], lebar: float, kiri: float = 0) -> Table:
    t = Table(
        [
            [
                "",
                Paragraph(teks_pdf(k), GAYA["isi"]),
                Paragraph(teks_pdf(f": {v}"), GAYA["isi"]),
            ]
            for k, v in baris
        ],
        colWidths=[kiri, 3 * cm, lebar - 3 * cm - kiri],
        hAlign="LEFT",
    )
    t.setStyle(
        TableStyle(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def undangan_pdf(detail: dict, instansi: dict, nomor: str | None, tanggal: dt.date) -> bytes:
    """The letter as an A4 portrait PDF."""
    info = detail["info"]
    lebar = dokumen.lebar_halaman(mendatar=False)
    kota = str(instansi.get("kota") or "")
    isi = [
        *dokumen.kop_pdf(Kop.dari_instansi(instansi)),
        Paragraph(
            teks_pdf(f"{kota}, {formats.tanggal(tanggal)}".lstrip(", ")),
            GAYA["isi"].clone("kanan", alignment=2),
        ),
        _tabel_titik_dua(_kepala_surat(nomor, info), lebar * 0.75),
        Spacer(1, 10),
        Paragraph("Yth.", GAYA["isi"]),
    ]
    for i, t in enumerate(tujuan(detail["peserta"]) or ["Peserta rapat"], 1):
        isi.append(Paragraph(teks_pdf(f"{i}. {t}"), _BUTIR.clone(f"t{i}", leftIndent=12)))
    isi += [
        Paragraph("di Tempat", GAYA["isi"]),
        Spacer(1, 8),
        Paragraph(teks_pdf(_pembuka(info)), GAYA["isi"]),
        _tabel_titik_dua(_acara(info), lebar, kiri=1 * cm),
        Spacer(1, 4),
    ]
    ag = detail["agenda"]
    if not ag.empty:
        isi.append(Paragraph("dengan agenda:", GAYA["isi"]))
        for i, u in enumerate(ag["uraian"], 1):
            isi.append(Paragraph(teks_pdf(f"{i}. {u}"), _BUTIR.clone(f"a{i}", leftIndent=1 * cm)))
    isi += [Spacer(1, 4), Paragraph(teks_pdf(PENUTUP), GAYA["isi"])]
    isi.append(dokumen.tanda_tangan_pdf(penandatangan(instansi, tanggal), tanggal=False))
    return dokumen.pdf_bytes(isi, judul=perihal(info), mendatar=False, kaki=perihal(info))


def undangan_docx(detail: dict, instansi: dict, nomor: str | None, tanggal: dt.date) -> bytes:
    """The same letter as a Word document."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    info = detail["info"]
    doc = dokumen.docx_baru(Kop.dari_instansi(instansi))
    kota = str(instansi.get("kota") or "")
    p = doc.add_paragraph(dokumen.teks_docx(f"{kota}, {formats.tanggal(tanggal)}".lstrip(", ")))
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def titik_dua(baris: list[tuple[str, str]], kiri: float = 0) -> None:
        for k, v in baris:
            b = doc.add_paragraph(dokumen.teks_docx(f"{k}\t: {v}"))
            b.paragraph_format.left_indent = Cm(kiri)
            b.paragraph_format.tab_stops.add_tab_stop(Cm(kiri + 3))
            b.paragraph_format.space_after = Pt(0)

    titik_dua(_kepala_surat(nomor, info))
    doc.add_paragraph()
    doc.add_paragraph("Yth.").paragraph_format.space_after = Pt(0)
    for i, t in enumerate(tujuan(detail["peserta"]) or ["Peserta rapat"], 1):
        b = doc.add_paragraph(dokumen.teks_docx(f"{i}. {t}"))
        b.paragraph_format.left_indent = Cm(0.5)
        b.paragraph_format.space_after = Pt(0)
    doc.add_paragraph("di Tempat")
    doc.add_paragraph(dokumen.teks_docx(_pembuka(info)))
    titik_dua(_acara(info), kiri=1)
    ag = detail["agenda"]
    if not ag.empty:
        doc.add_paragraph("dengan agenda:").paragraph_format.space_after = Pt(0)
        for i, u in enumerate(ag["uraian"], 1):
            b = doc.add_paragraph(dokumen.teks_docx(f"{i}. {u}"))
            b.paragraph_format.left_indent = Cm(1)
            b.paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    akhir = doc.add_paragraph(dokumen.teks_docx(PENUTUP))
    akhir.paragraph_format.keep_with_next = True
    dokumen.tanda_tangan_docx(doc, [penandatangan(instansi, tanggal)], tanggal=False)
    return dokumen.docx_bytes(doc)
