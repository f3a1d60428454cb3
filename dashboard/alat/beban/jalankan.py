"""The runner of `make loadtest`, `make loadtest-multi` and `make soak`: prepare the store, start
the deployment (one server over DuckDB; with --pg a throwaway PostgreSQL cluster with a copy of
the store and --proses N processes behind nginx; or target a running one with --url), run the
sessions, sample the server processes, read every acknowledged write back, print a table and
write the JSON."""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from dashboard.alat.beban import penerapan, siapkan, skenario, ukur
from dashboard.inti import config
from dashboard.inti.layani import LayaniError

TARGET_P95_MS = 1000.0  # issue 16: p95 <= 1 s for every action, 0 errors, 0 lost writes
URUTAN = ["login", "first_load", "page", "rerun", "drilldown", "input", "save", "approve"]
LABEL = {
    "login": "masuk (POST /masuk)",
    "first_load": "muat pertama",
    "page": "buka halaman",
    "rerun": "muat ulang",
    "drilldown": "telusur (drill-down)",
    "input": "ketik isian",
    "save": "simpan draf",
    "approve": "setujui",
}


def _campuran(teks: str) -> dict[str, float]:
    try:
        return {k.strip(): float(v) for k, v in (x.split("=") for x in teks.split(","))}
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            "format campuran: kadis=0.4,staf=0.45,reviewer=0.15"
        ) from exc


def _jeda(teks: str) -> tuple[float, float]:
    lo, hi = (float(x.replace(",", ".")) for x in teks.split("-"))
    return lo, hi


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.alat.beban", description=__doc__)
    p.add_argument("--sessions", type=int, help="sesi bersamaan (100; soak 200)")
    p.add_argument("--scale", default="M", choices=["S", "M", "L"])
    p.add_argument("--duration", type=float, help="detik kerja setelah ramp (180; soak 600)")
    p.add_argument("--rounds", type=int, default=None, help="putaran per sesi (tanpa: durasi)")
    p.add_argument("--think", type=_jeda, default=(2.5, 7.5), help="jeda pikir, mis. 2.5-7.5")
    p.add_argument("--ramp", type=float, default=60, help="sesi mulai tersebar selama N detik")
    p.add_argument("--mix", type=_campuran, default=siapkan.CAMPURAN)
    p.add_argument(
        "--pg",
        action="store_true",
        help="salin basis data ke klaster PostgreSQL sementara dan layani dari sana (nginx)",
    )
    p.add_argument(
        "--proses", type=int, default=1, help="proses Streamlit di belakang nginx (>1 perlu --pg)"
    )
    p.add_argument("--url", help="sasar server yang sudah berjalan (perlu --db dengan rencana)")
    p.add_argument("--db", help="basis data beban: berkas (dibangun bila belum ada) atau URL")
    p.add_argument("--plan", type=Path, help="rencana pengguna beban (default: <db>.beban.json)")
    p.add_argument("--prepare-only", action="store_true", help="hanya bangun --db dan rencananya")
    p.add_argument("--server-pids", help="pid server dipisah koma (dengan --url; default: cari)")
    p.add_argument("--sample", type=float, help="selang sampel CPU/RSS, detik (1; soak 10)")
    p.add_argument("--timeout", type=float, default=120, help="batas satu run, detik")
    p.add_argument("--soak", action="store_true", help="200 sesi, 10 menit, RSS tiap 10 s")
    p.add_argument("--json", type=Path, help="berkas hasil (default bench-results/...)")
    return p


@contextlib.contextmanager
def _basis(
    a: argparse.Namespace, db: Path | str, folder: Path
) -> Iterator[tuple[Path | str | penerapan.KlasterPg, dict]]:
    """The store the servers use and where writes are read back: the DuckDB file, or with --pg
    a throwaway cluster holding a copy of it (stopped after the block)."""
    if not a.pg:
        yield db, {}
        return
    with penerapan.klaster_dengan_salinan(Path(db), folder / "pg") as pg:
        yield pg, {"pindah_s": round(pg.pindah_s, 1)}


@contextlib.contextmanager
def _server(a: argparse.Namespace, basis, folder: Path) -> Iterator[penerapan.Penerapan]:
    """The deployment under load: started here (cwd = the project, so its .streamlit/config.toml
    applies) on `basis`, or the one at --url."""
    if a.url:
        pids = (
            [int(x) for x in a.server_pids.split(",")] if a.server_pids else ukur.pid_server(a.url)
        )
        yield penerapan.Penerapan(a.url.rstrip("/"), {"server": pids}, "server di --url")
    elif a.pg:
        with penerapan.di_belakang_nginx(basis, a.proses, folder / "layani") as p:
            yield p
    else:
        with penerapan.satu_proses(basis, folder) as p:
            yield p


