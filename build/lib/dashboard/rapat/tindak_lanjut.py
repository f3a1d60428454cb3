"""Follow-up (tindak lanjut) rules, pure (docs/DOMAIN.md §7.2): the one home of the states and
of what "open" means.

Nothing else spells a state. The services and pages compare with the names below; every query
that filters or sets a state takes it as a bound parameter (`status = ANY($n)` with
`terbuka_sql()`, `status = $n` with `SELESAI`); the table's CHECK constraint (migration 005) is
tested against `STATUS` on both backends, and tests/test_aturan_satu_rumah.py fails when a state
literal appears anywhere else in dashboard/, app_pages/ or queries/.
"""

from __future__ import annotations

import pandas as pd

BELUM = "Belum"
DALAM_PROSES = "Dalam Proses"
SELESAI = "Selesai"

# Every state, in the order the work goes.
STATUS = (BELUM, DALAM_PROSES, SELESAI)
# A new follow-up starts here.
STATUS_AWAL = BELUM
# Closed: set only by the Pengelola Monev when closing (services/tindak_lanjut.tutup).
STATUS_TUTUP = (SELESAI,)
# Open: every state that is not closed. Open follow-ups are reminded, proposed for the next
# meeting's agenda, counted per meeting and listed in the Renja form and on the dashboard.
STATUS_TERBUKA = tuple(s for s in STATUS if s not in STATUS_TUTUP)
# What the PIC Bidang may choose while reporting progress: the open states.
STATUS_BIDANG = STATUS_TERBUKA


def terbuka(status: pd.Series) -> pd.Series:
    """Per row: the follow-up is open (not closed)."""
    return status.isin(STATUS_TERBUKA)


def sudah_ditutup(status: str) -> bool:
    return status in STATUS_TUTUP


def terbuka_sql() -> list[str]:
    """The open states as a query's bound parameter (`status = ANY($n)`, both backends)."""
    return list(STATUS_TERBUKA)


def status_saat_minta_tutup(status: str) -> str:
    """Asking to close means work was done: a follow-up still at the first state moves on."""
    return DALAM_PROSES if status == BELUM else status
