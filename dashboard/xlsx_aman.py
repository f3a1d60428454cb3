"""Safety checks of an uploaded .xlsx before any reader (pandas, calamine, openpyxl) sees it.

An xlsx is a zip of XML parts, so a small upload can hide a huge workbook (a zip bomb), formulas
whose cached values would be taken as data, or links to other files. Every import runs
`periksa` first: the upload's size, the sum of the members' declared sizes, then every member
decompressed as a stream with a hard cap on the bytes actually produced (a member that lies about
its size is stopped at the cap or by its CRC), and the sheets parsed as XML, so a formula cell is
found whatever the order of its attributes, and the used rectangle of every sheet is bounded
(the readers build it whole in memory). Parts are read in 1 MB chunks; a sheet is parsed as XML
(streaming) only when a byte scan finds an element named `f` or a cell without a reference.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

MAX_BYTES = 5 * 1024 * 1024  # the upload itself
MAX_ISI = 50 * 1024 * 1024  # the workbook decompressed
MAX_ANGGOTA = 2_000  # parts in the zip
MAX_BARIS = 100_000  # used rows of all sheets together
MAX_KOLOM = 64  # used columns of any sheet
_POTONG = 1024 * 1024

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_C, _F, _ROW = f"{{{_NS_MAIN}}}c", f"{{{_NS_MAIN}}}f", f"{{{_NS_MAIN}}}row"
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


class TerlaluBesar(ValueError):
    """The workbook decompresses beyond the cap."""


@dataclass
class Pemeriksaan:
    """What `periksa` found: problems with the whole file, and formula cells per sheet name as
    (1-based row, 0-based column)."""

    galat: list[str] = field(default_factory=list)
    rumus: dict[str, set[tuple[int, int]]] = field(default_factory=dict)

    @property
    def aman(self) -> bool:
        return not self.galat


def _mb(n: int) -> str:
    return f"{n // 1024 // 1024} MB"


class _Pembaca(io.RawIOBase):
    """A zip member as a stream that counts the bytes it produces against a shared budget."""

    def __init__(self, sumber: io.BufferedIOBase, sisa: list[int]):
        self._sumber = sumber
        self._sisa = sisa

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # noqa: ANN001 - buffer protocol
        data = self._sumber.read(min(len(b), _POTONG))
        self._sisa[0] -= len(data)
        if self._sisa[0] < 0:
            raise TerlaluBesar
        b[: len(data)] = data
        return len(data)


def _kolom(huruf: str) -> int:
    n = 0
    for ch in huruf:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _pindai_xml(stream: io.RawIOBase) -> tuple[set[tuple[int, int]], int, int]:
    """Formula cells of one sheet part (1-based row, 0-based column), and its used height and
    width, by streaming XML parse: attribute order is irrelevant, and a cell without its
    optional `r` takes the next position in its row."""
    hasil: set[tuple[int, int]] = set()
    baris, kolom, tinggi, lebar = 0, -1, 0, 0
    konteks = etree.iterparse(
        io.BufferedReader(stream, _POTONG),
        events=("start", "end"),
        tag=(_ROW, _C),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for ev, el in konteks:
        if el.tag == _ROW:
            if ev == "start":
                r = el.get("r")
                baris = int(r) if r and r.isdigit() else baris + 1
                kolom = -1
            else:
                el.clear()
                # drop processed rows so memory stays flat on a big sheet
                while el.getprevious() is not None:
                    del el.getparent()[0]
            continue
        if ev == "start":
            continue
        m = _REF.match(el.get("r") or "")
        if m:
            kolom, b = _kolom(m.group(1)), int(m.group(2))
        else:
            kolom, b = kolom + 1, baris
        tinggi, lebar = max(tinggi, b), max(lebar, kolom + 1)
        if el.find(_F) is not None:
            hasil.add((b, kolom))
        el.clear()
    return hasil, tinggi, lebar


_NAMA = rb"<(?:[A-Za-z_][\w.-]*:)?"
_TAG_F = re.compile(_NAMA + rb"f[\s/>]")
_TAG_C = re.compile(_NAMA + rb"c(?=[\s/>])([^>]*)>")
_ATR_R = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Z]{1,3})(\d{1,7})["']""")


@dataclass
class _Pindai:
    ada_f: bool = False
    tanpa_r: bool = False  # a cell without its reference: positions need the XML parse
    tinggi: int = 0
    lebar: int = 0


def _pindai_byte(stream: io.RawIOBase) -> _Pindai:
    """Read a part to its end in chunks: is there an element named `f` (any prefix), and the
    used height and width from the cells' references. A fast byte scan: the XML parse runs only
    for a sheet that may hold a formula or has cells without a reference."""
    h, sisa = _Pindai(), b""
    while True:
        potong = stream.read(_POTONG)
        teks = sisa + potong
        if potong:  # carry what follows the last '>' so no tag is cut in two
            akhir = teks.rfind(b">") + 1
            teks, sisa = teks[:akhir], teks[akhir:]
        if not h.ada_f and _TAG_F.search(teks):
            h.ada_f = True
        for m in _TAG_C.finditer(teks):
            r = _ATR_R.search(m.group(1))
            if r is None:
                h.tanpa_r = True
                continue
            h.tinggi = max(h.tinggi, int(r.group(2)))
            h.lebar = max(h.lebar, _kolom(r.group(1).decode()) + 1)
        if not potong:
            return h


