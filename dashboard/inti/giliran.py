"""Page runs take turns: at most `serentak()` full page runs of this process at once, the
others wait for a turn before they start.

Why: Streamlit runs every session's script in a thread of its own, and Python runs one
thread's code at a time. A page run gives the interpreter up for every message it sends to the
browser (one write to the event loop's socket each; some 70 for the Beranda, 190 for a save on
Isi realisasi) and then waits behind every other running page to have it back, and Streamlit's
config lock, taken for every message, turned those waits into convoys: with 20 to 40 runs at
once each took seconds. A run waiting for its turn holds neither the interpreter nor that
lock; DuckDB's work and the socket writes go on outside the interpreter meanwhile. Measured
at 100 sessions on 2 cores (docs/operasi.md, "Page runs take turns"): no limit, and 6 at once,
gave every action a p95 of 0,9-1,5 s; 3 at once 0,2-0,8 s; 2 at once 0,1-0,75 s; 1 at once
0,07-0,6 s. The default is 2, not 1: a long run (a report, a backup from its page) then
leaves the other turn to everyone else.

A fragment's rerun (a typed value on Isi realisasi, a tab of the Beranda) does not run the
page script and does not wait: it is short. A run that waited `TUNGGU_MAKS_DETIK` goes ahead
without a turn, so runs stuck on something slow (an unreachable mail server) never stop the
others for good."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from dashboard.inti import config

log = logging.getLogger(__name__)

TUNGGU_MAKS_DETIK = 30.0


@cache
def serentak() -> int:
    """How many page runs go at once (MONEV_RUN_SERENTAK / [app] run_serentak, default 2)."""
    return config.bilangan("MONEV_RUN_SERENTAK", "app", "run_serentak", 2)


@cache
def _giliran() -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(serentak())


@contextmanager
def giliran() -> Iterator[None]:
    """Wait for a turn, run, give the turn back (also when the run stops or reruns)."""
    slot = _giliran()
    dapat = slot.acquire(timeout=TUNGGU_MAKS_DETIK)
    if not dapat:
        log.warning(
            "Run halaman menunggu giliran lebih dari %.0f detik; dijalankan tanpa giliran.",
            TUNGGU_MAKS_DETIK,
        )
    try:
        yield
    finally:
        if dapat:
            slot.release()
