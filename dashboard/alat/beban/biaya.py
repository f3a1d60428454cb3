"""`python -m dashboard.alat.beban.biaya`: the server's CPU per action, one action at a time.

The load test says how many sessions one process holds; this says why. One Kadis and one staf
of the same instansi take turns against a real server (the load test's own client): the staf
types two values and saves, then the Kadis reruns Beranda (cold: the save turned its capaian
cold), reruns it again (warm) and takes the three drill-down steps. Nothing else runs, so the
server's CPU between the start and the end of an action is that action's cost. A process of
one core at 100 % serves about 1.000 ms of these per second: the sum over the load's mix of
(actions per second x cost) is the share of a core the load needs (docs/operasi.md).

The operating system counts a process's CPU in ticks of 10 ms; each action is repeated
(`--ulang`) and the mean reported, the median next to it."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import psutil

from dashboard.alat.beban import penerapan, siapkan, ukur
from dashboard.alat.beban.klien import Sesi, masuk
from dashboard.alat.beban.siapkan import SANDI
from dashboard.alat.beban.skenario import atur_telusur

JEDA_S = 0.05  # let the server finish what an action left queued before its CPU is read
AKSI = (
    "staf ketik",
    "staf simpan",
    "kadis muat ulang (dingin)",
    "kadis muat ulang (hangat)",
    "kadis telusur: unit dan tab Indikator",
    "kadis telusur: indikator",
    "kadis telusur: kembali ke Ringkasan",
)


def ringkas(biaya: dict[str, list[float]]) -> dict[str, dict[str, float | int]]:
    """Per action: how many, the mean and the median CPU (ms)."""
    return {
        nama: {
            "n": len(xs),
            "rata_ms": round(statistics.fmean(xs), 1),
            "median_ms": round(statistics.median(xs), 1),
        }
        for nama, xs in biaya.items()
        if xs
    }


def ukur_biaya(db: Path, ulang: int, seed: int = 16) -> dict[str, list[float]]:
    """Serve `db` (a store with the load users, siapkan.py) and measure every action `ulang`
    times; the first round is left out (it fills the caches every later round finds)."""
    rencana = siapkan.baca_rencana(siapkan.jalur_rencana(db))
    staf = next(u for u in rencana if u.jenis == "staf")
    kadis = next(u for u in rencana if u.jenis == "kadis" and u.instansi_id == staf.instansi_id)
    rng = random.Random(seed)
    biaya: dict[str, list[float]] = {nama: [] for nama in AKSI}
    with tempfile.TemporaryDirectory() as folder, penerapan.satu_proses(db, Path(folder)) as p:
        server = psutil.Process(p.kelompok["server"][0])
        k = Sesi(p.url, masuk(p.url, kadis.username, SANDI))
        s = Sesi(p.url, masuk(p.url, staf.username, SANDI))
        try:
            k.jalankan()
            s.jalankan()
            s.jalankan("Isi realisasi")

            def catat(nama: str, putaran: int, aksi: Callable[[], object]) -> None:
                time.sleep(JEDA_S)
                c0 = sum(server.cpu_times()[:2])
                aksi()
                time.sleep(JEDA_S)
                if putaran:
                    biaya[nama].append(1000 * (sum(server.cpu_times()[:2]) - c0))

            for putaran in range(ulang + 1):
                for _ in range(2):
                    isian = [e for e in s.semua("text_input") if e.label.startswith("Realisasi ")]
                    s.atur(rng.choice(isian), str(rng.randint(1, 10**7)))
                    catat(AKSI[0], putaran, s.jalankan)
                tombol = s.cari(key="simpan", kind="button")
                catat(AKSI[1], putaran, partial(s.jalankan, pemicu=tombol))
                if s.galat() or not s.sukses():  # a refused save would cost less: say so
                    raise RuntimeError(f"Simpan draf tidak diakui: {s.galat()}")
                catat(AKSI[2], putaran, k.jalankan)
                catat(AKSI[3], putaran, k.jalankan)
                for langkah in range(3):
                    if not atur_telusur(k, langkah, rng):
                        raise RuntimeError(
                            f"Widget telusur langkah {langkah} tidak ada di Beranda."
                        )
                    catat(AKSI[4 + langkah], putaran, k.jalankan)
        finally:
            k.tutup()
            s.tutup()
    return biaya


def tabel(hasil: dict[str, dict[str, float | int]]) -> str:
    baris = [f"{'aksi':40s} {'n':>4s} {'rata ms':>8s} {'median ms':>10s}"]
    for nama, r in hasil.items():
        baris.append(f"{nama:40s} {r['n']:4d} {r['rata_ms']:8.1f} {r['median_ms']:10.1f}")
    return "\n".join(baris)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dashboard.alat.beban.biaya", description=__doc__)
    p.add_argument("--db", type=Path, help="basis data beban (dibangun bila belum ada)")
    p.add_argument("--scale", default="M", choices=["S", "M", "L"])
    p.add_argument("--ulang", type=int, default=20, help="putaran terukur (20)")
    p.add_argument("--json", type=Path, help="berkas hasil")
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = a.db or Path(folder) / "biaya.duckdb"
        if not db.exists():
            siapkan.siapkan(db, a.scale, 3)
        kalibrasi = ukur.kalibrasi_mesin()
        hasil = ringkas(ukur_biaya(db, a.ulang))
    print(f"Biaya CPU server per aksi, skala {a.scale}, satu aksi pada satu waktu:")
    print(tabel(hasil))
    print(f"mesin: kalibrasi Python {kalibrasi} ms (makin besar makin lambat)")
    if a.json:
        isi = {"skala": a.scale, "aksi": hasil, "kalibrasi_ms": kalibrasi}
        a.json.write_text(json.dumps(isi, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
