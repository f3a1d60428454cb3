"""The figures of a load run: percentiles, the server's CPU and memory sampled with psutil, and
whether the memory levelled off during a soak."""

from __future__ import annotations

import math
import statistics
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import psutil


def persentil(xs: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation between the closest ranks (numpy's
    default); NaN for no samples."""
    if not xs:
        return math.nan
    s = sorted(xs)
    k = (len(s) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def ringkas(detik: Sequence[float]) -> dict[str, float | int | None]:
    """n, p50, p95 and max of timings in seconds, in milliseconds (None without samples)."""

    def ms(x: float) -> float | None:
        return None if math.isnan(x) else round(x * 1000, 1)

    return {
        "n": len(detik),
        "p50_ms": ms(persentil(detik, 50)),
        "p95_ms": ms(persentil(detik, 95)),
        "max_ms": ms(max(detik)) if detik else None,
    }


# The machine's speed next to every run's figures: this machine is shared, and the same code
# measured 86,5 ms a save one morning and 160 ms that night (docs/operasi.md, "The machine, not
# the code"). One fixed piece of pure Python (a million additions, what a script thread does
# between its calls into libraries), timed several times; its median says how fast the
# interpreter ran then, so two runs' latencies are compared only with this beside them.
KALIBRASI_ULANG = 5


def kalibrasi_mesin(ulang: int = KALIBRASI_ULANG) -> float:
    """The median wall time in ms of a fixed pure-Python loop on this machine now (35-40 ms on
    the 2-core development machine; more when its neighbours are busy)."""
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        jumlah = 0
        for i in range(1_000_000):
            jumlah += i
        waktu.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(waktu), 1)


def cpu_per_aksi_ms(cpu_rata_pct: float | None, dinding_s: float, aksi: int) -> float | None:
    """The server's CPU per action in ms (every action, sign-ins included): what one process's
    capacity is made of, about 1.000 ms of CPU a second for the scripts' one interpreter."""
    if cpu_rata_pct is None or not aksi:
        return None
    return round(cpu_rata_pct / 100 * dinding_s * 1000 / aksi, 1)


def rss_mendatar(rss: Sequence[float], toleransi: float = 0.05) -> dict:
    """Did the memory level off? Compare the mean of the last third of the samples with the
    middle third (the first third is the warm-up: caches and sessions filling): it levelled
    off if the last third grew by at most `toleransi` (5 %) over the middle third."""
    if len(rss) < 6:
        return {"verdict": "sampel kurang", "mendatar": None, "pertumbuhan": None}
    n = len(rss) // 3
    tengah = sum(rss[n : 2 * n]) / n
    akhir = sum(rss[-n:]) / n
    tumbuh = (akhir - tengah) / tengah if tengah else math.inf
    datar = tumbuh <= toleransi
    return {
        "verdict": "mendatar" if datar else "terus naik",
        "mendatar": datar,
        "pertumbuhan": round(tumbuh, 4),
        "rss_tengah_mb": round(tengah / 2**20, 1),
        "rss_akhir_mb": round(akhir / 2**20, 1),
        "toleransi": toleransi,
    }


def pid_server(url: str) -> list[int]:
    """Streamlit processes serving the app, for `--url` without `--server-pids`: the process
    listening on the URL's port if this user may see it, else every `streamlit run`."""
    port = urlsplit(url).port
    try:
        pids = {
            c.pid
            for c in psutil.net_connections("tcp")
            if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port and c.pid
        }
    except psutil.AccessDenied:
        pids = set()
    procs = [psutil.Process(p) for p in pids]
    if any("nginx" in p.name() for p in procs) or not procs:  # a balancer: its backends
        pids = set()
        for p in psutil.process_iter(["cmdline"]):
            cmd = " ".join(p.info["cmdline"] or [])
            if "streamlit" in cmd and " run " in cmd:
                pids.add(p.pid)
    return sorted(pids)


@dataclass
class Sampel:
    t: float  # seconds since the sampler started
    cpu_pct: float  # percent of one core, all server processes and children together
    rss: int  # bytes, summed (PSS for the groups in `PengukurServer.pss`)
    kelompok: dict[str, tuple[float, int]] = field(default_factory=dict)  # name: (cpu %, bytes)


@dataclass
class PengukurServer:
    """Samples CPU and memory of the server processes (and their children) every `selang` s, in
    total and per named group of root processes (`kelompok`, e.g. streamlit / nginx / postgres;
    without it one group "server" of `pids`). A group in `pss` is measured by PSS, not RSS:
    PostgreSQL's backends map one shared buffer pool, which RSS would count once per backend."""

    pids: Iterable[int] = ()
    selang: float = 1.0
    kelompok: dict[str, list[int]] = field(default_factory=dict)
    pss: frozenset[str] = frozenset()
    sampel: list[Sampel] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.kelompok:
            self.kelompok = {"server": list(self.pids)}
        self._akar = {
            nama: [psutil.Process(p) for p in pids] for nama, pids in self.kelompok.items()
        }
        self._proses: dict[int, psutil.Process] = {}
        self._jumlah: dict[str, int] = dict.fromkeys(self.kelompok, 0)  # most processes seen
        self._henti = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="pengukur")

    def _semua(self, akar: list[psutil.Process]) -> list[psutil.Process]:
        out = []
        for a in akar:
            try:
                out += [a, *a.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
        return out

    def _memori(self, p: psutil.Process, nama: str) -> int:
        if nama in self.pss:
            try:
                return p.memory_full_info().pss
            except psutil.AccessDenied:
                pass
        return p.memory_info().rss

    def _ambil(self, t0: float) -> None:
        total_cpu, total_mem, bagian = 0.0, 0, {}
        for nama, akar in self._akar.items():
            cpu, mem, semua = 0.0, 0, self._semua(akar)
            self._jumlah[nama] = max(self._jumlah[nama], len(semua))
            for p in semua:
                p = self._proses.setdefault(p.pid, p)  # the same object keeps the CPU baseline
                try:
                    baru = p.pid not in self._dilihat
                    c = p.cpu_percent(None)
                    mem += self._memori(p, nama)
                    if not baru:
                        cpu += c
                    self._dilihat.add(p.pid)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
            bagian[nama] = (round(cpu, 1), mem)
            total_cpu, total_mem = total_cpu + cpu, total_mem + mem
        t = round(time.monotonic() - t0, 2)
        self.sampel.append(Sampel(t, round(total_cpu, 1), total_mem, bagian))

    def _loop(self) -> None:
        t0 = time.monotonic()
        self._dilihat: set[int] = set()
        for akar in self._akar.values():
            for p in self._semua(akar):  # the baseline of cpu_percent
                self._proses[p.pid] = p
                try:
                    p.cpu_percent(None)
                    self._dilihat.add(p.pid)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
        while not self._henti.wait(self.selang):
            self._ambil(t0)

    def mulai(self) -> PengukurServer:
        self._thread.start()
        return self

    def henti(self) -> None:
        self._henti.set()
        self._thread.join(timeout=10)

    def laporan(self) -> dict:
        cpu = [s.cpu_pct for s in self.sampel]
        rss = [s.rss for s in self.sampel]
        out = {
            "pids": [p.pid for akar in self._akar.values() for p in akar],
            "selang_s": self.selang,
            "cpu_rata_pct": round(sum(cpu) / len(cpu), 1) if cpu else None,
            "cpu_maks_pct": max(cpu) if cpu else None,
            "rss_puncak_mb": round(max(rss) / 2**20, 1) if rss else None,
            "rss_awal_mb": round(rss[0] / 2**20, 1) if rss else None,
            "rss_akhir_mb": round(rss[-1] / 2**20, 1) if rss else None,
        }
        if len(self._akar) > 1:
            out["kelompok"] = {nama: self._laporan_kelompok(nama) for nama in self._akar}
        return out

    def _laporan_kelompok(self, nama: str) -> dict:
        cpu = [s.kelompok[nama][0] for s in self.sampel if nama in s.kelompok]
        mem = [s.kelompok[nama][1] for s in self.sampel if nama in s.kelompok]
        return {
            "pids": [p.pid for p in self._akar[nama]],
            "proses_maks": self._jumlah[nama],
            "cpu_rata_pct": round(sum(cpu) / len(cpu), 1) if cpu else None,
            "cpu_maks_pct": max(cpu) if cpu else None,
            "memori": "pss" if nama in self.pss else "rss",
            "memori_puncak_mb": round(max(mem) / 2**20, 1) if mem else None,
        }
