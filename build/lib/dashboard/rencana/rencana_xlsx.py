"""The plan workbook (issue 13): an agency's whole plan in one .xlsx, its empty template and its
reader. Sheet and column names are a public interface: agencies fill them by hand or export
them from their own systems, so they never change.

Pure: the reader returns typed rows and every problem by sheet, row and column; what the rows
mean against the store is `services/rencana_impor.py`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

import python_calamine
import xlsxwriter
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from dashboard.inti import formats, xlsx_aman
from dashboard.inti.batas import PANJANG_CATATAN, PANJANG_NAMA, periksa_angka
from dashboard.inti.validasi import _PESAN
from dashboard.rencana import rencana
from dashboard.rencana.rencana import CARA_AGREGASI, JENIS_UNIT, POLARITAS, RUMUS_NEGATIF, TINGKAT

PETUNJUK = "Petunjuk"
# Jenis as written in the workbook ("Sub Kegiatan") -> as stored ("sub kegiatan")
JENIS_INDIKATOR = {j if j.isupper() else j.title(): j for j in rencana.JENIS_INDIKATOR}


@dataclass(frozen=True)
class Masalah:
    """One problem: sheet, Excel row (0: the sheet or file as a whole), column, message."""

    lembar: str
    baris: int
    kolom: str
    pesan: str


# ---------------------------------------------------------------- cell types


def _kosong(v: Any) -> bool:
    """An empty cell (the reader gives ''); a NaN stored in a cell is a value, refused later."""
    return v is None or (isinstance(v, str) and v.strip() == "")


def _kode(v: Any) -> Any:
    """A code as text; a whole number Excel stored as a number reads back without '.0'."""
    if _kosong(v):
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _teks(v: Any) -> Any:
    return None if _kosong(v) else str(v).strip()


def _ringkas(v: Any, n: int = 40) -> str:
    """A cell quoted in a message, cut short (a cell may hold 32.767 characters)."""
    t = str(v)
    return t if len(t) <= n else t[: n - 1] + "…"


def _angka(v: Any) -> float | None:
    if _kosong(v):
        return None
    if isinstance(v, bool):
        raise ValueError("harus berupa angka")
    n = float(v) if isinstance(v, int | float) else _teks_angka(v)
    alasan = periksa_angka(n)
    if alasan:
        raise ValueError(alasan)
    return n


def _teks_angka(v: Any) -> float | None:
    """A number typed as Indonesian text; the bounds are checked by the caller, so a text that
    is a number but out of bounds gets the bounds message, not "bukan angka"."""
    try:
        return formats.parse_angka(v)
    except ValueError:
        try:
            return float(str(v).replace(".", "").replace(",", "."))
        except ValueError:
            raise ValueError(f"'{_ringkas(v)}' bukan angka (contoh: 1.234,5)") from None


def _bulat(v: Any) -> Any:
    if _kosong(v):
        return None
    n = _angka(v)
    if n is None or not float(n).is_integer():
        raise ValueError("harus berupa bilangan bulat")
    return int(n)


def _pilihan(opsi: tuple[str, ...], wajib: bool = False):
    """A choice read case-insensitively and stored in its canonical spelling."""
    kanonik = {o.lower(): o for o in opsi}

    def cek(v: Any) -> Any:
        if _kosong(v):
            if wajib:
                raise ValueError("wajib diisi")
            return None
        s = " ".join(str(v).split())
        if s.lower() not in kanonik:
            raise ValueError(f"pilih salah satu dari {', '.join(opsi)}")
        return kanonik[s.lower()]

    return BeforeValidator(cek)


def _wajib(fn):
    """A required cell: empty gets 'wajib diisi', never a type error."""

    def cek(v: Any) -> Any:
        if _kosong(v):
            raise ValueError("wajib diisi")
        return fn(v)

    return BeforeValidator(cek)


def _panjang(n: int, minimum: int = 1) -> Any:
    return StringConstraints(min_length=minimum, max_length=n)


Kode = Annotated[str, _panjang(40), _wajib(_kode)]
KodeOps = Annotated[Annotated[str, _panjang(40)] | None, BeforeValidator(_kode)]
Nama = Annotated[str, _panjang(PANJANG_NAMA), _wajib(_teks)]
TeksOps = Annotated[Annotated[str, _panjang(PANJANG_NAMA)] | None, BeforeValidator(_teks)]
Catatan = Annotated[Annotated[str, _panjang(PANJANG_CATATAN)] | None, BeforeValidator(_teks)]
Angka = Annotated[float | None, BeforeValidator(_angka)]
Tahun = Annotated[int, Field(ge=2000, le=2100), _wajib(_bulat)]


class _Baris(BaseModel):
    model_config = ConfigDict(validate_by_alias=True, validate_by_name=True, frozen=True)

    baris: int = 0  # Excel row


class BarisInstansi(_Baris):
    kode: Kode = Field(alias="Kode")
    nama: Nama = Field(alias="Nama")
    pemda: Nama = Field(alias="Pemda")
    alamat: TeksOps = Field(None, alias="Alamat")
    kota: TeksOps = Field(None, alias="Kota")
    kepala_nama: TeksOps = Field(None, alias="Nama Kepala")
    kepala_jabatan: TeksOps = Field(None, alias="Jabatan Kepala")
    kepala_nip: TeksOps = Field(None, alias="NIP Kepala")


class BarisUnit(_Baris):
    kode_instansi: Kode = Field(alias="Kode Instansi")
    kode: Annotated[str, _panjang(20), _wajib(_kode)] = Field(alias="Kode")
    nama: Nama = Field(alias="Nama")
    jenis: Annotated[str, _pilihan(JENIS_UNIT, True)] = Field(alias="Jenis")


class BarisRencana(_Baris):
    kode_instansi: Kode = Field(alias="Kode Instansi")
    tingkat: Annotated[str, _pilihan(TINGKAT, True)] = Field(alias="Tingkat")
    kode: Kode = Field(alias="Kode")
    nama: Nama = Field(alias="Nama")
    kode_induk: KodeOps = Field(None, alias="Kode Induk")


class BarisIndikator(_Baris):
    kode_instansi: Kode = Field(alias="Kode Instansi")
    kode: Annotated[str, _panjang(30), _wajib(_kode)] = Field(alias="Kode")
    nama: Nama = Field(alias="Nama")
    satuan: Annotated[str, _panjang(40), _wajib(_teks)] = Field(alias="Satuan")
    jenis: Annotated[str, _pilihan(tuple(JENIS_INDIKATOR), True)] = Field(alias="Jenis")
    kode_rencana: KodeOps = Field(None, alias="Kode Rencana")
    kode_unit: Kode = Field(alias="Kode Unit")
    polaritas: Annotated[str | None, _pilihan(POLARITAS)] = Field(None, alias="Polaritas")
    rumus_negatif: Annotated[str | None, _pilihan(RUMUS_NEGATIF)] = Field(
        None, alias="Rumus Negatif"
    )
    cara_agregasi: Annotated[str | None, _pilihan(CARA_AGREGASI)] = Field(
        None, alias="Cara Agregasi"
    )
    definisi: Catatan = Field(None, alias="Definisi")
    sumber_data: Catatan = Field(None, alias="Sumber Data")
    baseline: Angka = Field(None, alias="Baseline")


class BarisTarget(_Baris):
    kode_instansi: Kode = Field(alias="Kode Instansi")
    kode_indikator: Kode = Field(alias="Kode Indikator")
    tahun: Tahun = Field(alias="Tahun")
    tahunan: Angka = Field(None, alias="Tahunan")
    tahunan_atas: Angka = Field(None, alias="Tahunan Atas")
    tw1: Angka = Field(None, alias="TW I")
    tw2: Angka = Field(None, alias="TW II")
    tw3: Angka = Field(None, alias="TW III")
    tw4: Angka = Field(None, alias="TW IV")
    tw1_atas: Angka = Field(None, alias="TW I Atas")
    tw2_atas: Angka = Field(None, alias="TW II Atas")
    tw3_atas: Angka = Field(None, alias="TW III Atas")
    tw4_atas: Angka = Field(None, alias="TW IV Atas")
    renstra: Angka = Field(None, alias="Renstra")

    @property
    def triwulan(self) -> list[float | None]:
        return [self.tw1, self.tw2, self.tw3, self.tw4]

    @property
    def triwulan_atas(self) -> list[float | None]:
        return [self.tw1_atas, self.tw2_atas, self.tw3_atas, self.tw4_atas]


class BarisRealisasi(_Baris):
    kode_instansi: Kode = Field(alias="Kode Instansi")
    kode_indikator: Kode = Field(alias="Kode Indikator")
    tahun: Tahun = Field(alias="Tahun")
    triwulan: Annotated[int, Field(ge=1, le=4), _wajib(_bulat)] = Field(alias="Triwulan")
    nilai: Annotated[float, _wajib(_angka)] = Field(alias="Nilai")
    catatan: Catatan = Field(None, alias="Catatan")


class BarisAnggaran(_Baris):
    kode_instansi: Kode = Field(alias="Kode Instansi")
    kode_rencana: Kode = Field(alias="Kode Rencana")
    tahun: Tahun = Field(alias="Tahun")
    pagu: Angka = Field(None, alias="Pagu")
    r1: Angka = Field(None, alias="Realisasi TW I")
    r2: Angka = Field(None, alias="Realisasi TW II")
    r3: Angka = Field(None, alias="Realisasi TW III")
    r4: Angka = Field(None, alias="Realisasi TW IV")

    @property
    def realisasi(self) -> list[float | None]:
        return [self.r1, self.r2, self.r3, self.r4]


MODEL: dict[str, type[_Baris]] = {
    "Instansi": BarisInstansi,
    "Unit": BarisUnit,
    "Rencana": BarisRencana,
    "Indikator": BarisIndikator,
    "Target": BarisTarget,
    "Realisasi": BarisRealisasi,
    "Anggaran": BarisAnggaran,
}
# The public interface: sheet -> column names, in order (the models' aliases, written once).
LEMBAR: dict[str, tuple[str, ...]] = {
    nama: tuple(f.alias or k for k, f in model.model_fields.items() if k != "baris")
    for nama, model in MODEL.items()
}


# ---------------------------------------------------------------- template

_TEKS_PETUNJUK = [
    ("Petunjuk pengisian buku kerja rencana", "judul"),
    ("", None),
    (
        "Buku kerja ini memuat seluruh rencana instansi: instansi, unit kerja, pohon rencana "
        "(tujuan, sasaran, program, kegiatan, sub kegiatan), indikator, target, realisasi "
        "triwulan yang sudah disahkan, dan anggaran. Isi mulai baris 2 setiap lembar; baris 1 "
        "adalah nama kolom dan tidak boleh diubah. Lembar yang tidak diperlukan boleh "
        "dibiarkan kosong.",
        None,
    ),
    (
        "Impor berlaku seluruhnya atau tidak sama sekali: bila ada satu kesalahan, tidak ada "
        "yang disimpan dan setiap kesalahan ditunjukkan dengan lembar, baris dan kolomnya. "
        "Baris dicocokkan dengan kodenya, sehingga berkas yang sama boleh diimpor ulang: data "
        "yang sudah sama tidak diubah, nama atau nilai yang berubah diperbarui. Data yang tidak "
        "ada di berkas tidak dihapus.",
        None,
    ),
    (
        "Ketik kode sebagai teks (kolom kode sudah berformat teks), misalnya 1.01.01 atau "
        "1.01.01.2.01.0001. Angka boleh berupa angka Excel atau teks Indonesia (1.234,5). "
        "Rumus dan tautan ke berkas lain tidak diterima: salin lalu tempel sebagai nilai. "
        "Ukuran berkas paling besar 5 MB.",
        None,
    ),
    ("", None),
    ("Lembar dan kolom", "judul"),
    (
        "Instansi: Kode, Nama, Pemda (wajib); Alamat, Kota, Nama Kepala, Jabatan Kepala, "
        "NIP Kepala (boleh kosong).",
        None,
    ),
    ("Unit: Kode Instansi, Kode, Nama, Jenis (Sekretariat, Bidang, Bagian, UPT).", None),
    (
        "Rencana: Kode Instansi, Tingkat (Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan), "
        "Kode, Nama, Kode Induk. Kode Induk kosong untuk Tujuan; tingkat lain menunjuk kode "
        "tingkat tepat di atasnya (Sasaran di bawah Tujuan, Program di bawah Sasaran, dan "
        "seterusnya). Kode unik dalam satu instansi untuk semua tingkat.",
        None,
    ),
    (
        "Indikator: Kode Instansi, Kode, Nama, Satuan, Jenis (IKU, IKK, Program, Kegiatan, "
        "Sub Kegiatan), Kode Rencana (simpul rencana tempat indikator digantung), Kode Unit "
        "(unit penanggung jawab), Polaritas (positif, negatif; bawaan positif), Rumus Negatif "
        "(A, B; bawaan A), Cara Agregasi (SUM, LAST, AVG, MAX; bawaan SUM), Definisi, Sumber "
        "Data, Baseline. Indikator berjenis IKU ditandai masuk Perjanjian Kinerja.",
        None,
    ),
    (
        "Target: Kode Instansi, Kode Indikator, Tahun, Tahunan (target PK), Tahunan Atas, "
        "TW I-IV (Rencana Aksi), TW I-IV Atas, Renstra (target Renstra tahun itu). Kolom "
        "Atas diisi hanya untuk target rentang, dan harus diisi untuk semua target tahun itu "
        "atau tidak sama sekali. Target triwulan yang tidak sesuai target tahunan menurut "
        "cara agregasi (SUM dijumlah, LAST/MAX TW IV, AVG dirata-rata) adalah peringatan "
        "yang harus disetujui saat impor.",
        None,
    ),
    (
        "Realisasi: Kode Instansi, Kode Indikator, Tahun, Triwulan (1-4), Nilai, Catatan: "
        "riwayat realisasi yang dibawa instansi. Disimpan sebagai data yang sudah disahkan dan "
        "dicatat siapa yang mengimpor. Ditolak untuk periode yang sedang dibuka atau yang "
        "pengajuannya masih berjalan.",
        None,
    ),
    (
        "Anggaran: Kode Instansi, Kode Rencana (harus Sub Kegiatan), Tahun, Pagu, Realisasi "
        "TW I-IV (belanja masing-masing triwulan, dalam rupiah).",
        None,
    ),
]
_KODE = {"Kode", "Kode Instansi", "Kode Induk", "Kode Rencana", "Kode Unit", "Kode Indikator"}
_DAFTAR = {
    ("Unit", "Jenis"): JENIS_UNIT,
    ("Rencana", "Tingkat"): TINGKAT,
    ("Indikator", "Jenis"): tuple(JENIS_INDIKATOR),
    ("Indikator", "Polaritas"): POLARITAS,
    ("Indikator", "Rumus Negatif"): RUMUS_NEGATIF,
    ("Indikator", "Cara Agregasi"): CARA_AGREGASI,
    ("Realisasi", "Triwulan"): ("1", "2", "3", "4"),
}


def templat() -> bytes:
    """The empty workbook: the Petunjuk sheet, then one sheet per table with its header row,
    code columns formatted as text and the choices as drop-down lists."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    judul = wb.add_format({"bold": True, "font_size": 13})
    biasa = wb.add_format({"text_wrap": True, "valign": "top"})
    head = wb.add_format({"bold": True, "bg_color": "#dbe5f1", "border": 1, "text_wrap": True})
    teks = wb.add_format({"num_format": "@"})
    ws = wb.add_worksheet(PETUNJUK)
    ws.set_column(0, 0, 110)
    for r, (isi, gaya) in enumerate(_TEKS_PETUNJUK):
        ws.write_string(r, 0, isi, judul if gaya else biasa)
    for nama, kolom in LEMBAR.items():
        ws = wb.add_worksheet(nama)
        for c, k in enumerate(kolom):
            ws.write_string(0, c, k, head)
            lebar = 40 if k in ("Nama", "Definisi", "Sumber Data", "Catatan", "Alamat") else 16
            ws.set_column(c, c, lebar, teks if k in _KODE else None)
            opsi = _DAFTAR.get((nama, k))
            if opsi:
                ws.data_validation(
                    1,
                    c,
                    10_000,
                    c,
                    {"validate": "list", "source": list(opsi), "ignore_blank": True},
                )
        ws.freeze_panes(1, 0)
    wb.close()
    return buf.getvalue()


