"""Deterministic demo and benchmark data (seeded): one generator for every scale.

S: one agency (the embedded demo). M: one pemda of 40 instansi. L: 20 pemda, at least 3 million
realisation rows. Everything is vectorised with numpy and inserted through DataFrames, because
Python loops over millions of rows would not meet the 2-minute budget at L.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from dashboard.alat import demo_katalog as kat
from dashboard.alat import demo_sop
from dashboard.inti import config, formats, store
from dashboard.rapat import tindak_lanjut as tl_aturan
from dashboard.rapat.agenda import MANUAL, USULAN
from dashboard.sop import sop

DEMO_SEED = 20261121


@dataclass(frozen=True)
class Skala:
    pemda: int
    instansi_per_pemda: int
    ulang_indikator: int  # copies of the indicator catalogue per instansi
    tahun_lalu: int  # full past years before the current one


SKALA = {
    "S": Skala(pemda=1, instansi_per_pemda=1, ulang_indikator=1, tahun_lalu=2),
    "M": Skala(pemda=1, instansi_per_pemda=40, ulang_indikator=2, tahun_lalu=2),
    "L": Skala(pemda=20, instansi_per_pemda=40, ulang_indikator=7, tahun_lalu=4),
}

BULAT = {"%", "indeks", "nilai", "menit", "hari"}  # satuan with decimals; the rest are counts
# An empty cell in np.where: what numpy makes of a bare None (numpy's stubs take no None there)
_KOSONG = np.array(None, dtype=object)


def periode_terakhir(today: dt.date) -> tuple[int, int]:
    """The last complete quarter on `today`: (tahun, triwulan)."""
    q = (today.month - 1) // 3
    return (today.year, q) if q else (today.year - 1, 4)


def _ids(cur: duckdb.DuckDBPyConnection, seq: str, n: int) -> np.ndarray:
    """Reserve n ids from a sequence, so bulk inserts keep the sequences right."""
    if n == 0:
        return np.empty(0, dtype=np.int64)
    return (
        cur.execute(f"SELECT nextval('{seq}') FROM range(?)", [n])
        .fetchnumpy()[f"nextval('{seq}')"]
        .astype(np.int64)
    )


def _insert(cur: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    cur.register("_demo_df", df)
    try:
        cols = ", ".join(df.columns)
        cur.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _demo_df")
    finally:
        cur.unregister("_demo_df")


def _struktur(skala: Skala) -> dict[str, pd.DataFrame]:
    """Instansi, units, planning hierarchy and indicators as frames with local keys."""
    instansi, unit, tujuan, sasaran, program, kegiatan, sub, indikator = (
        list[dict]() for _ in range(8)
    )
    for p in range(skala.pemda):
        pemda = kat.NAMA_PEMDA[p % len(kat.NAMA_PEMDA)] + ("" if p < 20 else f" {p // 20 + 1}")
        for k in range(skala.instansi_per_pemda):
            ik = len(instansi)
            if skala.pemda == 1 and skala.instansi_per_pemda == 1:
                instansi.append(dict(kat.INSTANSI_S))
            else:
                nama_dinas = kat.NAMA_DINAS[k % len(kat.NAMA_DINAS)]
                instansi.append(
                    {
                        **kat.INSTANSI_S,
                        "kode": f"P{p + 1:02d}-I{k + 1:02d}",
                        "nama": f"{nama_dinas} Kabupaten {pemda}",
                        "pemda": f"Pemerintah Kabupaten {pemda}",
                        "kota": pemda,
                        "kepala_jabatan": f"Kepala {nama_dinas}",
                    }
                )
            for tk, turaian in kat.TUJUAN:
                tujuan.append({"ik": ik, "kode": tk, "uraian": turaian})
            for tk, sk, suraian in kat.SASARAN:
                sasaran.append({"ik": ik, "tujuan": tk, "kode": sk, "uraian": suraian})
            for uk, unama, ujenis, sk, prog, keg, subs in kat.UNIT:
                unit.append({"ik": ik, "kode": uk, "nama": unama, "jenis": ujenis})
                if not any(x["ik"] == ik and x["kode"] == prog[0] for x in program[-6:]):
                    program.append({"ik": ik, "sasaran": sk, "kode": prog[0], "nama": prog[1]})
                kegiatan.append(
                    {"ik": ik, "program": prog[0], "unit": uk, "kode": keg[0], "nama": keg[1]}
                )
                for sk_kode, sk_nama in subs:
                    sub.append(
                        {"ik": ik, "kegiatan": keg[0], "unit": uk, "kode": sk_kode, "nama": sk_nama}
                    )
                for ulang in range(skala.ulang_indikator):
                    for n, row in enumerate(kat.INDIKATOR[uk]):
                        nama, satuan, jenis, pol, agr, rumus, target, bobot, rentang = row
                        if ulang and jenis == "IKU":
                            jenis = "sub kegiatan"
                        indikator.append(
                            {
                                "ik": ik,
                                "unit": uk,
                                "sasaran": sk,
                                "program": prog[0],
                                "kegiatan": keg[0],
                                "sub": subs[n % len(subs)][0],
                                "kode": f"{uk}.{n + 1:02d}" + (f".{ulang + 1}" if ulang else ""),
                                "nama": nama + (f" (kelompok {ulang + 1})" if ulang else ""),
                                "satuan": satuan,
                                "jenis": jenis,
                                "polaritas": pol,
                                "cara_agregasi": agr,
                                "rumus_negatif": rumus,
                                "target": target,
                                "bobot": bobot,
                                "rentang": rentang,
                            }
                        )
    return {
        k: pd.DataFrame(v)
        for k, v in [
            ("instansi", instansi),
            ("unit", unit),
            ("tujuan", tujuan),
            ("sasaran", sasaran),
            ("program", program),
            ("kegiatan", kegiatan),
            ("sub", sub),
            ("indikator", indikator),
        ]
    }


def _simpan_struktur(cur: duckdb.DuckDBPyConnection, f: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Insert the hierarchy with reserved ids; return the indicator frame with its ids."""
    ins = f["instansi"]
    ins["id"] = _ids(cur, "seq_instansi", len(ins))
    _insert(cur, "instansi", ins)
    iid = ins["id"].to_numpy()

    def link(df: pd.DataFrame, seq: str) -> pd.DataFrame:
        df["id"] = _ids(cur, seq, len(df))
        df["instansi_id"] = iid[df["ik"].to_numpy()]
        return df

    u = link(f["unit"], "seq_unit")
    _insert(cur, "unit", u[["id", "instansi_id", "kode", "nama", "jenis"]])
    t = link(f["tujuan"], "seq_tujuan")
    _insert(cur, "tujuan", t[["id", "instansi_id", "kode", "uraian"]])

    def ref(df: pd.DataFrame, parent: pd.DataFrame, col: str, out: str) -> None:
        key = parent.set_index(["ik", "kode"])["id"]
        df[out] = key.reindex(pd.MultiIndex.from_arrays([df["ik"], df[col]])).to_numpy()

    s = link(f["sasaran"], "seq_sasaran")
    ref(s, t, "tujuan", "tujuan_id")
    _insert(cur, "sasaran", s[["id", "tujuan_id", "kode", "uraian"]])
    p = link(f["program"], "seq_program")
    ref(p, s, "sasaran", "sasaran_id")
    _insert(cur, "program", p[["id", "sasaran_id", "kode", "nama"]])
    k = link(f["kegiatan"], "seq_kegiatan")
    ref(k, p, "program", "program_id")
    ref(k, u, "unit", "unit_id")
    _insert(cur, "kegiatan", k[["id", "program_id", "unit_id", "kode", "nama"]])
    sk = link(f["sub"], "seq_sub_kegiatan")
    ref(sk, k, "kegiatan", "kegiatan_id")
    ref(sk, u, "unit", "unit_id")
    _insert(cur, "sub_kegiatan", sk[["id", "kegiatan_id", "unit_id", "kode", "nama"]])

    ind = link(f["indikator"], "seq_indikator")
    ref(ind, u, "unit", "unit_id")
    for col, parent in (("sasaran", s), ("program", p), ("kegiatan", k), ("sub", sk)):
        ref(ind, parent, col, f"_{col}_id")
    level = {
        "IKU": "_sasaran_id",
        "program": "_program_id",
        "kegiatan": "_kegiatan_id",
        "sub kegiatan": "_sub_id",
    }
    for jenis, col in level.items():
        out = {
            "_sasaran_id": "sasaran_id",
            "_program_id": "program_id",
            "_kegiatan_id": "kegiatan_id",
            "_sub_id": "sub_kegiatan_id",
        }[col]
        ind[out] = np.where(ind["jenis"] == jenis, ind[col], np.nan)
        ind[out] = ind[out].astype("Int64")
    ind["jenis"] = ind["jenis"].where(
        ~((ind["jenis"] == "IKU") & ind["sasaran_id"].isna()), "program"
    )
    ind["definisi"] = "Realisasi " + ind["nama"].str.lower() + " pada periode berjalan."
    ind["sumber_data"] = "Laporan " + u.set_index("id")["nama"].reindex(ind["unit_id"]).to_numpy()
    ind["baseline"] = ind["target"] * 0.9
    ind["target_renstra"] = ind["target"] * 1.25
    ind.loc[ind["satuan"] == "%", "target_renstra"] = np.minimum(
        ind.loc[ind["satuan"] == "%", "target_renstra"], 100.0
    )
    # in the Perjanjian Kinerja: the IKU (sasaran level) and the program indicators
    ind["pk"] = ind["jenis"].isin(["IKU", "program"])
    _insert(
        cur,
        "indikator",
        ind[
            [
                "id",
                "instansi_id",
                "unit_id",
                "kode",
                "nama",
                "jenis",
                "satuan",
                "polaritas",
                "cara_agregasi",
                "rumus_negatif",
                "definisi",
                "sumber_data",
                "baseline",
                "target_renstra",
                "pk",
                "sasaran_id",
                "program_id",
                "kegiatan_id",
                "sub_kegiatan_id",
            ]
        ],
    )
    ind.attrs["sub"] = sk
    return ind


