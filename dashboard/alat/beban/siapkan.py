"""The store a load run works on: a demo scale plus load users, and the read-back afterwards.

Each staf session gets its own unit with an open period (so no two sessions save the same rows);
reviewers come in pairs per instansi (Pengelola Monev verifies, Sekretaris initials what was
verified), and that instansi's other open units are submitted beforehand so the queue has work;
Kadis sessions are spread over the instansi. Every load user has the password SANDI (hashed once
at the product's bcrypt cost). The plan is written beside the store (`<db>.beban.json`) so a run
against an already running deployment (`--url`) knows the users without opening its store. The
reminders due now are written first, as a running server keeps them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from dashboard.akun.akses import Akses
from dashboard.alat import demo
from dashboard.inti import store
from dashboard.notifikasi import penjadwal

SANDI = "Muatan#Beban2026"
HARI_DEMO = dt.date(2026, 11, 21)  # the demo's "today", as bench.py and the test suites use
CAMPURAN = {"kadis": 0.4, "staf": 0.45, "reviewer": 0.15}


@dataclass(frozen=True)
class Pengguna:
    username: str
    jenis: str  # kadis | staf | monev | sekretaris
    instansi_id: int
    unit_id: int | None = None
    periode_id: int | None = None


def bagi(sesi: int, campuran: dict[str, float] = CAMPURAN) -> dict[str, int]:
    """How many sessions of each kind: staf and reviewers rounded, Kadis the rest; at least one
    of each when there are three sessions or more."""
    total = sum(campuran.values())
    staf = round(sesi * campuran.get("staf", 0) / total)
    reviewer = round(sesi * campuran.get("reviewer", 0) / total)
    if sesi >= 3:
        staf, reviewer = max(staf, 1), max(reviewer, 1)
    staf = min(staf, sesi)
    reviewer = min(reviewer, sesi - staf)
    return {"kadis": sesi - staf - reviewer, "staf": staf, "reviewer": reviewer}


def jalur_rencana(db: Path) -> Path:
    return Path(f"{db}.beban.json")


def baca_rencana(rencana: Path) -> list[Pengguna]:
    """The load users of a plan file (`jalur_rencana(db)` of the store it was built with)."""
    return [Pengguna(**p) for p in json.loads(rencana.read_text(encoding="utf-8"))]


def pilih(
    rencana: list[Pengguna], sesi: int, campuran: dict[str, float] = CAMPURAN
) -> list[Pengguna]:
    """`sesi` load users of a plan in the mix's proportions, so one store built for 200 sessions
    serves a run of 100 (one process against two) with the same mix; the plan lists staf, then
    reviewers in pairs, then Kadis, and its head alone would have no Kadis. Kadis fill what the
    other kinds lack."""
    if sesi >= len(rencana):
        return list(rencana)
    jumlah = bagi(sesi, campuran)
    staf = [u for u in rencana if u.jenis == "staf"][: jumlah["staf"]]
    reviewer = [u for u in rencana if u.jenis in ("monev", "sekretaris")][: jumlah["reviewer"]]
    kadis = [u for u in rencana if u.jenis == "kadis"][: sesi - len(staf) - len(reviewer)]
    return staf + reviewer + kadis


def _unit_terbuka(con) -> list[tuple[int, int, int]]:
    """(unit, instansi, open period) of the units that can still save a draft there and have
    an indicator to fill, spread over the instansi (the first unit of every instansi, then the
    second, ...)."""
    return con.execute(
        "SELECT u.id, u.instansi_id, r.id FROM unit u JOIN periode r ON r.instansi_id = "
        "u.instansi_id AND r.status = 'dibuka' LEFT JOIN pengajuan p ON p.periode_id = r.id "
        "AND p.unit_id = u.id WHERE (p.id IS NULL OR p.status = 'draf') "
        "AND EXISTS (SELECT 1 FROM indikator i WHERE i.unit_id = u.id AND i.aktif) "
        "ORDER BY row_number() OVER (PARTITION BY u.instansi_id ORDER BY u.id), u.instansi_id"
    ).fetchall()


def _isi_dan_ajukan(con, username: str, unit_id: int, instansi_id: int, periode_id: int) -> bool:
    """Fill a unit's quarter with its targets and submit it (queue work for the reviewers)."""
    from dashboard.pengumpulan import layanan_realisasi as realisasi

    akses = Akses(username, frozenset({"staf_bidang"}), instansi_id, unit_id, username)
    form = realisasi.form_entri(con, akses, periode_id, unit_id)
    n = form.periode["triwulan"]
    versi = form.baris.set_index("indikator_id")["versi"].to_dict()
    baris = [
        realisasi.BarisSimpan(
            i.indikator_id,
            float(i.target[n - 1] if i.target[n - 1] is not None else 1),
            "sesuai rencana (uji beban)",
            versi=versi.get(i.indikator_id),
        )
        for i in form.indikator
    ]
    try:
        realisasi.simpan(con, akses, periode_id, unit_id, baris)
        realisasi.ajukan(con, akses, periode_id, unit_id)
    except ValueError:  # a unit whose checks refuse the targets: no queue item from it
        return False
    return True


