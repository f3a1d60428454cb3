"""SOP runs (pelaksanaan) and their step records (docs/DOMAIN.md §8.5-8.7).

Each instansi adopts an SOP per procedure (`sop_adopsi`). A run follows one object of the
procedure (a unit's submission, a correction, the instansi's period or year, a meeting) under the
SOP revision in force when it starts. Steps the app performs are read from the events of the
objects the run follows through `sop_pemetaan` (never copied, so the audit trail stays the one
source); steps done outside the app are logged by the Pengelola Monev. Timeliness is then
computed with the working calendar.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import bingkai, config, store, versi_data
from dashboard.inti.batas import PANJANG_NAMA, cek_panjang
from dashboard.periode import ketepatan
from dashboard.sop import layanan_registri as sop_registry

PROSEDUR = {
    "pengumpulan": "Pengumpulan data kinerja",
    "perbaikan": "Perbaikan data kinerja",
    "penyusunan_lkj": "Penyusunan Laporan Kinerja",
    "e_kinerja": "e-Kinerja",
    "monev_periodik": "Monitoring dan evaluasi kinerja periodik",
}
# What an instansi without an adoption runs (the two SOPs the app always ran).
BAWAAN = {
    "pengumpulan": "dpk_kalbar_pengumpulan_data_kinerja",
    "perbaikan": "dpk_kalbar_perbaikan_data_kinerja",
}
# What one run of an SOP follows: a unit's submission ('pengajuan'), a correction
# ('perbaikan'), the instansi's period ('periode'), its year ('tahun') or a meeting ('rapat').
# The seed SOPs as their documents read; any other SOP by its procedure.
LINGKUP_SOP = {
    "dpk_kalbar_pengumpulan_data_kinerja": "pengajuan",
    "dpk_kalbar_perbaikan_data_kinerja": "perbaikan",
    "dpk_kalbar_penyusunan_laporan_kinerja": "tahun",
    "dpk_kalbar_e_kinerja": "periode",
    "dpk_kalbar_monev_kinerja_periodik": "rapat",
    "setda_tapin_pengumpulan_data_kinerja": "periode",
    "diskominfotik_anambas_pengumpulan_data_kinerja": "periode",
    "dpk_balangan_pengumpulan_data_kinerja": "tahun",
}
LINGKUP_PROSEDUR = {
    "pengumpulan": "pengajuan",
    "perbaikan": "perbaikan",
    "penyusunan_lkj": "tahun",
    "e_kinerja": "periode",
    "monev_periodik": "rapat",
}
# The procedure whose runs an event on this kind of object starts or feeds.
PROSEDUR_OBJEK = {
    "pengajuan": "pengumpulan",
    "periode": "pengumpulan",
    "laporan_berkala": "pengumpulan",
    "perbaikan": "perbaikan",
    "lkj": "penyusunan_lkj",
    "ekinerja": "e_kinerja",
    "rapat": "monev_periodik",
}
# Objects whose events may start a run without a service calling `pastikan_run` (the hook in
# store.log_event calls `pada_event` for these).
OBJEK_PEMICU = frozenset({"periode", "laporan_berkala", "lkj", "ekinerja", "rapat"})


def lingkup_sop(kode: str, prosedur: str) -> str:
    return LINGKUP_SOP.get(kode, LINGKUP_PROSEDUR[prosedur])


# ---------------------------------------------------------------- adoption


def kode_adopsi(cur: duckdb.DuckDBPyConnection, instansi_id: int, prosedur: str) -> str | None:
    """The SOP kode the instansi runs for a procedure (its adoption, else the default)."""
    row = cur.execute(
        store.sql("sop_adopsi_get"), {"instansi_id": instansi_id, "prosedur": prosedur}
    ).fetchone()
    return row[0] if row else BAWAAN.get(prosedur)


def daftar_adopsi(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    """Per procedure: the adopted SOP (or the default), its name and latest revision."""
    akses.cek_instansi(instansi_id)
    ada = store.fetch_df(cur, "sop_adopsi_list", {"instansi_id": instansi_id}).set_index("prosedur")
    sops = sop_registry.daftar_sop(cur).set_index("kode")
    rows = []
    for p, nama in PROSEDUR.items():
        kode = ada.loc[p, "sop_kode"] if p in ada.index else BAWAAN.get(p)
        rows.append(
            {
                "prosedur": p,
                "prosedur_nama": nama,
                "sop_kode": kode,
                "sop_nama": sops.loc[kode, "nama"] if kode in sops.index else None,
                "revisi": int(sops.loc[kode, "revisi"]) if kode in sops.index else None,
                "bawaan": p not in ada.index,
                "diadopsi_oleh": ada.loc[p, "diadopsi_oleh"] if p in ada.index else None,
                "diadopsi_pada": ada.loc[p, "diadopsi_pada"] if p in ada.index else None,
            }
        )
    return pd.DataFrame(rows)


def adopsi(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    prosedur: str,
    kode: str | None,
) -> None:
    """The instansi runs SOP `kode` for `prosedur` from now on (None: none). Runs already
    started keep their revision; a new run takes the revision in force when it starts."""
    if not (akses.punya("admin") or akses.punya("pengelola_monev")):
        raise AksesDitolak("Hanya Admin atau Pengelola Monev yang dapat memilih SOP instansi.")
    akses.cek_instansi(instansi_id)
    if prosedur not in PROSEDUR:
        raise ValueError("Prosedur tidak dikenal.")
    if kode is not None and not cur.execute(store.sql("sop_terbaru"), {"kode": kode}).fetchone():
        raise ValueError("SOP tidak ditemukan di pustaka.")
    with store.transaction(cur):
        versi_data.sentuh_instansi(instansi_id)
        cur.execute(
            store.sql("sop_adopsi_hapus"), {"instansi_id": instansi_id, "prosedur": prosedur}
        )
        if kode is not None:
            cur.execute(
                store.sql("sop_adopsi_insert"),
                {
                    "instansi_id": instansi_id,
                    "prosedur": prosedur,
                    "kode": kode,
                    "username": akses.username,
                    "diadopsi_pada": config.sekarang(),
                },
            )
        store.log_event(
            cur,
            "sop_diadopsi",
            pengguna=akses.username,
            peran="admin" if akses.punya("admin") else "pengelola_monev",
            objek="instansi",
            objek_id=instansi_id,
            ke=kode,
            catatan=prosedur,
        )


def sop_untuk(
    cur: duckdb.DuckDBPyConnection, instansi_id: int, prosedur: str, pada: dt.datetime | None = None
) -> int | None:
    """The revision of the instansi's SOP for a procedure in force at `pada` (None: now, the
    latest). A run started before the SOP's first revision was loaded takes that first one."""
    kode = kode_adopsi(cur, instansi_id, prosedur)
    if kode is None:
        return None
    if pada is not None:
        row = cur.execute(store.sql("sop_revisi_pada"), {"kode": kode, "pada": pada}).fetchone()
        if row:
            return int(row[0])
    row = cur.execute(store.sql("sop_terbaru"), {"kode": kode}).fetchone()
    return int(row[0]) if row else None