def _baca_kembali(db: Path | str | None, c: skenario.Catatan) -> dict:
    if db is None:
        return {"diperiksa": False, "alasan": "tanpa --db", "hilang": []}
    try:
        return {"diperiksa": True, "hilang": siapkan.baca_kembali(db, c.simpan, c.setuju)}
    except Exception as exc:  # noqa: BLE001 - e.g. DuckDB held by the running server (--url)
        return {"diperiksa": False, "alasan": f"{type(exc).__name__}: {exc}", "hilang": []}


def jalankan(a: argparse.Namespace) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="monev-beban-"))
    try:
        db = a.db if a.db and "://" in a.db else Path(a.db or folder / "beban.duckdb")
        persiapan = None
        if not a.url and isinstance(db, Path) and not db.exists():
            t0 = time.perf_counter()
            persiapan = siapkan.siapkan(db, a.scale, a.sessions, a.mix)
            persiapan["detik"] = round(time.perf_counter() - t0, 1)
        if a.prepare_only:
            return {"persiapan": persiapan, "db": str(db)}
        rencana = siapkan.baca_rencana(a.plan or siapkan.jalur_rencana(db))
        rencana = siapkan.pilih(rencana, a.sessions, a.mix)
        mesin = {"kalibrasi_ms_sebelum": ukur.kalibrasi_mesin()}
        klien = psutil.Process()
        with _basis(a, db, folder) as (basis, info_pg):
            with _server(a, basis, folder) as dep:
                pengukur = ukur.PengukurServer(
                    selang=a.sample, kelompok=dep.kelompok, pss=dep.pss
                ).mulai()
                cpu0, t0 = klien.cpu_times(), time.monotonic()
                p = skenario.Pengaturan(
                    url=dep.url,
                    batas=t0 + a.ramp + a.duration,
                    putaran=a.rounds,
                    jeda=a.think,
                    ramp=a.ramp,
                    mulai=t0,
                    timeout=a.timeout,
                )
                c = skenario.jalankan(rencana, p)
                dinding = time.monotonic() - t0
                cpu1 = klien.cpu_times()
                pengukur.henti()
            baca = _baca_kembali(basis.url if isinstance(basis, penerapan.KlasterPg) else db, c)
        mesin["kalibrasi_ms_sesudah"] = ukur.kalibrasi_mesin()
        h = _hasil(a, rencana, persiapan, c, pengukur, baca, dinding, cpu0, cpu1, dep.url)
        h.update(bentuk=dep.bentuk, backend="postgres" if a.pg else "duckdb", proses=a.proses)
        h["mesin"] = mesin
        if info_pg:
            h["postgres"] = info_pg
        return h
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def detik_mandek(linimasa: list[tuple[float, str, float]], batas_s: float) -> list[list[int]]:
    """The seconds of the run in which an action started that took longer than `batas_s`, as
    ranges [first, last]. A p95 over the target can be a slow average or a stall where every
    session waits at once (issue 16: the end of the ramp, a full garbage collection, the
    reminder run): a stall shows as a few ranges of seconds, a slow average as most of them."""
    detik = sorted({int(t) for t, _, d in linimasa if d > batas_s})
    rentang: list[list[int]] = []
    for s in detik:
        if rentang and s == rentang[-1][1] + 1:
            rentang[-1][1] = s
        else:
            rentang.append([s, s])
    return rentang


def _soak(sampel: list[ukur.Sampel]) -> dict:
    """A soak's memory series and whether it levelled off, in all and per group. The verdict
    (`rss_level`) is the app servers' (Streamlit's processes): what issue 16 asks to level off.
    PostgreSQL's backends fill their shared buffers up to the configured size as they read
    tables, which is a bounded cache, reported beside it (`rss_level_kelompok`)."""
    seri = {
        k: [s.kelompok[k][1] for s in sampel if k in s.kelompok]
        for k in (sampel[0].kelompok if sampel else {})
    }
    app = seri.get("streamlit") or seri.get("server") or [s.rss for s in sampel]
    return {
        "rss_mb": [[s.t, round(s.rss / 2**20, 1)] for s in sampel],
        "rss_mb_kelompok": {k: [round(x / 2**20, 1) for x in v] for k, v in seri.items()},
        "rss_level": ukur.rss_mendatar(app),
        "rss_level_semua": ukur.rss_mendatar([s.rss for s in sampel]),
        "rss_level_kelompok": {k: ukur.rss_mendatar(v) for k, v in seri.items()},
    }


