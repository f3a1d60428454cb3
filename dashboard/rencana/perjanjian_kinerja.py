"""Perjanjian Kinerja (PermenPAN-RB 53/2014, Lampiran I) of one instansi and year, as PDF and
DOCX (docs/DOMAIN.md §9.13): the agreement sheet between the Kepala Perangkat Daerah (pihak
pertama) and the Bupati / Wali Kota / Gubernur (pihak kedua), its lampiran (sasaran,
indikator kinerja and target of the year; program and anggaran with the total) and the
Rencana Aksi (the quarterly targets of every indicator) as an annex. Both parties sign the
agreement and the lampiran; the pihak pertama signs the Rencana Aksi. Pure: no store, no
Streamlit; everything typed goes through `dokumen.teks_pdf` / `teks_docx`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, overload

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from dashboard.capaian.capaian import target_sd
from dashboard.inti import bingkai, dokumen, formats
from dashboard.inti.dokumen import GAYA, RUANG_TTD, Kop, teks_pdf

KOSONG = "...................................."
PANJANG_NIP = 18
PANJANG_TEKS = 200

ATURAN = {
    "SUM": "Jumlah TW I–IV",
    "LAST": "TW IV",
    "MAX": "TW IV",
    "AVG": "Rata-rata TW I–IV",
}

KOLOM_SASARAN = ("No", "Sasaran", "Indikator kinerja", "Satuan", "Target", "Jenis")
KOLOM_PROGRAM = ("No", "Program", "Anggaran (Rp)")
KOLOM_AKSI = (
    "No",
    "Sasaran",
    "Indikator kinerja",
    "Satuan",
    "Target tahunan",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
    "Target tahunan =",
)

PEMBUKA = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
    "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
JANJI = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
    "tersebut menjadi tanggung jawab kami."
)
SUPERVISI = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
    "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam "
    "rangka pemberian penghargaan dan sanksi."
)


@dataclass(frozen=True)
class Pihak:
    """One party: name, jabatan, NIP (a Bupati / Wali Kota / Gubernur has none)."""

    nama: str
    jabatan: str
    nip: str | None = None


@dataclass(frozen=True)
class PengaturanPk:
    """Who signs the Perjanjian Kinerja of an instansi and year, where and when."""

    pertama: Pihak
    kedua: Pihak
    kota: str
    tanggal: dt.date

    def ke_json(self) -> str:
        d = asdict(self)
        d["tanggal"] = self.tanggal.isoformat()
        return json.dumps(d, ensure_ascii=False)

    @classmethod
    def dari_json(cls, teks: str) -> PengaturanPk:
        d = json.loads(teks)
        return cls(
            pertama=Pihak(**d["pertama"]),
            kedua=Pihak(**d["kedua"]),
            kota=d["kota"],
            tanggal=dt.date.fromisoformat(d["tanggal"]),
        )

    def kurang(self) -> list[str]:
        """What is still empty (the document prints a dotted line there)."""
        out = []
        for label, p in (("pihak pertama", self.pertama), ("pihak kedua", self.kedua)):
            if not p.nama:
                out.append(f"nama {label}")
            if not p.jabatan:
                out.append(f"jabatan {label}")
        if not self.kota:
            out.append("tempat penandatanganan")
        return out


def jabatan_kepala_daerah(pemda: str) -> str:
    """ "Bupati Balangan" for "Kabupaten Balangan", "Wali Kota X" for "Kota X", "Gubernur X"
    for "Provinsi X": the pihak kedua's jabatan until the admin sets it."""
    nama = pemda.strip()
    if nama.lower().startswith("pemerintah "):
        nama = nama[len("pemerintah ") :].strip()
    for awalan, jabatan in (
        ("kabupaten ", "Bupati"),
        ("kota ", "Wali Kota"),
        ("provinsi ", "Gubernur"),
    ):
        if nama.lower().startswith(awalan):
            return f"{jabatan} {nama[len(awalan) :].strip()}"
    return f"Kepala Daerah {nama}".strip()


