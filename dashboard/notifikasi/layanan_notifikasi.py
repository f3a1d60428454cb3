"""Notifications (docs/DOMAIN.md §14): the inbox, the email outbox, each user's switches, the
reminders and the sender.

Event-driven notifications are written by the service that makes the change, inside its
transaction (`kirim`): the inbox item and, for a user who wants email and has an address, an
outbox row. Time-driven ones come from `jalankan_pengingat`, idempotent through each item's
deduplication key. Email leaves only in `kirim_outbox`, after the commit, never inside a write:
a failure keeps the mail with one more attempt and a later time, and undoes nothing.

Inbox reads are cached per user on the version of the inbox scope of the recipient's
instansi (`lingkup_kotak`), which every inbox write bumps; the dashboards' own scopes are left
alone, so reading a notification turns nothing else cold.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import smtplib
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import bingkai, config, store, surel, versi_data
from dashboard.notifikasi import notifikasi as aturan
from dashboard.notifikasi.notifikasi import Pesan
from dashboard.periode import ketepatan, surat_permintaan
from dashboard.rapat import tindak_lanjut as aturan_tl
from dashboard.review.alur import DIPERIKSA, DRAF, PERAN_ANTRIAN, label_status
from dashboard.sop.mutu_baku import MutuBakuWaktu

log = logging.getLogger("monev.notifikasi")
BATAS_DAFTAR = 200
BATAS_KIRIM = 200  # mails per run of the sender
BATAS_SEGERA = 60  # mails sent right after a write (a period opened); the rest by the command


def lingkup_kotak(instansi_id: int | None) -> str:
    """The data-version scope of the inbox items of an instansi's users ('kotak:global' for
    users tied to no instansi)."""
    return f"kotak:{versi_data.lingkup_penulis(instansi_id)}"


def url_dasar() -> str | None:
    """The app's public address for links in emails (MONEV_URL / [app] url), if set."""
    return config.setting("MONEV_URL", "app", "url")


# ---------------------------------------------------------------- writing (inside a write)


def penerima_unit(cur: duckdb.DuckDBPyConnection, unit_ids: Iterable[int]) -> pd.DataFrame:
    """The Staf Bidang accounts of the units (the recipients of a unit's notifications). The
    product has no Kepala Bidang role: the letter's addressees read it through their staf."""
    ids = sorted({int(u) for u in unit_ids})
    return store.fetch_df(cur, "notifikasi_staf_unit", {"unit_ids": ids})


def penerima_peran(cur: duckdb.DuckDBPyConnection, peran: str, instansi_id: int) -> pd.DataFrame:
    return store.fetch_df(
        cur, "notifikasi_peran_instansi", {"peran": peran, "instansi_id": instansi_id}
    )


def _belah(df: pd.DataFrame, *kolom: str) -> Callable[..., pd.DataFrame]:
    """The rows of `df` with given values of `kolom`, split once (a filter per due item cost a
    millisecond)."""
    bagian = {tuple(k) if isinstance(k, tuple) else (k,): g for k, g in df.groupby(list(kolom))}
    kosong = df.iloc[:0]
    return lambda *nilai: bagian.get(nilai, kosong)


