"""Backup and restore that are safe while the app runs (docs/DOMAIN.md §12.4).

A backup is one folder (or one .tar.gz of it) holding the database, the evidence files and a
manifest (format version, the agency's time, schema version, row counts per table, every file
with its sha256):

    manifest.json
    basisdata/   DuckDB EXPORT DATABASE (schema.sql, load.sql, Parquet), or monev.dump (pg_dump -Fc)
    bukti/       the evidence files, as under the data folder's bukti/

Embedded mode exports through the caller's own connection inside one transaction, so the
running server makes a consistent snapshot while users keep working; the evidence files are
copied after the snapshot (a file is written before the save that refers to it, and never
changed), so every file the snapshot refers to is in the backup.

A restore never touches a store some process holds: it builds and checks a new file next to
the live one, holds the live file's lock while it swaps the new one in with os.replace, and
keeps the previous file as `<name>.sebelum-pulih-<time>`. Killed at any step, the path holds
either the old store or the new, verified one, never a file with a stranger's WAL.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from dashboard.inti import bukti, config, store

VERSI_FORMAT = 1
MANIFEST = "manifest.json"
DB_DIR = "basisdata"
BUKTI_DIR = "bukti"
PG_DUMP = "monev.dump"
AKHIRAN_ARSIP = ".tar.gz"
_WAKTU_BERKAS = "%Y%m%d-%H%M%S"


class CadanganError(store.StoreError):
    """A backup or restore problem with a message the operator can act on (Indonesian)."""


def _langkah(nama: str) -> None:
    """Called between the steps of a restore. Nothing in the product; the crash tests replace it
    in a child process to kill the restore at each step."""


def folder_arsip() -> Path:
    """Where the admin page keeps its archives: the data folder's `cadangan/`."""
    return config.DATA_DIR / "cadangan"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _daftar_berkas(akar: Path) -> list[dict[str, Any]]:
    """Every file under `akar` except the manifest: relative path, size and sha256."""
    return [
        {"path": p.relative_to(akar).as_posix(), "ukuran": p.stat().st_size, "sha256": _sha256(p)}
        for p in sorted(akar.rglob("*"))
        if p.is_file() and p.relative_to(akar).as_posix() != MANIFEST
    ]


def _salin_bukti(asal: Path, tujuan: Path) -> int:
    """Copy the evidence tree (regular files only; links are not followed)."""
    n = 0
    if not asal.is_dir():
        return n
    for p in sorted(asal.rglob("*")):
        if p.is_file() and not p.is_symlink():
            sasaran = tujuan / p.relative_to(asal)
            sasaran.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, sasaran)
            n += 1
    return n


def _siapkan_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CadanganError(f"Folder cadangan {folder} tidak dapat dibuat: {exc}") from exc
    if any(folder.iterdir()):
        raise CadanganError(f"Folder cadangan {folder} tidak kosong; pilih folder baru.")


def _tulis_manifest(folder: Path, isi: dict[str, Any]) -> dict[str, Any]:
    manifest = {
        "format": "monev-cadangan",
        "versi_format": VERSI_FORMAT,
        "dibuat_pada": config.sekarang().isoformat(timespec="seconds"),
        "zona_waktu": config.zona_waktu().key,
        **isi,
        "berkas": _daftar_berkas(folder),
    }
    (folder / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return manifest


# ------------------------------------------------------------------ embedded (DuckDB) backup


def _quote_path(folder: Path) -> str:
    """EXPORT/IMPORT take no bound parameters; the path is the operator's or our own folder."""
    return str(folder.resolve()).replace("'", "''")


def _tabel_dasar(cur: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in cur.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
        ).fetchall()
    ]