def _hasil(a, rencana, persiapan, c, pengukur, baca, dinding, cpu0, cpu1, url) -> dict:
    klien_cpu = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / dinding * 100
    galat_per_jenis: dict[str, int] = {}
    for g in c.galat:
        galat_per_jenis[g["jenis"]] = galat_per_jenis.get(g["jenis"], 0) + 1
    aksi = {k: ukur.ringkas(c.waktu[k]) for k in URUTAN if c.waktu.get(k)}
    tetap = {k: ukur.ringkas(c.waktu_tetap[k]) for k in URUTAN if c.waktu_tetap.get(k)}
    server = pengukur.laporan()
    server["cpu_per_aksi_ms"] = ukur.cpu_per_aksi_ms(
        server["cpu_rata_pct"], dinding, sum(len(x) for x in c.waktu.values())
    )
    if a.soak:
        server.update(_soak(pengukur.sampel))
    p95 = [v["p95_ms"] for k, v in aksi.items() if k != "login" and v["p95_ms"] is not None]
    return {
        "jenis": "soak" if a.soak else "loadtest",
        "waktu": config.sekarang().isoformat(timespec="seconds"),
        "url": url if a.url else "server sendiri",
        "scale": a.scale,
        "sessions": len(rencana),
        "sessions_by_kind": {j: sum(u.jenis == j for u in rencana) for j in skenario.HALAMAN},
        "sessions_peak": c.puncak,
        "think_s": list(a.think),
        "ramp_s": a.ramp,
        "duration_s": a.duration,
        "wall_s": round(dinding, 1),
        "persiapan": persiapan,
        "actions": aksi,
        "actions_after_ramp": tetap,
        "p95_max_ms": max(p95) if p95 else None,
        "target_p95_ms": TARGET_P95_MS,
        "errors": len(c.galat),
        "errors_by_kind": galat_per_jenis,
        "error_samples": c.galat[:20],
        "saves_acknowledged": len(c.simpan),
        "approvals_acknowledged": len(c.setuju),
        "lost_writes_checked": baca["diperiksa"],
        "lost_writes_note": baca.get("alasan"),
        "lost_writes": len(baca["hilang"]),
        "lost_write_samples": baca["hilang"][:20],
        "stall_seconds": detik_mandek(c.linimasa, TARGET_P95_MS / 1000),
        "timeline": [[round(t, 3), k, round(d * 1000, 1)] for t, k, d in sorted(c.linimasa)],
        "server": server,
        "client_cpu_pct": round(klien_cpu, 1),
        "client_saturated": klien_cpu > 80,
    }


