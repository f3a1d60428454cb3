"""Safety checks of an uploaded .xlsx before any reader (pandas, calamine, openpyxl) sees it.

An xlsx is a zip of XML parts, so a small upload can hide a huge workbook (a zip bomb), formulas
whose cached values would be taken as data, or links to other files. Every import runs
`periksa` first: the upload's size, the sum of the members' declared sizes, then every member
decompressed as a stream with a hard cap on the bytes actually produced (a member that lies about
its size is stopped at the cap or by its CRC), and the sheets parsed as XML, so a formula cell is
found whatever the order of its attributes. Parts are read in 1 MB chunks; a sheet is parsed as
XML (streaming) only when a byte scan finds an element named `f` in it.
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


def _sel_rumus(stream: io.RawIOBase) -> set[tuple[int, int]]:
    """Formula cells of one sheet part, by streaming XML parse (attribute order is irrelevant;
    a cell without its optional `r` takes the next position in its row)."""
    hasil: set[tuple[int, int]] = set()
    baris, kolom = 0, -1
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
        if el.find(_F) is not None:
            hasil.add((b, kolom))
        el.clear()
    return hasil


_TAG_F = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _ada_tag_f(stream: io.RawIOBase) -> bool:
    """Read a part to its end; True when it holds an element named `f` (any prefix). A fast
    byte scan, so the XML parse runs only for the sheets that may hold a formula."""
    ada, ekor = False, b""
    while True:
        potong = stream.read(_POTONG)
        if not potong:
            return ada
        if not ada and _TAG_F.search(ekor + potong):
            ada = True
        ekor = potong[-64:]


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


def periksa(data: bytes, maks_bytes: int = MAX_BYTES, maks_isi: int = MAX_ISI) -> Pemeriksaan:
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
            for info in anggota:
                # decompress every part: the cap and the CRC check apply to all of them
                with z.open(info) as f:
                    ada_f = _ada_tag_f(_Pembaca(f, sisa))
                if ada_f and info.filename in part_lembar:
                    # a formula somewhere: parse again for the cells (the rare, refused case)
                    with z.open(info) as f:
                        rumus = _sel_rumus(_Pembaca(f, [maks_isi]))
                    if rumus:
                        h.rumus[part_lembar[info.filename]] = rumus
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