# ---------------------------------------------------------------- runs


def _konteks(cur: duckdb.DuckDBPyConnection, objek: str, objek_id: str) -> dict | None:
    """Where an event's object sits: instansi, period, unit, year, quarter (None: unknown)."""
    bagian = str(objek_id).split(":")
    if objek == "pengajuan":
        if len(bagian) == 2:  # a draft save: '<periode>:<unit>'
            row = cur.execute(
                store.sql("sop_konteks_periode"), {"periode_id": int(bagian[0])}
            ).fetchone()
            if not row:
                return None
            sid = cur.execute(
                store.sql("pengajuan_unit_id"),
                {"periode_id": int(bagian[0]), "unit_id": int(bagian[1])},
            ).fetchone()
            return {
                "instansi_id": row[0],
                "periode_id": int(bagian[0]),
                "unit_id": int(bagian[1]),
                "tahun": row[1],
                "triwulan": row[2],
                "pengajuan_id": sid[0] if sid else None,
            }
        row = cur.execute(
            store.sql("pengajuan_lokasi"), {"pengajuan_id": int(bagian[0])}
        ).fetchone()
        if not row:
            return None
        p = store.satu(
            cur.execute(store.sql("sop_konteks_periode"), {"periode_id": row[1]}).fetchone()
        )
        return {
            "instansi_id": row[0],
            "periode_id": row[1],
            "unit_id": row[2],
            "tahun": p[1],
            "triwulan": p[2],
            "pengajuan_id": int(bagian[0]),
        }
    if objek == "perbaikan":
        row = cur.execute(
            store.sql("perbaikan_lokasi"), {"perbaikan_id": int(bagian[0])}
        ).fetchone()
        if not row:
            return None
        tw = store.satu(
            cur.execute(store.sql("perbaikan_periode"), {"perbaikan_id": int(bagian[0])}).fetchone()
        )
        return {
            "instansi_id": row[0],
            "periode_id": row[1],
            "unit_id": row[2],
            "tahun": tw[0],
            "triwulan": tw[1],
            "perbaikan_id": int(bagian[0]),
        }
    if objek == "periode" or (objek == "ekinerja" and len(bagian) == 2):
        pid = int(bagian[-1])
        row = cur.execute(store.sql("sop_konteks_periode"), {"periode_id": pid}).fetchone()
        if not row:
            return None
        return {"instansi_id": row[0], "periode_id": pid, "tahun": row[1], "triwulan": row[2]}
    if objek in ("lkj", "laporan_berkala") and len(bagian) >= 2:
        return {"instansi_id": int(bagian[0]), "tahun": int(bagian[1])}
    if objek == "rapat":
        row = cur.execute(store.sql("sop_konteks_rapat"), {"rapat_id": int(bagian[0])}).fetchone()
        if not row:
            return None
        return {
            "instansi_id": row[0],
            "tahun": row[1],
            "triwulan": row[2],
            "rapat_id": int(bagian[0]),
        }
    return None