def tabel(h: dict) -> str:
    """The readable report (Indonesian, times in ms)."""
    b = [
        f"Uji beban {h['jenis']} skala {h['scale']}: {h['sessions']} sesi "
        f"({', '.join(f'{k} {v}' for k, v in h['sessions_by_kind'].items() if v)}), "
        f"puncak bersamaan {h['sessions_peak']}, {h['wall_s']:.0f} s",
        f"{'aksi':<24}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'maks ms':>9}"
        f"   setelah ramp: {'n':>5}{'p50 ms':>9}{'p95 ms':>9}",
    ]

    def ms(x: float | None) -> str:
        return f"{x:>9.0f}" if x is not None else f"{'-':>9}"

    for k, v in h["actions"].items():
        t = h["actions_after_ramp"].get(k, {"n": 0, "p50_ms": None, "p95_ms": None})
        b.append(
            f"{LABEL.get(k, k):<24}{v['n']:>6}{ms(v['p50_ms'])}{ms(v['p95_ms'])}"
            f"{ms(v['max_ms'])}   {'':>13}{t['n']:>5}{ms(t['p50_ms'])}{ms(t['p95_ms'])}"
        )
    mandek = ", ".join(f"{a}" if a == z else f"{a}-{z}" for a, z in h["stall_seconds"])
    b.append(f"detik dengan aksi > {TARGET_P95_MS / 1000:.0f} s: {mandek or 'tidak ada'}")
    s = h["server"]
    b.append(f"penerapan: {h.get('bentuk', '-')}")
    b.append(
        f"server: CPU rata-rata {s['cpu_rata_pct']} % satu inti, maks {s['cpu_maks_pct']} %, "
        f"{s.get('cpu_per_aksi_ms')} ms per aksi; memori puncak {s['rss_puncak_mb']} MB"
    )
    if "mesin" in h:
        m = h["mesin"]
        b.append(
            f"mesin: kalibrasi Python {m['kalibrasi_ms_sebelum']} ms sebelum, "
            f"{m.get('kalibrasi_ms_sesudah')} ms sesudah (makin besar makin lambat)"
        )
    for nama, k in s.get("kelompok", {}).items():
        b.append(
            f"  {nama:<10} {k['proses_maks']:>3} proses: CPU rata-rata {k['cpu_rata_pct']} %, "
            f"maks {k['cpu_maks_pct']} %; {k['memori'].upper()} puncak {k['memori_puncak_mb']} MB"
        )
    if "rss_level" in s:
        lv = s["rss_level"]
        b.append(
            f"RSS soak, server aplikasi: {lv['verdict']} (sepertiga akhir "
            f"{lv.get('rss_akhir_mb')} MB vs tengah {lv.get('rss_tengah_mb')} MB, tumbuh "
            f"{lv['pertumbuhan']})"
        )
        kelompok = s.get("rss_level_kelompok", {})
        for nama, k in kelompok.items() if len(kelompok) > 1 else ():
            b.append(
                f"  {nama:<10} {k['verdict']} ({k.get('rss_tengah_mb')} -> "
                f"{k.get('rss_akhir_mb')} MB, tumbuh {k['pertumbuhan']})"
            )
    b.append(
        f"klien: CPU {h['client_cpu_pct']} % satu inti"
        + (" (JENUH)" if h["client_saturated"] else "")
    )
    b.append(
        f"simpan diakui {h['saves_acknowledged']}, persetujuan diakui "
        f"{h['approvals_acknowledged']}; galat {h['errors']} {h['errors_by_kind'] or ''}; "
        + (
            f"tulisan hilang {h['lost_writes']}"
            if h["lost_writes_checked"]
            else f"tulisan hilang TIDAK diperiksa ({h['lost_writes_note']})"
        )
    )
    for g in h["error_samples"][:5]:
        b.append(f"  GALAT {g['user']} {g['aksi']} {g['jenis']}: {g['pesan']}")
    for g in h["lost_write_samples"][:5]:
        b.append(f"  HILANG {g}")
    return "\n".join(b)


def _sigterm(signum: int, _frame: object) -> None:
    """SIGTERM as Ctrl+C: the `finally` blocks stop nginx, Streamlit and the PostgreSQL cluster
    (the cluster is no child of this process: nothing else would stop it)."""
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    bawaan = (200, 600.0, 10.0) if a.soak else (100, 180.0, 1.0)
    a.sessions = a.sessions or bawaan[0]
    a.duration = a.duration if a.duration is not None else bawaan[1]
    a.sample = a.sample or bawaan[2]
    if a.url and not a.db:
        parser().error("--url perlu --db: basis data (dan rencana) yang disiapkan --prepare-only")
    if a.prepare_only and (not a.db or "://" in a.db):
        parser().error("--prepare-only perlu --db: berkas basis data yang akan dibangun")
    if a.db and "://" in a.db and not (a.url and a.plan):
        parser().error("--db berupa URL hanya dengan --url dan --plan")
    if a.proses > 1 and not a.pg and not a.url:
        parser().error(
            f"--proses {a.proses} perlu --pg: berkas DuckDB hanya dapat dibuka oleh satu proses"
        )
    if a.pg and (a.url or (a.db and "://" in a.db)):
        parser().error("--pg menyalin berkas --db (atau yang dibangun) ke klaster sementara")
    utama = threading.current_thread() is threading.main_thread()
    lama = signal.signal(signal.SIGTERM, _sigterm) if utama else None  # stop what it started
    try:
        h = jalankan(a)
    except LayaniError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as sebab:
        print(f"Uji beban dihentikan ({sebab or 'Ctrl+C'}); server dihentikan.", file=sys.stderr)
        return 130
    finally:
        if utama:
            signal.signal(signal.SIGTERM, lama)
    if a.prepare_only:
        print(json.dumps(h, indent=1))
        return 0
    nama = f"{h['jenis']}-{config.sekarang():%Y%m%d-%H%M%S}.json"
    out = a.json or config.ROOT / "bench-results" / nama
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(h, indent=1), encoding="utf-8")
    print(tabel(h))
    print(f"JSON: {out}")
    return 0 if not h["errors"] and not h["lost_writes"] else 1


if __name__ == "__main__":
    sys.exit(main())
