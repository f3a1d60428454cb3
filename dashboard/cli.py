"""Command line: `python -m dashboard <command>`.

DuckDB lets one process hold the file, so these commands refuse with a clear message while the
server runs; stop it first (or point --db at another file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from dashboard import config, store


def _open(args: argparse.Namespace):
    return store.connect(Path(args.db) if args.db else None)


def cmd_init(args: argparse.Namespace) -> int:
    from dashboard.bootstrap import prepare

    con = _open(args)
    done = prepare(con, demo=args.demo)
    migr = done["migrasi"]
    print(f"Basis data siap: {args.db or config.db_path()}")
    print(f"  migrasi diterapkan: {', '.join(migr) if migr else 'tidak ada (sudah terbaru)'}")
    if "demo" in done:
        print(f"  data demo dimuat: {json.dumps(done['demo'])}")
    print(f"  SOP baru dimuat: {done['sop']}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from dashboard import demo

    path = Path(args.db) if args.db else config.db_path()
    if args.replace and path.exists():
        path.unlink()
        Path(str(path) + ".wal").unlink(missing_ok=True)
    con = store.connect(path)
    store.migrate(con)
    con.execute("SET enable_progress_bar = false")
    today = dt.date.fromisoformat(args.today) if args.today else None
    t0 = time.perf_counter()
    counts = demo.generate(con, args.scale, seed=args.seed, today=today)
    con.execute("CHECKPOINT")
    print(
        f"Data demo skala {args.scale} dibuat di {path} dalam "
        f"{time.perf_counter() - t0:.1f} detik: {json.dumps(counts)}"
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    con = _open(args)
    folder = store.backup(con, Path(args.folder))
    print(f"Cadangan ditulis ke {folder}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = Path(args.db) if args.db else config.db_path()
    if path.exists() and not args.force:
        raise store.StoreError(
            f"{path} sudah ada. Pulihkan ke berkas baru dengan --db, atau pakai --force untuk "
            "menggantinya (berkas lama dipindah ke .sebelum-pulih)."
        )
    if path.exists():
        path.rename(path.with_suffix(path.suffix + ".sebelum-pulih"))
    con = store.connect(path)
    store.restore(con, Path(args.folder))
    print(f"Basis data {path} dipulihkan dari {args.folder}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from dashboard import bench

    return bench.main(args.scale, Path(args.output) if args.output else None)


def cmd_report(args: argparse.Namespace) -> int:
    from dashboard import formats
    from dashboard.akses import SISTEM
    from dashboard.laporan.data import Permintaan
    from dashboard.services import laporan

    out = Path(args.out)
    fmt = args.format or (out.suffix.lstrip(".").lower() if out.suffix else "xlsx")
    con = _open(args)
    store.migrate(con)
    cur = con.cursor()
    instansi = store.fetch_df(cur, "instansi_list")
    cocok = instansi[instansi["kode"] == args.instansi]
    if cocok.empty:
        raise ValueError(
            f"Instansi '{args.instansi}' tidak ada. Kode yang ada: "
            + ", ".join(instansi["kode"].head(10))
        )
    instansi_id = int(cocok["id"].iloc[0])
    unit_id = None
    if args.unit:
        unit = store.fetch_df(cur, "unit_list", [instansi_id])
        cocok = unit[unit["kode"] == args.unit]
        if cocok.empty:
            raise ValueError(
                f"Unit '{args.unit}' tidak ada di instansi ini. Kode yang ada: "
                + ", ".join(unit["kode"])
            )
        unit_id = int(cocok["id"].iloc[0])
    periode = args.semester if args.jenis == "semester" else args.triwulan
    if periode is None and args.jenis != "tahunan":
        opsi = "--semester 1|2" if args.jenis == "semester" else "--triwulan 1-4"
        raise ValueError(f"Laporan {args.jenis} memerlukan {opsi}.")
    p = Permintaan(
        args.jenis,
        instansi_id,
        args.tahun,
        periode or 4,
        unit_id,
        args.termasuk_belum_sah,
        dt.date.fromisoformat(args.tanggal) if args.tanggal else None,
        args.kota,
        args.jabatan,
        args.nama,
        args.nip,
    )
    dok = laporan.dokumen_laporan(cur, SISTEM, p, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(dok.isi)
    print(f"Laporan ditulis ke {out} ({formats.angka(len(dok.isi), 0)} bita, {fmt}).")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Dashboard monev dan capaian kinerja: perintah pengelolaan.",
    )
    p.add_argument("--db", help="berkas DuckDB (bawaan: MONEV_DB atau data/monev.duckdb)")
    sub = p.add_subparsers(dest="command", required=True, metavar="<perintah>")

    s = sub.add_parser("init", help="buat dan migrasikan basis data, muat pustaka SOP")
    s.add_argument("--demo", action="store_true", help="muat data demo bila basis data kosong")
    s.set_defaults(fn=cmd_init)

    s = sub.add_parser("demo", help="buat data demo atau data benchmark")
    s.add_argument(
        "--scale",
        choices=["S", "M", "L"],
        default="S",
        help="S satu instansi, M satu pemda (~40 instansi), L ~20 pemda",
    )
    s.add_argument("--seed", type=int, default=20261121, help="benih acak (hasil sama tiap kali)")
    s.add_argument("--today", help="tanggal acuan YYYY-MM-DD (bawaan: hari ini)")
    s.add_argument("--replace", action="store_true", help="hapus berkas basis data lebih dulu")
    s.set_defaults(fn=cmd_demo)

    s = sub.add_parser("backup", help="ekspor seluruh basis data ke folder (EXPORT DATABASE)")
    s.add_argument("folder", help="folder tujuan yang baru atau kosong")
    s.set_defaults(fn=cmd_backup)

    s = sub.add_parser("restore", help="pulihkan basis data dari folder cadangan")
    s.add_argument("folder", help="folder hasil perintah backup")
    s.add_argument("--force", action="store_true", help="ganti berkas basis data yang ada")
    s.set_defaults(fn=cmd_restore)

    s = sub.add_parser("bench", help="ukur waktu query dan halaman Beranda")
    s.add_argument("--scale", choices=["S", "M", "L"], default="S")
    s.add_argument("--output", help="berkas JSON hasil (bawaan: bench-results/<skala>.json)")
    s.set_defaults(fn=cmd_bench)

    s = sub.add_parser("report", help="buat laporan kinerja (Excel atau PDF)")
    s.add_argument("jenis", choices=["triwulan", "semester", "tahunan", "renja"])
    s.add_argument("--instansi", required=True, help="kode instansi, mis. DISPERPUSIP")
    s.add_argument("--tahun", type=int, required=True)
    s.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], help="untuk triwulan dan renja")
    s.add_argument("--semester", type=int, choices=[1, 2], help="untuk laporan semester")
    s.add_argument("--unit", help="kode unit (bawaan: seluruh instansi)")
    s.add_argument("--format", choices=["xlsx", "pdf"], help="bawaan: dari akhiran --out")
    s.add_argument(
        "--termasuk-belum-sah",
        action="store_true",
        help="ikutkan realisasi yang belum disahkan (ditandai sebagai draf)",
    )
    s.add_argument("--tanggal", help="tanggal tanda tangan YYYY-MM-DD (bawaan: hari ini)")
    s.add_argument("--kota", help="tempat tanda tangan (bawaan: kota instansi)")
    s.add_argument("--jabatan", help="jabatan penanda tangan (bawaan: kepala instansi)")
    s.add_argument("--nama", help="nama penanda tangan")
    s.add_argument("--nip", help="NIP penanda tangan")
    s.add_argument("--out", required=True, help="berkas tujuan (.xlsx atau .pdf)")
    s.set_defaults(fn=cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.fn(args)
    except (store.StoreError, ValueError, OSError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