def kirim(
    cur: duckdb.DuckDBPyConnection,
    pesan: Pesan,
    penerima: pd.DataFrame,
    kunci_dasar: str,
    waktu: dt.datetime | None = None,
    ada: AbstractSet[str] = frozenset(),
) -> int:
    """Write `pesan` to each recipient's inbox and queue its email, inside the caller's
    transaction; an item whose key (kunci_dasar + username) exists is skipped with its email,
    without a write when the key is in `ada` (the keys the caller read beforehand). Returns how
    many items were new. Says which inbox scopes it touched."""
    waktu = waktu or config.sekarang()
    baru = 0
    url = url_dasar()
    for r in bingkai.baris_dict(penerima):
        kunci = f"{kunci_dasar}:{r['username']}"
        if kunci in ada:
            continue
        instansi_id = None if pd.isna(r["instansi_id"]) else int(r["instansi_id"])
        row = cur.execute(
            store.sql("notifikasi_insert"),
            {
                "kunci": kunci,
                "username": r["username"],
                "instansi_id": instansi_id,
                "jenis": pesan.jenis,
                "judul": pesan.judul,
                "isi": pesan.isi,
                "halaman": pesan.halaman,
                "objek": pesan.objek,
                "objek_id": pesan.objek_id,
                "waktu": waktu,
            },
        ).fetchone()
        if not row:
            continue
        baru += 1
        versi_data.sentuh(lingkup_kotak(instansi_id))
        email = r["email"]
        if bool(r["surel"]) and isinstance(email, str) and email.strip():
            cur.execute(
                store.sql("surel_insert"),
                {
                    "kunci": kunci,
                    "username": r["username"],
                    "email": email.strip(),
                    "subjek": f"[Monev Kinerja] {pesan.judul}",
                    "isi": aturan.isi_surel(pesan, str(r["nama"]), url),
                    "sekarang": waktu,
                },
            )
    return baru


def beri_tahu_dikembalikan(
    cur: duckdb.DuckDBPyConnection, pengajuan_id: int, ke: str, alasan: str
) -> int:
    """Inside a return's transaction: a submission returned to the unit (draf) tells the
    unit's staf, one returned to an earlier reviewer tells that reviewer's role; with the
    reason."""
    row = store.satu(
        cur.execute(store.sql("pengajuan_get"), {"pengajuan_id": pengajuan_id}).fetchone()
    )
    unit_id, instansi_id, tahun, triwulan, unit = row[2], row[8], row[9], row[10], row[12]
    if ke == DRAF:
        penerima, halaman = penerima_unit(cur, [unit_id]), "entri"
    else:
        penerima, halaman = penerima_peran(cur, PERAN_ANTRIAN[ke], instansi_id), "antrian"
    waktu = config.sekarang()
    pesan = aturan.pesan_dikembalikan(tahun, triwulan, unit, alasan, pengajuan_id, halaman)
    kunci = aturan.kunci("dikembalikan", pengajuan_id, ke, waktu.isoformat())
    return kirim(cur, pesan, penerima, kunci, waktu)


# ---------------------------------------------------------------- the request letter


def buat_surat_permintaan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    tenggat: dt.date,
) -> str:
    """Inside the period's opening transaction: number and store the letter, log
    'surat_permintaan_dikirim' (the SOP step it performs) and notify every unit's staf.
    Returns the letter's number. Checks the caller as opening the period does."""
    akses.wajib("pengelola_monev")
    akses.cek_instansi(instansi_id)
    kop = cur.execute(store.sql("instansi_kop"), {"instansi_id": instansi_id}).fetchone()
    if not kop:
        raise ValueError("Instansi tidak ditemukan.")
    kode_instansi = kop[1]
    urut = int(
        store.satu(
            cur.execute(
                store.sql("surat_permintaan_urut"), {"instansi_id": instansi_id, "tahun": tahun}
            ).fetchone()
        )[0]
    )
    nomor = surat_permintaan.nomor(urut, kode_instansi, tahun)
    waktu = config.sekarang()
    tujuan = store.fetch_df(cur, "surat_permintaan_unit", {"instansi_id": instansi_id})
    daftar: list[dict[str, Any]] = [
        {
            "unit_id": int(u.unit_id),
            "kode": str(u.kode),
            "nama": str(u.nama),
            "jenis": str(u.jenis),
            "indikator": int(u.indikator),
        }
        for u in bingkai.baris(tujuan)
    ]
    cur.execute(
        store.sql("surat_permintaan_insert"),
        {
            "periode_id": periode_id,
            "instansi_id": instansi_id,
            "tahun": tahun,
            "urut": urut,
            "nomor": nomor,
            "waktu": waktu.date(),
            "tujuan": json.dumps(daftar),
            "username": akses.username,
            "dibuat_pada": waktu,
        },
    )
    store.log_event(
        cur,
        "surat_permintaan_dikirim",
        pengguna=akses.username,
        peran="pengelola_monev",
        objek="periode",
        objek_id=periode_id,
        ke="dikirim",
        catatan=f"Nota Dinas {nomor} kepada {len(daftar)} unit",
    )
    pesan = aturan.pesan_periode_dibuka(tahun, triwulan, tenggat, nomor, periode_id)
    kirim(
        cur,
        pesan,
        penerima_unit(cur, [u["unit_id"] for u in daftar]),
        aturan.kunci("periode_dibuka", periode_id),
        waktu,
    )
    return nomor