def _round(values: np.ndarray, desimal: np.ndarray) -> np.ndarray:
    return np.where(desimal, np.round(values, 2), np.round(values))


def _renstra(
    ind: pd.DataFrame,
    tahun_awal: int,
    desimal: np.ndarray,
    persen: np.ndarray,
    rentang: np.ndarray,
) -> pd.DataFrame:
    """Renstra target of every year of a five-year period starting two years back: a straight
    path from this year's base target (as of the first year) to the end target."""
    awal = ind["target"].to_numpy(dtype=float)
    akhir = ind["target_renstra"].to_numpy(dtype=float)
    langkah = np.arange(5) / 4
    nilai = _round(awal[:, None] + (akhir - awal)[:, None] * langkah[None, :], desimal[:, None])
    nilai = np.where(persen[:, None], np.minimum(nilai, 100.0), nilai)
    nilai[:, -1] = akhir  # the last year is the indicator's target akhir Renstra
    atas = np.where(rentang[:, None] > 0, nilai + rentang[:, None], np.nan)
    return pd.DataFrame(
        {
            "indikator_id": np.repeat(ind["id"].to_numpy(), 5),
            "tahun": np.tile(np.arange(tahun_awal, tahun_awal + 5), len(ind)),
            "nilai": nilai.ravel(),
            "nilai_atas": atas.ravel(),
        }
    )