@overload
def nip_cetak(nip: str) -> str: ...
@overload
def nip_cetak(nip: None) -> None: ...
def nip_cetak(nip: str | None) -> str | None:
    """An 18-digit NIP as it is printed, "19750101 200003 1 001" (born, appointed, sex,
    number); any other text as typed."""
    if nip and nip.isdigit() and len(nip) == PANJANG_NIP:
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def _nip(teks: str | None, label: str) -> str | None:
    if teks is None or not str(teks).strip():
        return None
    angka = str(teks).replace(" ", "")
    if not angka.isdigit() or len(angka) != PANJANG_NIP:
        raise ValueError(
            f"NIP {label} harus {PANJANG_NIP} angka (spasi boleh), mis. 19700101 199003 1 001."
        )
    return " ".join(str(teks).split())


def _teks(v: object, label: str, wajib: bool) -> str:
    teks = " ".join(str(v or "").split())
    if wajib and not teks:
        raise ValueError(f"Isi {label}.")
    if len(teks) > PANJANG_TEKS:
        raise ValueError(f"{label.capitalize()} paling panjang {PANJANG_TEKS} karakter.")
    return teks


def pengaturan_dari_isian(d: dict) -> PengaturanPk:
    """What an admin typed, checked: every name, jabatan and the place are required; a NIP,
    when given, has 18 digits. Raises ValueError with the Indonesian message."""
    tanggal = d.get("tanggal")
    if not isinstance(tanggal, dt.date):
        raise ValueError("Isi tanggal penandatanganan.")
    return PengaturanPk(
        pertama=Pihak(
            _teks(d.get("pertama_nama"), "nama pihak pertama", True),
            _teks(d.get("pertama_jabatan"), "jabatan pihak pertama", True),
            _nip(d.get("pertama_nip"), "pihak pertama"),
        ),
        kedua=Pihak(
            _teks(d.get("kedua_nama"), "nama pihak kedua", True),
            _teks(d.get("kedua_jabatan"), "jabatan pihak kedua", True),
            _nip(d.get("kedua_nip"), "pihak kedua"),
        ),
        kota=_teks(d.get("kota"), "tempat penandatanganan", True),
        tanggal=tanggal if not isinstance(tanggal, dt.datetime) else tanggal.date(),
    )


# --- content -----------------------------------------------------------------------------


def _ada(v: object) -> bool:
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def _f(v: Any) -> float | None:
    return float(v) if _ada(v) else None


def target_cetak(lo: Any, hi: Any = None) -> str:
    """A target as printed: "3,1", or "80 – 90" for a range; "–" when there is none."""
    if not _ada(lo):
        return "–"
    if _ada(hi):
        return f"{formats.angka(float(lo))} – {formats.angka(float(hi))}"
    return formats.angka(float(lo))


def sesuai_aturan(cara: str, tahunan: float | None, triwulan: Sequence[float | None]) -> bool:
    """Do the quarterly targets give the annual one under the indicator's cara agregasi
    (docs/DOMAIN.md §3.3)? Compared after rounding to two decimals, as printed."""
    hasil = target_sd(list(triwulan), cara, 4)
    if hasil is None or tahunan is None:
        return False
    return round(hasil, 2) == round(tahunan, 2)


def _sasaran(r) -> str:
    if _ada(r.sasaran_uraian):
        return f"{r.sasaran_kode} {r.sasaran_uraian}"
    if _ada(r.tujuan_uraian):
        return f"{r.tujuan_kode} {r.tujuan_uraian}"
    return "Tanpa sasaran"


@dataclass(frozen=True)
class PerjanjianKinerja:
    """The whole document's content: rows as printed (text), with the numbers the tests check."""

    tahun: int
    kop: Kop
    instansi: str
    pengaturan: PengaturanPk
    sasaran: tuple[tuple[str, ...], ...]  # KOLOM_SASARAN
    program: tuple[tuple[str, ...], ...]  # KOLOM_PROGRAM without the total
    total_anggaran: float
    rencana_aksi: tuple[tuple[str, ...], ...]  # KOLOM_AKSI
    tidak_sesuai: tuple[str, ...]  # indicator codes whose quarters break the rule
    nama_berkas: str

    @property
    def judul(self) -> str:
        return f"Perjanjian Kinerja Tahun {self.tahun}"


