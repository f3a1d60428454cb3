"""What the simulated users do, with a think time drawn between two bounds before every action.

- Kadis: Beranda, then in turn a rerun (a refresh) and a drill-down: a unit and the Indikator tab,
  another indicator, back to the summary of all units.
- Staf Bidang: Isi realisasi, types new values into one to three rows (each one a rerun, as the
  browser sends it when the field is left), then "Simpan draf"; the save counts as acknowledged
  when "Draf tersimpan (k baris berubah)" shows with k the rows typed.
- Pengelola Monev / Sekretaris: Antrian review, approve the submission shown (Verifikasi / Paraf)
  while there is one, else look at the queue again.
"""

from __future__ import annotations

import gc
import random
import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from dashboard.alat.beban.klien import GalatKlien, Hasil, Sesi, masuk
from dashboard.alat.beban.siapkan import SANDI, Pengguna

HALAMAN = {  # the page each kind of user works on, by its title in the menu
    "kadis": "Beranda",
    "staf": "Isi realisasi",
    "monev": "Antrian review",
    "sekretaris": "Antrian review",
}
_DRAF = re.compile(r"Draf tersimpan \((\d+) baris berubah\)")


@dataclass(frozen=True)
class Pengaturan:
    url: str
    batas: float  # time.monotonic() after which no new action starts
    putaran: int | None = None  # cycles per session (None: until `batas`)
    jeda: tuple[float, float] = (2.5, 7.5)
    ramp: float = 60.0  # sessions start spread over this many seconds
    mulai: float = 0.0  # time.monotonic() at the start: actions after mulai + ramp are "steady"
    timeout: float = 120.0


class Catatan:
    """Timings, errors and acknowledged writes of all sessions (thread-safe)."""

    def __init__(self) -> None:
        self.kunci = threading.Lock()
        self.waktu: dict[str, list[float]] = defaultdict(list)
        self.waktu_tetap: dict[str, list[float]] = defaultdict(list)  # started after the ramp
        self.tetap_sejak = 0.0
        self.mulai = 0.0  # time.monotonic() at the start of the run
        # every action: (start, seconds after `mulai`; action; seconds it took), to see stalls
        self.linimasa: list[tuple[float, str, float]] = []
        self.galat: list[dict] = []
        self.simpan: list[dict] = []
        self.setuju: list[dict] = []
        self.aktif = 0
        self.puncak = 0

    def gagal(self, user: str, jenis: str, aksi: str, pesan: str) -> None:
        with self.kunci:
            self.galat.append({"user": user, "jenis": jenis, "aksi": aksi, "pesan": pesan[:300]})

    def ukur(self, user: str, aksi: str, h: Hasil, mulai: float) -> Hasil:
        with self.kunci:
            self.waktu[aksi].append(h.detik)
            self.linimasa.append((mulai - self.mulai, aksi, h.detik))
            if mulai >= self.tetap_sejak:
                self.waktu_tetap[aksi].append(h.detik)
        for e in h.exceptions:
            self.gagal(user, "exception", aksi, e)
        if not h.selesai:
            self.gagal(user, "run_tidak_selesai", aksi, f"status {h.status}")
        return h

    def masuk_sesi(self, delta: int) -> None:
        with self.kunci:
            self.aktif += delta
            self.puncak = max(self.puncak, self.aktif)


def atur_telusur(s: Sesi, langkah: int, rng: random.Random) -> bool:
    """Set the widgets of drill-down step `langkah` on the Beranda (0: a unit on the Indikator
    tab, 1: another indicator, 2: back to every unit's summary) for the next run; False when a
    widget the step needs is not on the page."""
    tab = s.cari(key="bagian", kind="tab_container")
    unit = s.cari(label="Unit", kind="selectbox")
    ind = s.cari(label="Indikator", kind="selectbox")
    if tab is None or unit is None or (langkah == 1 and ind is None):
        return False
    if langkah == 0:
        s.atur(unit, rng.choice(list(unit.proto.options[1:]) or ["Semua unit"]))
        s.atur(tab, "Indikator")
    elif langkah == 1:
        assert ind is not None  # checked above for this step
        s.atur(ind, rng.choice(list(ind.proto.options)))
    else:
        s.atur(unit, unit.proto.options[0])
        s.atur(tab, "Ringkasan")
    return True


