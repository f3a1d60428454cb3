"""Penyusunan Laporan Kinerja (seed 002, Kalimantan Barat) as pure rules: the annual LKj of an
instansi moves disusun -> diperiksa -> diparaf -> ditandatangani -> dikirim, each act by the
role the SOP names, and a checker may return it to disusun with a reason (docs/DOMAIN.md §9.7).

SOP step -> act in the app -> role:
- 3 "Mengumpulkan data LKj ... untuk dikompilasi" (Fungsional): `susun` -> disusun,
  Pengelola Monev (again after a return: the draft is compiled anew);
- 4 "Memeriksa kelengkapan LKj" (the seed leaves its column unnamed; the Sekretaris receives
  it): `periksa` -> diperiksa, Sekretaris;
- 5 "Memeriksa Laporan LKj ... diparaf dan diserahkan kepada Kadis" (Sekretaris): `paraf` ->
  diparaf, Sekretaris;
- 6 "... ditandatangani" (Kadis): `tandatangani` -> ditandatangani, Kepala Dinas;
- 8 "Mengirimkan LKj yang telah ditandatangani" (Fungsional Monev): `kirim` -> dikirim,
  Pengelola Monev.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.review.alur import TransisiDitolak

STATUS = ("disusun", "diperiksa", "diparaf", "ditandatangani", "dikirim")
LABEL_STATUS = {
    None: "Belum disusun",
    "disusun": "Disusun",
    "diperiksa": "Diperiksa",
    "diparaf": "Diparaf",
    "ditandatangani": "Ditandatangani",
    "dikirim": "Dikirim",
}
LABEL_AKSI = {
    "susun": "Susun konsep LKj",
    "periksa": "Periksa kelengkapan",
    "paraf": "Paraf",
    "tandatangani": "Tandatangani",
    "kirim": "Kirim LKj",
    "kembalikan": "Kembalikan untuk diperbaiki",
}
NAMA_PERAN = {
    "pengelola_monev": "Pengelola Monev",
    "sekretaris": "Sekretaris",
    "kadis": "Kepala Dinas",
}


@dataclass(frozen=True)
class LangkahLkj:
    dari: str | None
    aksi: str
    ke: str
    peran: str


ALUR = (
    LangkahLkj(None, "susun", "disusun", "pengelola_monev"),
    LangkahLkj("disusun", "susun", "disusun", "pengelola_monev"),
    LangkahLkj("disusun", "periksa", "diperiksa", "sekretaris"),
    LangkahLkj("disusun", "kembalikan", "disusun", "sekretaris"),
    LangkahLkj("diperiksa", "paraf", "diparaf", "sekretaris"),
    LangkahLkj("diperiksa", "kembalikan", "disusun", "sekretaris"),
    LangkahLkj("diparaf", "tandatangani", "ditandatangani", "kadis"),
    LangkahLkj("diparaf", "kembalikan", "disusun", "kadis"),
    LangkahLkj("ditandatangani", "kirim", "dikirim", "pengelola_monev"),
)


class TransisiLkjDitolak(TransisiDitolak):
    """A move the LKj rules do not allow; the message says why, in Indonesian. A workflow
    refusal like a submission's (still a ValueError), so callers treat both alike."""


def aksi_tersedia(status: str | None, dikembalikan: bool, peran: frozenset[str]) -> list[str]:
    """The acts the caller's roles may do on an LKj in this state (buttons on the page)."""
    return [
        s.aksi
        for s in ALUR
        if s.dari == status and s.peran in peran and _boleh(s, dikembalikan) is None
    ]


def _boleh(step: LangkahLkj, dikembalikan: bool) -> str | None:
    """Why a step listed for this state cannot be done now, or None."""
    if step.aksi in ("periksa", "kembalikan") and step.dari == "disusun" and dikembalikan:
        return (
            "LKj ini dikembalikan untuk diperbaiki; Pengelola Monev perlu menyusun ulang "
            "konsepnya lebih dulu."
        )
    return None


def transisi(
    status: str | None,
    aksi: str,
    peran: frozenset[str] | set[str],
    dikembalikan: bool = False,
    alasan: str | None = None,
) -> LangkahLkj:
    """Check one act on the LKj; return its step or raise `TransisiLkjDitolak`.
    A return needs a reason; a returned draft is compiled again before it is checked."""
    step = next((s for s in ALUR if s.dari == status and s.aksi == aksi), None)
    if step is None:
        raise TransisiLkjDitolak(
            f"Tindakan '{LABEL_AKSI.get(aksi, aksi)}' tidak dapat dilakukan pada LKj berstatus "
            f"{LABEL_STATUS.get(status, status)}."
        )
    if step.peran not in peran:
        raise TransisiLkjDitolak(
            f"Tindakan '{LABEL_AKSI[aksi]}' pada LKj berstatus {LABEL_STATUS[status]} hanya "
            f"untuk peran {NAMA_PERAN[step.peran]}."
        )
    alasan_tidak = _boleh(step, dikembalikan)
    if alasan_tidak:
        raise TransisiLkjDitolak(alasan_tidak)
    if aksi == "kembalikan" and not (alasan or "").strip():
        raise TransisiLkjDitolak("Alasan pengembalian wajib diisi.")
    return step


def tujuan_bawaan(pemda: str) -> str:
    """Where the signed LKj goes (SOP step 7): a provincial agency sends it to the Gubernur
    through the Biro Organisasi and the Inspektorat Provinsi, a regency or city agency to its
    Bupati / Wali Kota through the Bagian Organisasi and the Inspektorat."""
    p = (pemda or "").lower()
    if "provinsi" in p:
        return "Gubernur, melalui Biro Organisasi dan Inspektorat Provinsi"
    if "kota" in p and "kabupaten" not in p:
        return "Wali Kota, melalui Bagian Organisasi dan Inspektorat Kota"
    return "Bupati, melalui Bagian Organisasi dan Inspektorat Kabupaten"