def _angka(
    cur: duckdb.DuckDBPyConnection,
    ind: pd.DataFrame,
    tahun: list[int],
    akhir: tuple[int, int],
    rng: np.random.Generator,
) -> dict[str, int]:
    """Targets, realisations and budgets for every indicator and year, vectorised."""
    n = len(ind)
    bobot = np.array(ind["bobot"].tolist(), dtype=float)  # (n, 4)
    base = ind["target"].to_numpy(dtype=float)
    desimal = ind["satuan"].isin(BULAT).to_numpy()
    persen = (ind["satuan"] == "%").to_numpy()
    negatif = (ind["polaritas"] == "negatif").to_numpy()
    rentang = ind["rentang"].fillna(0).to_numpy(dtype=float)
    ada_rentang = rentang > 0
    ids = ind["id"].to_numpy()
    unit_ids = ind["unit_id"].to_numpy()
    # Each unit and each indicator has its own level of performance; a few indicators lag.
    uniq_units, unit_idx = np.unique(unit_ids, return_inverse=True)
    mutu_unit = rng.normal(0.0, 0.06, len(uniq_units))[unit_idx]
    lemah = rng.random(n) < 0.12
    mutu_ind = np.where(lemah, rng.normal(-0.3, 0.1, n), rng.normal(0.02, 0.05, n))

    target_rows, real_rows = [], []
    for yi, th in enumerate(tahun):
        growth = 1 + 0.04 * (yi - len(tahun) + 1) * np.where(negatif, -1, 1)
        annual = base * growth
        annual = np.where(persen, np.minimum(annual, 100.0), annual)
        annual = _round(annual, desimal)
        kuartal = _round(bobot * annual[:, None], desimal[:, None])
        atas = np.where(ada_rentang, annual + rentang, np.nan)
        kuartal_atas = np.where(
            ada_rentang[:, None] & (bobot > 0), kuartal + rentang[:, None], np.nan
        )
        target_rows.append(
            pd.DataFrame(
                {
                    "indikator_id": np.repeat(ids, 5),
                    "tahun": th,
                    "triwulan": np.tile(np.arange(5), n),
                    "nilai": np.column_stack([annual, kuartal]).ravel(),
                    "nilai_atas": np.column_stack([atas, kuartal_atas]).ravel(),
                }
            )
        )
        q_max = akhir[1] if th == akhir[0] else 4
        if q_max == 0:
            continue
        f = 0.97 + mutu_unit[:, None] + mutu_ind[:, None] + rng.normal(0, 0.1, (n, q_max))
        f = np.clip(f, 0.05, 1.6)
        t = kuartal[:, :q_max]
        mid = np.where(ada_rentang[:, None], t + rentang[:, None] / 2, t)
        r = np.where(negatif[:, None], mid * (2 - f), mid * f)
        r = np.where(
            t == 0, np.where(rng.random((n, q_max)) < 0.2, mid.max(axis=1)[:, None] * 0.1, 0.0), r
        )
        r = np.maximum(r, 0)
        r = np.where(persen[:, None], np.minimum(r, 100.0), r)
        r = _round(r, desimal[:, None])
        hilang = rng.random((n, q_max)) < 0.03
        if th == akhir[0]:
            # The latest quarter is still being collected: one unit in six has not entered yet.
            belum = unit_idx % 6 == 5
            hilang[:, q_max - 1] |= belum
        kurang = f < 0.8
        pilih_baik = rng.integers(0, len(kat.CATATAN_BAIK), (n, q_max))
        pilih_kurang = rng.integers(0, len(kat.CATATAN_KURANG), (n, q_max))
        catatan = np.where(
            kurang,
            np.array(kat.CATATAN_KURANG, dtype=object)[pilih_kurang],
            np.array(kat.CATATAN_BAIK, dtype=object)[pilih_baik],
        )
        catatan = np.where(~kurang & (rng.random((n, q_max)) < 0.3), _KOSONG, catatan)
        ii, qq = np.nonzero(~hilang)
        real_rows.append(
            pd.DataFrame(
                {
                    "indikator_id": ids[ii],
                    "tahun": th,
                    "triwulan": qq + 1,
                    "nilai": r[ii, qq],
                    "catatan": catatan[ii, qq],
                    "bukti": np.where(
                        rng.random(len(ii)) < 0.5, "Laporan kegiatan (berkas fisik)", _KOSONG
                    ),
                    "versi": 1,
                    "diubah_oleh": "demo",
                }
            )
        )
    target_df = pd.concat(target_rows, ignore_index=True)
    _insert(cur, "target", target_df)
    _insert(cur, "target_renstra", _renstra(ind, akhir[0] - 2, desimal, persen, rentang))
    real_df = pd.concat(real_rows, ignore_index=True)
    real_df["diubah_pada"] = pd.to_datetime(
        {
            "year": real_df["tahun"],
            "month": real_df["triwulan"] * 3 + (real_df["triwulan"] < 4),
            "day": 5,
        }
    )
    _insert(cur, "realisasi", real_df)

    sk = ind.attrs["sub"]
    m = len(sk)
    pagu_dasar = np.round(rng.uniform(150, 1500, m)) * 1_000_000
    serap = np.clip(rng.normal(0.9, 0.08, m), 0.5, 1.0)
    ang, ang_r = [], []
    for yi, th in enumerate(tahun):
        pagu = np.round(pagu_dasar * (1 + 0.05 * yi) / 1000) * 1000
        ang.append(
            pd.DataFrame({"sub_kegiatan_id": sk["id"].to_numpy(), "tahun": th, "pagu": pagu})
        )
        q_max = akhir[1] if th == akhir[0] else 4
        share = np.array([0.15, 0.25, 0.25, 0.35])[:q_max]
        nilai = (
            np.round(
                pagu[:, None]
                * serap[:, None]
                * share[None, :]
                * rng.uniform(0.85, 1.1, (m, q_max))
                / 1000
            )
            * 1000
        )
        ang_r.append(
            pd.DataFrame(
                {
                    "sub_kegiatan_id": np.repeat(sk["id"].to_numpy(), q_max),
                    "tahun": th,
                    "triwulan": np.tile(np.arange(1, q_max + 1), m),
                    "nilai": nilai.ravel(),
                }
            )
        )
    _insert(cur, "anggaran", pd.concat(ang, ignore_index=True))
    _insert(cur, "realisasi_anggaran", pd.concat(ang_r, ignore_index=True))
    return {"target": len(target_df), "realisasi": len(real_df)}