class Pemakai:
    """One user's session: its client, its clock and its random draws."""

    def __init__(self, u: Pengguna, p: Pengaturan, c: Catatan, rng: random.Random) -> None:
        self.u, self.p, self.c, self.rng = u, p, c, rng
        self.s: Sesi | None = None

    def pikir(self) -> bool:
        """Think, unless the run is over; False when it is."""
        jeda = self.rng.uniform(*self.p.jeda)
        if time.monotonic() + jeda > self.p.batas:
            return False
        time.sleep(jeda)
        return True

    def putaran(self):
        k = 0
        while self.p.putaran is None or k < self.p.putaran:
            yield k
            k += 1

    def aksi(self, nama: str, **kw) -> Hasil:
        assert self.s is not None
        mulai = time.monotonic()
        return self.c.ukur(self.u.username, nama, self.s.jalankan(**kw), mulai)

    def jalan(self) -> None:
        time.sleep(self.rng.uniform(0, self.p.ramp))
        aksi = "login"
        try:
            t0 = time.perf_counter()
            cookie = masuk(self.p.url, self.u.username, SANDI, self.p.timeout)
            with self.c.kunci:
                self.c.waktu["login"].append(time.perf_counter() - t0)
            aksi = "first_load"
            self.s = Sesi(self.p.url, cookie, self.p.timeout)
            self.c.masuk_sesi(1)
            try:
                self.aksi("first_load")
                tujuan = HALAMAN[self.u.jenis]
                if self.s.halaman_aktif != tujuan:
                    if not self.pikir():
                        return
                    aksi = "page"
                    self.aksi("page", halaman=tujuan)
                if self.s.halaman_aktif != tujuan or not self.s.elemen:
                    self.c.gagal(self.u.username, "tidak_sampai", aksi, f"halaman {tujuan}")
                    return
                {"kadis": self.kadis, "staf": self.staf}.get(self.u.jenis, self.reviewer)()
            finally:
                self.c.masuk_sesi(-1)
                self.s.tutup()
        except GalatKlien as exc:
            jenis = "login" if aksi == "login" else "run_tidak_selesai"
            self.c.gagal(self.u.username, jenis, aksi, str(exc))
        except Exception as exc:  # noqa: BLE001 - a broken session is counted, never hidden
            self.c.gagal(self.u.username, "klien", aksi, f"{type(exc).__name__}: {exc}")

    # ------------------------------------------------------------ Kadis
    def kadis(self) -> None:
        assert self.s is not None
        for k in self.putaran():
            if not self.pikir():
                return
            self.aksi("rerun")
            if not self.pikir():
                return
            if not self.telusur(k % 3):
                return

    def telusur(self, langkah: int) -> bool:
        """One drill-down step; False (and an error) when its widget is not on the page."""
        assert self.s is not None
        if not atur_telusur(self.s, langkah, self.rng):
            self.c.gagal(self.u.username, "widget_hilang", "drilldown", f"langkah {langkah}")
            return False
        self.aksi("drilldown")
        return True

    # ------------------------------------------------------------ Staf Bidang
    def staf(self) -> None:
        s = self.s
        assert s is not None
        for _ in self.putaran():
            isian = [e for e in s.semua("text_input") if e.label.startswith("Realisasi ")]
            if not isian:
                self.c.gagal(self.u.username, "widget_hilang", "input", "isian realisasi")
                return
            nilai: dict[str, int] = {}
            for e in self.rng.sample(isian, k=min(len(isian), self.rng.randint(1, 3))):
                if not self.pikir():
                    return
                # after each typed row the page is drawn again: find the row by its label
                baru = s.cari(label=e.label, kind="text_input")
                if baru is None:
                    self.c.gagal(self.u.username, "widget_hilang", "input", e.label)
                    return
                v = self.rng.randint(1, 10**7)
                s.atur(baru, str(v))
                self.aksi("input")
                nilai[e.label.removeprefix("Realisasi ")] = v
            if not self.pikir():
                return
            tombol = s.cari(key="simpan", kind="button")
            if tombol is None:
                self.c.gagal(self.u.username, "widget_hilang", "save", "Simpan draf")
                return
            self.aksi("save", pemicu=tombol)
            diakui = [m for m in s.sukses() if _DRAF.search(m)]
            m = _DRAF.search(diakui[0]) if diakui else None
            if m and int(m.group(1)) == len(nilai) and "Belum tersimpan" not in diakui[0]:
                with self.c.kunci:
                    self.c.simpan.append(
                        {
                            "username": self.u.username,
                            "unit_id": self.u.unit_id,
                            "periode_id": self.u.periode_id,
                            "nilai": nilai,
                        }
                    )
            else:
                pesan = "; ".join(s.galat() + diakui) or "tanpa pesan"
                self.c.gagal(self.u.username, "tidak_diakui", "save", pesan)

    # ------------------------------------------------------------ reviewers
    def reviewer(self) -> None:
        s = self.s
        assert s is not None
        for _ in self.putaran():
            if not self.pikir():
                return
            tombol = s.cari(key="setujui", kind="button")
            if tombol is None:  # nothing waits for this reviewer: the queue is read again
                self.aksi("rerun")
                continue
            self.aksi("approve", pemicu=tombol)
            ok = [m for m in s.sukses() if m.startswith("Pengajuan ")]
            if ok:
                with self.c.kunci:
                    self.c.setuju.append({"username": self.u.username, "pesan": ok[0]})
            else:
                pesan = "; ".join(s.galat()) or "tanpa pesan"
                self.c.gagal(self.u.username, "tidak_diakui", "approve", pesan)


def jalankan(rencana: list[Pengguna], p: Pengaturan, seed: int = 16) -> Catatan:
    """All sessions at once, one thread each (the client waits on sockets, not on the CPU)."""
    c = Catatan()
    c.tetap_sejak = p.mulai + p.ramp
    c.mulai = p.mulai
    threads = [
        threading.Thread(
            target=Pemakai(u, p, c, random.Random(seed * 100_003 + i)).jalan,
            name=u.username,
            daemon=True,
        )
        for i, u in enumerate(rencana)
    ]
    # The client's own full collections stopped every session's thread for 0,4-0,65 s every two
    # minutes of a 200-session run (it keeps every action's timing) and freed nothing (0 objects
    # each, measured): those pauses were counted into the server's latencies. The young
    # generations are still collected; the old one waits until the run is over.
    ambang = gc.get_threshold()
    gc.set_threshold(ambang[0], ambang[1], 1_000_000)
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        gc.set_threshold(*ambang)
    return c