def jumlah_baris(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table (what the manifest records and a restore must find again)."""
    return {
        t: int(store.satu(cur.execute(f'SELECT count(*) FROM "{t}"').fetchone())[0])
        for t in _tabel_dasar(cur)
    }


def _versi_skema(cur: duckdb.DuckDBPyConnection) -> int:
    if "schema_migrations" not in _tabel_dasar(cur):
        return 0
    row = store.satu(
        cur.execute("SELECT coalesce(max(versi), 0) FROM schema_migrations").fetchone()
    )
    return int(row[0])


def ekspor_duckdb(cur: duckdb.DuckDBPyConnection, folder: Path) -> tuple[dict[str, int], int]:
    """EXPORT DATABASE inside one transaction: the row counts and the export are the same
    snapshot, whatever other cursors of the process commit meanwhile. Returns (counts, schema
    version)."""
    cur.execute("BEGIN TRANSACTION")
    try:
        jumlah = jumlah_baris(cur)
        versi = _versi_skema(cur)
        cur.execute(f"EXPORT DATABASE '{_quote_path(folder)}' (FORMAT parquet)")
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")
    return jumlah, versi


def cadangkan(
    cur: duckdb.DuckDBPyConnection,
    tujuan: Path,
    *,
    folder_bukti: Path | None = None,
    oleh: str | None = None,
) -> dict[str, Any]:
    """Back up the store of `cur` and the evidence files into `tujuan`: a new or empty folder,
    or an archive when the name ends in .tar.gz. Returns the manifest."""
    asal_bukti = folder_bukti or bukti.folder()

    def isi(folder: Path) -> dict[str, Any]:
        jumlah, versi = ekspor_duckdb(cur, folder / DB_DIR)
        _salin_bukti(asal_bukti, folder / BUKTI_DIR)
        info = {"mesin": "duckdb", "versi_skema": versi, "jumlah_baris": jumlah, "oleh": oleh}
        return _tulis_manifest(folder, info)

    return _jadikan(tujuan, isi)


PESAN_SERVER_BERJALAN = (
    "Basis data {db} sedang dipakai proses lain (server yang berjalan), jadi perintah ini tidak "
    "dapat membacanya. Saat server berjalan, buat cadangan dari halaman Cadangan data (menu "
    "Administrasi, akun administrator untuk semua instansi) lalu unduh arsipnya; atau hentikan "
    "server, lalu ulangi perintah ini."
)


def cadangkan_berkas(
    db: Path, tujuan: Path, *, folder_bukti: Path | None = None, oleh: str | None = None
) -> dict[str, Any]:
    """The CLI's backup of a DuckDB file no process holds (opened read-only). While a server
    holds it, refuses: the server's own admin page makes the backup through its connection."""
    if not db.exists():
        raise CadanganError(f"Basis data {db} tidak ada; periksa --db atau MONEV_DB.")
    if pakai_proses_lain(db):
        raise CadanganError(PESAN_SERVER_BERJALAN.format(db=db))
    con = store.connect(db, read_only=True)
    try:
        return cadangkan(con.cursor(), tujuan, folder_bukti=folder_bukti, oleh=oleh)
    finally:
        con.close()


def _jadikan(tujuan: Path, isi) -> dict[str, Any]:
    """Fill a folder with `isi(folder)`, or pack it into an archive that appears whole (written
    under a temporary name, then renamed) when `tujuan` ends in .tar.gz. A full or read-only
    disk gives a message, never a half archive."""
    try:
        return _jadikan_di(tujuan, isi)
    except (OSError, duckdb.Error) as exc:
        raise CadanganError(
            f"Cadangan tidak dapat ditulis ke {tujuan}: {exc}. Periksa ruang disk dan izin "
            "folder, lalu ulangi."
        ) from exc


def _jadikan_di(tujuan: Path, isi) -> dict[str, Any]:
    if not tujuan.name.endswith(AKHIRAN_ARSIP):
        _siapkan_folder(tujuan)
        return isi(tujuan)
    if tujuan.exists():
        raise CadanganError(f"Berkas {tujuan} sudah ada; pilih nama lain.")
    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CadanganError(f"Folder {tujuan.parent} tidak dapat dibuat: {exc}") from exc
    with tempfile.TemporaryDirectory(prefix=".cadangan-", dir=tujuan.parent) as kerja:
        folder = Path(kerja) / "isi"
        folder.mkdir()
        manifest = isi(folder)
        sementara = Path(kerja) / tujuan.name
        with tarfile.open(sementara, "w:gz", compresslevel=1) as tar:
            tar.add(folder / MANIFEST, arcname=MANIFEST)  # first: cheap to read alone
            for b in manifest["berkas"]:
                tar.add(folder / b["path"], arcname=b["path"])
        os.replace(sementara, tujuan)
    return manifest


def baca_manifest_arsip(arsip: Path) -> dict[str, Any]:
    """The manifest of an archive (its first member), without unpacking the rest."""
    try:
        with tarfile.open(arsip, "r:gz") as tar:
            anggota = tar.extractfile(MANIFEST)
            if anggota is None:
                raise KeyError(MANIFEST)
            return json.loads(anggota.read().decode("utf-8"))
    except (OSError, KeyError, tarfile.TarError, ValueError) as exc:
        raise CadanganError(f"{arsip} bukan arsip cadangan yang dapat dibaca: {exc}") from exc


# ---------------------------------------------------------------- reading a backup back


@contextlib.contextmanager
def buka_sumber(sumber: Path, kerja: Path) -> Iterator[Path]:
    """The backup folder of `sumber` (a folder, or an archive unpacked under `kerja`)."""
    if sumber.is_dir():
        yield sumber
        return
    if not sumber.is_file():
        raise CadanganError(f"Cadangan {sumber} tidak ada.")
    with tempfile.TemporaryDirectory(prefix=".pulih-", dir=kerja) as sementara:
        try:
            with tarfile.open(sumber, "r:gz") as tar:
                tar.extractall(sementara, filter="data")  # no paths outside, no devices
        except (OSError, tarfile.TarError) as exc:
            raise CadanganError(f"{sumber} bukan arsip cadangan yang dapat dibaca: {exc}") from exc
        yield Path(sementara)


def periksa(folder: Path) -> dict[str, Any]:
    """The manifest of a backup folder, after checking every file against it (present, same
    size and sha256, none extra). A folder of the older `backup` command (an EXPORT DATABASE
    without manifest) gives a manifest without row counts."""
    path = folder / MANIFEST
    if not path.is_file():
        if (folder / "schema.sql").is_file():  # before manifests: the database only
            return {"mesin": "duckdb", "lama": True, "jumlah_baris": None, "berkas": []}
        raise CadanganError(
            f"{folder} bukan cadangan (manifest.json tidak ada). Pilih folder atau arsip .tar.gz "
            "hasil perintah backup atau halaman Cadangan data."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CadanganError(f"manifest.json di {folder} tidak terbaca: {exc}") from exc
    if manifest.get("format") != "monev-cadangan" or manifest.get("versi_format") != VERSI_FORMAT:
        raise CadanganError(
            f"Format cadangan {manifest.get('format')} versi {manifest.get('versi_format')} "
            f"tidak dikenal (yang dikenal: monev-cadangan versi {VERSI_FORMAT})."
        )
    ada = {b["path"]: b for b in _daftar_berkas(folder)}
    harap = {b["path"]: b for b in manifest["berkas"]}
    hilang = sorted(set(harap) - set(ada))
    lebih = sorted(set(ada) - set(harap))
    beda = sorted(p for p in set(ada) & set(harap) if ada[p]["sha256"] != harap[p]["sha256"])
    if hilang or lebih or beda:
        rincian = "; ".join(
            f"{judul}: {', '.join(daftar[:5])}{' ...' if len(daftar) > 5 else ''}"
            for judul, daftar in (("hilang", hilang), ("tidak tercatat", lebih), ("rusak", beda))
            if daftar
        )
        raise CadanganError(f"Cadangan {folder} tidak utuh ({rincian}); tidak ada yang dipulihkan.")
    return manifest


# -------------------------------------------------------------- embedded (DuckDB) restore


def _nama_baru(path: Path, akhiran: str = "") -> Path:
    """`path` + `akhiran`, or with -2, -3 ... before the ending when that name (or its WAL) is
    taken: two restores within one second."""
    n, calon = 1, path.with_name(path.name + akhiran)
    while calon.exists() or _wal(calon).exists():
        n += 1
        calon = path.with_name(f"{path.name}-{n}{akhiran}")
    return calon


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _tahan(path: Path) -> duckdb.DuckDBPyConnection | None:
    """Open the live file and fold its WAL into it: the open connection holds DuckDB's file lock,
    so no server can start on it until the swap is done. Refuses while another process holds it.
    None when the file cannot be opened at all (a broken store, which nobody can hold either)."""
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise CadanganError(
                f"Basis data {path} sedang dipakai proses lain (server Streamlit atau perintah "
                "lain). Pemulihan hanya berjalan saat tidak ada proses yang memakainya: hentikan "
                "semua server dan perintah, lalu ulangi. Tidak ada yang diubah."
            ) from exc
        return None
    except duckdb.Error:
        return None
    try:
        con.execute("CHECKPOINT")
    except duckdb.Error:
        con.close()
        return None
    return con


def _bersihkan_sisa(db: Path) -> None:
    """Remove what a killed restore left next to `db` (its unfinished new file and WAL)."""
    for sisa in db.parent.glob(f"{db.name}.pulih-*"):
        sisa.unlink(missing_ok=True)


def _bangun(folder: Path, manifest: dict[str, Any], baru: Path) -> dict[str, int]:
    """IMPORT into a new file, check the row counts against the manifest, migrate to the
    current schema, write everything into the file (no WAL left), and open it again."""
    con = store.connect(baru)
    try:
        con.execute(f"IMPORT DATABASE '{_quote_path(folder)}'")
        _langkah("diimpor")
        jumlah = jumlah_baris(con)
        harap = manifest.get("jumlah_baris")
        if harap is not None:
            beda = {t: (n, jumlah.get(t)) for t, n in harap.items() if jumlah.get(t) != n}
            if beda:
                raise CadanganError(
                    "Jumlah baris hasil pemulihan tidak sama dengan manifest "
                    f"(tabel: cadangan, hasil): {beda}. Tidak ada yang diubah."
                )
        store.migrate(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    _langkah("dimigrasi")
    con = store.connect(baru)  # the file opens on its own, at the current schema version
    try:
        if store.schema_version(con) != len(store.migrations()):
            raise CadanganError(f"Hasil pemulihan {baru} tidak berada pada versi skema terbaru.")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    if _wal(baru).exists():
        raise CadanganError(f"Hasil pemulihan {baru} masih memiliki WAL; tidak ada yang diubah.")
    return jumlah


def pulihkan_bukti(folder: Path, manifest: dict[str, Any], tujuan: Path, waktu: str) -> int:
    """Add the backup's evidence files to the evidence folder, each written under a temporary
    name and renamed, and checked against the manifest. Files already there stay (uploaded
    after the backup, they are simply not referred to); one with the same name but other
    content is kept as `.sebelum-pulih-<time>`."""
    n = 0
    awalan = BUKTI_DIR + "/"
    for b in manifest["berkas"]:
        if not b["path"].startswith(awalan):
            continue
        relatif = b["path"][len(awalan) :]
        sasaran = tujuan / relatif
        if sasaran.is_file() and _sha256(sasaran) == b["sha256"]:
            continue
        sasaran.parent.mkdir(parents=True, exist_ok=True)
        sementara = sasaran.with_name(sasaran.name + ".pulih")
        shutil.copy2(folder / b["path"], sementara)
        if _sha256(sementara) != b["sha256"]:
            sementara.unlink()
            raise CadanganError(f"Berkas bukti {relatif} berubah saat disalin; ulangi pemulihan.")
        if sasaran.exists():
            os.replace(sasaran, sasaran.with_name(f"{sasaran.name}.sebelum-pulih-{waktu}"))
        os.replace(sementara, sasaran)
        n += 1
    return n


def pulihkan(
    sumber: Path, db: Path, *, ganti: bool = False, folder_bukti: Path | None = None
) -> dict[str, Any]:
    """Restore a backup (folder or .tar.gz) into the DuckDB file `db` and the evidence folder.

    Refuses while any process holds `db`; never renames a live file. Returns what was done:
    row counts, evidence files written, and where the previous file was kept.
    """
    waktu = config.sekarang().strftime(_WAKTU_BERKAS)
    ada = db.exists()
    if ada and not ganti:
        raise CadanganError(
            f"{db} sudah ada. Pulihkan ke berkas baru dengan --db, atau pakai --force untuk "
            f"menggantinya (berkas lama disimpan sebagai {db.name}.sebelum-pulih-<waktu>)."
        )
    db.parent.mkdir(parents=True, exist_ok=True)
    with buka_sumber(sumber, db.parent) as folder:
        manifest = periksa(folder)
        if manifest.get("mesin", "duckdb") != "duckdb":
            raise CadanganError(
                "Cadangan ini dari PostgreSQL (pg_dump); pulihkan dengan MONEV_DB berisi URL "
                "postgresql://."
            )
        _langkah("diperiksa")
        lama = _tahan(db) if ada else None
        try:
            _langkah("dikunci")
            _bersihkan_sisa(db)
            baru = db.with_name(f"{db.name}.pulih-{waktu}")
            try:
                jumlah = _bangun(folder / ("" if manifest.get("lama") else DB_DIR), manifest, baru)
                _langkah("diverifikasi")
                n_bukti = pulihkan_bukti(folder, manifest, folder_bukti or bukti.folder(), waktu)
                _langkah("bukti")
                disimpan = _tukar(db, baru, waktu)
            except BaseException:
                for sisa in (baru, _wal(baru)):
                    sisa.unlink(missing_ok=True)
                raise
        finally:
            if lama is not None:
                lama.close()
    return {"jumlah_baris": jumlah, "bukti": n_bukti, "sebelumnya": disimpan, "manifest": manifest}


def _tukar(db: Path, baru: Path, waktu: str) -> Path | None:
    """Put the verified new file at `db`. The previous file (also a broken one) keeps a second
    name first (a hard link, so `db` is never missing), then os.replace swaps in one step. A WAL
    next to `db` belongs to the previous file and moves with it: replayed onto the new file it
    would corrupt it. A `db` that did not exist is created with a link, which fails if someone
    created it since."""
    lama = _nama_baru(db.with_name(f"{db.name}.sebelum-pulih-{waktu}"))
    if not db.exists():
        if _wal(db).exists():
            os.replace(_wal(db), _wal(lama))
        try:
            os.link(baru, db)
        except FileExistsError as exc:
            raise CadanganError(
                f"{db} dibuat proses lain selama pemulihan; tidak ada yang diubah."
            ) from exc
        baru.unlink()
        _langkah("ditukar")
        return None
    try:
        os.link(db, lama)
    except OSError:  # a file system without hard links
        shutil.copy2(db, lama)
    if _wal(db).exists():
        os.replace(_wal(db), _wal(lama))
    _langkah("lama_disimpan")
    os.replace(baru, db)
    _langkah("ditukar")
    return lama


def pakai_proses_lain(db: Path) -> bool:
    """Does another process hold the DuckDB file `db` (a running server, another command)?"""
    if not db.exists():
        return False
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.IOException as exc:
        return "lock" in str(exc).lower()
    except duckdb.Error:
        return False
    return False


# -------------------------------------------------------------------------- PostgreSQL
# Plain pg_dump / pg_restore / psql calls, kept apart from the store: the PostgreSQL adapter
# of the store arrives separately and will call these.


def _program(nama: str) -> str:
    from dashboard.inti import pg_lokal

    folder = pg_lokal.bin_dir()
    if folder is not None and (folder / nama).is_file():
        return str(folder / nama)
    found = shutil.which(nama)
    if found is None:
        raise CadanganError(f"Program {nama} tidak ada: apt-get install postgresql-client")
    return found


def _psql(url: str, *args: str, masukan: str | None = None) -> str:
    hasil = subprocess.run(
        [_program("psql"), "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-d", url, *args],
        input=masukan,
        capture_output=True,
        text=True,
        check=False,
    )
    if hasil.returncode != 0:
        raise CadanganError(f"psql gagal: {hasil.stderr.strip()}")
    return hasil.stdout


_HITUNG_PG = (
    "SELECT format('SELECT %L, count(*) FROM %I.%I', table_name, table_schema, table_name) "
    "FROM information_schema.tables WHERE table_schema = 'public' "
    "AND table_type = 'BASE TABLE' ORDER BY table_name \\gexec\n"
)
# the schema version, when the migrations table exists ('#': no table is called that)
_VERSI_PG = (
    "SELECT 'SELECT ''#versi'', coalesce(max(versi), 0) FROM schema_migrations' "
    "WHERE to_regclass('schema_migrations') IS NOT NULL \\gexec\n"
)
_SESI_LAIN = (
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
)


def _baris_hitungan(teks: str) -> dict[str, int]:
    return {t: int(n) for t, _, n in (b.rpartition("|") for b in teks.splitlines() if "|" in b)}


def sesi_lain_pg(url: str) -> int:
    """Sessions of other clients on the database (pg_stat_activity)."""
    return int(_psql(url, "-c", _SESI_LAIN).strip() or 0)


def cadangkan_pg(
    url: str, tujuan: Path, *, folder_bukti: Path | None = None, oleh: str | None = None
) -> dict[str, Any]:
    """pg_dump -Fc plus the evidence files. The counts and the dump read one snapshot: a psql
    session opens a repeatable-read transaction, exports its snapshot, counts, and pg_dump
    reads that same snapshot (--snapshot) while the session stays open."""
    asal_bukti = folder_bukti or bukti.folder()

    def isi(folder: Path) -> dict[str, Any]:
        (folder / DB_DIR).mkdir()
        sesi = subprocess.Popen(
            [_program("psql"), "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-d", url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert sesi.stdin is not None and sesi.stdout is not None
        try:
            sesi.stdin.write(
                "BEGIN ISOLATION LEVEL REPEATABLE READ;\nSELECT pg_export_snapshot();\n"
                + _HITUNG_PG
                + _VERSI_PG
                + "\\echo __selesai__\n"
            )
            sesi.stdin.flush()
            snapshot = sesi.stdout.readline().strip()
            baris = []
            for b in iter(sesi.stdout.readline, ""):
                if b.strip() == "__selesai__":
                    break
                baris.append(b.strip())
            else:
                raise CadanganError(f"psql gagal: {sesi.stderr.read() if sesi.stderr else ''}")
            hasil = subprocess.run(
                [
                    _program("pg_dump"),
                    "-Fc",
                    f"--snapshot={snapshot}",
                    "-f",
                    str(folder / DB_DIR / PG_DUMP),
                    "-d",
                    url,
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if hasil.returncode != 0:
                raise CadanganError(f"pg_dump gagal: {hasil.stderr.strip()}")
            sesi.stdin.write("COMMIT;\n\\q\n")
            sesi.stdin.close()
            sesi.wait(timeout=60)
        finally:
            if sesi.poll() is None:
                sesi.kill()
                sesi.wait()
        jumlah = _baris_hitungan("\n".join(baris))
        versi = jumlah.pop("#versi", 0)
        _salin_bukti(asal_bukti, folder / BUKTI_DIR)
        info = {"mesin": "postgresql", "versi_skema": versi, "jumlah_baris": jumlah, "oleh": oleh}
        return _tulis_manifest(folder, info)

    return _jadikan(tujuan, isi)


def pulihkan_pg(
    sumber: Path,
    url: str,
    *,
    kerja: Path,
    ganti: bool = False,
    folder_bukti: Path | None = None,
) -> dict[str, Any]:
    """Restore a pg_dump backup into the database at `url`, in one transaction that first
    checks no other session is connected, replaces the public schema with the dump's, and
    compares the row counts with the manifest before it commits: on any failure the database
    is as before. The evidence files are added first. `kerja` holds a backup of the state
    before the restore (`sebelum-pulih-<time>.tar.gz`)."""
    waktu = config.sekarang().strftime(_WAKTU_BERKAS)
    if sesi_lain_pg(url):
        raise CadanganError(_PESAN_SESI_PG)
    if not ganti and _psql(url, "-c", _ADA_TABEL_PG).strip() != "0":
        raise CadanganError(
            "Basis data PostgreSQL tujuan sudah berisi tabel. Pakai --force untuk menggantinya "
            "(keadaan sebelumnya dicadangkan dulu ke sebelum-pulih-<waktu>.tar.gz)."
        )
    kerja.mkdir(parents=True, exist_ok=True)
    with buka_sumber(sumber, kerja) as folder:
        manifest = periksa(folder)
        if manifest.get("mesin") != "postgresql":
            raise CadanganError(
                "Cadangan ini dari berkas DuckDB; pulihkan dengan MONEV_DB berisi path berkas."
            )
        sebelum = _nama_baru(kerja / f"sebelum-pulih-{waktu}", AKHIRAN_ARSIP)
        cadangkan_pg(url, sebelum, folder_bukti=folder_bukti, oleh="pulihkan")
        skrip = Path(tempfile.mkdtemp(prefix=".pulih-", dir=kerja)) / "pulih.sql"
        try:
            hasil = subprocess.run(
                [
                    _program("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "-f",
                    str(skrip),
                    str(folder / DB_DIR / PG_DUMP),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if hasil.returncode != 0:
                raise CadanganError(f"pg_restore gagal: {hasil.stderr.strip()}")
            n_bukti = pulihkan_bukti(folder, manifest, folder_bukti or bukti.folder(), waktu)
            _psql(
                url,
                "--single-transaction",
                "-c",
                f"DO $$ BEGIN IF ({_SESI_LAIN}) > 0 THEN RAISE EXCEPTION "
                "'sesi lain tersambung'; END IF; END $$",
                "-c",
                "DROP SCHEMA public CASCADE",
                "-c",
                "CREATE SCHEMA public",
                "-f",
                str(skrip),
                "-c",
                _cek_jumlah_pg(manifest["jumlah_baris"]),
            )
        finally:
            shutil.rmtree(skrip.parent, ignore_errors=True)
    return {"bukti": n_bukti, "sebelumnya": sebelum, "manifest": manifest}


_ADA_TABEL_PG = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
_PESAN_SESI_PG = (
    "Basis data PostgreSQL sedang dipakai sesi lain (server aplikasi atau klien lain). "
    "Pemulihan hanya berjalan saat tidak ada sesi lain: hentikan semua server, lalu ulangi. "
    "Tidak ada yang diubah."
)


def _cek_jumlah_pg(jumlah: dict[str, int]) -> str:
    """A DO block that fails (so the restore's transaction rolls back) when a table's row
    count differs from the manifest. Names are checked as identifiers, counts are integers."""
    baris = []
    for tabel, n in sorted(jumlah.items()):
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", tabel):
            raise CadanganError(f"Nama tabel tidak sah di manifest: {tabel!r}")
        baris.append(
            f"IF (SELECT count(*) FROM public.{tabel}) <> {int(n)} THEN "
            f"RAISE EXCEPTION 'jumlah baris {tabel} tidak sama dengan manifest'; END IF;"
        )
    return "DO $$ BEGIN " + " ".join(baris) + " END $$"
