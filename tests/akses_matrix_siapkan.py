"""Setups of the access matrix rows for the LKj, Balangan reports, e-Kinerja, the request
letter and the inbox (tests/test_akses_matrix.py): each prepares, on the row's fresh store
copy, the state the operation needs, through the services and their real users."""

from __future__ import annotations

import datetime as dt

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import Akses
from dashboard.laporan import layanan_ekinerja as ekinerja
from dashboard.laporan import layanan_lkj as lkj
from dashboard.notifikasi import layanan_notifikasi as notifikasi
from dashboard.notifikasi import notifikasi as aturan_notifikasi
from dashboard.rapat import layanan_rapat as rapat

JUDUL_UJI = "Uji matriks akses"
# The demo sends the LKj of every past year (2024, 2025) through the real service; the rows
# move the running year's LKj, which nothing has drafted yet.
TAHUN_LKJ = 2026
_LANGKAH_LKJ = (
    ("monev", "susun", "disusun"),
    ("sekretaris", "periksa", "diperiksa"),
    ("sekretaris", "paraf", "diparaf"),
    ("kadis", "tandatangani", "ditandatangani"),
)


def _monev(cur) -> Akses:
    return pengguna.akses_untuk(cur, "monev")


def versi_lkj(cur, ctx) -> int | None:
    """The version of the running year's LKj as a page would hold it (None: not drafted)."""
    st = lkj.status_lkj(cur, _monev(cur), ctx.instansi, TAHUN_LKJ)
    return None if st is None else int(st["versi"])


def lkj_sampai(cur, ctx, status: str) -> None:
    """Setup: the running year's LKj of the instansi moved along its chain to `status`."""
    assert versi_lkj(cur, ctx) is None, "the demo drafted this LKj: pick a year it left alone"
    for user, aksi, ke in _LANGKAH_LKJ:
        akses = pengguna.akses_untuk(cur, user)
        lkj.jalankan_lkj(cur, akses, ctx.instansi, TAHUN_LKJ, aksi, versi_lkj(cur, ctx))
        if ke == status:
            return


def siapkan_ekinerja(cur, ctx) -> None:
    """Setup: the running quarter's signed data exported for e-Kinerja once (the demo exports
    and confirms every past quarter, never the running one); the instansi's export rows kept
    to compare each caller's list with."""
    ada = ekinerja.daftar(cur, _monev(cur), ctx.instansi)
    assert ctx.periode_buka not in set(ada["periode_id"]), "the demo exported this quarter"
    ekinerja.ekspor(cur, _monev(cur), ctx.periode_buka)
    ctx.data["ekinerja"] = [
        pid
        for (pid,) in cur.execute(
            "SELECT periode_id FROM ekinerja WHERE instansi_id = ? ORDER BY periode_id",
            [ctx.instansi],
        ).fetchall()
    ]


def ekinerja_sendiri(df, aktor: str, akses: Akses, ctx) -> bool:
    """The list holds exactly the instansi's exports, the setup's one among them, not yet
    confirmed."""
    baru = df[df["periode_id"] == ctx.periode_buka]
    return (
        sorted(df["periode_id"]) == ctx.data["ekinerja"]
        and len(baru) == 1
        and baru["dientri_pada"].isna().all()
    )


RAPAT_ARSIP = {
    "tahun": 2026,
    "triwulan": 3,
    "judul": "Rapat Uji Arsip Matriks Akses",
    "waktu": dt.datetime(2026, 11, 26, 9, 0),
    "tempat": "Ruang Rapat",
    "pimpinan": "Kepala Dinas",
    "notulis": "Pengelola Monev",
    "kesimpulan": "Percepat entri.",
}


def siapkan_rapat_final(cur, ctx) -> None:
    """Setup: a meeting the Pengelola Monev records, gives a finding and makes final through
    the services; not archived (the demo archives every meeting it holds)."""
    monev = _monev(cur)
    rid = rapat.buat_rapat(cur, monev, ctx.instansi, RAPAT_ARSIP, [{"nama": "Budi"}], [])
    rapat.tambah_temuan(
        cur,
        monev,
        rid,
        {"unit_id": ctx.unit["DEP"], "permasalahan": "Data terlambat masuk"},
        [{"uraian": "Percepat entri", "pic_unit_id": ctx.unit["DEP"], "batas_waktu": "2027-01-15"}],
    )
    versi = cur.execute("SELECT versi FROM rapat WHERE id = ?", [rid]).fetchone()[0]
    rapat.finalkan_rapat(cur, monev, rid, versi)
    assert rapat.status_undangan(cur, monev, rid)["diarsipkan_pada"] is None
    ctx.data["rapat"] = rid


def siapkan_surat(cur, ctx) -> None:
    """Setup: the request letter of the open period (written as when it was opened)."""
    row = cur.execute(
        "SELECT tahun, triwulan, tenggat FROM periode WHERE id = ?", [ctx.periode_buka]
    ).fetchone()
    ada = cur.execute(
        "SELECT count(*) FROM surat_permintaan WHERE periode_id = ?", [ctx.periode_buka]
    ).fetchone()[0]
    if not ada:
        notifikasi.buat_surat_permintaan(
            cur, _monev(cur), ctx.periode_buka, ctx.instansi, row[0], row[1], row[2]
        )
    ctx.data["periode_surat"] = ctx.periode_buka


def siapkan_kotak(cur, ctx) -> None:
    """Setup: a notification to DEP's staf (with an email address, so a mail is queued) and
    to the Pengelola Monev; the unread count and the item ids of every user, to compare each
    caller's inbox with."""
    cur.execute("UPDATE pengguna SET email = 'staf.dep@contoh.go.id' WHERE username = 'staf.dep'")
    pesan = aturan_notifikasi.Pesan("uji", JUDUL_UJI, "Isi uji.")
    penerima = notifikasi.penerima_unit(cur, [ctx.unit["DEP"]])
    notifikasi.kirim(cur, pesan, penerima, "uji:staf")
    notifikasi.kirim(
        cur, pesan, notifikasi.penerima_peran(cur, "pengelola_monev", ctx.instansi), "uji:monev"
    )
    ctx.data["item_staf"] = cur.execute(
        "SELECT id FROM notifikasi WHERE penerima = 'staf.dep' AND judul = ?", [JUDUL_UJI]
    ).fetchone()[0]
    ctx.data["belum"] = dict(
        cur.execute(
            "SELECT penerima, count(*) FROM notifikasi WHERE dibaca_pada IS NULL GROUP BY 1"
        ).fetchall()
    )
    milik: dict[str, set[int]] = {}
    for username, nid in cur.execute("SELECT penerima, id FROM notifikasi").fetchall():
        milik.setdefault(username, set()).add(nid)
    ctx.data["milik"] = milik
    ctx.data["penerima_uji"] = set(
        u
        for (u,) in cur.execute(
            "SELECT penerima FROM notifikasi WHERE judul = ?", [JUDUL_UJI]
        ).fetchall()
    )


def kotak_sendiri(df, aktor: str, akses: Akses, ctx) -> bool:
    """An inbox holds only the caller's own items, the test item exactly for its recipients."""
    return set(df["id"]) <= ctx.data["milik"].get(akses.username, set()) and (
        bool((df["judul"] == JUDUL_UJI).any()) == (akses.username in ctx.data["penerima_uji"])
    )
