"""Safety checks of an uploaded .xlsx before any reader (pandas, calamine, openpyxl) sees it.

An xlsx is a zip of XML parts, so a small upload can hide a huge workbook. Every import runs
`periksa` first, which refuses:
- an upload over 5 MB, or whose parts declare more than 50 MB together;
- parts that decompress beyond 50 MB in fact (each part is decompressed as a stream against a
  hard cap; a part that lies about its size is stopped at the cap or by its CRC);
- a sheet whose used rectangle is too large: the readers build it whole in memory, so two cells
  far apart (A1 and XFD1048576) make a 5 KB file that takes gigabytes;
- cells that repeat long shared strings: each cell gets its own copy in the reader, so one
  32.767-character string referenced by 20.000 cells made a 55 KB file take 1,3 GB;
- external links; and it reports every formula cell, whatever the order of its attributes,
  since the fast readers return only cached values and a formula must never be taken as data.
Parts are read in 1 MB chunks and never held whole. A byte scan reads the cell references of a
sheet; the sheet is parsed as XML (streaming) only when that scan finds an element named `f`, a
cell without its reference or a shared-string cell it cannot read.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from array import array
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

MAX_BYTES = 5 * 1024 * 1024  # the upload itself
MAX_ISI = 50 * 1024 * 1024  # the workbook decompressed
MAX_ANGGOTA = 2_000  # parts in the zip
MAX_BARIS = 50_000  # used rows of all sheets together (5x the 10.000-row benchmark)
MAX_KOLOM = 64  # used columns of any sheet
MAX_SEL = 2_000_000  # cells of the used rectangles together (a reader holds ~32 bytes each)
MAX_TEKS = 20_000_000  # characters of shared strings the cells reference, all sheets together
_POTONG = 1024 * 1024

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_C, _F, _V, _ROW = (f"{{{_NS_MAIN}}}{t}" for t in ("c", "f", "v", "row"))
_SI, _T = f"{{{_NS_MAIN}}}si", f"{{{_NS_MAIN}}}t"
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_PARSER = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


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

    def __init__(self, sumber: IO[bytes], sisa: list[int]):
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


@dataclass
class _Lembar:
    """What a scan of one sheet found."""

    rumus: set[tuple[int, int]] = field(default_factory=set)
    tinggi: int = 0
    lebar: int = 0
    teks: int = 0  # characters of the shared strings its cells reference
    perlu_xml: bool = False  # the byte scan could not place every cell


def _panjang_teks(stream: io.RawIOBase) -> array:
    """The length of every shared string, by index (streaming parse of sharedStrings.xml)."""
    hasil = array("q")
    for _, si in etree.iterparse(io.BufferedReader(stream, _POTONG), tag=_SI, **_PARSER):
        hasil.append(sum(len(t.text or "") for t in si.iter(_T)))
        si.clear()
        while si.getprevious() is not None:
            del si.getparent()[0]
    return hasil


def _teks_sel(idx: int, panjang: array) -> int:
    return panjang[idx] if 0 <= idx < len(panjang) else 0


def _pindai_xml(stream: io.RawIOBase, panjang: array) -> _Lembar:
    """Scan a sheet by streaming XML parse: attribute order is irrelevant, and a cell without
    its optional `r` takes the next position in its row."""
    h = _Lembar()
    baris, kolom = 0, -1
    konteks = etree.iterparse(
        io.BufferedReader(stream, _POTONG), events=("start", "end"), tag=(_ROW, _C), **_PARSER
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
        h.tinggi, h.lebar = max(h.tinggi, b), max(h.lebar, kolom + 1)
        if el.find(_F) is not None:
            h.rumus.add((b, kolom))
        if el.get("t") == "s":
            v = el.find(_V)
            if v is not None and (v.text or "").strip().isdigit():
                h.teks += _teks_sel(int(v.text.strip()), panjang)
        el.clear()
    return h


_NAMA = rb"<(?:[A-Za-z_][\w.-]*:)?"
_TAG_F = re.compile(_NAMA + rb"f[\s/>]")
# a cell's start tag and, right after it, its value (where a shared-string index sits)
_SEL = re.compile(_NAMA + rb"c(?=[\s/>])([^>]*)>(?:\s*" + _NAMA + rb"v>\s*(\d{1,9})\s*<)?")
_AWAL_SEL = re.compile(_NAMA + rb"c[\s/>]")
_ATR_R = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Z]{1,3})(\d{1,7})["']""")
_ATR_TS = re.compile(rb"""(?:^|\s)t\s*=\s*["']s["']""")


