"""The deployment a load run starts for itself, stopped in every path (passed, failed, Ctrl+C,
SIGTERM): one `streamlit run` over the DuckDB file (`make loadtest`), or with `--pg` a
throwaway PostgreSQL cluster (pg_lokal) holding a copy of that file (pindah-ke-postgres) and N
Streamlit processes behind nginx over it (layani, `make loadtest-multi`). `--pg --proses 1` is
one process over the same PostgreSQL, the baseline the several-process figures compare with.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from dashboard.inti import layani, pg_lokal, pindah, serve, store


@dataclass(frozen=True)
class Penerapan:
    """What the load runs against: its URL, the root pids to sample per group (children are
    sampled with them), and a description for the report."""

    url: str
    kelompok: dict[str, list[int]]
    bentuk: str
    pss: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class KlasterPg:
    url: str
    postmaster: int  # the cluster's root process: its children are the backends
    pindah_s: float  # the copy of the DuckDB store into it


def _postmaster(data: Path) -> int:
    return int((data / "postmaster.pid").read_text().split()[0])


@contextlib.contextmanager
def klaster_dengan_salinan(db: Path, folder: Path) -> Iterator[KlasterPg]:
    """A throwaway cluster in `folder` holding a copy of the DuckDB store `db` (every table's
    row count compared); stopped afterwards whatever happened, and waited for: pg_ctl returns
    when the postmaster removed its pid file, a moment before that process is gone."""
    postmaster = None
    try:
        with pg_lokal.klaster(folder) as url:
            postmaster = _postmaster(folder / "data")
            yield _salin(db, url, postmaster)
    finally:
        if postmaster is not None:
            _tunggu_hilang(postmaster)


def _tunggu_hilang(pid: int, batas: float = 15) -> None:
    with contextlib.suppress(psutil.NoSuchProcess, psutil.TimeoutExpired):
        psutil.Process(pid).wait(timeout=batas)


def _salin(db: Path, url: str, postmaster: int) -> KlasterPg:
    t0 = time.perf_counter()
    sumber, tujuan = store.connect(db, read_only=True), store.connect(url)
    try:
        beda = [h for h in pindah.salin(sumber, tujuan) if not h.sama]
    finally:
        tujuan.close()
        sumber.close()
    if beda:
        raise RuntimeError(f"salinan ke PostgreSQL tidak lengkap: {beda}")
    return KlasterPg(url, postmaster, time.perf_counter() - t0)


@contextlib.contextmanager
def satu_proses(db: Path | str, folder: Path) -> Iterator[Penerapan]:
    """`streamlit run` over `db`, as `make loadtest` has always measured it."""
    with serve.running(db, folder / "server.log") as (proc, url):
        yield Penerapan(url, {"server": [proc.pid]}, "1 proses Streamlit, DuckDB")


@contextlib.contextmanager
def di_belakang_nginx(pg: KlasterPg, proses: int, folder: Path) -> Iterator[Penerapan]:
    """`proses` Streamlit processes behind nginx (the launcher of `python -m dashboard
    layani`, without its restart loop: a process dying under load is an error to see) on a
    free loopback port, over the cluster `pg`; nginx and every process stopped afterwards."""
    layani.periksa(proses, pg.url)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "layani.log").open("a") as log:
        port = serve.free_port()
        lay = layani.Layanan(proses, port, pg.url, folder, alamat="127.0.0.1", keluaran=log)
        try:
            lay.mulai()
            assert lay.nginx is not None
            kelompok = {
                "streamlit": [p.proc.pid for p in lay.anak if p.proc is not None],
                "nginx": [lay.nginx.pid],
                "postgres": [pg.postmaster],
            }
            bentuk = f"{proses} proses Streamlit di belakang nginx, PostgreSQL"
            yield Penerapan(f"http://127.0.0.1:{port}", kelompok, bentuk, frozenset({"postgres"}))
        finally:
            lay.hentikan()