def surat(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> surat_permintaan.Surat:
    """The letter of a period, for anyone of its instansi: the agency-wide roles and the staf
    of an addressed unit."""
    row = cur.execute(store.sql("surat_permintaan_get"), {"periode_id": periode_id}).fetchone()
    if not row:
        raise ValueError("Periode ini belum memiliki Nota Dinas permintaan data.")
    _, instansi_id, nomor, tanggal, tujuan, _, tahun, triwulan, tenggat, catatan = row
    akses.cek_instansi(instansi_id)
    daftar = json.loads(tujuan)
    if not akses.seluruh_instansi and akses.unit_id not in {u["unit_id"] for u in daftar}:
        raise AksesDitolak("Nota Dinas ini tidak ditujukan kepada unit Anda.")
    kop = store.fetch_df(cur, "instansi_kop", {"instansi_id": instansi_id}).iloc[0].to_dict()
    return surat_permintaan.Surat(
        nomor=nomor,
        tanggal=pd.Timestamp(tanggal).date(),
        tahun=int(tahun),
        triwulan=int(triwulan),
        tenggat=pd.Timestamp(tenggat).date(),
        tujuan=daftar,
        instansi=kop,
        catatan=catatan,
    )


def berkas_surat(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, bentuk: str
) -> bytes:
    """The letter as a file, bentuk 'pdf' or 'docx' (named by `nama_berkas_surat`)."""
    s = surat(cur, akses, periode_id)
    if bentuk == "pdf":
        return surat_permintaan.pdf(s)
    if bentuk == "docx":
        return surat_permintaan.docx(s)
    raise ValueError("Bentuk berkas harus PDF atau DOCX.")


def daftar_surat(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    """The instansi's request letters (the Periode page)."""
    akses.cek_instansi(instansi_id)
    if not akses.seluruh_instansi:
        raise AksesDitolak("Daftar Nota Dinas hanya untuk peran yang melihat seluruh instansi.")
    return store.fetch_df(cur, "surat_permintaan_list", {"instansi_id": instansi_id})


def nama_berkas_surat(periode_id: int, bentuk: str) -> str:
    return f"nota-dinas-permintaan-data-periode-{int(periode_id)}.{bentuk}"


def ada_surat(cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int) -> bool:
    """Has the period a letter (periods opened before the letter existed have none)?"""
    try:
        surat(cur, akses, periode_id)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- the inbox


def jumlah_belum_dibaca(cur: duckdb.DuckDBPyConnection, akses: Akses, versi: int = 0) -> int:
    """The caller's unread items (the sidebar count). `versi` is the inbox scope's version:
    unused here, it is what makes a cached read of this turn cold after an inbox write."""
    row = store.satu(
        cur.execute(store.sql("notifikasi_belum_dibaca"), {"username": akses.username}).fetchone()
    )
    return int(row[0])


def kotak_masuk(
    cur: duckdb.DuckDBPyConnection, akses: Akses, versi: int = 0, batas: int = BATAS_DAFTAR
) -> pd.DataFrame:
    """The caller's own inbox, newest first (`versi` as in `jumlah_belum_dibaca`)."""
    return store.fetch_df(cur, "notifikasi_list", {"username": akses.username, "batas": batas})


def tandai_dibaca(cur: duckdb.DuckDBPyConnection, akses: Akses, notifikasi_id: int) -> bool:
    """Mark one of the caller's own items read (someone else's is left as it is)."""
    with store.transaction(cur):
        row = cur.execute(
            store.sql("notifikasi_baca"),
            {
                "notifikasi_id": int(notifikasi_id),
                "username": akses.username,
                "dibaca_pada": config.sekarang(),
            },
        ).fetchone()
    versi_data.sentuh(lingkup_kotak(akses.instansi_id))
    return bool(row)


def tandai_semua_dibaca(cur: duckdb.DuckDBPyConnection, akses: Akses) -> None:
    with store.transaction(cur):
        cur.execute(
            store.sql("notifikasi_baca_semua"),
            {"username": akses.username, "dibaca_pada": config.sekarang()},
        )
    versi_data.sentuh(lingkup_kotak(akses.instansi_id))


@dataclass(frozen=True)
class Preferensi:
    surel: bool = True
    ringkasan: bool = False


def preferensi(cur: duckdb.DuckDBPyConnection, akses: Akses) -> Preferensi:
    row = cur.execute(store.sql("preferensi_get"), {"username": akses.username}).fetchone()
    return Preferensi(bool(row[0]), bool(row[1])) if row else Preferensi()


def simpan_preferensi(
    cur: duckdb.DuckDBPyConnection, akses: Akses, surel_aktif: bool, ringkasan: bool
) -> None:
    """The caller's own switches: email on/off, daily digest on/off."""
    with store.transaction(cur):
        cur.execute(store.sql("preferensi_hapus"), {"username": akses.username})
        cur.execute(
            store.sql("preferensi_insert"),
            {
                "username": akses.username,
                "surel_aktif": bool(surel_aktif),
                "ringkasan": bool(ringkasan),
            },
        )
        store.log_event(
            cur,
            "preferensi_notifikasi",
            pengguna=akses.username,
            objek="pengguna",
            objek_id=akses.username,
            ke=f"surel={'ya' if surel_aktif else 'tidak'}, "
            f"ringkasan={'ya' if ringkasan else 'tidak'}",
        )
    versi_data.sentuh(lingkup_kotak(akses.instansi_id))


# ---------------------------------------------------------------- reminders


# the jenis written by the timed reminders (jalankan_pengingat): all but those of an event
PENGINGAT = sorted(set(aturan.JENIS) - {"periode_dibuka", "dikembalikan"})


@dataclass
class HasilPengingat:
    """What one run of the reminders wrote, by jenis, and the inbox scopes it touched."""

    baru: dict[str, int] = field(default_factory=dict)
    lingkup: set[str] = field(default_factory=set)

    def tambah(self, jenis: str, n: int) -> None:
        if n:
            self.baru[jenis] = self.baru.get(jenis, 0) + n


def _cek_pelaksana(akses: Akses) -> None:
    """The reminders and the sender run for every instansi (what the scheduled command does):
    an administrator may start them early; nothing of another instansi is shown by it."""
    if not akses.punya("admin"):
        raise AksesDitolak("Pengingat dan pengiriman surel dijalankan oleh Administrator.")


def jalankan_pengingat(
    cur: duckdb.DuckDBPyConnection, akses: Akses, sekarang: dt.datetime | None = None
) -> HasilPengingat:
    """Every time-driven notification due at `sekarang` (the agency's clock), in one
    transaction; running it again writes nothing new. The caller bumps `lingkup` after it."""
    _cek_pelaksana(akses)
    sekarang = sekarang or config.sekarang()
    hari_ini = sekarang.date()
    hasil = HasilPengingat()
    with versi_data.catat() as tersentuh, store.transaction(cur):
        # the keys written by earlier runs, read once: a run with nothing new writes nothing
        # (one attempted write per due item held the server's interpreter for a second)
        ada = {r[0] for r in store.fetch_all(cur, "notifikasi_kunci_jenis", {"jenis": PENGINGAT})}
        _pengingat_tenggat(cur, hari_ini, sekarang, hasil, ada)
        _pengingat_antrian(cur, sekarang, hasil, ada)
        _pengingat_tindak_lanjut(cur, hari_ini, sekarang, hasil, ada)
        _ringkasan_harian(cur, sekarang, hasil)
        hasil.lingkup = set(tersentuh)
    return hasil


def _pengingat_tenggat(
    cur: duckdb.DuckDBPyConnection,
    hari_ini: dt.date,
    sekarang: dt.datetime,
    h: HasilPengingat,
    ada: AbstractSet[str],
) -> None:
    df = store.fetch_df(
        cur, "pengingat_tenggat", {"tenggat": hari_ini + dt.timedelta(days=3), "status_draf": DRAF}
    )
    if df.empty:
        return
    staf = _belah(penerima_unit(cur, df["unit_id"]), "unit_id")
    for r in bingkai.baris(df):
        tenggat = pd.Timestamp(r.tenggat).date()
        jenis = aturan.jenis_tenggat(tenggat, hari_ini)
        if jenis is None:
            continue
        pesan = aturan.pesan_tenggat(jenis, r.tahun, r.triwulan, tenggat, r.unit, r.periode_id)
        penerima = staf(r.unit_id)
        kunci = aturan.kunci(jenis, r.periode_id, r.unit_id)
        h.tambah(jenis, kirim(cur, pesan, penerima, kunci, sekarang, ada))


def standar_antrian(
    cur: duckdb.DuckDBPyConnection,
    instansi_id: int,
    peta: pd.DataFrame,
    detail: Callable[[int], tuple[dict, pd.DataFrame]],
) -> dict[str, tuple[MutuBakuWaktu, str]]:
    """For each waiting status of a submission, the mutu baku of the SOP step that starts at
    it (the step-to-event mapping `peta`, docs/DOMAIN.md §8.6, of the pengumpulan SOP the
    instansi adopted; `detail` gives an SOP's header and steps): status -> (MutuBakuWaktu, its
    text). The mapping and the SOPs are read once per reminder run, not once per instansi: most
    instansi adopt the same SOP, and the run holds the server's interpreter while it works."""
    from dashboard.sop import layanan_pelaksanaan as pelaksanaan

    sop_id = pelaksanaan.sop_untuk(cur, instansi_id, "pengumpulan")
    if sop_id is None:
        return {}
    header, langkah = detail(sop_id)
    peta = peta[peta["sop_kode"] == header["kode"]]
    per_urutan = {int(r.urutan): r.standar for r in bingkai.baris(langkah)}
    hasil = {}
    for m in bingkai.baris(peta):
        w = per_urutan.get(int(m.urutan))
        if w is not None and w.ada_standar and isinstance(m.mulai_ke, str):
            hasil[m.mulai_ke] = (w, w.uraian())
    return hasil


def _pengingat_antrian(
    cur: duckdb.DuckDBPyConnection, sekarang: dt.datetime, h: HasilPengingat, ada: AbstractSet[str]
) -> None:
    from dashboard.sop import layanan_registri as sop_registry

    df = store.fetch_df(cur, "pengingat_antrian", {"status_diperiksa": list(DIPERIKSA)})
    if df.empty:
        return
    kal = sop_registry.kalender(cur)
    peta = store.fetch_df(cur, "sop_pemetaan_list")
    peta = peta[
        (peta["cara"] == "event")
        & (peta["mulai_jenis"] == "transisi")
        & (peta["mulai_objek"] == "pengajuan")
    ]
    detail = functools.cache(functools.partial(sop_registry.detail, cur))
    # every reviewer account in one read (one read per instansi and role held the server's
    # interpreter for a third of a second at 40 instansi)
    peran = sorted(set(PERAN_ANTRIAN.values()))
    penerima = _belah(
        store.fetch_df(cur, "notifikasi_peran_semua", {"peran": peran}), "peran", "instansi_id"
    )

    per_instansi: dict[int, dict[str, tuple[MutuBakuWaktu, str]]] = {}
    for r in bingkai.baris(df):
        iid = int(r.instansi_id)
        if iid not in per_instansi:
            per_instansi[iid] = standar_antrian(cur, iid, peta, detail)
        standar = per_instansi[iid]
        if r.status not in standar:
            continue
        w, teks = standar[r.status]
        sejak = pd.Timestamp(r.status_sejak).to_pydatetime()
        lewat = ketepatan.durasi(kal, w, sejak, sekarang) > (ketepatan.standar_menit(w) or 0)
        if not lewat:
            continue
        pesan = aturan.pesan_antrian(
            r.tahun, r.triwulan, r.unit, label_status(r.status), teks, r.pengajuan_id
        )
        kunci = aturan.kunci("antrian_lewat", r.pengajuan_id, r.status, sejak.isoformat())
        h.tambah(
            "antrian_lewat",
            kirim(cur, pesan, penerima(PERAN_ANTRIAN[r.status], iid), kunci, sekarang, ada),
        )


def _pengingat_tindak_lanjut(
    cur: duckdb.DuckDBPyConnection,
    hari_ini: dt.date,
    sekarang: dt.datetime,
    h: HasilPengingat,
    ada: AbstractSet[str],
) -> None:
    batas = hari_ini + dt.timedelta(days=3)
    df = store.fetch_df(
        cur, "pengingat_tindak_lanjut", {"batas": batas, "status": aturan_tl.terbuka_sql()}
    )
    if df.empty:
        return
    staf = _belah(penerima_unit(cur, df["unit_id"]), "unit_id")
    for r in bingkai.baris(df):
        batas = pd.Timestamp(r.batas_waktu).date()
        jenis = aturan.jenis_tindak_lanjut(batas, hari_ini)
        if jenis is None:
            continue
        pesan = aturan.pesan_tindak_lanjut(jenis, r.uraian, batas, r.tindak_lanjut_id)
        penerima = staf(r.unit_id)
        kunci = aturan.kunci(jenis, r.tindak_lanjut_id)
        h.tambah(jenis, kirim(cur, pesan, penerima, kunci, sekarang, ada))


def _ringkasan_harian(
    cur: duckdb.DuckDBPyConnection, sekarang: dt.datetime, h: HasilPengingat
) -> None:
    """One digest email a day to each user who asked for it and has unread items of the last
    day (an email only: the items are in the inbox already)."""
    url = url_dasar()
    for r in bingkai.baris(store.fetch_df(cur, "ringkasan_penerima")):
        butir = store.fetch_all(
            cur,
            "notifikasi_belum_dibaca_sejak",
            {"username": r.username, "dibuat_pada": sekarang - dt.timedelta(days=1)},
        )
        if not butir:
            continue
        kunci = aturan.kunci("ringkasan", sekarang.date().isoformat(), r.username)
        cur.execute(
            store.sql("surel_insert"),
            {
                "kunci": kunci,
                "username": r.username,
                "email": r.email,
                "subjek": f"[Monev Kinerja] Ringkasan harian {len(butir)} pemberitahuan",
                "isi": aturan.isi_ringkasan(str(r.nama), [(j, i) for j, i, _ in butir], url),
                "sekarang": sekarang,
            },
        )
        h.tambah("ringkasan", 1)


# ---------------------------------------------------------------- the outbox


@dataclass(frozen=True)
class HasilKirim:
    terkirim: int = 0
    gagal: int = 0
    galat: tuple[str, ...] = ()


def kirim_outbox(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    setelan: surel.SetelanSmtp | None = None,
    sekarang: dt.datetime | None = None,
    batas: int = BATAS_KIRIM,
    berhenti_saat_gagal: bool = False,
) -> HasilKirim:
    """Send the due mails, each claimed first (two senders never send one mail twice), each
    result committed on its own. Never raises for a mail that fails: it stays with one more
    attempt, its error and the next attempt's time (aturan.jeda_coba_lagi)."""
    _cek_pelaksana(akses)
    setelan = setelan or surel.setelan()
    if not setelan.aktif:
        return HasilKirim()
    sekarang = sekarang or config.sekarang()
    terkirim, gagal, galat = 0, 0, []
    for sid, kepada, subjek, isi, percobaan in store.fetch_all(
        cur, "surel_jatuh_tempo", {"sekarang": sekarang, "batas": batas}
    ):
        with store.transaction(cur):
            diklaim = cur.execute(
                store.sql("surel_klaim"),
                {
                    "surel_id": sid,
                    "coba_lagi_pada": sekarang + aturan.LAMA_KLAIM,
                    "sekarang": sekarang,
                },
            ).fetchone()
        if not diklaim:
            continue
        try:
            surel.kirim(setelan, kepada, subjek, isi)
        except (OSError, smtplib.SMTPException) as exc:
            pesan = f"{type(exc).__name__}: {exc}"[:500]
            lagi = sekarang + aturan.jeda_coba_lagi(int(percobaan) + 1)
            with store.transaction(cur):
                cur.execute(
                    store.sql("surel_gagal"), {"surel_id": sid, "lagi": lagi, "pesan": pesan}
                )
            log.warning("Surel %s ke %s gagal: %s", sid, kepada, pesan)
            gagal += 1
            galat.append(pesan)
            if berhenti_saat_gagal:  # the server is likely down: the rest waits for the command
                break
            continue
        with store.transaction(cur):
            cur.execute(store.sql("surel_terkirim"), {"surel_id": sid, "sekarang": sekarang})
        terkirim += 1
    return HasilKirim(terkirim, gagal, tuple(dict.fromkeys(galat)))


def ringkasan_outbox(cur: duckdb.DuckDBPyConnection, akses: Akses) -> dict[str, int]:
    """The outbox counts over the mail `daftar_outbox` lists: to the users of the admin's
    instansi (every instansi for an administrator tied to none)."""
    _cek_pelaksana(akses)
    row = store.satu(
        cur.execute(store.sql("surel_ringkas"), {"instansi_id": akses.instansi_id}).fetchone()
    )
    return {"menunggu": int(row[0]), "gagal": int(row[1]), "terkirim": int(row[2])}


def daftar_outbox(
    cur: duckdb.DuckDBPyConnection, akses: Akses, batas: int = BATAS_DAFTAR
) -> pd.DataFrame:
    """The outbox for the administrator: mail to the users of the admin's instansi (every
    instansi for an administrator tied to none)."""
    _cek_pelaksana(akses)
    return store.fetch_df(cur, "surel_list", {"batas": batas, "instansi_id": akses.instansi_id})


def jalankan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, sekarang: dt.datetime | None = None
) -> tuple[HasilPengingat, HasilKirim]:
    """The command's work (`python -m dashboard notifikasi`, the admin's "Kirim sekarang"):
    the reminders, committed, then the outbox."""
    hasil = jalankan_pengingat(cur, akses, sekarang)
    versi_data.sentuh(*hasil.lingkup)
    return hasil, kirim_outbox(cur, akses, sekarang=sekarang)


def kirim_segera(cur: duckdb.DuckDBPyConnection) -> None:
    """Best effort right after a write committed mail (a period opened): send what is due
    with the short SMTP timeout; any problem is left to the next run of the command."""
    try:
        kirim_outbox(cur, SISTEM_PENGIRIM, batas=BATAS_SEGERA, berhenti_saat_gagal=True)
    except Exception:  # noqa: BLE001 - the write is done; the command retries the outbox
        log.exception("Pengiriman surel segera gagal; dicoba lagi oleh perintah notifikasi")


SISTEM_PENGIRIM = Akses(username="sistem", peran=frozenset({"admin"}), nama="Penjadwal")
