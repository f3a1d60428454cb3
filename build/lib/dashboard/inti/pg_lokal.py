"""A throwaway PostgreSQL 15 cluster from Debian's packages, on a loopback port.

For the test suites, the load test and a local several-process run: `initdb` into a folder,
`pg_ctl start` on a free port, one database, trust authentication on 127.0.0.1 only. A real
deployment points `MONEV_DB` at its own server instead. PostgreSQL refuses to run as root, so
as root the cluster runs as the `postgres` user that Debian's package creates.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dashboard.inti.serve import free_port


def bin_dir() -> Path | None:
    """Debian installs the server programs outside PATH, under /usr/lib/postgresql/<versi>/bin."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def tersedia() -> bool:
    return bin_dir() is not None


def _sebagai_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _jalankan(args: list[str], folder: Path) -> None:
    hasil = subprocess.run(
        [*_sebagai_postgres(), *args], cwd=folder, capture_output=True, text=True, check=False
    )
    if hasil.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} gagal: {hasil.stdout}{hasil.stderr}")


def _boleh_dilewati(folder: Path) -> None:
    """The `postgres` user must pass through the folders above the cluster (temp folders are
    private to root): add search permission only (o+x), never read."""
    for atas in folder.resolve().parents:
        mode = atas.stat().st_mode
        if not mode & stat.S_IXOTH:
            atas.chmod(mode | stat.S_IXOTH)


def mulai(folder: Path, port: int | None = None, dbname: str = "monev") -> tuple[str, Path]:
    """Create (if new) and start a cluster in `folder`; return (URL, data folder)."""
    programs = bin_dir()
    if programs is None:
        raise RuntimeError("PostgreSQL tidak terpasang: apt-get install postgresql")
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    port = port or free_port()
    if os.geteuid() == 0:
        _boleh_dilewati(folder)
        shutil.chown(folder, "postgres", "postgres")
    if not (data / "PG_VERSION").exists():
        _jalankan(
            [
                str(programs / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            folder,
        )
    opsi = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c max_connections=300 -c shared_buffers=256MB -c jit=off"
    )
    _jalankan(
        [
            str(programs / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            opsi,
            "-l",
            str(folder / "pg.log"),
            "-w",
            "-t",
            "60",
            "start",
        ],
        folder,
    )
    if not _ada_db(programs, port, dbname, folder):
        psql = [str(programs / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
        _jalankan([*psql, "-q", "-c", f"CREATE DATABASE {dbname}"], folder)
    return f"postgresql://postgres@127.0.0.1:{port}/{dbname}", data


def _ada_db(programs: Path, port: int, dbname: str, folder: Path) -> bool:
    hasil = subprocess.run(
        [
            *_sebagai_postgres(),
            str(programs / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{dbname}'",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    return hasil.stdout.strip() == "1"


def berhenti(data: Path) -> None:
    """Stop the cluster at once (fast shutdown); if pg_ctl cannot, signal the postmaster whose
    pid the cluster recorded, so nothing is left running either way."""
    programs = bin_dir()
    pid_file = data / "postmaster.pid"
    if not pid_file.exists():
        return
    try:
        if programs is None:
            raise RuntimeError("pg_ctl tidak ada")
        _jalankan([str(programs / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], data)
    except RuntimeError:
        with contextlib.suppress(OSError, ValueError, IndexError):
            os.kill(int(pid_file.read_text().split()[0]), signal.SIGQUIT)


@contextlib.contextmanager
def klaster(folder: Path | None = None, dbname: str = "monev") -> Iterator[str]:
    """A started cluster for the duration of the block, stopped afterwards (passed or failed).
    Without a folder it lives in its own folder under the system temp folder, removed
    afterwards: not under pytest's temp root, which every pytest run resets to mode 700 (the
    `postgres` user could then not reach a running cluster's files, nor stop it)."""
    sendiri = folder is None
    folder = folder or Path(tempfile.mkdtemp(prefix="monev-pg-"))
    try:
        url, data = mulai(folder, dbname=dbname)
        try:
            yield url
        finally:
            berhenti(data)
    finally:
        if sendiri:
            shutil.rmtree(folder, ignore_errors=True)