def _pindai_byte(stream: io.RawIOBase, panjang: array) -> _Lembar:
    """Scan a sheet's bytes in chunks: formula elements, the cells' references and the shared
    strings they use. Anything it cannot read for sure sets `perlu_xml`."""
    h, sisa = _Lembar(), b""
    while True:
        potong = stream.read(_POTONG)
        teks = sisa + potong
        if potong:  # carry the last cell (or the text after the last tag) to the next chunk
            awal = [m.start() for m in _AWAL_SEL.finditer(teks, max(0, len(teks) - 65536))]
            potong_di = awal[-1] if awal else teks.rfind(b">") + 1
            teks, sisa = teks[:potong_di], teks[potong_di:]
        if not h.perlu_xml and _TAG_F.search(teks):
            h.perlu_xml = True
        for m in _SEL.finditer(teks):
            atr = m.group(1)
            r = _ATR_R.search(atr)
            if r is None:
                h.perlu_xml = True
                continue
            h.tinggi = max(h.tinggi, int(r.group(2)))
            h.lebar = max(h.lebar, _kolom(r.group(1).decode()) + 1)
            if _ATR_TS.search(atr):
                if m.group(2) is None:
                    h.perlu_xml = True
                else:
                    h.teks += _teks_sel(int(m.group(2)), panjang)
        if not potong:
            return h


def _bagian(z: zipfile.ZipFile, sisa: list[int]) -> tuple[dict[str, str], str | None]:
    """Sheet name -> zip part, and the shared strings part, from the workbook and its rels."""

    def xml(nama: str) -> etree._Element:
        with z.open(nama) as f:
            return etree.parse(
                io.BufferedReader(_Pembaca(f, sisa)), etree.XMLParser(**_PARSER)
            ).getroot()

    def part(t: str) -> str:
        return t.lstrip("/") if t.startswith("/") else posixpath.normpath(f"xl/{t}")

    wb = xml("xl/workbook.xml")
    rels = list(xml("xl/_rels/workbook.xml.rels").iter(f"{{{_NS_PKG}}}Relationship"))
    target = {r.get("Id"): r.get("Target") or "" for r in rels}
    lembar = {
        s.get("name") or "": part(target.get(s.get(f"{{{_NS_REL}}}id"), ""))
        for s in wb.iter(f"{{{_NS_MAIN}}}sheet")
    }
    teks = next(
        (
            part(r.get("Target") or "")
            for r in rels
            if (r.get("Type") or "").endswith("/sharedStrings")
        ),
        None,
    )
    return lembar, teks


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
    terlalu_besar = (
        f"Isi berkas setelah diekstrak melebihi {_mb(maks_isi)}; pecah menjadi beberapa berkas."
    )
    with z:
        anggota = z.infolist()
        if len(anggota) > MAX_ANGGOTA:
            h.galat.append(f"Berkas berisi terlalu banyak bagian ({len(anggota)}).")
            return h
        if sum(i.file_size for i in anggota) > maks_isi:
            h.galat.append(terlalu_besar)
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
            lembar, bagian_teks = _bagian(z, sisa)
            panjang = array("q")
            if bagian_teks in nama:
                with z.open(bagian_teks) as f:
                    panjang = _panjang_teks(_Pembaca(f, sisa))
            part_lembar = {p: n for n, p in lembar.items()}
            hasil: dict[str, _Lembar] = {}
            for info in anggota:
                if info.filename == bagian_teks:
                    continue
                # decompress every part: the cap and the CRC check apply to all of them
                with z.open(info) as f:
                    arus = _Pembaca(f, sisa)
                    if info.filename not in part_lembar:
                        while arus.read(_POTONG):
                            pass
                        continue
                    scan = _pindai_byte(arus, panjang)
                if scan.perlu_xml:  # the rare case: parse again for the exact cells
                    with z.open(info) as f:
                        scan = _pindai_xml(_Pembaca(f, [maks_isi]), panjang)
                hasil[part_lembar[info.filename]] = scan
        except TerlaluBesar:
            h.galat.append(terlalu_besar)
            return h
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
            return h
    lebar = [n for n, s in hasil.items() if s.lebar > maks_kolom]
    if lebar:
        h.galat.append(f"Lembar {', '.join(lebar)} terlalu lebar (lebih dari {maks_kolom} kolom).")
    if sum(s.tinggi for s in hasil.values()) > maks_baris:
        h.galat.append(f"Berkas memuat terlalu banyak baris (lebih dari {maks_baris}).")
    elif sum(s.tinggi * s.lebar for s in hasil.values()) > MAX_SEL:
        h.galat.append(
            "Lembar-lembar berkas terlalu besar untuk dibaca (lebih dari 2 juta sel bila "
            "dihitung dari sel pertama sampai sel terakhir yang terisi); hapus isi sel yang "
            "jauh di luar tabel."
        )
    if sum(s.teks for s in hasil.values()) > MAX_TEKS:
        h.galat.append(
            "Berkas memuat terlalu banyak teks berulang (lebih dari 20 juta karakter bila "
            "setiap sel dibaca)."
        )
    if not h.galat:
        h.rumus = {n: s.rumus for n, s in hasil.items() if s.rumus}
    return h
