"""`python -m dashboard.alat.bench_cache --scale M --simpan 10`: how
often a Kadis's Beranda turns cold
during a burst of saves (docs/DOMAIN.md §13), for the Kadis of the saving instansi and for the
Kadis of another one.

A staf of the first instansi saves a value on Isi realisasi (the real page, `web.tulis`) again and
again; after each save both Kadis rerun their open Beranda (AppTest sessions in this process,
sharing its cache as a server's sessions do). A rerun is cold when the Beranda's main read
(`dasbor.data_periode`) really ran instead of coming from the cache. Expected: the first Kadis
cold after every save, the other never. Prints and writes JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from dashboard.akun.akses import SISTEM
from dashboard.alat import demo
from dashboard.inti import config, store

TODAY = dt.date(2026, 11, 21)
KADIS_LAIN = ("kadis.lain", "Pimpinan#Dinas#Kedua26")
STAF = ("staf.dep", "Bidang#Kerja26")
KADIS = ("kadis", "Kepala#Dinas26")


def siapkan(db: Path, scale: str) -> None:
    """A fresh demo store of a scale with a Kadis of a second instansi (created if needed)."""
    from dashboard.admin import layanan_instansi as instansi
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.capaian import layanan_capaian as capaian

    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    con = store.connect(db)
    try:
        store.migrate(con)
        demo.generate(con, scale, today=TODAY)
        kadis = pengguna.akses_untuk(con, KADIS[0])
        if kadis is None:
            raise RuntimeError(f"bench_cache: pengguna demo {KADIS[0]} tidak ada atau tidak aktif")
        pertama = kadis.instansi_id
        lain = [int(i) for i in capaian.daftar_instansi(con, SISTEM)["id"] if i != pertama]
        if not lain:  # scale S has one instansi
            data = {"kode": "LAIN", "nama": "Dinas Lain", "pemda": "Pemerintah Kabupaten Contoh"}
            lain = [instansi.simpan_instansi(con, SISTEM, data)]
        pengguna.buat_pengguna(
            con,
            SISTEM,
            {
                "username": KADIS_LAIN[0],
                "nama": "Kadis Lain",
                "peran": ["kadis"],
                "instansi_id": lain[0],
            },
            KADIS_LAIN[1],
            rounds=4,
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()


def run(db: Path, simpan: int) -> dict:
    """The burst on a prepared store (`siapkan`): cold reruns per Kadis and rerun times."""
    os.environ.update(MONEV_DB=str(db), MONEV_DEMO="0")
    from streamlit.testing.v1 import AppTest

    from dashboard.akun import auth
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.capaian import layanan_dasbor as dasbor
    from dashboard.inti import ui

    berjalan: Counter[str] = Counter()  # real runs of the Beranda's main read, per user
    asli = dasbor.data_periode

    @functools.wraps(asli)
    def dihitung(cur, akses, *args, **kwargs):
        berjalan[akses.username] += 1
        return asli(cur, akses, *args, **kwargs)

    dasbor.data_periode = dihitung
    try:
        con = store.connect(db)  # the sign-in service the /masuk route calls
        try:
            token = {
                u: pengguna.masuk(con, u, s, "127.0.0.1", "bench").token
                for u, s in (KADIS, KADIS_LAIN, STAF)
            }
        finally:
            con.close()

        def sesi(username: str, halaman: str) -> AppTest:
            at = AppTest.from_file(str(config.SKRIP), default_timeout=300)
            at.session_state[auth.TOKEN_SESI] = token[username]
            at.run()
            at.switch_page(ui.file_halaman(halaman)).run()  # the page the menu opens
            if at.exception:
                raise RuntimeError(f"{halaman} gagal: {at.exception}")
            return at

        kadis = {u: sesi(u, "beranda") for u in (KADIS[0], KADIS_LAIN[0])}
        staf = sesi(STAF[0], "entri")
        dingin: Counter[str] = Counter()
        waktu: dict[str, list[float]] = {u: [] for u in kadis}
        for k in range(simpan):
            isian = next(w for w in staf.text_input if w.label.startswith("Realisasi "))
            isian.input(f"{10 + k},5").run()
            staf.button(key="simpan").click().run()
            if not staf.success or staf.exception:
                raise RuntimeError(f"simpan gagal: {[e.value for e in staf.error]}")
            for u, at in kadis.items():
                sebelum = berjalan[u]
                t0 = time.perf_counter()
                at.run()
                waktu[u].append((time.perf_counter() - t0) * 1000)
                dingin[u] += berjalan[u] > sebelum
    finally:
        dasbor.data_periode = asli
    return {
        "simpan": simpan,
        "kadis_instansi_sama_dingin": dingin[KADIS[0]],
        "kadis_instansi_lain_dingin": dingin[KADIS_LAIN[0]],
        "kadis_instansi_sama_rerun_ms": statistics.median(waktu[KADIS[0]]),
        "kadis_instansi_lain_rerun_ms": statistics.median(waktu[KADIS_LAIN[0]]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="M", choices=["S", "M", "L"])
    parser.add_argument("--simpan", type=int, default=10)
    args = parser.parse_args()
    db = config.DATA_DIR / "bench" / f"cache_{args.scale}.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    siapkan(db, args.scale)
    hasil = {"scale": args.scale, **run(db, args.simpan)}
    keluar = config.ROOT / "bench-results" / f"cache_{args.scale}.json"
    keluar.parent.mkdir(parents=True, exist_ok=True)
    keluar.write_text(json.dumps(hasil, indent=2), encoding="utf-8")
    print(json.dumps(hasil, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