def _lembar(z: zipfile.ZipFile, sisa: list[int]) -> dict[str, str]:
    """Sheet name -> zip part, from the workbook and its relationships."""

    def xml(nama: str) -> etree._Element:
        with z.open(nama) as f:
            return etree.parse(
                io.BufferedReader(_Pembaca(f, sisa)),
                etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False),
            ).getroot()

    wb = xml("xl/workbook.xml")
    rels = xml("xl/_rels/workbook.xml.rels")
    target = {r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{{{_NS_PKG}}}Relationship")}
    hasil = {}
    for s in wb.iter(f"{{{_NS_MAIN}}}sheet"):
        t = target.get(s.get(f"{{{_NS_REL}}}id"), "")
        part = t.lstrip("/") if t.startswith("/") else posixpath.normpath(f"xl/{t}")
        hasil[s.get("name") or ""] = part
    return hasil


def periksa(
    data: bytes,
    maks_bytes: int = MAX_BYTES,
    maks_isi: int = MAX_ISI,
    maks_baris: int = MAX_BARIS,
    maks_kolom: int = MAX_KOLOM,
) -> Pemeriksaan:
    """Check an upload before parsing it; `galat` non-empty means: refuse it, read nothing."""
    h = Pemeriksaan()
    if len(data) > maks_bytes:
        h.galat.append(
            f"Berkas terlalu besar ({len(data) // 1024} KB); maksimal {_mb(maks_bytes)}."
        )
        return h
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        h.galat.append("Berkas bukan Excel (.xlsx) yang dapat dibaca.")
        return h
    with z:
        anggota = z.infolist()
        if len(anggota) > MAX_ANGGOTA:
            h.galat.append(f"Berkas berisi terlalu banyak bagian ({len(anggota)}).")
            return h
        if sum(i.file_size for i in anggota) > maks_isi:
            h.galat.append(
                f"Isi berkas setelah diekstrak melebihi {_mb(maks_isi)}; pecah menjadi beberapa "
                "berkas."
            )
            return h
        nama = {i.filename for i in anggota}
        if "xl/workbook.xml" not in nama or "xl/_rels/workbook.xml.rels" not in nama:
            h.galat.append("Berkas bukan Excel (.xlsx) yang dapat dibaca.")
            return h
        if any(n.startswith("xl/externalLinks/") for n in nama):
            h.galat.append(
                "Berkas memuat tautan ke berkas lain (external link); salin nilainya saja "
                "(Tempel Khusus > Nilai), lalu unggah lagi."
            )
        sisa = [maks_isi]
        try:
            lembar = _lembar(z, sisa)
            part_lembar = {p: n for n, p in lembar.items()}
            ukuran: dict[str, tuple[int, int]] = {}
            for info in anggota:
                # decompress every part: the cap and the CRC check apply to all of them
                with z.open(info) as f:
                    arus = _Pembaca(f, sisa)
                    if info.filename not in part_lembar:
                        while arus.read(_POTONG):
                            pass
                        continue
                    pindai = _pindai_byte(arus)
                nama_lembar = part_lembar[info.filename]
                if pindai.ada_f or pindai.tanpa_r:
                    # the rare case: parse again for the exact cells
                    with z.open(info) as f:
                        rumus, pindai.tinggi, pindai.lebar = _pindai_xml(_Pembaca(f, [maks_isi]))
                    if rumus:
                        h.rumus[nama_lembar] = rumus
                ukuran[nama_lembar] = (pindai.tinggi, pindai.lebar)
            # the readers build the whole used rectangle of a sheet in memory: a few cells far
            # apart (A1 and XFD1048576) make a tiny file that would take gigabytes
            lebar = [n for n, (_, w) in ukuran.items() if w > maks_kolom]
            if lebar:
                h.galat.append(
                    f"Lembar {', '.join(lebar)} terlalu lebar (lebih dari {maks_kolom} kolom)."
                )
            if sum(t for t, _ in ukuran.values()) > maks_baris:
                h.galat.append(f"Berkas memuat terlalu banyak baris (lebih dari {maks_baris}).")
            if h.galat:
                h.rumus.clear()
        except TerlaluBesar:
            h.galat.append(
                f"Isi berkas setelah diekstrak melebihi {_mb(maks_isi)}; pecah menjadi beberapa "
                "berkas."
            )
            h.rumus.clear()
        except (
            zipfile.BadZipFile,
            zlib.error,
            etree.XMLSyntaxError,
            KeyError,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
        ):
            h.galat.append("Berkas bukan Excel (.xlsx) yang dapat dibaca (isinya rusak).")
            h.rumus.clear()
    return h
