"""What the review queue shows, as pure functions: the bulk button's words for the caller's
step, the table's identity, and how a piece of evidence is shown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from dashboard import alur, bukti

# the ordering of the steps, for a caller holding several reviewer roles
_URUTAN = list(alur.PERAN_MENYETUJUI)


def label_massal(status: Iterable[str]) -> str:
    """The bulk button names the step it takes: "Paraf 2 pengajuan" for the Sekretaris, "Sahkan
    2 pengajuan" for the Kepala Dinas; a mix (a caller holding several roles) counts each step."""
    per_status = Counter(status)
    jumlah = sum(per_status.values())
    if len(per_status) == 1:
        (s,) = per_status
        return f"{alur.LABEL_AKSI[alur.PERAN_MENYETUJUI[s]]} {jumlah} pengajuan"
    rincian = ", ".join(
        f"{alur.LABEL_AKSI[alur.PERAN_MENYETUJUI[s]].lower()} {per_status[s]}"
        for s in sorted(per_status, key=_URUTAN.index)
    )
    return f"Proses {jumlah} pengajuan ({rincian})"


def kunci_tabel(ids: Iterable[int]) -> str:
    """The queue table's widget key, made of the rows it shows: once an approval changes the
    queue, the old selection (row positions into the old table) is dropped, never applied to
    other rows or past the end."""
    return "tabel_antrian_" + "_".join(str(int(i)) for i in ids)


JENIS_GAMBAR = frozenset({"png", "jpg", "jpeg"})


def jenis_bukti(label: object, jenis: object) -> str:
    """A short word for the evidence column: the file type of an upload, a link, a typed note,
    or a dash for none (the full text and the file itself stand in the detail panel)."""
    if label == bukti.LABEL_BERKAS and isinstance(jenis, str):
        return "Gambar" if jenis in JENIS_GAMBAR else jenis.upper()
    if not isinstance(label, str) or not label.strip():
        return "–"
    teks = label.strip().lower()
    return "Tautan" if teks.startswith(("http://", "https://", "www.")) else "Teks"


def cara_pratinjau(jenis: str) -> str:
    """How the app opens an uploaded file: a PDF in the viewer, an image as an image, any other
    type (XLSX, DOCX) as a download."""
    if jenis == "pdf":
        return "pdf"
    return "gambar" if jenis in JENIS_GAMBAR else "unduh"


def pesan_massal(status: Iterable[str]) -> str:
    """The message after a bulk approval: "2 pengajuan diparaf." (or "diproses" for a mix)."""
    per_status = Counter(status)
    jumlah = sum(per_status.values())
    if len(per_status) == 1:
        (s,) = per_status
        ke = alur.langkah(s, alur.PERAN_MENYETUJUI[s]).ke
        return f"{jumlah} pengajuan {alur.LABEL_STATUS[ke].lower()}."
    return f"{jumlah} pengajuan diproses."
