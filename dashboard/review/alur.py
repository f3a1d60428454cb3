"""The review workflow of docs/DOMAIN.md §6.3 as pure rules: states, who moves them, returns.

draf -> diajukan (staf_bidang) -> diverifikasi (pengelola_monev) -> diparaf (sekretaris) ->
disahkan (kadis). Each reviewer may return it, with a reason, to the holder before them.
A correction (perbaikan) starts at diajukan and follows the same chain; returned, it ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The submission (pengajuan) states: the one home (docs/DOMAIN.md §6.3). Services and pages
# compare with these names; queries take them as bound parameters; the CHECK constraints of
# migration 002 are tested against them (tests/test_aturan_satu_rumah.py).
DRAF = "draf"
DIAJUKAN = "diajukan"
DIVERIFIKASI = "diverifikasi"
DIPARAF = "diparaf"
DISAHKAN = "disahkan"
DIKEMBALIKAN = "dikembalikan"  # a correction returned: it ends there (never a submission)

STATUS = (DRAF, DIAJUKAN, DIVERIFIKASI, DIPARAF, DISAHKAN)
# A correction (perbaikan) starts submitted and ends signed or returned.
STATUS_PERBAIKAN = (DIAJUKAN, DIVERIFIKASI, DIPARAF, DISAHKAN, DIKEMBALIKAN)
# Submitted: left the unit (a draft, a returned one or one never started has not).
SUDAH_DIAJUKAN = STATUS[1:]
# In review: waiting for a reviewer (the queues, the reminders, a correction still running).
DIPERIKSA = (DIAJUKAN, DIVERIFIKASI, DIPARAF)
LABEL_STATUS = {s: s.capitalize() for s in (*STATUS, DIKEMBALIKAN)}
LABEL_AKSI = {
    "ajukan": "Ajukan",
    "verifikasi": "Verifikasi",
    "paraf": "Paraf",
    "sahkan": "Sahkan",
    "kembalikan": "Kembalikan",
}


@dataclass(frozen=True)
class Langkah:
    dari: str
    aksi: str
    ke: str
    peran: str


ALUR = (
    Langkah(DRAF, "ajukan", DIAJUKAN, "staf_bidang"),
    Langkah(DIAJUKAN, "verifikasi", DIVERIFIKASI, "pengelola_monev"),
    Langkah(DIAJUKAN, "kembalikan", DRAF, "pengelola_monev"),
    Langkah(DIVERIFIKASI, "paraf", DIPARAF, "sekretaris"),
    Langkah(DIVERIFIKASI, "kembalikan", DIAJUKAN, "sekretaris"),
    Langkah(DIPARAF, "sahkan", DISAHKAN, "kadis"),
    Langkah(DIPARAF, "kembalikan", DIVERIFIKASI, "kadis"),
)
# Which status waits for which reviewer role.
ANTRIAN = {"pengelola_monev": DIAJUKAN, "sekretaris": DIVERIFIKASI, "kadis": DIPARAF}
PERAN_ANTRIAN = {s: peran for peran, s in ANTRIAN.items()}  # the reviewer a status waits for
PERAN_MENYETUJUI = {DIAJUKAN: "verifikasi", DIVERIFIKASI: "paraf", DIPARAF: "sahkan"}


class TransisiDitolak(ValueError):
    """A transition the rules do not allow; the message says why, in Indonesian."""


def langkah(dari: str, aksi: str) -> Langkah:
    for step in ALUR:
        if step.dari == dari and step.aksi == aksi:
            return step
    raise TransisiDitolak(
        f"Tindakan '{LABEL_AKSI.get(aksi, aksi)}' tidak dapat dilakukan pada status "
        f"{LABEL_STATUS.get(dari, dari)}."
    )


def transisi(
    dari: str,
    aksi: str,
    peran: frozenset[str] | set[str],
    catatan: str | None = None,
    pelaku: str | None = None,
    pengaju: str | None = None,
) -> Langkah:
    """Check one transition; return the step (with the role it is done under) or raise.

    A return needs a reason; whoever submitted may not verify the same submission.
    """
    step = langkah(dari, aksi)
    if step.peran not in peran:
        raise TransisiDitolak(
            f"Tindakan '{LABEL_AKSI[aksi]}' pada status {LABEL_STATUS[dari]} hanya untuk "
            f"peran {step.peran.replace('_', ' ')}."
        )
    if aksi == "kembalikan" and not (catatan or "").strip():
        raise TransisiDitolak("Alasan pengembalian wajib diisi.")
    if aksi == "verifikasi" and pelaku is not None and pelaku == pengaju:
        raise TransisiDitolak("Pengaju tidak boleh memverifikasi pengajuannya sendiri.")
    return step


# The step a transition out of a status belongs to (a return is an act in that reviewer's step).
LANGKAH_DARI: dict[str | None, str] = {None: "ajukan", DRAF: "ajukan"}
LANGKAH_DARI.update(PERAN_MENYETUJUI.items())


def cek_pemisahan(dari: str, pelaku: str, riwayat: Iterable[tuple[str, str | None]]) -> None:
    """Separation of duties: one person acts in at most one step of the same submission or
    correction (submit, verify, paraf, sign), whatever roles they hold. `riwayat` holds the
    (user, from-status) of every earlier transition of the object."""
    langkah_ini = LANGKAH_DARI.get(dari)
    sudah = {
        langkah for u, d in riwayat if u == pelaku and (langkah := LANGKAH_DARI.get(d)) is not None
    }
    lain = sorted(sudah - {langkah_ini}, key=list(LABEL_AKSI).index)
    if lain:
        nama = ", ".join(LABEL_AKSI[x] for x in lain)
        raise TransisiDitolak(
            f"Anda sudah bertindak pada langkah {nama} untuk data ini; satu orang hanya boleh "
            "menjalankan satu langkah (pemisahan tugas). Minta pejabat lain yang memprosesnya."
        )


def objek_periode_unit(periode_id: int, unit_id: int) -> str:
    """The event `objek_id` of a unit's entries for a period before a submission row exists
    (draft saves): the trail of a submission is its own events and these."""
    return f"{int(periode_id)}:{int(unit_id)}"


def terkunci(status: str) -> bool:
    """Values may be edited only while the submission is a draft."""
    return status != DRAF


def transisi_perbaikan(
    dari: str,
    aksi: str,
    peran: frozenset[str] | set[str],
    catatan: str | None = None,
    pelaku: str | None = None,
    pengaju: str | None = None,
) -> Langkah:
    """The correction chain: like a submission, but a return ends it as 'dikembalikan'."""
    step = transisi(dari, aksi, peran, catatan, pelaku, pengaju)
    if aksi == "kembalikan":
        return Langkah(dari, aksi, DIKEMBALIKAN, step.peran)
    return step


# What an event-log row records, as people say it (the review history on Beranda, Antrian and
# Ketepatan shows these instead of the stored codes).
LABEL_PERISTIWA = {
    "transisi": "Perubahan status",
    "realisasi_disimpan": "Data disimpan",
    "diimpor": "Impor Excel",
    "periode_dibuka": "Periode dibuka",
    "periode_ditutup": "Periode ditutup",
    "periode_dibuka_unit": "Periode dibuka kembali untuk unit",
    "langkah_sop": "Langkah SOP dicatat",
}


def label_peristiwa(jenis: str | None) -> str:
    """An event kind in words: the table above, else the code with spaces ("rapat_dibuat" ->
    "Rapat dibuat")."""
    if not jenis:
        return "–"
    return LABEL_PERISTIWA.get(jenis, jenis.replace("_", " ").capitalize())


def label_status(status: str | None) -> str:
    """A submission status in words ("diverifikasi" -> "Diverifikasi"); blank gives "–"."""
    if not status:
        return "–"
    return LABEL_STATUS.get(status, status.replace("_", " ").capitalize())