def _kunci_run(lingkup: str, k: dict) -> tuple[str, str, int | None] | None:
    """The object a run of this lingkup follows, from an event's context: (objek, kunci, id)."""
    if lingkup == "pengajuan" and k.get("pengajuan_id") is not None:
        return "pengajuan", str(k["pengajuan_id"]), int(k["pengajuan_id"])
    if lingkup == "perbaikan" and k.get("perbaikan_id") is not None:
        return "perbaikan", str(k["perbaikan_id"]), int(k["perbaikan_id"])
    if lingkup == "periode" and k.get("periode_id") is not None:
        return "periode", str(k["periode_id"]), int(k["periode_id"])
    if lingkup == "tahun" and k.get("tahun") is not None:
        return "tahun", f"{k['instansi_id']}:{k['tahun']}", None
    if lingkup == "rapat" and k.get("rapat_id") is not None:
        return "rapat", str(k["rapat_id"]), int(k["rapat_id"])
    return None


def _run_objek(
    cur: duckdb.DuckDBPyConnection, objek: str, objek_id, pada: dt.datetime | None
) -> int | None:
    """The run an event on this object belongs to, created under the revision in force at
    `pada` (None: now) when it has none yet. Call inside the event's transaction."""
    prosedur = PROSEDUR_OBJEK.get(objek)
    if prosedur is None:
        return None
    k = _konteks(cur, objek, str(objek_id))
    if k is None:
        return None
    kode = kode_adopsi(cur, k["instansi_id"], prosedur)
    if kode is None:
        return None
    lingkup = lingkup_sop(kode, prosedur)
    if objek == "ekinerja" and lingkup != "periode":
        return None
    kunci = _kunci_run(lingkup, k)
    if kunci is None:
        return None
    row = cur.execute(
        store.sql("sop_run_kunci"), {"prosedur": prosedur, "objek": kunci[0], "kunci": kunci[1]}
    ).fetchone()
    if row:
        return int(row[0])
    sop_id = sop_untuk(cur, k["instansi_id"], prosedur, pada)
    if sop_id is None:
        return None
    satu_unit = lingkup in ("pengajuan", "perbaikan")
    return int(
        store.satu(
            cur.execute(
                store.sql("sop_run_insert"),
                {
                    "sop_id": sop_id,
                    "instansi_id": k["instansi_id"],
                    "periode_id": k.get("periode_id") if lingkup != "tahun" else None,
                    "unit_id": k.get("unit_id") if satu_unit else None,
                    "objek": kunci[0],
                    "objek_id": kunci[2],
                    "prosedur": prosedur,
                    "kunci": kunci[1],
                    "tahun": k.get("tahun"),
                    "triwulan": None if lingkup == "tahun" else k.get("triwulan"),
                    "pada": pada or config.sekarang(),
                },
            ).fetchone()
        )[0]
    )


def pastikan_run(cur: duckdb.DuckDBPyConnection, objek: str, objek_id: int) -> int | None:
    """The run a submission / correction belongs to, created at its first transition under the
    SOP revision in force then. Call inside the transition's transaction."""
    return _run_objek(cur, objek, objek_id, None)