# ---------------------------------------------------------------- reader


def _pesan(e: Mapping[str, Any]) -> str:
    if e["type"] == "value_error":
        return str(e.get("ctx", {}).get("error", e["msg"])).rstrip(".")
    return _PESAN.get(e["type"], e["msg"])


def baca(data: bytes) -> tuple[dict[str, list[Any]], list[Masalah]]:
    """Typed rows per sheet and every problem. The safety checks (size, zip bomb, formulas,
    external links) run before pandas sees a byte."""
    rows: dict[str, list[Any]] = {n: [] for n in LEMBAR}
    aman = xlsx_aman.periksa(data)
    if not aman.aman:
        return rows, [Masalah("-", 0, "-", g) for g in aman.galat]
    masalah = [
        Masalah(
            lembar,
            b,
            LEMBAR[lembar][c] if c < len(LEMBAR[lembar]) else "-",
            "Rumus tidak diterima; isi nilainya.",
        )
        for lembar, sel in aman.rumus.items()
        if lembar in LEMBAR
        for b, c in sorted(sel)
    ]
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        # rows one at a time (iter_rows), so Python never holds a whole sheet's grid
        lembar = {n: wb.get_sheet_by_name(n) for n in wb.sheet_names if n in LEMBAR}
    except Exception:  # noqa: BLE001 - any unreadable file gets the same clear answer
        return rows, [Masalah("-", 0, "-", "Berkas bukan Excel (.xlsx) yang dapat dibaca.")]
    if not lembar:
        return rows, [
            Masalah(
                "-",
                0,
                "-",
                "Tidak ada lembar yang dikenal ("
                + ", ".join(LEMBAR)
                + "); pakai templat dari perintah templat-rencana atau halaman Impor rencana.",
            )
        ]
    for nama, kolom in LEMBAR.items():
        if nama not in lembar:
            continue
        isi = lembar[nama].iter_rows()
        kepala = next(isi, None)
        if kepala is None:
            continue
        posisi = {h: i for i, h in enumerate(_teks(v) for v in kepala) if h}
        kurang = [k for k in kolom if k not in posisi]
        if kurang:
            masalah.append(
                Masalah(nama, 1, ", ".join(kurang), "Kolom tidak ada; nama kolom harus persis.")
            )
            continue
        model = MODEL[nama]
        idx = [posisi[k] for k in kolom]
        sel_rumus = {b for b, _ in aman.rumus.get(nama, set())}
        for k, baris in enumerate(isi):
            nomor = k + 2
            val = [baris[i] if i < len(baris) else None for i in idx]
            if all(_kosong(v) for v in val) or nomor in sel_rumus:
                continue
            try:
                rows[nama].append(
                    model.model_validate({"baris": nomor, **dict(zip(kolom, val, strict=True))})
                )
            except ValidationError as exc:
                for e in exc.errors():
                    loc = e.get("loc") or ("-",)
                    masalah.append(Masalah(nama, nomor, str(loc[0]), _pesan(e) + "."))
    return rows, masalah
