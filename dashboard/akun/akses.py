"""Who is calling, and what they may read or change (docs/DOMAIN.md §2).

Services call these checks before they touch the store; pages hiding widgets is not enough.
"""

from __future__ import annotations

from dataclasses import dataclass

PERAN = ("admin", "kadis", "sekretaris", "pengelola_monev", "staf_bidang")
NAMA_PERAN = {
    "admin": "Administrator",
    "kadis": "Kepala Dinas",
    "sekretaris": "Sekretaris",
    "pengelola_monev": "Pengelola Monev",
    "staf_bidang": "Staf Bidang",
}
PERAN_SELURUH_INSTANSI = frozenset({"admin", "kadis", "sekretaris", "pengelola_monev"})


class AksesDitolak(PermissionError):
    """The caller may not do this; the message is safe to show to the user."""


@dataclass(frozen=True)
class Akses:
    """The caller of a service: identity, roles, and the instansi/unit they belong to.

    `instansi_id` None means every instansi (a Sekretariat Daerah view); `unit_id` is the unit
    of a staf_bidang.
    """

    username: str
    peran: frozenset[str]
    instansi_id: int | None = None
    unit_id: int | None = None
    nama: str = ""

    def punya(self, *peran: str) -> bool:
        return bool(self.peran.intersection(peran))

    @property
    def seluruh_instansi(self) -> bool:
        """True when a role grants the whole agency; a staf_bidang alone sees one unit."""
        return bool(self.peran & PERAN_SELURUH_INSTANSI)

    def wajib(self, *peran: str) -> None:
        if not self.punya(*peran):
            nama = " atau ".join(NAMA_PERAN.get(p, p) for p in peran)
            raise AksesDitolak(f"Tindakan ini hanya untuk peran {nama}.")

    def cek_instansi(self, instansi_id: int) -> None:
        if self.instansi_id is not None and instansi_id != self.instansi_id:
            raise AksesDitolak("Anda tidak berhak melihat data instansi ini.")

    def lingkup_unit(self, instansi_id: int, unit_id: int | None) -> int | None:
        """The unit a read is limited to (None = whole instansi) after checking the caller.

        A staf_bidang without an agency-wide role is always limited to its own unit, and asking
        for another unit is refused rather than silently narrowed.
        """
        self.cek_instansi(instansi_id)
        if self.seluruh_instansi:
            return unit_id
        if self.punya("staf_bidang") and self.unit_id is not None:
            if unit_id is not None and unit_id != self.unit_id:
                raise AksesDitolak("Anda hanya berhak mengakses data unit Anda sendiri.")
            return self.unit_id
        raise AksesDitolak("Akun Anda tidak memiliki peran untuk melihat data ini.")

    @property
    def jangkauan(self) -> tuple[int | None, int | None | bool]:
        """Everything `cek_instansi` and `lingkup_unit` look at, and nothing else: (instansi,
        None for the whole instansi, else the staf's own unit, else False: refused). Callers of
        the same reach (the Kadis, the Sekretaris and the Pengelola Monev of one Dinas) pass or
        fail those checks alike and read the same rows, so a read that checks nothing more is
        cached once for all of them (`web.cached_read(..., bersama=True)`)."""
        if self.seluruh_instansi:
            return (self.instansi_id, None)
        if self.punya("staf_bidang") and self.unit_id is not None:
            return (self.instansi_id, self.unit_id)
        return (self.instansi_id, False)


SISTEM = Akses(username="sistem", peran=frozenset({"admin"}), nama="Sistem")