def pada_event(cur: duckdb.DuckDBPyConnection, objek: str | None, objek_id) -> None:
    """Called by store.log_event for the objects of OBJEK_PEMICU: the event may start a run of
    a procedure no service follows itself (the letter, the LKj, e-Kinerja, a meeting)."""
    if objek in OBJEK_PEMICU and objek_id is not None:
        _run_objek(cur, objek, objek_id, None)


def sinkron(cur: duckdb.DuckDBPyConnection, events: pd.DataFrame) -> int:
    """Runs for events written without their services (the demo generator): each object in
    the order of its first event, under the revision in force then. Returns the runs touched."""
    runs = set()
    pertama = events.sort_values("waktu", kind="stable").drop_duplicates(["objek", "objek_id"])
    for r in bingkai.baris(pertama):
        rid = _run_objek(cur, r.objek, r.objek_id, pd.Timestamp(r.waktu).to_pydatetime())
        if rid is not None:
            runs.add(rid)
    return len(runs)


def daftar_run(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int | None = None
) -> pd.DataFrame:
    lingkup = akses.lingkup_unit(instansi_id, None)
    return store.fetch_df(
        cur, "sop_run_list", {"instansi_id": instansi_id, "tahun": tahun, "lingkup": lingkup}
    )


# ---------------------------------------------------------------- step records


def _cocok(e: tuple, jenis: str | None, objek: str | None, ke: str | None) -> bool:
    """Does event e = (waktu, jenis, objek, objek_id, ke, pengguna) match a marker?"""
    return e[1] == jenis and (objek is None or e[2] == objek) and (ke is None or e[4] == ke)


def _objek_run(run, ctx: pd.DataFrame) -> set[tuple[str, str]]:
    """The objects whose events a run reads (draft saves are keyed by submission id here)."""
    obj = run.objek
    if obj == "pengajuan":
        return {("pengajuan", run.kunci), ("periode", str(int(run.periode_id)))}
    if obj in ("perbaikan", "rapat"):
        return {(obj, run.kunci)}
    if obj == "periode":
        p = ctx[ctx["periode_id"] == int(run.kunci)]
    elif obj == "tahun":
        p = ctx[ctx["tahun"] == int(run.tahun)]
    else:
        return set()
    out = {("periode", str(int(i))) for i in p["periode_id"].unique()}
    out |= {("pengajuan", str(int(i))) for i in p["pengajuan_id"].dropna()}
    if obj == "periode":
        out.add(("ekinerja", f"{run.instansi_id}:{run.kunci}"))
    else:
        out.add(("lkj", run.kunci))
        out |= {("laporan_berkala", f"{run.kunci}:{s}") for s in ("S1", "S2", "TH")}
    return out


def _rekam(ev: list[tuple], peta: list, manual: list[dict]) -> list[dict]:
    """Step records of one run from its events (sorted by time) and its hand-logged records.

    Each event matching a step's end marker closes one record of that step; the step began at
    the latest start marker up to it, after the previous record of the step on the same object
    ended (a return and resubmission is rework, `ulang`), and on the same object when both
    markers are on the same kind. A start marker 'langkah' is the end of an earlier step of the
    run. No start found: the step is not measured rather than timed from a wrong moment."""
    out = list(manual)
    for m in sorted(peta, key=lambda m: m.urutan):
        if m.cara != "event":
            continue
        akhir_obj: dict[str, object] = {}
        ulang: dict[str, int] = {}
        for e in ev:
            if not _cocok(e, m.selesai_jenis, m.selesai_objek, m.selesai_ke):
                continue
            batas = akhir_obj.get(e[3])
            if m.mulai_jenis == "langkah":
                calon = [
                    r["selesai"]
                    for r in out
                    if str(r["urutan"]) == str(m.mulai_ke) and r["selesai"] <= e[0]
                ]
            else:
                # a semester report and the annual one are different objects of one year
                sama = m.mulai_objek == m.selesai_objek != "laporan_berkala"
                calon = [
                    s[0]
                    for s in ev
                    if s[0] <= e[0]
                    and _cocok(s, m.mulai_jenis, m.mulai_objek, m.mulai_ke)
                    and (not sama or s[3] == e[3])
                ]
            calon = [c for c in calon if batas is None or c >= batas]
            akhir_obj[e[3]] = e[0]
            if not calon:
                continue
            n = ulang.get(e[3], 0)
            ulang[e[3]] = n + 1
            out.append(
                {
                    "urutan": int(m.urutan),
                    "mulai": max(calon),
                    "selesai": e[0],
                    "ulang": n,
                    "oleh": e[5],
                    "objek": e[2],
                    "objek_id": e[3],
                }
            )
    return out