def susun(
    tahun: int,
    kop: Kop,
    kode_instansi: str,
    pengaturan: PengaturanPk,
    indikator: pd.DataFrame,
    program: pd.DataFrame,
) -> PerjanjianKinerja:
    """The content from the `pk_indikator` and `pk_anggaran_program` rows."""
    sasaran, aksi, salah = [], [], []
    no_sasaran: dict[str, int] = {}
    for r in bingkai.baris(indikator):
        nama_sasaran = _sasaran(r)
        baru = nama_sasaran not in no_sasaran
        if baru:
            no_sasaran[nama_sasaran] = len(no_sasaran) + 1
        no = str(no_sasaran[nama_sasaran]) if baru else ""
        tampil_sasaran = nama_sasaran if baru else ""
        ket = "IKU" if r.jenis == "IKU" else "PK"
        sasaran.append(
            (no, tampil_sasaran, str(r.nama), str(r.satuan), target_cetak(r.t0, r.t0_atas), ket)
        )
        tw = [_f(getattr(r, f"t{q}")) for q in range(1, 5)]
        rentang = _ada(r.t0_atas)
        if rentang or sesuai_aturan(r.cara_agregasi, _f(r.t0), tw):
            aturan = ATURAN[r.cara_agregasi]
        else:
            aturan = f"{ATURAN[r.cara_agregasi]} (tidak sesuai)"
            salah.append(str(r.kode))
        aksi.append(
            (
                no,
                tampil_sasaran,
                str(r.nama),
                str(r.satuan),
                target_cetak(r.t0, r.t0_atas),
                *(target_cetak(getattr(r, f"t{q}"), getattr(r, f"t{q}_atas")) for q in range(1, 5)),
                aturan,
            )
        )
    prog = [
        (str(i), f"{r.kode} {r.nama}", formats.angka(float(r.pagu), 0))
        for i, r in enumerate(bingkai.baris(program), 1)
    ]
    total = float(program["pagu"].sum()) if not program.empty else 0.0
    return PerjanjianKinerja(
        tahun=tahun,
        kop=kop,
        instansi=kop.nama,
        pengaturan=pengaturan,
        sasaran=tuple(sasaran),
        program=tuple(prog),
        total_anggaran=total,
        rencana_aksi=tuple(aksi),
        tidak_sesuai=tuple(salah),
        nama_berkas=f"perjanjian-kinerja-{kode_instansi}-{tahun}",
    )


# --- PDF ---------------------------------------------------------------------------------

_JUDUL = GAYA["kop"].clone("pk_judul", fontSize=12, leading=15, spaceAfter=2)
_ISI = GAYA["isi"].clone("pk_isi", fontSize=10, leading=14, alignment=TA_JUSTIFY, spaceAfter=6)
_TENGAH = GAYA["isi"].clone("pk_tengah", fontSize=10, leading=13, alignment=TA_CENTER)


def _atau_titik(v: str | None) -> str:
    return v if v else KOSONG


def _identitas_pdf(p: Pihak, lebar: float) -> Table:
    baris = [("Nama", _atau_titik(p.nama)), ("Jabatan", _atau_titik(p.jabatan))]
    if p.nip:
        baris.append(("NIP", nip_cetak(p.nip)))
    t = Table(
        [
            [
                Paragraph(teks_pdf(k), _ISI),
                Paragraph(":", _ISI),
                Paragraph(f"<b>{teks_pdf(v)}</b>", _ISI),
            ]
            for k, v in baris
        ],
        colWidths=[3 * cm, 0.4 * cm, lebar - 3.4 * cm],
        hAlign="LEFT",
    )
    t.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (0, -1), 1 * cm),
            ]
        )
    )
    return t


def blok_para_pihak(pk: PerjanjianKinerja, hanya_pertama: bool = False) -> list[list[str]]:
    """The signature blocks as lines (left: pihak kedua, right: pihak pertama), the same in
    PDF and DOCX: place and date over the pihak pertama, the role, the jabatan, room to sign,
    the name, the NIP."""
    s = pk.pengaturan
    tempat = f"{_atau_titik(s.kota)}, {formats.tanggal(s.tanggal)}"
    kanan = [tempat, "PIHAK PERTAMA,", _atau_titik(s.pertama.jabatan), "", s.pertama.nama]
    kanan.append(f"NIP. {nip_cetak(s.pertama.nip)}" if s.pertama.nip else "")
    if hanya_pertama:
        return [["", "", "", "", "", ""], kanan]
    kiri = ["", "PIHAK KEDUA,", _atau_titik(s.kedua.jabatan), "", s.kedua.nama]
    kiri.append(f"NIP. {nip_cetak(s.kedua.nip)}" if s.kedua.nip else "")
    return [kiri, kanan]


