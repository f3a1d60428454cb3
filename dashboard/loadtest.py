"""`make loadtest`: many concurrent sessions at scale M, measured honestly.

Phase 1: N AppTest sessions in threads, all held open at once: N-R staff sessions (one unit each,
from every instansi) log in, open the entry page, save a whole unit-quarter, submit it on the
page and open the Beranda; R Pengelola Monev sessions log in, open the review queue, verify every
submission of their instansi and open the Beranda. Phase 2: a few real chromium sessions
(Playwright) against a real server on the same store. Afterwards every save is looked up in the
store (lost writes). Prints a table and writes bench-results/load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import defaultdict
from pathlib import Path

from dashboard import config, demo, serve, store

SANDI = "Muatan#2026"
# AppTest creates and tears down a global Streamlit runtime around every run, so two runs may
# not overlap: script runs are serialised (sessions, their state and the services still run
# concurrently). Each page is timed as its own run and as the response including the wait.
_APPTEST = threading.Lock()
TARGET = {"sessions": 50, "p95_ms": 1000.0, "errors": 0, "lost_writes": 0}


def _siapkan(folder: Path, sesi: int, reviewer: int) -> tuple[Path, list[dict]]:
    """Scale M into `folder`, plus a staff user per chosen unit and a Pengelola Monev per
    reviewed instansi (bcrypt cost as in production)."""
    from dashboard.services import pengguna

    db = folder / "load.duckdb"
    con = store.connect(db)
    store.migrate(con)
    con.execute("SET enable_progress_bar = false")
    demo.generate(con, "M", today=dt.date(2026, 11, 21))
    hashed = pengguna.hash_sandi(SANDI)
    # units that can still enter TW III 2026: no submission yet, or a draft
    units = con.execute(
        "SELECT u.id, u.instansi_id, r.id FROM unit u JOIN periode r ON r.instansi_id = "
        "u.instansi_id AND r.status = 'dibuka' LEFT JOIN pengajuan p ON p.periode_id = r.id "
        "AND p.unit_id = u.id WHERE p.id IS NULL OR p.status = 'draf' "
        "ORDER BY p.id IS NOT NULL, u.instansi_id, u.id"
    ).fetchall()
    rencana = []
    for k, (uid, iid, pid) in enumerate(units[: sesi - reviewer]):
        rencana.append(
            {
                "username": f"muat.staf{k}",
                "peran": "staf_bidang",
                "unit_id": uid,
                "instansi_id": iid,
                "periode_id": pid,
            }
        )
    instansi = sorted({r["instansi_id"] for r in rencana})[:reviewer]
    for k, iid in enumerate(instansi):
        rencana.append(
            {
                "username": f"muat.monev{k}",
                "peran": "pengelola_monev",
                "unit_id": None,
                "instansi_id": iid,
                "periode_id": None,
            }
        )
    for r in rencana:
        uid = con.execute(
            store.sql("pengguna_insert"),
            [r["username"], r["username"], None, hashed, r["instansi_id"], r["unit_id"], True],
        ).fetchone()[0]
        con.execute("INSERT INTO peran_pengguna VALUES (?, ?)", [uid, r["peran"]])
    con.execute("CHECKPOINT")
    con.close()
    return db, rencana


class Catatan:
    """Thread-safe timings and errors."""

    def __init__(self) -> None:
        self.kunci = threading.Lock()
        self.waktu: dict[str, list[float]] = defaultdict(list)
        self.respons: list[float] = []
        self.galat: list[str] = []
        self.simpan: list[tuple[int, int, dict[int, float]]] = []
        self.diajukan: list[int] = []
        self.diverifikasi: list[int] = []
        self.aktif = 0
        self.puncak = 0

    def ukur(self, nama: str, fn):
        t0 = time.perf_counter()
        hasil = fn()
        with self.kunci:
            self.waktu[nama].append((time.perf_counter() - t0) * 1000)
        return hasil


def _jalan(at, catatan: Catatan, nama: str, aksi=None) -> None:
    """One page run (after `aksi` set its inputs); an exception on the page is an error."""
    if aksi:
        aksi()
    t0 = time.perf_counter()
    with _APPTEST:
        catatan.ukur(nama, at.run)
    with catatan.kunci:
        catatan.respons.append((time.perf_counter() - t0) * 1000)
    if at.exception:
        raise RuntimeError(f"{nama}: {at.exception[0].message}")


def _sesi(
    r: dict, catatan: Catatan, semua_masuk: threading.Barrier, staf_selesai: threading.Barrier
) -> None:
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    from dashboard.services import realisasi, review

    try:
        from dashboard import auth
        from dashboard.services import pengguna

        at = AppTest.from_file(str(config.ROOT / "streamlit_app.py"), default_timeout=300)
        con = store.connect(config.db_path())  # same database instance in this process
        try:  # the sign-in service the /masuk route calls (AppTest sends no cookie)
            hasil = catatan.ukur(
                "masuk (layanan)",
                lambda: pengguna.masuk(con, r["username"], SANDI, "127.0.0.1", "loadtest"),
            )
        finally:
            con.close()
        at.session_state[auth.TOKEN_SESI] = hasil.token
        _jalan(at, catatan, "Beranda (pertama)")
        akses = at.session_state["akses"]
        if akses is None:
            raise RuntimeError(f"{r['username']} gagal masuk")
        with catatan.kunci:
            catatan.aktif += 1
            catatan.puncak = max(catatan.puncak, catatan.aktif)
        semua_masuk.wait(timeout=600)  # every session is held open at the same time
        if r["peran"] == "staf_bidang":
            at._page_hash = calc_hash("entri")
            _jalan(at, catatan, "Isi realisasi")
            con = store.connect(config.db_path())  # same database instance in this process
            try:
                form = realisasi.form_entri(con, akses, r["periode_id"], r["unit_id"])
                versi = form.baris.set_index("indikator_id")["versi"].to_dict()
                nilai = {i.indikator_id: float(i.target[2] or 1) for i in form.indikator}
                baris = [
                    realisasi.BarisSimpan(k, v, "sesuai rencana (uji muatan)", versi=versi.get(k))
                    for k, v in nilai.items()
                ]
                catatan.ukur(
                    "simpan (layanan)",
                    lambda: realisasi.simpan(con, akses, r["periode_id"], r["unit_id"], baris),
                )
            finally:
                con.close()
            with catatan.kunci:
                catatan.simpan.append((r["unit_id"], r["periode_id"], nilai))
            _jalan(at, catatan, "Isi realisasi (muat ulang)")
            _jalan(at, catatan, "Ajukan", at.button(key="ajukan").click)
            if not any("diajukan" in s.value for s in at.success):
                raise RuntimeError(f"ajukan gagal: {[e.value for e in at.error]}")
            with catatan.kunci:
                catatan.diajukan.append(r["unit_id"])
            staf_selesai.wait(timeout=600)
        else:
            staf_selesai.wait(timeout=600)
            at._page_hash = calc_hash("antrian")
            _jalan(at, catatan, "Antrian review")
            con = store.connect(config.db_path())
            try:
                antri = review.antrian(con, akses)
                for pid in antri[antri["status"] == "diajukan"]["id"]:
                    catatan.ukur(
                        "verifikasi (layanan)",
                        lambda p=int(pid): review.proses(con, akses, p, "setujui"),
                    )
                    with catatan.kunci:
                        catatan.diverifikasi.append(int(pid))
            finally:
                con.close()
            _jalan(at, catatan, "Antrian review (muat ulang)")
        at._page_hash = calc_hash("beranda")
        _jalan(at, catatan, "Beranda")
    except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden
        with catatan.kunci:
            catatan.galat.append(f"{r['username']}: {type(exc).__name__}: {exc}")
            traceback.print_exc()
        for b in (semua_masuk, staf_selesai):
            b.abort()


def _fase_apptest(rencana: list[dict]) -> Catatan:
    catatan = Catatan()
    semua = threading.Barrier(len(rencana))
    selesai = threading.Barrier(len(rencana))  # reviewers start once every staff submitted
    threads = [threading.Thread(target=_sesi, args=(r, catatan, semua, selesai)) for r in rencana]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return catatan


def _hilang(db: Path, catatan: Catatan) -> list[str]:
    """Every save and transition reported as done, looked up in the store."""
    con = store.connect(db, read_only=True)
    hilang = []
    try:
        for unit_id, periode_id, nilai in catatan.simpan:
            tahun, tw = con.execute(
                "SELECT tahun, triwulan FROM periode WHERE id = ?", [periode_id]
            ).fetchone()
            ada = dict(
                con.execute(
                    "SELECT r.indikator_id, r.nilai FROM realisasi r JOIN indikator i ON "
                    "i.id = r.indikator_id WHERE i.unit_id = ? AND r.tahun = ? AND r.triwulan = ?",
                    [unit_id, tahun, tw],
                ).fetchall()
            )
            hilang += [f"unit {unit_id} indikator {k}" for k, v in nilai.items() if ada.get(k) != v]
        for unit_id in catatan.diajukan:
            status = con.execute(
                "SELECT p.status FROM pengajuan p JOIN periode r ON r.id = p.periode_id WHERE "
                "p.unit_id = ? AND r.status = 'dibuka'",
                [unit_id],
            ).fetchone()
            if not status or status[0] == "draf":
                hilang.append(f"pengajuan unit {unit_id}")
        for pid in catatan.diverifikasi:
            if con.execute("SELECT status FROM pengajuan WHERE id = ?", [pid]).fetchone()[0] in (
                "draf",
                "diajukan",
            ):
                hilang.append(f"verifikasi {pid}")
    finally:
        con.close()
    return hilang


async def _browser_sesi(browser, url: str, r: dict, waktu: list, galat: list) -> None:
    ctx = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="id-ID")
    page = await ctx.new_page()
    page.set_default_timeout(60_000)
    try:
        t0 = time.perf_counter()
        await page.goto(f"{url}/masuk")  # the HTTP sign-in form
        await page.get_by_label("Nama pengguna").fill(r["username"])
        await page.get_by_label("Kata sandi").fill(SANDI)
        await page.get_by_role("button", name="Masuk").click()  # once: a lost click is an error
        await page.get_by_role("heading", name="Beranda", exact=True).first.wait_for()
        waktu.append(("login + Beranda", (time.perf_counter() - t0) * 1000))
        for url_path, judul in (("entri", "Isi realisasi"), ("beranda", "Beranda")):
            t0 = time.perf_counter()
            await page.goto(f"{url}/{url_path}")
            await page.get_by_role("heading", name=judul).first.wait_for()
            waktu.append((judul, (time.perf_counter() - t0) * 1000))
    except Exception as exc:  # noqa: BLE001 - counted and reported
        galat.append(f"browser {r['username']}: {type(exc).__name__}: {exc}")
    finally:
        await ctx.close()


def _fase_browser(db: Path, rencana: list[dict], jumlah: int, folder: Path) -> dict:
    """A real server on the store and `jumlah` concurrent chromium sessions."""
    from playwright.async_api import async_playwright

    waktu: list[tuple[str, float]] = []
    galat: list[str] = []
    with serve.running(db, folder / "server.log") as (_, url):
        staf = [r for r in rencana if r["peran"] == "staf_bidang"][:jumlah]

        async def semua() -> None:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    headless=True,
                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
                )
                await asyncio.gather(*(_browser_sesi(browser, url, r, waktu, galat) for r in staf))
                await browser.close()

        asyncio.run(semua())
    return {"sessions": jumlah, "waktu": waktu, "galat": galat}


def _persentil(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def run(sesi: int, reviewer: int, browsers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="monev-load-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        db, rencana = _siapkan(folder, sesi, reviewer)
        siap_s = time.perf_counter() - t0
        os.environ.update(MONEV_DB=str(db), MONEV_DEMO="0")
        t0 = time.perf_counter()
        catatan = _fase_apptest(rencana)
        apptest_s = time.perf_counter() - t0
        import streamlit as st

        from dashboard import web

        web.connection().close()  # the server below needs the file: one process at a time
        st.cache_resource.clear()
        hilang = _hilang(db, catatan)
        b = _fase_browser(db, rencana, browsers, folder) if browsers else None
    halaman = {k: v for k, v in catatan.waktu.items() if "layanan" not in k}
    semua = [x for v in halaman.values() for x in v]
    hasil = {
        "scale": "M",
        "sessions": len(rencana),
        "sessions_held": catatan.puncak,
        "setup_s": siap_s,
        "apptest_phase_s": apptest_s,
        "page_p50_ms": _persentil(semua, 50),
        "page_p95_ms": _persentil(semua, 95),
        "response_incl_queue_p50_ms": _persentil(catatan.respons, 50),
        "response_incl_queue_p95_ms": _persentil(catatan.respons, 95),
        "per_page": {
            k: {"n": len(v), "p50_ms": _persentil(v, 50), "p95_ms": _persentil(v, 95)}
            for k, v in sorted(catatan.waktu.items())
        },
        "errors": catatan.galat + (b["galat"] if b else []),
        "saves": len(catatan.simpan),
        "submitted": len(catatan.diajukan),
        "verified": len(catatan.diverifikasi),
        "lost_writes": hilang,
    }
    if b:
        bw: dict[str, list[float]] = defaultdict(list)
        for k, v in b["waktu"]:
            bw[k].append(v)
        hasil["browser"] = {
            "sessions": b["sessions"],
            "per_page": {
                k: {"n": len(v), "p50_ms": statistics.median(v), "p95_ms": _persentil(v, 95)}
                for k, v in bw.items()
            },
        }
    return hasil


def laporan(h: dict) -> str:
    baris = [
        f"Uji muatan skala {h['scale']}: {h['sessions']} sesi AppTest, puncak bersamaan "
        f"{h['sessions_held']}; fase {h['apptest_phase_s']:.1f} s",
        f"{'halaman / operasi':<34}{'n':>5}{'p50 ms':>10}{'p95 ms':>10}",
    ]
    for k, v in h["per_page"].items():
        baris.append(f"{k:<34}{v['n']:>5}{v['p50_ms']:>10.0f}{v['p95_ms']:>10.0f}")
    baris.append(
        f"{'semua halaman':<34}{'':>5}{h['page_p50_ms']:>10.0f}{h['page_p95_ms']:>10.0f}"
        f"   (target p95 <= {TARGET['p95_ms']:.0f})"
    )
    baris.append(
        f"{'respons termasuk antre (AppTest)':<34}{'':>5}"
        f"{h['response_incl_queue_p50_ms']:>10.0f}{h['response_incl_queue_p95_ms']:>10.0f}"
    )
    if "browser" in h:
        baris.append(f"chromium nyata: {h['browser']['sessions']} sesi bersamaan")
        for k, v in h["browser"]["per_page"].items():
            baris.append(f"  {k:<32}{v['n']:>5}{v['p50_ms']:>10.0f}{v['p95_ms']:>10.0f}")
    baris.append(
        f"simpan {h['saves']}, diajukan {h['submitted']}, diverifikasi {h['verified']}; "
        f"galat {len(h['errors'])}; tulisan hilang {len(h['lost_writes'])}"
    )
    for g in h["errors"][:10]:
        baris.append(f"  GALAT {g}")
    for g in h["lost_writes"][:10]:
        baris.append(f"  HILANG {g}")
    return "\n".join(baris)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dashboard.loadtest", description=__doc__)
    p.add_argument("--sessions", type=int, default=TARGET["sessions"])
    p.add_argument("--reviewers", type=int, default=10)
    p.add_argument("--browsers", type=int, default=5)
    p.add_argument("--output", default=str(config.ROOT / "bench-results" / "load.json"))
    a = p.parse_args(argv)
    h = run(a.sessions, a.reviewers, a.browsers)
    h["measured_at"] = dt.datetime.now().isoformat(timespec="seconds")
    out = Path(a.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(h, indent=2), encoding="utf-8")
    print(laporan(h))
    print(f"JSON: {out}")
    ok = not h["errors"] and not h["lost_writes"] and h["sessions_held"] >= a.sessions
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