def catatan_langkah(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int | None = None
) -> pd.DataFrame:
    """Every finished step record of the instansi's runs with duration, standard, excess and
    wait (docs/DOMAIN.md §8.4-8.6), scoped to the caller. Only finished steps have a record:
    a quarter still running counts the steps done so far."""
    runs = daftar_run(cur, akses, instansi_id, tahun)
    kal = sop_registry.kalender(cur)
    if runs.empty:
        return _lengkapi(ketepatan.nilai(kal, []), runs)
    ids = [int(i) for i in runs["id"]]
    ctx = store.fetch_df(cur, "sop_run_objek_konteks", {"instansi_id": instansi_id})
    sub = ctx.dropna(subset=["pengajuan_id"])
    ke_sub = {
        f"{int(p)}:{int(u)}": str(int(s))
        for p, u, s in zip(sub["periode_id"], sub["unit_id"], sub["pengajuan_id"], strict=True)
    }
    unit_sub = dict(zip(sub["pengajuan_id"].astype(int).astype(str), sub["unit_id"], strict=True))
    peta_df = store.fetch_df(cur, "sop_pemetaan_list")
    peta: dict[str, list] = {}
    for m in bingkai.baris(peta_df):
        peta.setdefault(m.sop_kode, []).append(m)
    ikut = {r.id: _objek_run(r, ctx) for r in bingkai.baris(runs)}
    semua = set().union(*ikut.values()) | {("pengajuan", k) for k in ke_sub}
    jenis = sorted(
        {j for j in peta_df["mulai_jenis"].dropna()}
        | {j for j in peta_df["selesai_jenis"].dropna()}
    )
    events = store.fetch_df(
        cur,
        "sop_run_event",
        {
            "objek": sorted({o for o, _ in semua}),
            "objek_id": sorted({i for _, i in semua}),
            "jenis": jenis,
        },
    )
    per_obj: dict[tuple[str, str], list[tuple]] = {}
    for o, i, j, w, k, p in zip(
        events["objek"],
        events["objek_id"],
        events["jenis"],
        events["waktu"].tolist(),
        events["ke"],
        events["pengguna"],
        strict=True,
    ):
        if j == "periode_dibuka":
            continue  # the period's own opening time is read below, also where no event exists
        if o == "pengajuan" and i in ke_sub:
            i = ke_sub[i]  # a draft save belongs to the submission of its unit
        per_obj.setdefault((o, i), []).append((w, j, o, i, None if pd.isna(k) else k, p))
    buka = ctx.drop_duplicates("periode_id")
    for pid, w in zip(buka["periode_id"], buka["dibuka_pada"].tolist(), strict=True):
        if pd.notna(w):
            key = ("periode", str(int(pid)))
            per_obj.setdefault(key, []).append((w, "periode_dibuka", "periode", key[1], None, None))
    manual = store.fetch_df(cur, "sop_run_langkah_list", {"run_ids": ids})
    man: dict[int, list[dict]] = {}
    for r in bingkai.baris(manual):
        if pd.notna(r.selesai):
            man.setdefault(int(r.run_id), []).append(
                {
                    "urutan": int(r.urutan),
                    "mulai": r.mulai,
                    "selesai": r.selesai,
                    "ulang": int(r.ulang),
                    "oleh": r.pelaku,
                    "objek": None,
                    "objek_id": None,
                }
            )
    steps = store.fetch_df(cur, "sop_langkah_run", {"run_ids": ids})
    std = {(int(r.sop_id), int(r.urutan)): r for r in bingkai.baris(steps)}
    bersama: set[tuple] = set()  # a period's letter read by every unit's run: counted once
    catatan, unit_rec = [], []
    for run in bingkai.baris(runs):
        ev = sorted((e for key in ikut[run.id] for e in per_obj.get(key, ())), key=lambda e: e[0])
        for r in _rekam(ev, peta.get(run.kode, []), man.get(int(run.id), [])):
            s = std.get((int(run.sop_id), r["urutan"]))
            if s is None:
                continue
            if run.objek == "pengajuan" and r["objek"] == "periode":
                kunci = (run.kode, r["objek_id"], r["urutan"], r["mulai"], r["selesai"])
                if kunci in bersama:
                    continue
                bersama.add(kunci)
            unit_rec.append(
                unit_sub.get(r["objek_id"], run.unit_id)
                if r["objek"] == "pengajuan"
                else run.unit_id
            )
            catatan.append(
                ketepatan.Catatan(
                    run_id=int(run.id),
                    urutan=r["urutan"],
                    no=s.no,
                    aktivitas=s.aktivitas,
                    pelaksana=", ".join(json.loads(s.pelaksana)),
                    mulai=pd.Timestamp(r["mulai"]).to_pydatetime(),
                    selesai=pd.Timestamp(r["selesai"]).to_pydatetime(),
                    waktu=sop_registry.waktu_efektif(s),
                    ulang=r["ulang"],
                    oleh=None if pd.isna(r["oleh"]) else r["oleh"],
                    unit_id=None if pd.isna(unit_rec[-1]) else int(unit_rec[-1]),
                )
            )
    return _lengkapi(ketepatan.nilai(kal, catatan), runs)