def _tanda_tangan_pdf(pk: PerjanjianKinerja, lebar: float, hanya_pertama: bool = False):
    kiri, kanan = blok_para_pihak(pk, hanya_pertama)
    rows = []
    for i, (a, b) in enumerate(zip(kiri, kanan, strict=True)):
        if i == 3:
            rows.append([Spacer(1, RUANG_TTD), Spacer(1, RUANG_TTD)])
        elif i == 4:
            rows.append(
                [
                    Paragraph(
                        f"<u><b>{teks_pdf(_atau_titik(a) if kiri[1] else '')}</b></u>", _TENGAH
                    ),
                    Paragraph(f"<u><b>{teks_pdf(_atau_titik(b))}</b></u>", _TENGAH),
                ]
            )
        else:
            rows.append([Paragraph(teks_pdf(a), _TENGAH), Paragraph(teks_pdf(b), _TENGAH)])
    t = Table(rows, colWidths=[lebar / 2, lebar / 2])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return KeepTogether([Spacer(1, 18), t])


def _kelompok_sasaran(t: Table, rows: Sequence[Sequence[str]]) -> Table:
    """The No and Sasaran cells of one sasaran read as one cell: no rule between its rows
    (a rule, not a SPAN, so a long table still splits across pages)."""
    t.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, i + 1), (1, i + 1), 0.6, colors.white)
                for i, r in enumerate(rows)
                if not r[0]
            ]
        )
    )
    return t


def _judul_lampiran(teks: list[str]) -> list:
    return [Paragraph(teks_pdf(t.upper()), _JUDUL) for t in teks] + [Spacer(1, 8)]


def pk_pdf(pk: PerjanjianKinerja) -> bytes:
    """The agreement, its lampiran and the Rencana Aksi, A4 portrait."""
    lebar = dokumen.lebar_halaman(mendatar=False)
    s = pk.pengaturan
    isi: list = [
        *dokumen.kop_pdf(pk.kop),
        Paragraph(teks_pdf(f"PERJANJIAN KINERJA TAHUN {pk.tahun}"), _JUDUL),
        Paragraph(teks_pdf(pk.instansi.upper()), _JUDUL),
        Spacer(1, 12),
        Paragraph(teks_pdf(PEMBUKA), _ISI),
        _identitas_pdf(s.pertama, lebar),
        Spacer(1, 4),
        Paragraph("selanjutnya disebut <b>pihak pertama</b>.", _ISI),
        _identitas_pdf(s.kedua, lebar),
        Spacer(1, 4),
        Paragraph("selaku atasan pihak pertama, selanjutnya disebut <b>pihak kedua</b>.", _ISI),
        Paragraph(teks_pdf(JANJI), _ISI),
        Paragraph(teks_pdf(SUPERVISI), _ISI),
        _tanda_tangan_pdf(pk, lebar),
        PageBreak(),
        *_judul_lampiran([f"Perjanjian Kinerja Tahun {pk.tahun}", pk.instansi]),
    ]
    w = [0.8 * cm, 4.6 * cm, 6.1 * cm, 2.2 * cm, 2.3 * cm, lebar - 16 * cm]
    tabel = dokumen.tabel_pdf(KOLOM_SASARAN, pk.sasaran, lebar=w, kanan=(4,), ukuran=8.5)
    isi.append(_kelompok_sasaran(tabel, pk.sasaran))
    isi.append(Spacer(1, 10))
    total = ("", "Jumlah", formats.angka(pk.total_anggaran, 0))
    w = [0.8 * cm, lebar - 4.8 * cm, 4 * cm]
    isi.append(
        dokumen.tabel_pdf(
            KOLOM_PROGRAM,
            [*pk.program, total],
            lebar=w,
            kanan=(2,),
            tebal_baris=(len(pk.program),),
            ukuran=8.5,
        )
    )
    isi += [
        _tanda_tangan_pdf(pk, lebar),
        PageBreak(),
        *_judul_lampiran(
            [
                f"Rencana Aksi Perjanjian Kinerja Tahun {pk.tahun}",
                pk.instansi,
            ]
        ),
        Paragraph(
            teks_pdf(
                "Lampiran Perjanjian Kinerja: target per triwulan setiap indikator. Target "
                "triwulan indikator jumlah (SUM) dijumlahkan menjadi target tahunan; indikator "
                "tingkat (LAST, MAX) mencapai target tahunan pada TW IV; indikator rata-rata "
                "(AVG) dirata-ratakan."
            ),
            GAYA["isi"],
        ),
        Spacer(1, 6),
    ]
    w = [0.7 * cm, 3 * cm, 3.9 * cm, 1.4 * cm, 1.5 * cm]
    w += [1.3 * cm] * 4 + [lebar - sum(w) - 5.2 * cm]
    tabel = dokumen.tabel_pdf(KOLOM_AKSI, pk.rencana_aksi, lebar=w, kanan=(4, 5, 6, 7, 8))
    isi.append(_kelompok_sasaran(tabel, pk.rencana_aksi))
    isi.append(_tanda_tangan_pdf(pk, lebar, hanya_pertama=True))
    return dokumen.pdf_bytes(
        isi, judul=pk.judul, mendatar=False, kaki=f"{pk.judul} – {pk.instansi}"
    )


