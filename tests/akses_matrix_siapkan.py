"""Setups of the access matrix rows for the LKj, Balangan reports, e-Kinerja, the request
letter and the inbox (tests/test_akses_matrix.py): each prepares, on the row's fresh store
copy, the state the operation needs, through the services and their real users."""

from __future__ import annotations

from dashboard import notifikasi as aturan_notifikasi
from dashboard.akses import Akses
from dashboard.services import ekinerja, lkj, notifikasi, pengguna

JUDUL_UJI = "Uji matriks akses"
_LANGKAH_LKJ = (
    ("monev", "susun", "disusun"),
    ("sekretaris", "periksa", "diperiksa"),
    ("sekretaris", "paraf", "diparaf"),
    ("kadis", "tandatangani", "ditandatangani"),
)


def _monev(cur) -> Akses:
    return pengguna.akses_untuk(cur, "monev")


def versi_lkj(cur, ctx) -> int | None:
    """The version of the 2025 LKj as a page would hold it (None: not drafted)."""
    st = lkj.status_lkj(cur, _monev(cur), ctx.instansi, 2025)
    return None if st is None else int(st["versi"])


def lkj_sampai(cur, ctx, status: str) -> None:
    """Setup: the 2025 LKj of the instansi moved along its chain to `status`."""
    for user, aksi, ke in _LANGKAH_LKJ:
        akses = pengguna.akses_untuk(cur, user)
        lkj.jalankan_lkj(cur, akses, ctx.instansi, 2025, aksi, versi_lkj(cur, ctx))
        if ke == status:
            return


def siapkan_ekinerja(cur, ctx) -> None:
    """Setup: the closed period's signed data exported for e-Kinerja once."""
    ekinerja.ekspor(cur, _monev(cur), ctx.periode_tutup)


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
