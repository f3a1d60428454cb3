"""Command line: `python -m dashboard <command>`.

DuckDB lets one process hold the file, so these commands refuse with a clear message while the
server runs; stop it first (or point --db at another file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
import time
from pathlib import Path
from typing import cast

from dashboard.akun.akses import Akses
from dashboard.inti import config, store

ENV_SANDI_BARU = "MONEV_SANDI_BARU"


def _open(args: argparse.Namespace):
    return store.connect(args.db or None)  # a file or a postgresql:// URL


def cmd_init(args: argparse.Namespace) -> int:
    from dashboard.inti.bootstrap import prepare

    con = _open(args)
    done = prepare(con, demo=args.demo)
    migr = cast(list[str], done["migrasi"])  # store.migrate's names
    print(f"Basis data siap: {store.nama_tampil(args.db or config.db_url())}")
    print(f"  migrasi diterapkan: {', '.join(migr) if migr else 'tidak ada (sudah terbaru)'}")
    if "demo" in done:
        print(f"  data demo dimuat: {json.dumps(done['demo'])}")
    print(f"  SOP baru dimuat: {done['sop']}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from dashboard.alat import demo

    if config.adalah_url(args.db or config.db_url()):
        raise ValueError(
            "Data demo dibuat di berkas DuckDB (--db BERKAS); pindahkan ke PostgreSQL dengan "
            "pindah-ke-postgres, atau pakai `init --demo` langsung pada basis data PostgreSQL."
        )
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


def _sasaran(args: argparse.Namespace) -> str:
    """The store of a backup or restore: --db, else MONEV_DB (a file, or a postgresql:// URL)."""
    return args.db or config.db_url()


def cmd_backup(args: argparse.Namespace) -> int:
    """Database and evidence files into a folder or .tar.gz (dashboard/admin/cadangan.py)."""
    from dashboard.admin import cadangan

    sasaran, tujuan = _sasaran(args), Path(args.folder)
    bukti = Path(args.bukti) if args.bukti else None
    oleh = _pelaku().username
    if config.adalah_url(sasaran):
        m = cadangan.cadangkan_pg(sasaran, tujuan, folder_bukti=bukti, oleh=oleh)
    else:
        db = Path(args.db) if args.db else config.db_path()
        m = cadangan.cadangkan_berkas(db, tujuan, folder_bukti=bukti, oleh=oleh)
    n_bukti = sum(b["path"].startswith(cadangan.BUKTI_DIR + "/") for b in m["berkas"])
    print(
        f"Cadangan ditulis ke {tujuan}: {len(m['jumlah_baris'])} tabel, "
        f"{sum(m['jumlah_baris'].values())} baris, {n_bukti} berkas bukti, "
        f"versi skema {m['versi_skema']}."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Only while no process holds the store; checked, then swapped in (admin/cadangan.py)."""
    from dashboard.admin import cadangan

    sasaran, sumber = _sasaran(args), Path(args.folder)
    bukti = Path(args.bukti) if args.bukti else None
    if config.adalah_url(sasaran):
        hasil = cadangan.pulihkan_pg(
            sumber, sasaran, kerja=cadangan.folder_arsip(), ganti=args.force, folder_bukti=bukti
        )
        print(f"Basis data PostgreSQL dipulihkan dari {sumber}.")
    else:
        db = Path(args.db) if args.db else config.db_path()
        hasil = cadangan.pulihkan(sumber, db, ganti=args.force, folder_bukti=bukti)
        print(f"Basis data {db} dipulihkan dari {sumber}; jumlah baris sama dengan manifest.")
    print(f"  berkas bukti ditulis: {hasil['bukti']}")
    if hasil["sebelumnya"]:
        print(f"  keadaan sebelumnya disimpan di {hasil['sebelumnya']}")
    return 0


def cmd_pindah_ke_postgres(args: argparse.Namespace) -> int:
    """Copy the embedded store into an empty PostgreSQL database and compare the row counts."""
    from dashboard.inti import pindah

    if not config.adalah_url(args.url):
        raise ValueError("URL tujuan harus berbentuk postgresql://pengguna@host:port/basisdata.")
    berkas = Path(args.db_sumber or args.db or config.db_path())
    if not berkas.is_file():
        raise ValueError(f"Berkas DuckDB {berkas} tidak ada; beri --db BERKAS.")
    sumber = store.connect(berkas)
    tujuan = store.connect(args.url)
    try:
        t0 = time.perf_counter()
        hasil = pindah.salin(sumber, tujuan)
    finally:
        tujuan.close()
        sumber.close()
    print(pindah.laporan(hasil))
    beda = [h.tabel for h in hasil if not h.sama]
    if beda:
        print(f"Galat: jumlah baris berbeda di tabel {', '.join(beda)}.", file=sys.stderr)
        return 1
    print(
        f"{len(hasil)} tabel disalin dari {berkas} ke {store.nama_tampil(args.url)} dalam "
        f"{time.perf_counter() - t0:.1f} detik; jumlah baris sama. Jalankan aplikasi dengan "
        f"MONEV_DB={store.nama_tampil(args.url)}"
    )
    return 0


def _pelaku() -> Akses:
    """The caller of an account command: whoever holds the server's shell (and so the store's
    file) is its administrator. Named after the OS account in the event log."""
    try:
        nama = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER (some containers)
        nama = "tidak-dikenal"
    return Akses(username=f"cli:{nama}", peran=frozenset({"admin"}), nama="Baris perintah")


def _sandi_baru() -> str:
    """The new password: from MONEV_SANDI_BARU (scripts), else typed twice without echo."""
    if os.environ.get(ENV_SANDI_BARU):
        return os.environ[ENV_SANDI_BARU]
    try:
        sandi = getpass.getpass("Kata sandi baru: ")
        ulang = getpass.getpass("Ulangi kata sandi baru: ")
    except EOFError:
        raise ValueError(
            f"Kata sandi tidak terbaca. Ketik di terminal, atau isi variabel {ENV_SANDI_BARU}."
        ) from None
    if sandi != ulang:
        raise ValueError("Ulangan kata sandi tidak sama. Tidak ada yang diubah.")
    return sandi


def _akun(cur, username: str):
    """The account row of `username` (as the admin page lists it); a clear error if none."""
    from dashboard.akun import layanan_pengguna as pengguna

    username = username.strip().lower()
    daftar = pengguna.daftar_pengguna(cur, _pelaku())
    cocok = daftar[daftar["username"] == username]
    if cocok.empty:
        raise ValueError(f"Pengguna '{username}' tidak ada. Tidak ada yang diubah.")
    return cocok.iloc[0]


def cmd_admin_baru(args: argparse.Namespace) -> int:
    from dashboard.admin import layanan_instansi as instansi
    from dashboard.akun import layanan_pengguna as pengguna

    con = _open(args)
    store.migrate(con)
    cur = con.cursor()
    username = args.username.strip().lower()
    instansi_id = None
    if args.instansi:
        instansi_id = instansi.id_dari_kode(cur, args.instansi)
        if instansi_id is None:
            raise ValueError(f"Instansi dengan kode '{args.instansi}' tidak ada.")
    if (pengguna.daftar_pengguna(cur, _pelaku())["username"] == username).any():
        raise ValueError(
            f"Nama pengguna '{username}' sudah dipakai. Untuk akun yang terkunci atau lupa "
            f"kata sandi: buka-kunci {username} atau reset-sandi {username}."
        )
    sandi = _sandi_baru()
    data = {"username": username, "nama": args.nama, "peran": ["admin"], "instansi_id": instansi_id}
    pengguna.buat_pengguna(cur, _pelaku(), data, sandi)
    lingkup = f"instansi {args.instansi}" if args.instansi else "semua instansi"
    print(f"Administrator '{username}' dibuat ({lingkup}). Silakan masuk ke aplikasi.")
    return 0


def cmd_buka_kunci(args: argparse.Namespace) -> int:
    from dashboard.akun import layanan_pengguna as pengguna

    con = _open(args)
    store.migrate(con)
    cur = con.cursor()
    akun = _akun(cur, args.username)
    pengguna.buka_kunci(cur, _pelaku(), akun["username"])
    print(f"Akun '{akun['username']}' dibuka; hitungan gagal masuk kembali ke 0.")
    if not akun["aktif"]:
        print("Catatan: akun ini nonaktif; aktifkan di halaman Pengguna agar dapat masuk.")
    return 0


def cmd_reset_sandi(args: argparse.Namespace) -> int:
    from dashboard.akun import layanan_pengguna as pengguna

    con = _open(args)
    store.migrate(con)
    cur = con.cursor()
    akun = _akun(cur, args.username)
    sementara = pengguna.reset_sandi(cur, _pelaku(), akun["username"])
    print(f"Kata sandi sementara untuk '{akun['username']}' (ditampilkan sekali ini saja):")
    print(f"  {sementara}")
    print("Kuncian akun juga dibuka. Minta pengguna menggantinya di halaman Akun saya.")
    if not akun["aktif"]:
        print("Catatan: akun ini nonaktif; aktifkan di halaman Pengguna agar dapat masuk.")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from dashboard.alat import bench

    return bench.main(args.scale, Path(args.output) if args.output else None, args.pg)


def cmd_report(args: argparse.Namespace) -> int:
    from dashboard.akun.akses import SISTEM
    from dashboard.inti import formats
    from dashboard.laporan import layanan_laporan as laporan
    from dashboard.laporan.data import Permintaan

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
        unit = store.fetch_df(cur, "unit_list", {"instansi_id": instansi_id})
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
        args.semua_indikator,
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
    p.add_argument("--db", help="berkas DuckDB atau URL postgresql:// (bawaan: MONEV_DB)")
    sub = p.add_subparsers(dest="command", required=True, metavar="<perintah>")

    s = sub.add_parser("init", help="buat dan migrasikan basis data, muat pustaka SOP")
    s.add_argument("--demo", action="store_true", help="muat data demo bila basis data kosong")
    s.set_defaults(fn=cmd_init, menulis=True)

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

    s = sub.add_parser(
        "backup",
        help="cadangkan basis data dan berkas bukti (server berhenti; saat berjalan: halaman "
        "Cadangan data)",
    )
    s.add_argument("folder", help="folder baru atau kosong, atau berkas .tar.gz")
    s.add_argument("--bukti", help="folder berkas bukti (bawaan: folder data/bukti)")
    s.set_defaults(fn=cmd_backup)

    s = sub.add_parser(
        "restore", help="pulihkan cadangan (folder atau .tar.gz) saat tidak ada proses memakainya"
    )
    s.add_argument("folder", help="folder atau arsip .tar.gz hasil backup / halaman Cadangan data")
    s.add_argument(
        "--force",
        action="store_true",
        help="ganti basis data yang ada (yang lama disimpan sebagai .sebelum-pulih-<waktu>)",
    )
    s.add_argument("--bukti", help="folder berkas bukti (bawaan: folder data/bukti)")
    s.set_defaults(fn=cmd_restore)

    s = sub.add_parser(
        "admin-baru",
        help="buat akun administrator (kata sandi diketik dua kali atau dari MONEV_SANDI_BARU)",
    )
    s.add_argument("--username", required=True, help="nama pengguna untuk masuk")
    s.add_argument("--nama", required=True, help="nama lengkap")
    s.add_argument("--instansi", help="kode instansi (bawaan: semua instansi)")
    s.set_defaults(fn=cmd_admin_baru, menulis=True)

    s = sub.add_parser(
        "pindah-ke-postgres",
        help="salin basis data DuckDB ke basis data PostgreSQL kosong, bandingkan jumlah baris",
    )
    s.add_argument("url", help="basis data tujuan, postgresql://pengguna@host:port/nama")
    s.add_argument("--db", dest="db_sumber", help="berkas DuckDB sumber (bawaan: --db / MONEV_DB)")
    s.set_defaults(fn=cmd_pindah_ke_postgres)

    s = sub.add_parser("buka-kunci", help="buka akun yang terkunci, hitungan gagal masuk ke 0")
    s.add_argument("username")
    s.set_defaults(fn=cmd_buka_kunci, menulis=True)

    s = sub.add_parser("reset-sandi", help="beri kata sandi sementara (ditampilkan sekali)")
    s.add_argument("username")
    s.set_defaults(fn=cmd_reset_sandi, menulis=True)

    s = sub.add_parser("bench", help="ukur waktu query dan halaman Beranda")
    s.add_argument("--scale", choices=["S", "M", "L"], default="S")
    s.add_argument("--output", help="berkas JSON hasil (bawaan: bench-results/<skala>.json)")
    s.add_argument(
        "--pg",
        metavar="URL",
        help="ukur di basis data PostgreSQL kosong ini; `lokal`: klaster sementara (pg_lokal)",
    )
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
    s.add_argument(
        "--semua-indikator",
        action="store_true",
        help="laporan tahunan: Tabel 3.1 memuat juga indikator program, kegiatan, sub kegiatan",
    )
    s.add_argument("--tanggal", help="tanggal tanda tangan YYYY-MM-DD (bawaan: hari ini)")
    s.add_argument("--kota", help="tempat tanda tangan (bawaan: kota instansi)")
    s.add_argument("--jabatan", help="jabatan penanda tangan (bawaan: kepala instansi)")
    s.add_argument("--nama", help="nama penanda tangan")
    s.add_argument("--nip", help="NIP penanda tangan")
    s.add_argument("--out", required=True, help="berkas tujuan (.xlsx atau .pdf)")
    s.set_defaults(fn=cmd_report)

    s = sub.add_parser("templat-rencana", help="tulis buku kerja rencana yang kosong (.xlsx)")
    s.add_argument("out", help="berkas tujuan, mis. rencana.xlsx")
    s.set_defaults(fn=cmd_templat_rencana)

    s = sub.add_parser(
        "impor-rencana", help="impor buku kerja rencana: seluruhnya atau tidak sama sekali"
    )
    s.add_argument("file", help="buku kerja rencana yang sudah diisi (.xlsx)")
    s.add_argument("--periksa", action="store_true", help="hanya periksa, jangan simpan apa pun")
    s.add_argument(
        "--setujui-peringatan",
        action="store_true",
        help="simpan walau ada peringatan (target triwulan tidak sesuai target tahunan)",
    )
    s.add_argument(
        "--oleh",
        help="username admin yang tercatat mengimpor (bawaan: sistem, untuk semua instansi)",
    )
    s.set_defaults(fn=cmd_impor_rencana, menulis=True)

    s = sub.add_parser(
        "notifikasi",
        help="buat pengingat yang jatuh tempo lalu kirim surel antrean (jalankan tiap 15 menit)",
    )
    s.set_defaults(fn=cmd_notifikasi)

    s = sub.add_parser(
        "sop-status", help="ketepatan waktu tiap SOP yang dijalankan: pelaksanaan dan langkah"
    )
    s.add_argument("--instansi", help="kode instansi (bawaan: semua instansi)")
    s.add_argument("--tahun", type=int, help="hanya pelaksanaan tahun ini")
    s.add_argument("--json", action="store_true", help="keluaran JSON untuk skrip")
    s.set_defaults(fn=cmd_sop_status)

    s = sub.add_parser("jalankan", help="layani aplikasi (satu proses) di port ini")
    s.add_argument("--port", type=int, default=8501, help="port HTTP (bawaan 8501)")
    s.set_defaults(fn=cmd_jalankan)

    from dashboard.inti.layani import parser_layani

    parser_layani(sub)
    return p


def _segarkan_cache_server(args: argparse.Namespace) -> None:
    """A write from the command line to a shared PostgreSQL store: the running servers' cached
    reads must not serve the old data (docs/DOMAIN.md §13.4). An embedded store cannot have a
    server running beside a command (the file's lock), so it has nothing to refresh."""
    from dashboard.inti import versi_data

    url = args.db or config.db_url()
    if config.adalah_url(url):
        con = store.connect(url)
        try:
            versi_data.naikkan(con, [versi_data.GLOBAL])
        finally:
            con.close()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        config.periksa()  # a bad setting stops here, before any store is opened
        hasil = args.fn(args)
        if hasil == 0 and getattr(args, "menulis", False):
            _segarkan_cache_server(args)
        return hasil
    except (store.StoreError, config.SetelanSalah, ValueError, OSError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1


def cmd_sop_status(args: argparse.Namespace) -> int:
    """Per SOP with runs: kode, nama, instansi, runs, steps measured, share within standard
    (0..1) and breaches (docs/DOMAIN.md §8.7). An interface: scripts read the JSON."""
    import json

    from dashboard.admin import layanan_instansi as instansi
    from dashboard.akun.akses import SISTEM
    from dashboard.sop import layanan_pelaksanaan as pelaksanaan

    con = store.connect(args.db or None, read_only=True)
    cur = con.cursor()
    daftar = [(int(i), str(k)) for i, k in store.fetch_all(cur, "instansi_kode_semua")]
    if args.instansi:
        iid = instansi.id_dari_kode(cur, args.instansi)
        if iid is None:
            raise ValueError(f"Instansi dengan kode '{args.instansi}' tidak ada.")
        daftar = [(i, k) for i, k in daftar if i == iid]
    hasil = pelaksanaan.status_sop(cur, SISTEM, daftar, args.tahun)
    if args.json:
        print(json.dumps(hasil, ensure_ascii=False, indent=2))
        return 0
    if not hasil:
        print("Belum ada pelaksanaan SOP.")
    for h in hasil:
        persen = (
            "–"
            if h["dalam_standar"] is None
            else f"{h['dalam_standar'] * 100:.1f}".replace(".", ",")
        )
        print(
            f"{h['instansi']:<15} {h['nama'][:50]:<50} pelaksanaan {h['runs']:>4}  "
            f"langkah diukur {h['langkah_diukur']:>4}  dalam standar {persen:>5} %  "
            f"pelanggaran {h['pelanggaran']:>4}"
        )
    return 0


def cmd_jalankan(args: argparse.Namespace) -> int:
    """The app in this process (what `make run` does after `init --demo`): a bad setting was
    already refused by `main`; the data folder and secrets are those of config.ROOT."""
    from dashboard.inti import serve

    if args.db:
        os.environ["MONEV_DB"] = args.db
    serve.jalankan(args.port)
    return 0  # not reached: the process is now Streamlit


def cmd_templat_rencana(args: argparse.Namespace) -> int:
    from dashboard.rencana import rencana_xlsx

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(rencana_xlsx.templat())
    print(f"Templat buku kerja rencana ditulis ke {out}; baca lembar Petunjuk.")
    return 0


def cmd_impor_rencana(args: argparse.Namespace) -> int:
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.akun.akses import SISTEM
    from dashboard.rencana import layanan_impor as rencana_impor

    data = Path(args.file).read_bytes()
    con = _open(args)
    store.migrate(con)
    cur = con.cursor()
    akses = pengguna.akses_untuk(cur, args.oleh) if args.oleh else SISTEM
    if akses is None:
        raise ValueError(f"Pengguna '{args.oleh}' tidak ada atau tidak aktif.")
    hasil = rencana_impor.impor_rencana(
        cur,
        akses,
        data,
        terapkan=not args.periksa,
        setujui_peringatan=args.setujui_peringatan,
    )
    for m in hasil.masalah:
        print(f"Galat {m.lembar} baris {m.baris}, kolom {m.kolom}: {m.pesan}", file=sys.stderr)
    for m in hasil.peringatan:
        print(f"Peringatan {m.lembar} baris {m.baris}, kolom {m.kolom}: {m.pesan}")
    print(f"Hasil pemeriksaan: {hasil.ringkasan()}.")
    if hasil.masalah:
        print(
            f"{len(hasil.masalah)} kesalahan; tidak ada yang disimpan. Perbaiki berkas lalu "
            "ulangi.",
            file=sys.stderr,
        )
        return 1
    if args.periksa:
        print("Hanya pemeriksaan (--periksa): tidak ada yang disimpan.")
        return 0
    if not hasil.diterapkan:
        print(
            f"{len(hasil.peringatan)} peringatan; tidak ada yang disimpan. Periksa peringatan di "
            "atas, lalu ulangi dengan --setujui-peringatan bila sudah benar.",
            file=sys.stderr,
        )
        return 2
    print("Impor selesai: seluruh isi berkas disimpan dalam satu transaksi.")
    return 0


def cmd_notifikasi(args: argparse.Namespace) -> int:
    """The reminders due now, then the outbox (docs/DOMAIN.md §14). Idempotent: run it every
    15 minutes from cron or a systemd timer. The inbox scopes it wrote are bumped, so the
    running servers' sidebar counts follow (PostgreSQL; a DuckDB file is held by the server,
    whose admin page "Kirim sekarang" does the same)."""
    from dashboard.inti import versi_data
    from dashboard.notifikasi import layanan_notifikasi as notifikasi

    con = _open(args)
    store.migrate(con)
    cur = con.cursor()
    with versi_data.catat() as tersentuh:
        pengingat, kirim = notifikasi.jalankan(cur, notifikasi.SISTEM_PENGIRIM)
    versi_data.naikkan(cur, tersentuh)
    rincian = ", ".join(f"{k} {v}" for k, v in sorted(pengingat.baru.items())) or "tidak ada"
    print(f"Pengingat baru: {rincian}.")
    print(f"Surel terkirim: {kirim.terkirim}, gagal: {kirim.gagal}.")
    for g in kirim.galat:
        print(f"  galat: {g}", file=sys.stderr)
    return 0