# --- DOCX --------------------------------------------------------------------------------


def _tanda_tangan_docx(doc, pk: PerjanjianKinerja, hanya_pertama: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    kiri, kanan = blok_para_pihak(pk, hanya_pertama)
    doc.add_paragraph().paragraph_format.keep_with_next = True
    tabel = doc.add_table(rows=1, cols=2)
    tabel.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for sel, baris in zip(tabel.rows[0].cells, (kiri, kanan), strict=True):
        kosong_semua = not baris[1]
        for i, t in enumerate(baris):
            par = sel.paragraphs[0] if i == 0 else sel.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.paragraph_format.space_after = Pt(0)
            par.paragraph_format.keep_with_next = True
            if i == 3:
                par.paragraph_format.space_before = Pt(RUANG_TTD)
                continue
            if i == 4:
                run = par.add_run(dokumen.teks_docx("" if kosong_semua else _atau_titik(t)))
                run.bold = run.underline = True
            else:
                par.add_run(dokumen.teks_docx(t))


def _judul_docx(doc, baris: list[str]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for t in baris:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run(dokumen.teks_docx(t.upper())).bold = True


def pk_docx(pk: PerjanjianKinerja) -> bytes:
    """The same document as a Word file (A4 portrait), for the agency to adjust before
    printing on its own letterhead paper."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    doc = dokumen.docx_baru(pk.kop)
    s = pk.pengaturan
    _judul_docx(doc, [f"Perjanjian Kinerja Tahun {pk.tahun}", pk.instansi])

    def paragraf(teks: str) -> None:
        p = doc.add_paragraph(dokumen.teks_docx(teks))
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def identitas(p: Pihak) -> None:
        baris = [("Nama", _atau_titik(p.nama)), ("Jabatan", _atau_titik(p.jabatan))]
        if p.nip:
            baris.append(("NIP", nip_cetak(p.nip)))
        for k, v in baris:
            b = doc.add_paragraph()
            b.paragraph_format.left_indent = Cm(1)
            b.paragraph_format.tab_stops.add_tab_stop(Cm(3.5))
            b.paragraph_format.space_after = Pt(0)
            b.add_run(dokumen.teks_docx(f"{k}\t: "))
            b.add_run(dokumen.teks_docx(v)).bold = True

    paragraf(PEMBUKA)
    identitas(s.pertama)
    paragraf("selanjutnya disebut pihak pertama.")
    identitas(s.kedua)
    paragraf("selaku atasan pihak pertama, selanjutnya disebut pihak kedua.")
    paragraf(JANJI)
    paragraf(SUPERVISI)
    _tanda_tangan_docx(doc, pk)

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _judul_docx(doc, [f"Perjanjian Kinerja Tahun {pk.tahun}", pk.instansi])
    dokumen.tabel_docx(doc, KOLOM_SASARAN, pk.sasaran)
    total = ("", "Jumlah", formats.angka(pk.total_anggaran, 0))
    t = dokumen.tabel_docx(doc, KOLOM_PROGRAM, [*pk.program, total])
    for sel in t.rows[-1].cells:
        for run in sel.paragraphs[0].runs:
            run.bold = True
    dokumen.bawa_ke_berikut_docx(t, 2)
    _tanda_tangan_docx(doc, pk)

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _judul_docx(doc, [f"Rencana Aksi Perjanjian Kinerja Tahun {pk.tahun}", pk.instansi])
    dokumen.tabel_docx(doc, KOLOM_AKSI, pk.rencana_aksi)
    _tanda_tangan_docx(doc, pk, hanya_pertama=True)
    return dokumen.docx_bytes(doc)
