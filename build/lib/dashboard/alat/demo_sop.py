"""Demo runs of all eight seed SOPs (docs/DOMAIN.md §8.5-8.7), deterministic and fast.

The demo agency (DPK Sukamaju) adopts DPK Kalimantan Barat's five SOPs; three more instansi of
the same pemda adopt Tapin's, Anambas's and Balangan's Pengumpulan Data Kinerja. Runs are made
from the events the app writes (the letter, draft saves, transitions, the LKj, e-Kinerja, the
meeting). Where a service performs a step (the LKj chain, the e-Kinerja export and its entry,
the meeting invitation and archive, Balangan's semester and annual reports), the demo calls
that service at the step's moment (`config.jam_demo`), so its table rows, its events and the
runs timed from them agree, as they do when people use the app. The remaining events (the
letter, draft saves, transitions of generated submissions, the meetings created and made
final) are written in bulk with the event contract's names for speed; the rows they stand for
are generated with them. Only the steps that happen outside the app are logged by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

from dashboard.akun.akses import Akses
from dashboard.alat import demo_katalog as kat
from dashboard.inti import config, store
from dashboard.laporan import layanan_ekinerja as svc_ekinerja
from dashboard.laporan import layanan_lkj as svc_lkj
from dashboard.rapat import layanan_rapat as svc_rapat
from dashboard.sop import layanan_pelaksanaan as pelaksanaan

KALBAR = {
    "pengumpulan": "dpk_kalbar_pengumpulan_data_kinerja",
    "perbaikan": "dpk_kalbar_perbaikan_data_kinerja",
    "penyusunan_lkj": "dpk_kalbar_penyusunan_laporan_kinerja",
    "e_kinerja": "dpk_kalbar_e_kinerja",
    "monev_periodik": "dpk_kalbar_monev_kinerja_periodik",
}
# kode, name, head's title, adopted SOP (pengumpulan), units (kode, name, jenis)
INSTANSI_LAIN = (
    (
        "SETDA",
        "Sekretariat Daerah Kabupaten Sukamaju",
        "Sekretaris Daerah",
        "setda_tapin_pengumpulan_data_kinerja",
        (
            ("PEM", "Bagian Pemerintahan", "Bagian"),
            ("HKM", "Bagian Hukum", "Bagian"),
            ("ORG", "Bagian Organisasi", "Bagian"),
        ),
    ),
    (
        "DISKOMINFOTIK",
        "Dinas Komunikasi, Informatika dan Statistik Kabupaten Sukamaju",
        "Kepala Dinas Komunikasi, Informatika dan Statistik",
        "diskominfotik_anambas_pengumpulan_data_kinerja",
        (
            ("IKP", "Bidang Informasi dan Komunikasi Publik", "Bidang"),
            ("APT", "Bidang Aplikasi Informatika", "Bidang"),
            ("STA", "Bidang Statistik", "Bidang"),
        ),
    ),
    (
        "DISDIK",
        "Dinas Pendidikan Kabupaten Sukamaju",
        "Kepala Dinas Pendidikan",
        "dpk_balangan_pengumpulan_data_kinerja",
        (
            ("PAUD", "Bidang PAUD dan Pendidikan Nonformal", "Bidang"),
            ("SD", "Bidang Pembinaan Sekolah Dasar", "Bidang"),
            ("SMP", "Bidang Pembinaan Sekolah Menengah Pertama", "Bidang"),
        ),
    ),
)
KOLOM_EVENT = ["waktu", "pengguna", "peran", "jenis", "objek", "objek_id", "dari", "ke", "catatan"]


def kantor(t: dt.datetime) -> dt.datetime:
    """A moment moved into office hours (Mon-Fri 07.30-15.00), as people work."""
    if t.hour >= 15:
        t = dt.datetime.combine(t.date() + dt.timedelta(days=1), dt.time(8, t.minute % 50))
    elif t.hour < 8:
        t = t.replace(hour=8)
    while t.weekday() >= 5:
        t += dt.timedelta(days=1)
    return t


class _Demo:
    """Collects events and hand-logged steps; `tulis` stores them and makes the runs."""

    def __init__(self, cur, rng: np.random.Generator) -> None:
        self.cur, self.rng = cur, rng
        self.ev: list[tuple] = []
        self.manual: list[tuple] = []  # (prosedur, objek, kunci, urutan, mulai, selesai, pelaku)
        self.aksi: list[tuple[dt.datetime, int, Callable[[], object]]] = []

    def lama(self, menit: float, lewat: float = 0.2) -> float:
        """Minutes a step takes: mostly within its standard, a share `lewat` beyond it."""
        f = self.rng.uniform(1.2, 2.5) if self.rng.random() < lewat else self.rng.uniform(0.3, 0.9)
        return menit * f

    def setelah(self, t: dt.datetime, menit: float) -> dt.datetime:
        """The moment `menit` working minutes after t (office days of 510 minutes)."""
        t = kantor(t)
        hari, sisa = divmod(menit, 420)
        for _ in range(int(hari)):
            t = kantor(t + dt.timedelta(days=1))
        akhir = t + dt.timedelta(minutes=float(sisa))
        if akhir.hour >= 16:
            akhir = kantor(akhir + dt.timedelta(hours=16))
        return akhir

    def event(self, waktu, oleh, peran, jenis, objek, objek_id, dari=None, ke=None) -> None:
        self.ev.append((waktu, oleh, peran, jenis, objek, str(objek_id), dari, ke, None))

    def lakukan(self, waktu: dt.datetime, aksi: Callable[..., object]) -> None:
        """A step a service performs, called at `waktu` by `jalankan` (in time order) with no
        arguments (`...`: a lambda binding its loop values as defaults is such a callable)."""
        self.aksi.append((waktu, len(self.aksi), aksi))

    def langkah(self, prosedur, objek, kunci, urutan, mulai, menit, pelaku="monev", lewat=0.15):
        """Log a step by hand; returns its end."""
        selesai = self.setelah(mulai, self.lama(menit, lewat))
        self.manual.append((prosedur, objek, str(kunci), urutan, kantor(mulai), selesai, pelaku))
        return selesai

    def tulis_event(self, insert) -> int:
        """Store the bulk events and make their runs; returns the events written."""
        ev = pd.DataFrame(self.ev, columns=KOLOM_EVENT)
        insert(self.cur, "event", ev)
        pelaksanaan.sinkron(self.cur, ev)
        return len(ev)

    def jalankan(self) -> int:
        """Perform the services' steps in time order, each at its moment and in its own
        transaction (the service's), as a user would; returns how many."""
        for waktu, _, aksi in sorted(self.aksi, key=lambda a: (a[0], a[1])):
            with config.jam_demo(waktu):
                aksi()
        return len(self.aksi)

    def tulis_manual(self, insert) -> int:
        """Store the hand-logged steps on their runs (all runs exist by now)."""
        ids = {
            (p, o, k): i
            for i, p, o, k in self.cur.execute(
                "SELECT id, prosedur, objek, kunci FROM sop_run"
            ).fetchall()
        }
        rows = [
            (ids[(p, o, k)], u, m, s, pelaku, None, "monev")
            for p, o, k, u, m, s, pelaku in self.manual
            if (p, o, k) in ids
        ]
        insert(
            self.cur,
            "sop_run_langkah",
            pd.DataFrame(
                rows,
                columns=kat.KOLOM_LANGKAH_MANUAL,
            ),
        )
        return len(rows)


def _akses(username: str, peran: str, instansi_id: int) -> Akses:
    """The demo's officer of a role in an instansi (the users of demo_katalog.PENGGUNA)."""
    nama = next((p[1] for p in kat.PENGGUNA if p[0] == username), username)
    return Akses(username, frozenset({peran}), instansi_id, nama=nama)


def _lkj(cur, akses: Akses, instansi_id: int, tahun: int, aksi: str) -> None:
    """One act on the LKj through its service, on the version the actor sees."""
    rec = svc_lkj.status_lkj(cur, akses, instansi_id, tahun)
    svc_lkj.jalankan_lkj(
        cur, akses, instansi_id, tahun, aksi, None if rec is None else int(rec["versi"])
    )


def _adopsi(cur, instansi_id: int, kode: dict[str, str], waktu: dt.datetime) -> None:
    for prosedur, k in kode.items():
        cur.execute(
            "INSERT INTO sop_adopsi (instansi_id, prosedur, sop_kode, diadopsi_oleh, diadopsi_pada)"
            " VALUES ($1, $2, $3, 'admin', $4)",
            [instansi_id, prosedur, k, waktu],
        )


def _kalbar(d: _Demo, iid: int, tahun: list[int], akhir: tuple[int, int]) -> None:
    """DPK Sukamaju: the letter of every period, the draft save before every submission,
    corrections, the LKj of past years, e-Kinerja of past quarters and the monev meetings."""
    cur = d.cur
    periode = cur.execute(
        "SELECT id, tahun, triwulan, dibuka_pada, tenggat FROM periode WHERE instansi_id = $1 "
        "ORDER BY tahun, triwulan",
        [iid],
    ).fetchall()
    for pid, _th, _tw, buka, _tenggat in periode:
        d.event(
            d.setelah(buka, d.lama(90)),
            "monev",
            "pengelola_monev",
            "surat_permintaan_dikirim",
            "periode",
            pid,
        )
    # the unit's last draft save before each submission: minutes before, sometimes the day before
    kirim = cur.execute(
        "SELECT e.waktu, s.periode_id, s.unit_id, e.pengguna FROM event e "
        "JOIN pengajuan s ON CAST(s.id AS VARCHAR) = e.objek_id "
        "JOIN periode p ON p.id = s.periode_id "
        "WHERE e.objek = 'pengajuan' AND e.jenis = 'transisi' AND e.ke = 'diajukan' "
        "AND p.instansi_id = $1 ORDER BY e.waktu, e.id",
        [iid],
    ).fetchall()
    for waktu, pid, uid, oleh in kirim:
        u = d.rng.random()
        menit = (
            d.rng.uniform(3, 18)
            if u < 0.75
            else (d.rng.uniform(25, 90) if u < 0.92 else d.rng.uniform(600, 1500))
        )
        d.event(
            waktu - dt.timedelta(minutes=float(menit)),
            oleh,
            "staf_bidang",
            "realisasi_disimpan",
            "pengajuan",
            f"{pid}:{uid}",
        )
    for pid, uid, oleh in cur.execute(
        "SELECT s.periode_id, s.unit_id, 'staf.' || lower(u.kode) FROM pengajuan s "
        "JOIN unit u ON u.id = s.unit_id JOIN periode p ON p.id = s.periode_id "
        "WHERE s.status = 'draf' AND p.instansi_id = $1",
        [iid],
    ).fetchall():
        buka = next(p[3] for p in periode if p[0] == pid)
        d.event(
            kantor(buka + dt.timedelta(days=6)),
            oleh,
            "staf_bidang",
            "realisasi_disimpan",
            "pengajuan",
            f"{pid}:{uid}",
        )
    _perbaikan(d, iid, akhir)
    masa = [p for p in periode if (p[1], p[2]) < akhir]
    monev = _akses("monev", "pengelola_monev", iid)
    sekr = _akses("sekretaris", "sekretaris", iid)
    kadis = _akses("kadis", "kadis", iid)
    for th in tahun[:-1]:  # the LKj of each past year, drafted early the next year
        kunci = f"{iid}:{th}"
        t = kantor(dt.datetime(th + 1, 1, 12, 8, 0))
        t = d.langkah("penyusunan_lkj", "tahun", kunci, 1, t, 10, "sekretaris")
        t = d.langkah("penyusunan_lkj", "tahun", kunci, 2, t, 20, "monev")
        for aksi, menit, oleh in (
            ("susun", 3 * 510, monev),
            ("periksa", 90, sekr),
            ("paraf", 60, sekr),
            ("tandatangani", 60, kadis),
        ):
            t = d.setelah(t, d.lama(menit, 0.25))
            d.lakukan(t, lambda a=oleh, x=aksi, th=th: _lkj(cur, a, iid, th, x))
        t = d.langkah("penyusunan_lkj", "tahun", kunci, 7, t, 15, "sekretaris")
        d.lakukan(d.setelah(t, d.lama(30)), lambda th=th: _lkj(cur, monev, iid, th, "kirim"))
    for pid, _th, _tw, _buka, tenggat in masa:  # e-Kinerja of every past quarter
        kunci = str(pid)
        t = kantor(dt.datetime.combine(tenggat + dt.timedelta(days=20), dt.time(9)))
        t = d.langkah("e_kinerja", "periode", kunci, 1, t, 10, "kadis")
        t = d.langkah("e_kinerja", "periode", kunci, 2, t, 15, "sekretaris")
        t = d.langkah("e_kinerja", "periode", kunci, 3, t, 45, "monev")
        t = d.setelah(t, d.lama(3 * 510, 0.2))
        d.lakukan(t, lambda p=pid: svc_ekinerja.ekspor(cur, monev, p))
        t = d.langkah("e_kinerja", "periode", kunci, 5, t, 60, "monev")
        t = d.setelah(t, d.lama(240, 0.2))
        d.lakukan(t, lambda p=pid: svc_ekinerja.konfirmasi_entri(cur, monev, p))
        d.langkah("e_kinerja", "periode", kunci, 7, t, 30, "monev")
    for rid, waktu, final in cur.execute(
        "SELECT id, waktu, difinalkan_pada FROM rapat WHERE instansi_id = $1 ORDER BY id", [iid]
    ).fetchall():
        kunci = str(rid)
        t = kantor(waktu - dt.timedelta(days=8))
        t = d.langkah("monev_periodik", "rapat", kunci, 1, t, 15, "monev")
        t = d.langkah("monev_periodik", "rapat", kunci, 2, t, 30, "monev")
        d.event(t, "monev", "pengelola_monev", "rapat_dibuat", "rapat", rid)
        cur.execute("UPDATE rapat SET dibuat_pada = $2 WHERE id = $1", [rid, t])
        t = d.setelah(t, d.lama(60, 0.25))
        nomor = f"005/{rid:03d}/Sekr/{t.year}"
        d.lakukan(t, lambda r=rid, n=nomor: svc_rapat.kirim_undangan(cur, monev, r, n))
        d.langkah("monev_periodik", "rapat", kunci, 4, kantor(waktu - dt.timedelta(days=1)), 180)
        d.event(
            final, "monev", "pengelola_monev", "rapat_difinalkan", "rapat", rid, "draf", "final"
        )
        t = d.langkah("monev_periodik", "rapat", kunci, 6, final, 60, "monev")
        t = d.langkah("monev_periodik", "rapat", kunci, 7, t, 130, "sekretaris")
        t = d.langkah("monev_periodik", "rapat", kunci, 8, t, 130, "kadis")
        t = d.langkah("monev_periodik", "rapat", kunci, 9, t, 60, "monev")
        d.lakukan(
            d.setelah(t, d.lama(5, 0.3)), lambda r=rid: svc_rapat.arsipkan_rapat(cur, monev, r)
        )


def _perbaikan(d: _Demo, iid: int, akhir: tuple[int, int]) -> None:
    """A few corrections of past quarters, signed: the value they set is the one stored."""
    cur = d.cur
    rows = cur.execute(
        "SELECT r.indikator_id, r.tahun, r.triwulan, r.nilai, 'staf.' || lower(u.kode), "
        "p.tenggat FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
        "JOIN unit u ON u.id = i.unit_id JOIN periode p ON p.instansi_id = i.instansi_id "
        "AND p.tahun = r.tahun AND p.triwulan = r.triwulan "
        "WHERE i.instansi_id = $1 AND r.nilai > 0 ORDER BY r.tahun, r.triwulan, r.indikator_id",
        [iid],
    ).fetchall()
    lalu = [r for r in rows if (r[1], r[2]) < akhir]
    pilih = sorted(d.rng.choice(len(lalu), size=min(6, len(lalu)), replace=False))
    fid = cur.execute("SELECT coalesce(max(id), 0) FROM perbaikan").fetchone()[0]
    baris = []
    for k in pilih:
        ind, th, tw, nilai, staf, tenggat = lalu[int(k)]
        fid += 1
        t = kantor(dt.datetime.combine(tenggat + dt.timedelta(days=30), dt.time(9)))
        t = d.langkah("perbaikan", "perbaikan", fid, 4, t - dt.timedelta(hours=3), 120, "monev")
        d.event(t, staf, "staf_bidang", "transisi", "perbaikan", fid, None, "diajukan")
        diajukan = t
        for dari, ke, menit, oleh, peran in (
            ("diajukan", "diverifikasi", 120, "monev", "pengelola_monev"),
            ("diverifikasi", "diparaf", 120, "sekretaris", "sekretaris"),
            ("diparaf", "disahkan", 60, "kadis", "kadis"),
        ):
            t = d.setelah(t, d.lama(menit, 0.3))
            d.event(t, oleh, peran, "transisi", "perbaikan", fid, dari, ke)
        t = d.langkah("perbaikan", "perbaikan", fid, 8, t, 5, "sekretaris")
        t = d.langkah("perbaikan", "perbaikan", fid, 9, t, 5, "monev")
        d.langkah("perbaikan", "perbaikan", fid, 10, t, 5, "monev")
        baris.append(
            (
                fid,
                ind,
                th,
                tw,
                round(nilai * 0.9, 2),
                nilai,
                "Salah ketik pada nilai triwulan; bukti dukung terlampir.",
                "disahkan",
                staf,
                diajukan,
                t,
            )
        )
    if baris:
        cur.executemany(
            "INSERT INTO perbaikan (id, indikator_id, tahun, triwulan, nilai_lama, nilai_baru, "
            "alasan, status, diajukan_oleh, diajukan_pada, status_sejak) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            baris,
        )
        cur.execute(f"SELECT nextval('seq_perbaikan') FROM range({len(baris)})")


def _lain(d: _Demo, tahun: list[int], akhir: tuple[int, int], insert) -> None:
    """Three more instansi of the pemda, each with its own seed SOP for Pengumpulan."""
    cur = d.cur
    iid0 = cur.execute("SELECT max(id) FROM instansi").fetchone()[0]
    uid0 = cur.execute("SELECT max(id) FROM unit").fetchone()[0]
    pid0 = cur.execute("SELECT max(id) FROM periode").fetchone()[0]
    sid0 = cur.execute("SELECT max(id) FROM pengajuan").fetchone()[0]
    ins, units, per = [], [], []
    sub: list[tuple] = []  # the pengajuan rows, filled by _periode_lain
    for n, (kode, nama, jabatan, sop_kode, unit) in enumerate(INSTANSI_LAIN, start=1):
        iid = iid0 + n
        ins.append(
            (iid, kode, nama, "Pemerintah Kabupaten Sukamaju", "Sukamaju", jabatan)
            + KEPALA_LAIN[kode]
        )
        for uk, un, uj in unit:
            uid0 += 1
            units.append((uid0, iid, uk, un, uj, sop_kode))
    insert(
        cur,
        "instansi",
        pd.DataFrame(
            ins,
            columns=[
                "id",
                "kode",
                "nama",
                "pemda",
                "kota",
                "kepala_jabatan",
                "kepala_nama",
                "kepala_nip",
            ],
        ),
    )
    insert(
        cur,
        "unit",
        pd.DataFrame(
            [u[:5] for u in units], columns=["id", "instansi_id", "kode", "nama", "jenis"]
        ),
    )
    for iid, *_ in ins:
        sop_kode = next(u[5] for u in units if u[1] == iid)
        _adopsi(cur, iid, {"pengumpulan": sop_kode}, dt.datetime(tahun[0], 1, 2, 8))
        punya = [u for u in units if u[1] == iid]
        if sop_kode.startswith("dpk_balangan"):
            _indikator_balangan(d, iid, punya, tahun, akhir)
        for th in tahun:
            for tw in range(1, 5):
                if (th, tw) > akhir:
                    continue
                terakhir = (th, tw) == akhir
                bulan = 3 * tw + 1
                tenggat = dt.date(th + bulan // 13, (bulan - 1) % 12 + 1, 15)
                buka = dt.datetime.combine(tenggat - dt.timedelta(days=20), dt.time(8, 0))
                pid0 += 1
                pid = pid0
                per.append(
                    (
                        pid,
                        iid,
                        th,
                        tw,
                        tenggat,
                        "Surat permintaan data kinerja",
                        "dibuka" if terakhir else "ditutup",
                        "monev",
                        buka,
                        None if terakhir else buka + dt.timedelta(days=40),
                    )
                )
                sid0 = _periode_lain(
                    d, sop_kode, iid, pid, buka, tenggat, punya, sub, sid0, terakhir
                )
        if sop_kode.startswith("dpk_balangan"):
            _balangan_tahunan(d, iid, tahun, akhir)
    insert(
        cur,
        "periode",
        pd.DataFrame(
            per,
            columns=kat.KOLOM_PERIODE,
        ),
    )
    insert(
        cur,
        "pengajuan",
        pd.DataFrame(
            sub,
            columns=kat.KOLOM_PENGAJUAN,
        ),
    )
    for seq, n in (
        ("seq_instansi", len(ins)),
        ("seq_unit", len(units)),
        ("seq_periode", len(per)),
        ("seq_pengajuan", len(sub)),
    ):
        cur.execute(f"SELECT nextval('{seq}') FROM range({n})")


def _periode_lain(d, sop_kode, iid, pid, buka, tenggat, units, sub, sid, terakhir) -> int:
    """One period of a further instansi: the letter, each unit's submission and its review,
    and the steps its SOP does by hand."""
    tapin, anambas = sop_kode.startswith("setda_tapin"), sop_kode.startswith("diskominfotik")
    kunci = str(pid) if not sop_kode.startswith("dpk_balangan") else f"{iid}:{buka.year}"
    objek = "periode" if kunci == str(pid) else "tahun"
    t = buka
    if anambas:
        t = d.langkah("pengumpulan", objek, kunci, 1, t, 5, "kepala")
        t = d.langkah("pengumpulan", objek, kunci, 2, t, 10, "sekretaris")
    surat = d.setelah(t, d.lama(20 if anambas else (30 if tapin else 15), 0.2))
    d.event(surat, "monev", "pengelola_monev", "surat_permintaan_dikirim", "periode", pid)
    if tapin:
        t = d.langkah("pengumpulan", objek, kunci, 2, d.setelah(surat, 300), 180, "monev")
        d.langkah("pengumpulan", objek, kunci, 3, t, 2 * 510, "tim.sakip")
    akhir_verif = surat
    for k, (uid, _iid, uk, *_r) in enumerate(units):
        target = ("disahkan", "diajukan", "draf")[k % 3] if terakhir else "disahkan"
        if target == "draf":
            sub.append((sid + 1, pid, uid, "draf", None, None, False, buka))
            sid += 1
            continue
        hari = d.rng.uniform(3, 8.5) if tapin else d.rng.uniform(4, 12)
        t = d.setelah(surat, hari * 510)
        staf = f"staf.{uk.lower()}"
        d.event(t, staf, "staf_bidang", "transisi", "pengajuan", sid + 1, "draf", "diajukan")
        diajukan = t
        langkah = [("diajukan", "diverifikasi", 510 if anambas else 30, "monev", "pengelola_monev")]
        if target == "disahkan":
            langkah += [
                ("diverifikasi", "diparaf", 120, "sekretaris", "sekretaris"),
                ("diparaf", "disahkan", 60, "kadis", "kadis"),
            ]
        for dari, ke, menit, oleh, peran in langkah:
            t = d.setelah(t, d.lama(menit, 0.3))
            d.event(t, oleh, peran, "transisi", "pengajuan", sid + 1, dari, ke)
            if ke == "diverifikasi":
                akhir_verif = max(akhir_verif, t)
        sid += 1
        sub.append(
            (
                sid,
                pid,
                uid,
                langkah[-1][1] if target == "disahkan" else "diverifikasi",
                staf,
                diajukan,
                diajukan.date() > tenggat,
                t,
            )
        )
    if terakhir:
        return sid
    t = akhir_verif
    if tapin:
        t = d.langkah("pengumpulan", objek, kunci, 5, t, 15 * 510, "tim.sakip")
        t = d.langkah("pengumpulan", objek, kunci, 6, t, 120, "kabag.umum")
        t = d.langkah("pengumpulan", objek, kunci, 7, t, 120, "sekda")
        d.langkah("pengumpulan", objek, kunci, 8, t, 510, "monev")
    elif anambas:
        d.langkah("pengumpulan", objek, kunci, 5, t, 510, "monev")
    else:
        t = d.langkah("pengumpulan", objek, kunci, 3, t, 2, "staf.penyusun")
        t = d.langkah("pengumpulan", objek, kunci, 4, t, 30, "staf.penyusun")
        d.langkah("pengumpulan", objek, kunci, 5, t, 30, "kasubbag")
    return sid


def _balangan_tahunan(d: _Demo, iid: int, tahun: list[int], akhir: tuple[int, int]) -> None:
    """Balangan's semester and annual reports, composed by the report service from the signed
    quarters (steps 6-9): step 7 is the service's act, steps 6 and 8 are logged by hand."""
    cur = d.cur
    monev = _akses("monev", "pengelola_monev", iid)
    for th in tahun:
        kunci = f"{iid}:{th}"
        s2 = None
        for sem, mulai, tw in (
            ("S1", dt.datetime(th, 7, 20, 8), 2),
            ("S2", dt.datetime(th + 1, 1, 20, 8), 4),
        ):
            if (th, tw) >= akhir:
                break
            t = d.langkah("pengumpulan", "tahun", kunci, 6, mulai, 2 * 510, "kasubbag")
            t = d.setelah(t, d.lama(40 * 510, 0.1))
            d.lakukan(t, lambda th=th, b=sem: svc_lkj.susun_berkala(cur, monev, iid, th, b))
            d.langkah("pengumpulan", "tahun", kunci, 8, t, 60, "kasubbag")
            s2 = t if sem == "S2" else None
        if s2 is not None:
            d.lakukan(
                d.setelah(s2, d.lama(15, 0.3)),
                lambda th=th: svc_lkj.susun_berkala(cur, monev, iid, th, "TH"),
            )


# Balangan's instansi reports on one IKU per unit, so its semester and annual reports are
# composed from real signed data: (unit kode, kode, name, baseline, annual targets' start)
IKU_BALANGAN = {
    "PAUD": ("PAUD.01", "Angka Partisipasi Kasar PAUD", 61.5, 64.0),
    "SD": ("SD.01", "Persentase Sekolah Dasar Terakreditasi Minimal B", 72.0, 75.0),
    "SMP": ("SMP.01", "Angka Partisipasi Murni SMP", 78.4, 80.0),
}
KEPALA_LAIN = {
    "SETDA": ("Drs. H. Bambang Sutrisno, M.Si", "19690314 199003 1 004"),
    "DISKOMINFOTIK": ("Ir. Dewi Anggraini, M.T.", "19750822 200012 2 003"),
    "DISDIK": ("Dr. H. Muhammad Yusran, M.Pd", "19710905 199702 1 002"),
}


def _indikator_balangan(d: _Demo, iid: int, units: list[tuple], tahun: list[int], akhir) -> None:
    """A tujuan, a sasaran and one IKU per unit with its targets and each quarter's value
    (percentages, value of the latest quarter: LAST), entered by the unit's staf. Its own
    random stream: the SOP timings drawn after it stay as they were."""
    cur, rng = d.cur, np.random.default_rng(iid)
    tid = cur.execute(
        "INSERT INTO tujuan (instansi_id, kode, uraian) VALUES ($1, 'T1', "
        "'Meningkatnya akses dan mutu layanan pendidikan') RETURNING id",
        [iid],
    ).fetchone()[0]
    sid = cur.execute(
        "INSERT INTO sasaran (tujuan_id, kode, uraian) VALUES ($1, 'S1', "
        "'Meningkatnya partisipasi dan mutu pendidikan dasar dan anak usia dini') RETURNING id",
        [tid],
    ).fetchone()[0]
    for uid, _iid, uk, un, *_ in units:
        kode, nama, baseline, awal = IKU_BALANGAN[uk]
        ind = cur.execute(
            "INSERT INTO indikator (instansi_id, unit_id, kode, nama, jenis, satuan, "
            "cara_agregasi, definisi, sumber_data, baseline, target_renstra, sasaran_id, pk) "
            "VALUES ($1, $2, $3, $4, 'IKU', '%', 'LAST', $5, $6, $7, $8, $9, TRUE) RETURNING id",
            [
                iid,
                uid,
                kode,
                nama,
                f"{nama} pada akhir periode.",
                f"Laporan {un}",
                baseline,
                awal + 8,
                sid,
            ],
        ).fetchone()[0]
        cur.executemany(  # the five-year Renstra, ending on target_renstra
            "INSERT INTO target_renstra (indikator_id, tahun, nilai) VALUES ($1, $2, $3)",
            [[ind, tahun[0] + n, awal + 2 * n] for n in range(5)],
        )
        for n, th in enumerate(tahun):
            target = round(awal + 2 * n, 2)
            cur.executemany(
                "INSERT INTO target (indikator_id, tahun, triwulan, nilai) VALUES ($1, $2, $3, $4)",
                [[ind, th, q, target] for q in range(5)],
            )
            nilai = baseline + 2 * n
            for q in range(1, 5):
                if (th, q) > akhir:
                    break
                nilai = round(nilai + float(rng.uniform(-0.4, 1.2)), 2)
                cur.execute(
                    "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan, "
                    "diubah_oleh, diubah_pada) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    [
                        ind,
                        th,
                        q,
                        nilai,
                        "Data dari laporan satuan pendidikan.",
                        f"staf.{uk.lower()}",
                        dt.datetime(th + (q == 4), (3 * q) % 12 + 1, 5, 9),
                    ],
                )


def generate(cur, tahun: list[int], akhir: tuple[int, int], seed: int, insert) -> dict[str, int]:
    """The SOP part of the S demo (after the flows, the library and the meetings exist), on a
    store outside any transaction: the generated rows and bulk events in one transaction, then
    each service's step in its own (as in the app), then the hand-logged steps."""
    d = _Demo(cur, np.random.default_rng(seed + 17))
    with store.transaction(cur):
        iid = cur.execute("SELECT min(id) FROM instansi").fetchone()[0]
        _adopsi(cur, iid, KALBAR, dt.datetime(tahun[0], 1, 2, 8))
        _kalbar(d, iid, tahun, akhir)
        _lain(d, tahun, akhir, insert)
        n_event = d.tulis_event(insert)
    n_aksi = d.jalankan()
    with store.transaction(cur):
        n_manual = d.tulis_manual(insert)
    runs = cur.execute("SELECT count(*) FROM sop_run").fetchone()[0]
    return {
        "event_sop": n_event,
        "langkah_layanan_sop": n_aksi,
        "run_sop": int(runs),
        "langkah_manual_sop": n_manual,
    }