def siapkan(
    db: Path,
    scale: str,
    sesi: int,
    campuran: dict[str, float] = CAMPURAN,
    dari: Path | None = None,
) -> dict:
    """Build the store at `db` (a new file) and its plan; a summary of what was made. `dari`:
    a copy of that demo store (of `scale`, generated for HARI_DEMO) instead of generating."""
    from dashboard.akun import layanan_pengguna as svc_pengguna

    if db.exists():
        raise FileExistsError(f"{db} sudah ada; uji beban membangun basis datanya sendiri")
    if dari is not None:
        db.write_bytes(dari.read_bytes())
    con = store.connect(db)
    try:
        store.migrate(con)
        con.execute("SET enable_progress_bar = false")
        if dari is None:
            demo.generate(con, scale, today=HARI_DEMO)
        jumlah = bagi(sesi, campuran)
        units = _unit_terbuka(con)
        instansi = [r[0] for r in con.execute("SELECT id FROM instansi ORDER BY id").fetchall()]
        rencana: list[Pengguna] = []
        staf_units = units[: jumlah["staf"]]
        for k, (uid, iid, pid) in enumerate(staf_units):
            rencana.append(Pengguna(f"muat.staf{k}", "staf", iid, uid, pid))
        # reviewers work where the staf sessions are fewest: from the last instansi backwards,
        # among those with open units left to submit for their queue (an instansi whose
        # quarter is all signed, or whose units have no indicator, would give them nothing)
        pasangan = (jumlah["reviewer"] + 1) // 2
        sisa = {u[1] for u in units[len(staf_units) :]}
        diperiksa = [i for i in reversed(instansi) if i in sisa][: max(pasangan, 0)]
        diperiksa = diperiksa or list(reversed(instansi))[: max(pasangan, 0)]
        for k in range(jumlah["reviewer"]):
            iid = diperiksa[(k // 2) % len(diperiksa)]
            jenis = "monev" if k % 2 == 0 else "sekretaris"
            rencana.append(Pengguna(f"muat.{jenis}{k // 2}", jenis, iid))
        kadis = jumlah["kadis"] + jumlah["staf"] - len(staf_units)  # too few open units
        for k in range(kadis):
            rencana.append(Pengguna(f"muat.kadis{k}", "kadis", instansi[k % len(instansi)]))
        peran = {
            "kadis": "kadis",
            "staf": "staf_bidang",
            "monev": "pengelola_monev",
            "sekretaris": "sekretaris",
        }
        hashed = svc_pengguna.hash_sandi(SANDI)
        pakai = {u.unit_id for u in rencana if u.unit_id}
        isi = [u for u in units if u[1] in set(diperiksa) and u[0] not in pakai]
        pengisi = [Pengguna(f"muat.isi{k}", "staf", u[1], u[0], u[2]) for k, u in enumerate(isi)]
        for u in rencana + pengisi:
            uid = store.satu(
                con.execute(
                    store.sql("pengguna_insert"),
                    {
                        "username": u.username,
                        "nama": f"Uji beban {u.username}",
                        "email": None,
                        "password_hash": hashed,
                        "instansi_id": u.instansi_id,
                        "unit_id": u.unit_id,
                        "aktif": True,
                    },
                ).fetchone()
            )[0]
            con.execute("INSERT INTO peran_pengguna VALUES (?, ?)", [uid, peran[u.jenis]])
        diajukan = sum(
            _isi_dan_ajukan(con, u.username, u.unit_id, u.instansi_id, u.periode_id)
            for u in pengisi
            if u.unit_id is not None and u.periode_id is not None  # every pengisi has both
        )
        # the reminders due now, written as a running server's timer keeps them: the load
        # measures a server in its steady state, not the first reminder run after a demo store
        # was generated (some 270 new items at scale M, a second of the server's interpreter)
        penjadwal.jalankan_sekali(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    jalur_rencana(db).write_text(json.dumps([asdict(u) for u in rencana], indent=1), "utf-8")
    return {
        "scale": scale,
        "sesi": {j: sum(u.jenis == j for u in rencana) for j in peran},
        "antrian_diisi": diajukan,
        "unit_terbuka": len(units),
    }


def baca_kembali(db: Path | str, simpan: list[dict], setuju: list[dict]) -> list[str]:
    """Every acknowledged write, looked up in the store: each saved value in the value history
    under its user, the last one per indicator as the stored value, and every approval as a
    transition event of its user. Returns what is missing (lost writes)."""
    con = store.connect(db, read_only=True)
    hilang: list[str] = []
    try:
        terakhir: dict[tuple[int, str, int, int], tuple[float, str]] = {}
        for s in simpan:
            tahun, tw = store.satu(
                con.execute(
                    "SELECT tahun, triwulan FROM periode WHERE id = ?", [s["periode_id"]]
                ).fetchone()
            )
            for kode, nilai in s["nilai"].items():
                ada = store.satu(
                    con.execute(
                        "SELECT count(*) FROM realisasi_riwayat h JOIN indikator i ON "
                        "i.id = h.indikator_id WHERE i.unit_id = ? AND i.kode = ? AND h.tahun = ? "
                        "AND h.triwulan = ? AND h.nilai_baru = ? AND h.oleh = ?",
                        [s["unit_id"], kode, tahun, tw, nilai, s["username"]],
                    ).fetchone()
                )[0]
                if not ada:
                    hilang.append(f"{s['username']} {kode}={nilai}: tidak ada di riwayat")
                terakhir[(s["unit_id"], kode, tahun, tw)] = (nilai, s["username"])
        for (unit_id, kode, tahun, tw), (nilai, user) in terakhir.items():
            row = con.execute(
                "SELECT r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
                "WHERE i.unit_id = ? AND i.kode = ? AND r.tahun = ? AND r.triwulan = ?",
                [unit_id, kode, tahun, tw],
            ).fetchone()
            if not row or row[0] != nilai:
                hilang.append(f"{user} {kode}: tersimpan {row and row[0]}, diakui {nilai}")
        per_user: dict[str, int] = {}
        for s in setuju:
            per_user[s["username"]] = per_user.get(s["username"], 0) + 1
        for user, n in per_user.items():
            ada = store.satu(
                con.execute(
                    "SELECT count(*) FROM event WHERE jenis = 'transisi' AND pengguna = ?", [user]
                ).fetchone()
            )[0]
            if ada < n:
                hilang.append(f"{user}: {n} persetujuan diakui, {ada} tercatat")
    finally:
        con.close()
    return hilang