def _lengkapi(df: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """The record frame with its run's SOP, revision, period and unit."""
    kolom = ["id", "sop_id", "kode", "sop_nama", "revisi", "prosedur", "tahun", "triwulan"]
    info = runs.reindex(columns=kolom).rename(columns={"id": "run_id"})
    out = df.merge(info, on="run_id", how="left")
    nama = runs.dropna(subset=["unit_id"]).drop_duplicates("unit_id")
    nama = dict(zip(nama["unit_id"].astype(int), nama["unit"], strict=True))
    out["unit"] = [nama.get(u) if pd.notna(u) else None for u in out["unit_id"]]
    return out


def standar_sop(cur: duckdb.DuckDBPyConnection, sop_ids: list[int]) -> dict[int, float]:
    """Per SOP revision: the sum of its steps' standards in minutes (steps without a standard
    left out), what one run's total is held against (seed 003: "122 Hari 3 jam")."""
    if not sop_ids:
        return {}
    out: dict[int, float] = {}
    steps = store.fetch_df(cur, "sop_langkah_sop", {"sop_ids": sorted(set(sop_ids))})
    for r in bingkai.baris(steps):
        m = ketepatan.standar_menit(sop_registry.waktu_efektif(r))
        out[int(r.sop_id)] = out.get(int(r.sop_id), 0.0) + (m or 0.0)
    return out


# ---------------------------------------------------------------- steps logged by hand


def catat_langkah(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    run_id: int,
    urutan: int,
    mulai: dt.datetime,
    selesai: dt.datetime | None = None,
    pelaku: str | None = None,
    catatan: str | None = None,
) -> int:
    """Log a step done outside the app (a letter, a meeting, archiving)."""
    akses.wajib("pengelola_monev")
    run = cur.execute(store.sql("sop_run_lokasi"), {"run_id": run_id}).fetchone()
    if not run:
        raise ValueError("Pelaksanaan SOP tidak ditemukan.")
    akses.cek_instansi(run[0])
    if not cur.execute(
        store.sql("sop_langkah_ada"), {"sop_id": run[2], "urutan": urutan}
    ).fetchone():
        raise ValueError("Langkah itu tidak ada pada revisi SOP pelaksanaan ini.")
    if selesai is not None and selesai < mulai:
        raise ValueError("Waktu selesai tidak boleh sebelum waktu mulai.")
    cek_panjang(pelaku, "Pelaku", PANJANG_NAMA)
    cek_panjang(catatan, "Catatan")
    with store.transaction(cur):
        versi_data.sentuh_instansi(run[0])
        lid = store.satu(
            cur.execute(
                store.sql("sop_run_langkah_insert"),
                {
                    "run_id": run_id,
                    "urutan": urutan,
                    "mulai": mulai,
                    "selesai": selesai,
                    "pelaku": (pelaku or "").strip() or None,
                    "catatan": (catatan or "").strip() or None,
                    "username": akses.username,
                },
            ).fetchone()
        )[0]
        store.log_event(
            cur,
            "langkah_sop",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="sop_run",
            objek_id=run_id,
            ke=str(urutan),
            catatan="mulai" if selesai is None else "selesai",
        )
    return int(lid)


def selesaikan_langkah(
    cur: duckdb.DuckDBPyConnection, akses: Akses, langkah_id: int, selesai: dt.datetime
) -> None:
    """The finish button of a step logged with its start only."""
    akses.wajib("pengelola_monev")
    row = cur.execute(store.sql("sop_run_langkah_get"), {"langkah_id": langkah_id}).fetchone()
    if not row:
        raise ValueError("Catatan langkah tidak ditemukan.")
    akses.cek_instansi(row[1])
    if row[2] is not None:
        raise ValueError("Langkah ini sudah selesai.")
    if selesai < row[0]:
        raise ValueError("Waktu selesai tidak boleh sebelum waktu mulai.")
    with store.transaction(cur):
        versi_data.sentuh_instansi(row[1])
        cur.execute(
            store.sql("sop_run_langkah_selesai"), {"selesai": selesai, "langkah_id": langkah_id}
        )


def langkah_manual(cur: duckdb.DuckDBPyConnection, akses: Akses, run_id: int) -> pd.DataFrame:
    row = cur.execute(store.sql("sop_run_lokasi"), {"run_id": run_id}).fetchone()
    if not row:
        raise AksesDitolak("Pelaksanaan SOP tidak ditemukan.")
    akses.lingkup_unit(row[0], row[1])  # a staf_bidang reads only its own unit's runs
    return store.fetch_df(cur, "sop_run_langkah_list", {"run_ids": [run_id]})


def event_run(cur: duckdb.DuckDBPyConnection, akses: Akses, run_id: int) -> pd.DataFrame:
    """The events behind a run (drill-down from a breach): those of the objects it follows."""
    row = cur.execute(store.sql("sop_run_lokasi"), {"run_id": run_id}).fetchone()
    if not row:
        raise AksesDitolak("Pelaksanaan SOP tidak ditemukan.")
    akses.lingkup_unit(row[0], row[1])
    runs = store.fetch_df(
        cur, "sop_run_list", {"instansi_id": row[0], "tahun": None, "lingkup": None}
    )
    run = next(r for r in bingkai.baris(runs) if int(r.id) == int(run_id))
    ctx = store.fetch_df(cur, "sop_run_objek_konteks", {"instansi_id": row[0]})
    ikut = _objek_run(run, ctx)
    if run.objek == "pengajuan":
        ikut.add(("pengajuan", f"{int(run.periode_id)}:{int(run.unit_id)}"))
    jenis = sorted(
        set(store.fetch_df(cur, "sop_pemetaan_list")[["mulai_jenis", "selesai_jenis"]].stack())
        - {"langkah"}
    )
    ev = store.fetch_df(
        cur,
        "sop_run_event",
        {
            "objek": sorted({o for o, _ in ikut}),
            "objek_id": sorted({i for _, i in ikut}),
            "jenis": jenis,
        },
    )
    pasangan = pd.Series(list(zip(ev["objek"], ev["objek_id"], strict=True)), dtype=object)
    return ev[pasangan.isin(ikut).to_numpy()].reset_index(drop=True)


def status_sop(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi: list[tuple[int, str]],
    tahun: int | None = None,
) -> list[dict]:
    """Per instansi (id, kode) and SOP with runs: runs, steps measured against a standard,
    the share within it (0..1, None when none measured) and breaches. What `sop-status`
    prints; the same records as the Ketepatan waktu SOP page."""
    out = []
    for iid, kode_instansi in instansi:
        runs = daftar_run(cur, akses, iid, tahun)
        if runs.empty:
            continue
        df = catatan_langkah(cur, akses, iid, tahun)
        for kode, r in runs.groupby("kode", sort=True):
            c = df[df["kode"] == kode]
            dinilai = c[c["dalam_standar"].notna()]
            tepat = int(dinilai["dalam_standar"].astype(bool).sum())
            out.append(
                {
                    "kode": kode,
                    "nama": str(r["sop_nama"].iloc[0]),
                    "instansi": kode_instansi,
                    "prosedur": str(r["prosedur"].iloc[0]),
                    "runs": int(r["id"].nunique()),
                    "langkah_diukur": len(dinilai),
                    "dalam_standar": round(tepat / len(dinilai), 4) if len(dinilai) else None,
                    "pelanggaran": len(dinilai) - tepat,
                }
            )
    return out