def _alur(
    cur: duckdb.DuckDBPyConnection,
    tahun: list[int],
    akhir: tuple[int, int],
    rng: np.random.Generator,
) -> int:
    """Periods, submissions and their transition events. Past quarters are signed (some late,
    some returned once); in the latest quarter every state of the chain is present."""
    units = cur.execute("SELECT id, instansi_id FROM unit ORDER BY id").fetchall()
    kode_unit = dict(cur.execute("SELECT id, lower(kode) FROM unit").fetchall())
    per, sub, ev = [], [], []
    pid = sid = 0
    pelaku = {"pengelola_monev": "monev", "sekretaris": "sekretaris", "kadis": "kadis"}
    instansi = sorted({i for _, i in units})
    by_inst = {i: [u for u, ii in units if ii == i] for i in instansi}
    for th in tahun:
        for tw in range(1, 5):
            if (th, tw) > akhir:
                continue
            terakhir = (th, tw) == akhir
            bulan = 3 * tw + 1
            tenggat = dt.date(th + bulan // 13, (bulan - 1) % 12 + 1, 15)
            buka = dt.datetime.combine(tenggat - dt.timedelta(days=20), dt.time(8, 0))
            for iid in instansi:
                pid += 1
                per.append(
                    (
                        pid,
                        iid,
                        th,
                        tw,
                        tenggat,
                        "Nota Dinas permintaan data kinerja",
                        "dibuka" if terakhir else "ditutup",
                        "monev",
                        buka,
                        None if terakhir else buka + dt.timedelta(days=40),
                    )
                )
                for k, uid in enumerate(by_inst[iid]):
                    target = (
                        ["disahkan", "diparaf", "diverifikasi", "diajukan", "draf", None][k % 6]
                        if terakhir
                        else "disahkan"
                    )
                    if target is None:
                        continue
                    sid += 1
                    t = _jam_kantor(
                        dt.datetime.combine(tenggat, dt.time(9, 0))
                        + dt.timedelta(days=int(rng.integers(-8, 5)), hours=int(rng.integers(0, 6)))
                    )
                    langkah = [("draf", "diajukan", "staf_bidang")]
                    if rng.random() < 0.2 or (terakhir and target == "draf"):
                        langkah += [
                            ("diajukan", "draf", "pengelola_monev"),
                            ("draf", "diajukan", "staf_bidang"),
                        ]
                    for dari, ke in (
                        ("diajukan", "diverifikasi"),
                        ("diverifikasi", "diparaf"),
                        ("diparaf", "disahkan"),
                    ):
                        langkah.append(
                            (
                                dari,
                                ke,
                                {
                                    "diverifikasi": "pengelola_monev",
                                    "diparaf": "sekretaris",
                                    "disahkan": "kadis",
                                }[ke],
                            )
                        )
                    stop = {
                        "draf": 3,
                        "diajukan": 1,
                        "diverifikasi": 2,
                        "diparaf": 3,
                        "disahkan": 4,
                    }[target]
                    dikembalikan = len(langkah) == 6
                    langkah = langkah[: stop + (2 if dikembalikan else 0)]
                    if target == "draf":
                        langkah = langkah[:2]
                    diajukan_pada = t
                    waktu = t
                    for i, (dari, ke, peran) in enumerate(langkah):
                        if i:
                            waktu = _jam_kantor(
                                waktu
                                + dt.timedelta(
                                    days=int(rng.integers(0, 4)), hours=int(rng.integers(1, 7))
                                )
                            )
                        if ke == "diajukan" and dari == "draf":
                            diajukan_pada = waktu
                        alasan = (
                            "Bukti dukung belum lengkap untuk beberapa indikator."
                            if ke == "draf"
                            else None
                        )
                        oleh = f"staf.{kode_unit[uid]}" if peran == "staf_bidang" else pelaku[peran]
                        ev.append(
                            (
                                waktu,
                                oleh,
                                peran,
                                "transisi",
                                "pengajuan",
                                str(sid),
                                dari,
                                ke,
                                alasan,
                            )
                        )
                    status = langkah[-1][1]
                    sub.append(
                        (
                            sid,
                            pid,
                            uid,
                            status,
                            None if status == "draf" else f"staf.{kode_unit[uid]}",
                            None if status == "draf" else diajukan_pada,
                            status != "draf" and diajukan_pada.date() > tenggat,
                            waktu,
                        )
                    )
    _insert(
        cur,
        "periode",
        pd.DataFrame(
            per,
            columns=kat.KOLOM_PERIODE,
        ),
    )
    _insert(
        cur,
        "pengajuan",
        pd.DataFrame(
            sub,
            columns=kat.KOLOM_PENGAJUAN,
        ),
    )
    _insert(
        cur,
        "event",
        pd.DataFrame(
            ev,
            columns=[
                "waktu",
                "pengguna",
                "peran",
                "jenis",
                "objek",
                "objek_id",
                "dari",
                "ke",
                "catatan",
            ],
        ),
    )
    # explicit ids above: move the sequences past them
    for seq, n in (("seq_periode", pid), ("seq_pengajuan", sid)):
        _ids(cur, seq, n)
    return sid


# Steps of SOP Pengumpulan Data Kinerja (DPK Kalbar) done outside the app, logged by hand in the
# demo (step 2, the Nota Dinas, is the app's letter: dashboard/alat/demo_sop.py)
# (urutan, typical working minutes, spread). Some run long: that is what the view is for.
LANGKAH_MANUAL = (
    (4, 25, 0.6),
    (6, 150, 0.7),
    (9, 5, 0.8),
    (10, 5, 0.6),
    (11, 12, 0.6),
)


def _jam_kantor(t: dt.datetime) -> dt.datetime:
    """Move a generated moment into office hours (Mon-Fri 07.30-15.00), as people work."""
    if t.hour >= 15:
        t = dt.datetime.combine(t.date() + dt.timedelta(days=1), dt.time(8, t.minute % 50))
    elif t.hour < 8:
        t = t.replace(hour=8)
    while t.weekday() >= 5:
        t += dt.timedelta(days=1)
    return t


def _pelaksanaan(
    cur: duckdb.DuckDBPyConnection, akhir: tuple[int, int], rng: np.random.Generator
) -> int:
    """Runs of SOP Pengumpulan Data Kinerja for every submission, and hand-logged records of
    its steps outside the app for past quarters (with breaches, waits and rework)."""
    sop_id = cur.execute(
        "SELECT id FROM sop WHERE kode = 'dpk_kalbar_pengumpulan_data_kinerja' "
        "ORDER BY revisi DESC LIMIT 1"
    ).fetchone()
    if not sop_id:
        return 0
    cur.execute(
        "INSERT INTO sop_run (sop_id, instansi_id, periode_id, unit_id, objek, objek_id, "
        "dibuat_pada, prosedur, kunci, tahun, triwulan) SELECT $1, p.instansi_id, s.periode_id, "
        "s.unit_id, 'pengajuan', s.id, p.dibuka_pada, 'pengumpulan', CAST(s.id AS VARCHAR), "
        "p.tahun, p.triwulan FROM pengajuan s JOIN periode p ON p.id = s.periode_id ORDER BY s.id",
        [sop_id[0]],
    )
    runs = cur.execute(
        "SELECT r.id, p.dibuka_pada, s.status_sejak, p.tahun, p.triwulan FROM sop_run r "
        "JOIN periode p ON p.id = r.periode_id JOIN pengajuan s ON s.id = r.objek_id "
        "WHERE s.status = 'disahkan'"
    ).fetchall()
    rows = []
    for run_id, dibuka, selesai, th, tw in runs:
        if (th, tw) == akhir:
            continue
        for urutan, menit, sebar in LANGKAH_MANUAL:
            if urutan in (4, 6):
                mulai = dibuka + dt.timedelta(
                    days=int(rng.integers(18, 24)), hours=int(rng.integers(0, 5))
                )
            else:
                mulai = selesai + dt.timedelta(hours=int(rng.integers(1, 60)))
            mulai = _jam_kantor(mulai)
            kali = 2 if urutan == 6 and rng.random() < 0.15 else 1  # rework after a return
            for _ in range(kali):
                durasi = float(menit * rng.lognormal(0, sebar))
                akhir_langkah = mulai + dt.timedelta(minutes=durasi)
                if akhir_langkah.hour >= 16:  # past office hours: finished next morning
                    akhir_langkah += dt.timedelta(hours=16)
                rows.append(
                    (
                        run_id,
                        urutan,
                        mulai,
                        akhir_langkah,
                        "monev",
                        None,
                        "monev",
                    )
                )
                mulai = _jam_kantor(akhir_langkah + dt.timedelta(hours=int(rng.integers(2, 20))))
    if rows:
        _insert(
            cur,
            "sop_run_langkah",
            pd.DataFrame(
                rows,
                columns=kat.KOLOM_LANGKAH_MANUAL,
            ),
        )
    return len(rows)


RAPAT_KUARTAL = 4  # past quarters with a monev meeting, at every scale


def _rapat(
    cur: duckdb.DuckDBPyConnection, akhir: tuple[int, int], today: dt.date, seed: int
) -> int:
    """Final monev meetings for the quarters before the latest one, per instansi: participants,
    agenda, findings per unit (half on an indicator) and follow-ups in every status, some
    overdue on `today`. Its own random stream, so the data generated before stays the same."""
    rng = np.random.default_rng(seed + 6)
    inst = cur.execute(
        "SELECT id, kepala_nama, kepala_jabatan FROM instansi ORDER BY id"
    ).fetchnumpy()
    unit = cur.execute(
        "SELECT u.id, u.instansi_id, 'staf.' || lower(u.kode) AS staf, min(i.id) AS ind_awal, "
        "count(i.id) AS ind_n "
        "FROM unit u LEFT JOIN indikator i ON i.unit_id = u.id "
        "GROUP BY u.id, u.instansi_id, u.kode ORDER BY u.instansi_id, u.id"
    ).df()
    n_inst, per = len(inst["id"]), len(kat.UNIT)
    if n_inst == 0 or len(unit) != n_inst * per:
        return 0
    kuartal, q = [], akhir
    for _ in range(RAPAT_KUARTAL):
        q = (q[0], q[1] - 1) if q[1] > 1 else (q[0] - 1, 4)
        kuartal.append(q)
    kuartal.reverse()
    waktu = []
    for th, tw in kuartal:
        bulan = 3 * tw + 1
        tenggat = dt.date(th + bulan // 13, (bulan - 1) % 12 + 1, 15)
        waktu.append(_jam_kantor(dt.datetime.combine(tenggat + dt.timedelta(days=14), dt.time(9))))
    nk = len(kuartal)
    # meetings: instansi-major, quarters in order
    m_inst = np.repeat(np.arange(n_inst), nk)
    m_q = np.tile(np.arange(nk), n_inst)
    n_rapat = len(m_inst)
    rid = _ids(cur, "seq_rapat", n_rapat)
    m_waktu = np.array(waktu, dtype="datetime64[s]")[m_q]
    label = np.array(
        [f"Triwulan {formats.ROMAWI[tw]} Tahun {th}" for th, tw in kuartal], dtype=object
    )
    pimpinan = inst["kepala_nama"].astype(object) + ", " + inst["kepala_jabatan"].astype(object)
    _insert(
        cur,
        "rapat",
        pd.DataFrame(
            {
                "id": rid,
                "instansi_id": inst["id"][m_inst],
                "tahun": np.array([k[0] for k in kuartal])[m_q],
                "triwulan": np.array([k[1] for k in kuartal])[m_q],
                "judul": "Rapat Monev Capaian Kinerja " + label[m_q],
                "waktu": m_waktu,
                "tempat": "Ruang Rapat Kepala Dinas",
                "pimpinan": pimpinan[m_inst],
                "notulis": "Rina Marlina, S.E.",
                "ringkasan": "Rapat membahas capaian kinerja " + label[m_q] + ", ketepatan "
                "penyampaian data, dan tindak lanjut rapat sebelumnya.",
                "kesimpulan": "1. Bidang dengan capaian rendah menyusun langkah percepatan.\n"
                "2. Data triwulan berikutnya disampaikan tepat waktu.\n"
                "3. Tindak lanjut dilaporkan sebelum batas waktu.",
                "status": "final",
                "dibuat_oleh": "monev",
                "dibuat_pada": m_waktu,
                "difinalkan_oleh": "monev",
                "difinalkan_pada": m_waktu + np.timedelta64(2, "D"),
            }
        ),
    )
    # participants: the chair, the secretary, the monev officer and each unit's head
    tetap = [
        ("H. Ahmad Fauzi, S.Sos, M.AP", "Sekretaris"),
        ("Rina Marlina, S.E.", "Pengelola Monev"),
    ]
    kepala = [
        (kat.NAMA_KABID[i % len(kat.NAMA_KABID)], f"Kepala {u[1]}") for i, u in enumerate(kat.UNIT)
    ]
    n_p = 1 + len(tetap) + per
    uid = unit["id"].to_numpy().reshape(n_inst, per)
    p_unit = np.full((n_rapat, n_p), np.nan)
    p_unit[:, 1 + len(tetap) :] = uid[m_inst]
    nama = np.array([""] + [t[0] for t in tetap] + [k[0] for k in kepala], dtype=object)
    jabatan = np.array([""] + [t[1] for t in tetap] + [k[1] for k in kepala], dtype=object)
    p_nama = np.tile(nama, (n_rapat, 1))
    p_jab = np.tile(jabatan, (n_rapat, 1))
    p_nama[:, 0] = inst["kepala_nama"].astype(object)[m_inst]
    p_jab[:, 0] = inst["kepala_jabatan"].astype(object)[m_inst]
    _insert(
        cur,
        "rapat_peserta",
        pd.DataFrame(
            {
                "rapat_id": np.repeat(rid, n_p),
                "urutan": np.tile(np.arange(1, n_p + 1), n_rapat),
                "nama": p_nama.ravel(),
                "jabatan": p_jab.ravel(),
                "unit_id": pd.array(p_unit.ravel(), dtype="Int64"),
            }
        ),
    )
    agenda = [
        ("indikator_rendah", "Indikator dengan capaian Rendah dan Sangat Rendah", USULAN),
        ("unit_terlambat", "Unit yang terlambat atau belum menyampaikan data", USULAN),
        ("tindak_lanjut", "Tindak lanjut hasil rapat monev sebelumnya", USULAN),
        ("lainnya", "Rencana aksi triwulan berikutnya", MANUAL),
    ]
    _insert(
        cur,
        "rapat_agenda",
        pd.DataFrame(
            {
                "rapat_id": np.repeat(rid, len(agenda)),
                "urutan": np.tile(np.arange(1, len(agenda) + 1), n_rapat),
                "jenis": np.tile([a[0] for a in agenda], n_rapat),
                "uraian": np.tile([a[1] for a in agenda], n_rapat),
                "sumber": np.tile([a[2] for a in agenda], n_rapat),
            }
        ),
    )
    # findings: three units per meeting, half of them on one of the unit's indicators
    per_rapat = 3
    pilih = rng.random((n_rapat, per)).argsort(axis=1)[:, :per_rapat]
    t_unit_pos = (m_inst[:, None] * per + pilih).ravel()
    n_tem = len(t_unit_pos)
    tid = _ids(cur, "seq_temuan", n_tem)
    ind_awal = unit["ind_awal"].to_numpy()[t_unit_pos]
    ind_n = unit["ind_n"].to_numpy()[t_unit_pos]
    ada_ind = (rng.random(n_tem) < 0.5) & (ind_n > 0)
    ind = np.where(
        ada_ind, ind_awal + (rng.random(n_tem) * np.maximum(ind_n, 1)).astype(int), np.nan
    )
    jenis = rng.integers(0, len(kat.TEMUAN), n_tem)
    teks = np.array(kat.TEMUAN, dtype=object)
    t_rapat = np.repeat(np.arange(n_rapat), per_rapat)
    _insert(
        cur,
        "temuan",
        pd.DataFrame(
            {
                "id": tid,
                "rapat_id": rid[t_rapat],
                "unit_id": unit["id"].to_numpy()[t_unit_pos],
                "indikator_id": pd.array(ind, dtype="Int64"),
                "permasalahan": teks[jenis, 0],
                "penyebab": teks[jenis, 1],
                "rekomendasi": teks[jenis, 2],
                "dibuat_oleh": "monev",
                "dibuat_pada": m_waktu[t_rapat],
            }
        ),
    )
    # follow-ups: one per finding, a second for every third; status by how long it has run
    dua = np.arange(n_tem) % 3 == 0
    l_tem = np.concatenate([np.arange(n_tem), np.nonzero(dua)[0]])
    n_tl = len(l_tem)
    batas = m_waktu[t_rapat[l_tem]].astype("datetime64[D]") + rng.integers(45, 150, n_tl)
    umur = (np.datetime64(today) - batas).astype(int)  # days past the due date
    u = rng.random(n_tl)
    p_selesai = np.where(umur > 90, 0.85, np.where(umur > 0, 0.5, 0.2))
    belum, proses, selesai = tl_aturan.BELUM, tl_aturan.DALAM_PROSES, tl_aturan.SELESAI
    status = np.where(
        u < p_selesai,
        selesai,
        np.where(u < p_selesai + (1 - p_selesai) * 0.6, proses, belum),
    ).astype(object)
    status[:3] = list(tl_aturan.STATUS)[: min(3, n_tl)]  # every status, any scale
    minta = (status == proses) & (rng.random(n_tl) < 0.35)
    # the latest meeting of every instansi: a fixed mix, one of them asking to be closed
    baru = np.nonzero(m_q[t_rapat[l_tem]] == nk - 1)[0]
    siklus = np.array([proses, belum, proses, selesai], dtype=object)
    status[baru] = siklus[np.arange(len(baru)) % 4]
    minta[baru] = np.arange(len(baru)) % 4 == 2
    progres = np.array(kat.PROGRES_TL, dtype=object)[rng.integers(0, len(kat.PROGRES_TL), n_tl)]
    diperbarui = batas.astype("datetime64[s]") - np.timedelta64(5, "D")
    _insert(
        cur,
        "tindak_lanjut",
        pd.DataFrame(
            {
                "id": _ids(cur, "seq_tindak_lanjut", n_tl),
                "temuan_id": tid[l_tem],
                "uraian": teks[jenis[l_tem], 3],
                "pic_unit_id": unit["id"].to_numpy()[t_unit_pos[l_tem]],
                "batas_waktu": batas,
                "status": status,
                "catatan_progres": np.where(status == belum, _KOSONG, progres),
                "bukti": np.where(
                    status == selesai, "Laporan tindak lanjut (berkas fisik)", _KOSONG
                ),
                "minta_tutup": minta,
                "diperbarui_oleh": np.where(
                    status == belum, _KOSONG, unit["staf"].to_numpy()[t_unit_pos[l_tem]]
                ),
                "diperbarui_pada": np.where(status == belum, _KOSONG, diperbarui),
                "ditutup_oleh": np.where(status == selesai, "monev", _KOSONG),
                "ditutup_pada": np.where(status == selesai, diperbarui, _KOSONG),
            }
        ),
    )
    return n_rapat


def _pengguna(cur: duckdb.DuckDBPyConnection, instansi_id: int) -> int:
    """Demo logins for every role in the first instansi, hashed at the product's bcrypt cost (a
    cheaper hash would make a failed sign-in for a demo user faster than for an unknown one)."""
    from dashboard.akun.layanan_pengguna import hash_sandi

    units = dict(
        cur.execute("SELECT kode, id FROM unit WHERE instansi_id = $1", [instansi_id]).fetchall()
    )
    for username, nama, peran, unit_kode, sandi in kat.PENGGUNA:
        uid = store.satu(
            cur.execute(
                store.sql("pengguna_insert"),
                {
                    "username": username,
                    "nama": nama,
                    "email": f"{username}@contoh.go.id",
                    "password_hash": hash_sandi(sandi),
                    "instansi_id": instansi_id,
                    "unit_id": units.get(unit_kode),
                    "aktif": True,
                },
            ).fetchone()
        )[0]
        for p in peran:
            cur.execute("INSERT INTO peran_pengguna VALUES ($1, $2)", [uid, p])
    return len(kat.PENGGUNA)


def generate(
    cur: duckdb.DuckDBPyConnection,
    scale: str = "S",
    seed: int = DEMO_SEED,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Fill an empty store with the demo data of a scale, in one transaction; return counts."""
    if scale not in SKALA:
        raise ValueError(f"Skala tidak dikenal: {scale}. Pilih salah satu dari S, M, L.")
    if not store.is_empty(cur):
        raise store.StoreError(
            "Basis data sudah berisi data; data demo hanya dimuat ke basis data kosong."
        )
    skala = SKALA[scale]
    akhir = periode_terakhir(today or config.sekarang().date())
    tahun = list(range(akhir[0] - skala.tahun_lalu, akhir[0] + 1))
    rng = np.random.default_rng(seed)
    with store.transaction(cur):
        ind = _simpan_struktur(cur, _struktur(skala))
        counts = _angka(cur, ind, tahun, akhir, rng)
        counts["pengguna"] = _pengguna(cur, int(ind["instansi_id"].iloc[0]))
        counts["pengajuan"] = _alur(cur, tahun, akhir, rng)
    sop_count = sop.load_library_into(cur)
    with store.transaction(cur):
        counts["langkah_manual"] = _pelaksanaan(cur, akhir, rng)
    with store.transaction(cur):
        counts["rapat"] = _rapat(cur, akhir, today or config.sekarang().date(), seed)
    if scale == "S":  # every seed SOP adopted and run (docs/DOMAIN.md §8.5); its own transactions
        counts.update(demo_sop.generate(cur, tahun, akhir, seed, _insert))
    counts.update(
        {"instansi": int(ind["instansi_id"].nunique()), "indikator": len(ind), "sop": sop_count}
    )
    return counts
