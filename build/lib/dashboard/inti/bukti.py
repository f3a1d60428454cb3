"""Evidence files (bukti dukung): stored under the data folder with type and size limits."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from dashboard.inti import config

MAX_BYTES = 5 * 1024 * 1024
# extension -> accepted leading bytes (checked, so a renamed file is refused)
JENIS = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "xlsx": (b"PK\x03\x04",),
    "docx": (b"PK\x03\x04",),
}
PREFIX = "berkas:"


def folder() -> Path:
    """Where evidence files live: MONEV_BUKTI_DIR (or secrets `[app] folder_bukti`; relative to
    the project root), else the data folder's `bukti/`. Every process serving one store must
    read the same folder (docs/operasi.md): the processes of one machine share its data
    folder; several machines mount one shared folder here."""
    raw = config.setting("MONEV_BUKTI_DIR", "app", "folder_bukti")
    if not raw:
        return config.DATA_DIR / "bukti"
    path = Path(raw)
    return path if path.is_absolute() else config.ROOT / path


def periksa_berkas(nama: str, isi: bytes) -> str:
    """Check an upload (type by extension and leading bytes, size) without writing anything;
    return its extension. A refused file never reaches the disk."""
    ext = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if ext not in JENIS:
        raise ValueError("Jenis berkas tidak diterima. Gunakan PDF, JPG, PNG, XLSX atau DOCX.")
    if len(isi) > MAX_BYTES:
        raise ValueError(f"Berkas terlalu besar; maksimal {MAX_BYTES // 1024 // 1024} MB.")
    if not isi or not any(isi.startswith(sig) for sig in JENIS[ext]):
        raise ValueError(f"Isi berkas tidak sesuai dengan jenis .{ext}.")
    return ext


def rujukan_baru(unit_id: int, tahun: int, triwulan: int, nama: str, isi: bytes) -> str:
    """The reference a checked upload will be stored under (nothing written yet): the service
    records it in the same transaction that writes the file, after its own checks."""
    ext = periksa_berkas(nama, isi)
    aman = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(nama).stem)[:60] or "bukti"
    rel = Path(str(unit_id)) / f"{tahun}-TW{triwulan}" / f"{aman}_{uuid.uuid4().hex[:8]}.{ext}"
    return PREFIX + rel.as_posix()


def _path_rujukan(ref: str) -> Path:
    if not ref.startswith(PREFIX):
        raise ValueError("Rujukan berkas tidak dikenal.")
    return folder() / ref[len(PREFIX) :]


def tulis_berkas(ref: str, isi: bytes) -> None:
    """Write the file of a reference from `rujukan_baru`."""
    path = _path_rujukan(ref)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(isi)


def hapus_berkas(ref: str) -> None:
    """Remove the file of a reference whose record was not written (a failed transaction):
    no file stays behind that no record points to."""
    _path_rujukan(ref).unlink(missing_ok=True)


def simpan_berkas(unit_id: int, tahun: int, triwulan: int, nama: str, isi: bytes) -> str:
    """Check and store an uploaded file at once; return the reference kept in the record (for
    a caller with no check of its own between the two)."""
    ref = rujukan_baru(unit_id, tahun, triwulan, nama, isi)
    tulis_berkas(ref, isi)
    return ref


def path_berkas(ref: str | None, unit_id: int | None = None) -> Path | None:
    """The stored file of a reference, if it is a file inside the evidence folder (and, with
    `unit_id`, inside that unit's own folder: a reference planted in another unit's record
    never reaches a file of someone else)."""
    if not ref or not ref.startswith(PREFIX):
        return None
    akar = folder().resolve()
    if unit_id is not None:
        akar = (akar / str(int(unit_id))).resolve()
    path = (folder() / ref[len(PREFIX) :]).resolve()
    return path if path.is_file() and akar in path.parents else None


LABEL_BERKAS = "berkas terunggah"


def label(ref: object) -> str:
    """What a table shows for an evidence reference: the typed link or note as is, an uploaded
    file as "berkas terunggah" (its storage path stays internal), nothing for no evidence."""
    if not isinstance(ref, str):
        return ""
    return LABEL_BERKAS if ref.startswith(PREFIX) else ref


def rujukan_berkas(teks: object) -> bool:
    """Does a typed text look like a stored-file reference (case and spaces ignored)?"""
    return isinstance(teks, str) and teks.strip().lower().startswith(PREFIX)


def bukti_ketik(baru: str | None, lama: str | None) -> str | None:
    """The evidence to store for a typed cell, given the stored one: the label shown for an
    uploaded file keeps that file; a file reference can only come from an upload, so typing
    one (another unit's file, say) is refused with a message."""
    if baru is not None and baru.strip() == LABEL_BERKAS and rujukan_berkas(lama):
        return lama
    if rujukan_berkas(baru) and baru != lama:
        raise ValueError(
            "Rujukan berkas tidak dapat diketik; unggah berkasnya lewat "
            "'Unggah berkas bukti dukung'."
        )
    return baru
