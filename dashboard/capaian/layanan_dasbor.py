"""The Kadis dashboard (Beranda): one period of one instansi seen from every side.

Every read checks the caller first (`Akses.lingkup_unit`): a staf_bidang gets the same figures
limited to its own unit. Capaian comes from the engine (services/capaian.py), projections and
counts from dashboard/capaian/proyeksi.py; the cross-instansi comparison is aggregated in SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, SupportsInt

import duckdb
import pandas as pd

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.capaian import capaian as engine
from dashboard.capaian import kinerja_anggaran, proyeksi, tabel_dasbor
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.capaian.skala import SKALA_BAKU, Skala, bulat
from dashboard.inti import bingkai, bukti, config, formats, store
from dashboard.pengumpulan import data_sah
from dashboard.rapat import agenda
from dashboard.rapat import tindak_lanjut as tl_aturan
from dashboard.review import alur
from dashboard.sop import layanan_pelaksanaan as pelaksanaan
from dashboard.sop import layanan_registri as sop_registry


def _ind(row: Any) -> engine.Indikator:
    """The engine's attributes of an indicator, from a row of `bingkai.baris` (untyped pandas)."""
    return engine.Indikator(row.polaritas, row.cara_agregasi, row.rumus_negatif)


def daftar_unit(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    """The active units the caller may filter on (a staf_bidang: its own only)."""
    lingkup = akses.lingkup_unit(instansi_id, None)
    df = store.fetch_df(cur, "unit_list", {"instansi_id": instansi_id})
    df = df[df["aktif"]]
    if lingkup is not None:
        df = df[df["id"] == lingkup]
    return df.reset_index(drop=True)


def _realisasi_tahun(
    cur: duckdb.DuckDBPyConnection,
    instansi_id: int,
    tahun: int,
    lingkup: int | None,
    triwulan: int,
    termasuk_belum_sah: bool,
) -> tuple[pd.DataFrame, pd.Series]:
    """The year's targets and realisations (`indikator_tahun`), the unsigned values left out
    when signed-only (pengumpulan/data_sah.py), and per row whether the value of `triwulan` is
    present but not signed yet."""
    df = store.fetch_df(
        cur, "indikator_tahun", {"instansi_id": instansi_id, "tahun": tahun, "lingkup": lingkup}
    )
    status = store.fetch_df(
        cur,
        "laporan_status_realisasi",
        {"instansi_id": instansi_id, "tahun": tahun, "lingkup": lingkup},
    )
    belum = data_sah.belum_sah(df, status, triwulan)
    return (df if termasuk_belum_sah else data_sah.saring(df, status)), belum


def indikator_tahun(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
    termasuk_belum_sah: bool = data_sah.TERMASUK_BELUM_SAH_BAWAAN,
) -> pd.DataFrame:
    """Per indicator for the period: values, both figures of docs/DOMAIN.md §4.5, the year-end
    projection, the pace needed, the quarter's note and evidence, the capaian of every quarter
    of the year (c1..c4, k1..k4, s1..s4 for the heat map) and `belum_sah` (the quarter's value
    is not signed yet), from one fetch. Signed-only: unsigned values and their notes left out."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    df, belum = _realisasi_tahun(cur, instansi_id, tahun, lingkup, triwulan, termasuk_belum_sah)
    sk = svc_capaian.skala(cur, instansi_id)
    out = svc_capaian.hitung_capaian_tahun(df, triwulan, sk)
    out["belum_sah"] = belum.to_numpy()
    proy = []
    for row in bingkai.baris(out):
        ind = _ind(row)
        p = proyeksi.proyeksi(
            ind,
            triwulan,
            svc_capaian.per_triwulan(row, "r"),
            svc_capaian.angka_atau_none(row.t0),
            svc_capaian.angka_atau_none(row.t0_atas),
        )
        proy.append(
            (
                p.realisasi_akhir,
                p.capaian_akhir,
                p.laju,
                proyeksi.arti_laju(ind),
                " · ".join(proyeksi.alasan_perhatian(row.status, row.kategori, row.merah, p)),
            )
        )
    kolom = ["proyeksi_realisasi", "proyeksi_capaian", "laju", "arti_laju", "alasan"]
    out = pd.concat([out, pd.DataFrame(proy, columns=kolom, index=out.index)], axis=1)
    catatan = store.fetch_df(
        cur,
        "dasbor_catatan",
        {"instansi_id": instansi_id, "tahun": tahun, "triwulan": triwulan, "lingkup": lingkup},
    )
    if not termasuk_belum_sah:  # a note goes with its value
        catatan = catatan[~catatan["indikator_id"].isin(out.loc[out["belum_sah"], "id"])]
    return out.merge(
        catatan.rename(columns={"indikator_id": "id"}), on="id", how="left"
    ).reset_index(drop=True)


@dataclass
class DataPeriode:
    """What the dashboard's first screen needs, from one fetch: per indicator, per unit, the
    heat map, and the instansi's category scale (legend, colours, count columns)."""

    indikator: pd.DataFrame
    per_unit: pd.DataFrame
    peta: pd.DataFrame
    skala: Skala
    termasuk_belum_sah: bool = data_sah.TERMASUK_BELUM_SAH_BAWAAN

    @property
    def n_belum_sah(self) -> int:
        """Values of the period not signed yet (counted, or left out when signed-only)."""
        return int(self.indikator["belum_sah"].sum())

    @property
    def keterangan(self) -> str:
        """What the numbers count, said next to them."""
        return data_sah.keterangan(self.termasuk_belum_sah, self.n_belum_sah)


def data_periode(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
    termasuk_belum_sah: bool = data_sah.TERMASUK_BELUM_SAH_BAWAAN,
) -> DataPeriode:
    ind = indikator_tahun(cur, akses, instansi_id, tahun, triwulan, unit_id, termasuk_belum_sah)
    sk = svc_capaian.skala(cur, instansi_id)
    return DataPeriode(
        ind,
        svc_capaian.ringkas_per_unit(ind, sk),
        peta_capaian(ind, sk),
        sk,
        termasuk_belum_sah,
    )


def data_periode_unit(semua: DataPeriode, unit_id: int) -> DataPeriode:
    """One unit's part of an instansi's `data_periode` (its rows are per indicator, each
    computed on its own): a drill-down to a unit filters the instansi's read instead of
    reading again. A unit of another instansi gets no row."""
    ind = semua.indikator[semua.indikator["unit_id"] == unit_id].reset_index(drop=True)
    sk = semua.skala
    return DataPeriode(
        ind,
        svc_capaian.ringkas_per_unit(ind, sk),
        peta_capaian(ind, sk),
        sk,
        semua.termasuk_belum_sah,
    )


def pengajuan_unit(semua: pd.DataFrame, unit_id: int) -> pd.DataFrame:
    """One unit's row of an instansi's `pengajuan` (a drill-down, as `data_periode_unit`)."""
    return semua[semua["unit_id"] == unit_id].reset_index(drop=True)


def peta_capaian(ind: pd.DataFrame, sk: Skala = SKALA_BAKU) -> pd.DataFrame:
    """Heat map data: mean capaian of assessed indicators per unit and quarter (long form),
    each capped at the scale's `batas_skor`. Two units of the same name get their own rows
    (the later ones numbered), since the heat map's rows are keyed by the label."""
    rows = []
    dipakai: dict[str, int] = {}
    for (unit_id, nama), g in ind.groupby(["unit_id", "unit_nama"], sort=True):
        dipakai[nama] = dipakai.get(nama, 0) + 1
        unit = nama if dipakai[nama] == 1 else f"{nama} ({dipakai[nama]})"
        for n in range(1, 5):
            nilai = [svc_capaian.angka_atau_none(v) for v in g[f"c{n}"]]
            rata = engine.rata_rata_capaian(nilai, sk.batas_skor)
            rows.append(
                {
                    "unit_id": unit_id,
                    "unit": unit,
                    "triwulan": n,
                    "capaian": rata,
                    "kategori": sk.kategori_nilai(rata),
                    "dinilai": sum(v is not None for v in nilai),
                    "indikator": len(g),
                }
            )
    return pd.DataFrame(
        rows, columns=["unit_id", "unit", "triwulan", "capaian", "kategori", "dinilai", "indikator"]
    )


# What "Sudah diajukan" counts: a submission that left the unit (a draft, a returned one or
# one never started does not).
SUDAH_DIAJUKAN = alur.SUDAH_DIAJUKAN


def _keadaan(status: str, terisi: int, dikembalikan: bool) -> str:
    """A unit's submission in the words people use: Belum diisi (nothing typed, never
    submitted), Draf, Dikembalikan (returned to the unit, waiting for its fix), else the
    status of the chain (Diajukan .. Disahkan)."""
    if status == alur.DRAF:
        if dikembalikan:
            return "Dikembalikan"
        return "Draf" if terisi else "Belum diisi"
    return alur.LABEL_STATUS.get(status, status)


def pengajuan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
    hari_ini: dt.date | None = None,
) -> pd.DataFrame:
    """Per unit: submission status of the period, its state in words (`keadaan`: Belum diisi,
    Draf, Dikembalikan, Diajukan .. Disahkan), `sudah_diajukan` (what the headline counts), the
    last return's reason, complete or not, on time / late."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    df = store.fetch_df(
        cur,
        "dasbor_pengajuan",
        {
            "instansi_id": instansi_id,
            "tahun": tahun,
            "triwulan": triwulan,
            "lingkup": lingkup,
            "status_draf": alur.DRAF,
        },
    )
    hari = hari_ini or config.sekarang().date()
    df["lengkap"] = (df["indikator"] > 0) & (df["terisi"] == df["indikator"])
    df["dikembalikan"] = [
        tabel_dasbor.mundur(d, k) for d, k in zip(df["akhir_dari"], df["akhir_ke"], strict=True)
    ]
    df["keadaan"] = [_keadaan(r.status, r.terisi, r.dikembalikan) for r in bingkai.baris(df)]
    df["sudah_diajukan"] = df["status"].isin(SUDAH_DIAJUKAN)
    df["pengiriman"] = [
        proyeksi.status_kirim(
            r.status,
            r.diajukan_pada,
            bool(r.terlambat) if pd.notna(r.terlambat) else False,
            r.tenggat if pd.notna(r.periode_id) else None,
            hari,
        )
        for r in bingkai.baris(df)
    ]
    return df


def tindak_lanjut_terbuka(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    unit_id: int | None = None,
    hari_ini: dt.date | None = None,
) -> pd.DataFrame:
    """Follow-ups not yet Selesai, overdue flagged (docs/DOMAIN.md §7.2: shown to the Kadis)."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    df = store.fetch_df(
        cur,
        "dasbor_tindak_lanjut",
        {"instansi_id": instansi_id, "lingkup": lingkup, "status": tl_aturan.terbuka_sql()},
    )
    hari = hari_ini or config.sekarang().date()
    df["terlambat"] = agenda.lewat_batas(df["batas_waktu"], df["status"], hari)  # one rule
    return df


def pelanggaran_sop(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
) -> pd.DataFrame:
    """Step records of the period's SOP runs that exceeded their mutu baku waktu (the same
    computation as the Ketepatan waktu SOP page)."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    df = pelaksanaan.catatan_langkah(cur, akses, instansi_id, tahun)
    if df.empty:
        return df
    df = df[(df["triwulan"] == triwulan) & df["dalam_standar"].eq(False)]
    if lingkup is not None:
        df = df[df["unit_id"] == lingkup]
    return df.sort_values("kelebihan_menit", ascending=False).reset_index(drop=True)


def anggaran(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
    termasuk_belum_sah: bool = data_sah.TERMASUK_BELUM_SAH_BAWAAN,
) -> pd.DataFrame:
    """Per program and kegiatan: pagu, spending to date, serapan, capaian kinerja (the mean
    progres tahunan of the indicators hung on the node itself, `kinerja_anggaran`, the same
    definition as the LKj budget table) and indeks efisiensi. Rupiah add up to the program;
    percentages are recomputed, never added (each capaian capped at the scale's `batas_skor`
    before the mean)."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    batas_skor = svc_capaian.skala(cur, instansi_id).batas_skor
    df = store.fetch_df(
        cur,
        "dasbor_anggaran",
        {"instansi_id": instansi_id, "tahun": tahun, "triwulan": triwulan, "lingkup": lingkup},
    )
    # progres tahunan is all it needs: one engine pass, on the same data as the rest of the page
    real, _ = _realisasi_tahun(cur, instansi_id, tahun, lingkup, triwulan, termasuk_belum_sah)
    ind = svc_capaian.hitung_capaian(real, triwulan, svc_capaian.skala(cur, instansi_id))
    peta = store.fetch_df(cur, "dasbor_indikator_kegiatan", {"instansi_id": instansi_id}).merge(
        ind[["id", "status", "status_tahunan", "progres_tahunan"]].rename(
            columns={"id": "indikator_id"}
        ),
        on="indikator_id",
    )
    # one definition with the LKj budget table: the indicators hung on the node itself
    rata = kinerja_anggaran.capaian_kinerja_frame(
        peta, kinerja_anggaran.nilai_per_indikator(peta), batas_skor
    )

    def kinerja(tingkat: str, nilai: SupportsInt) -> float | None:
        return rata.get((tingkat, int(nilai)))

    rows = []
    for (pid, pkode, pnama), g in df.groupby(["program_id", "program_kode", "program"], sort=True):
        rows.append(
            (
                "Program",
                pkode,
                pnama,
                g["pagu"].sum(),
                g["realisasi"].sum(),
                kinerja("program", pid),
            )
        )
        for r in bingkai.baris(g):
            rows.append(
                (
                    "Kegiatan",
                    r.kegiatan_kode,
                    r.kegiatan,
                    r.pagu,
                    r.realisasi,
                    kinerja("kegiatan", r.kegiatan_id),
                )
            )
    out = pd.DataFrame(rows, columns=["tingkat", "kode", "nama", "pagu", "realisasi", "capaian"])
    out["serapan"] = [
        engine.serapan(r, p) for r, p in zip(out["realisasi"], out["pagu"], strict=True)
    ]
    out["indeks_efisiensi"] = [
        engine.indeks_efisiensi(c, s) for c, s in zip(out["capaian"], out["serapan"], strict=True)
    ]
    # no index (no capaian kinerja of its own, §5.2): neither efisien nor not, shown empty
    out["efisien"] = pd.Series(
        [engine.efisien(svc_capaian.angka_atau_none(i)) for i in out["indeks_efisiensi"]],
        index=out.index,
        dtype=object,
    )
    return out


def _alasan_baris(row: dict[str, Any], triwulan: int, kirim: str | None) -> str:
    """The reason one indicator needs attention, from its own numbers: its capaian and band with
    the change since the previous quarter, the year-end projection when it misses the target,
    and the unit's submission when it is late or returned."""
    tw = formats.nama_triwulan(triwulan)
    bagian = []
    if pd.notna(row["capaian"]):
        teks = f"Capaian {formats.persen(row['capaian'])} ({row['kategori']})"
        lalu = row.get(f"c{triwulan - 1}") if triwulan > 1 else None
        if lalu is not None and pd.notna(lalu):
            lama = formats.persen(lalu)
            tw_lalu = f"TW {formats.ROMAWI[triwulan - 1]}"
            if bulat(row["capaian"]) < bulat(lalu):
                teks += f", turun dari {lama} di {tw_lalu}"
            elif bulat(row["capaian"]) > bulat(lalu):
                teks += f", naik dari {lama} di {tw_lalu}"
            else:
                teks += f", sama dengan {tw_lalu}"
        bagian.append(teks)
    else:
        bagian.append(f"Realisasi {tw} belum diisi")
    proy = row["proyeksi_capaian"]
    if pd.notna(proy) and bulat(proy) < 100:
        bagian.append(f"proyeksi akhir tahun {formats.persen(proy)} dari target")
    if kirim:
        bagian.append(kirim)
    return "; ".join(bagian)


def _kirim_unit(kirim: pd.DataFrame | None) -> dict[int, str]:
    """Per unit, the submission fact that adds to an indicator's severity (late or returned)."""
    if kirim is None or kirim.empty:
        return {}
    out = {}
    for r in bingkai.baris(kirim):
        if r.keadaan == "Dikembalikan":
            out[int(r.unit_id)] = "pengajuan dikembalikan"
        elif r.pengiriman == "Terlambat":
            out[int(r.unit_id)] = (
                "pengajuan terlambat"
                if r.status in SUDAH_DIAJUKAN
                else "belum diajukan, tenggat lewat"
            )
    return out


def perlu_perhatian(
    ind: pd.DataFrame,
    tl: pd.DataFrame,
    kirim: pd.DataFrame | None = None,
    triwulan: int = 4,
) -> pd.DataFrame:
    """The warnings list (docs/DOMAIN.md §9.4): indicators in a red band of the scale or
    projected below the annual target, except those in the scale's top band (doing fine). Ranked
    by severity: a red band first, then the lower band (a value not entered, never red, after
    every band), the larger gap between the projection and the target, a late or returned
    unit. Each
    row has its own reason (`alasan`), the unit's note and its open follow-up; items with
    neither are marked (`tanpa`). `peringkat`: 1 is the most severe."""
    w = ind[(ind["alasan"] != "") & (ind["level"] != 1)].copy()
    terbuka = (
        tl.dropna(subset=["indikator_id"])
        .groupby("indikator_id")["uraian"]
        .agg(lambda s: "; ".join(s))
        .rename("tindak_lanjut")
    )
    w = w.merge(terbuka, left_on="id", right_index=True, how="left")
    ada_catatan = w["catatan"].fillna("").str.strip() != ""
    ada_tl = w["tindak_lanjut"].notna()
    w["tanpa"] = [
        ", ".join(x for x, ada in (("catatan", c), ("tindak lanjut", t)) if not ada)
        for c, t in zip(ada_catatan, ada_tl, strict=True)
    ]
    unit = _kirim_unit(kirim)
    w["alasan"] = [
        _alasan_baris(r, triwulan, unit.get(int(r["unit_id"]))) for r in bingkai.baris_dict(w)
    ]
    w["_merah"] = w["merah"].fillna(False).astype(bool)
    w["_kirim"] = w["unit_id"].map(lambda u: int(u) in unit)
    w["_level"] = pd.to_numeric(w["level"], errors="coerce").fillna(0)
    w["_selisih"] = (100 - pd.to_numeric(w["proyeksi_capaian"], errors="coerce")).fillna(0)
    urut = ["_merah", "_level", "_selisih", "_kirim"]
    w = w.sort_values([*urut, "kode"], ascending=[False] * len(urut) + [True], kind="stable")
    w = w.drop(columns=urut).reset_index(drop=True)
    w.insert(0, "peringkat", range(1, len(w) + 1))
    return w


@dataclass
class Tren:
    """An indicator across quarters and years, with the meetings that found something on it."""

    info: dict
    nilai: pd.DataFrame  # tahun, triwulan, periode, target, target_sd, realisasi, capaian ...
    temuan: pd.DataFrame  # dasbor_temuan_indikator rows


def tren_indikator(cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int) -> Tren:
    instansi_id, _ = lokasi.baca_indikator(cur, akses, indikator_id)
    df = store.fetch_df(cur, "dasbor_tren_indikator", {"indikator_id": indikator_id})
    if df.empty:
        raise ValueError("Indikator tidak ditemukan.")
    sk = svc_capaian.skala(cur, instansi_id)
    rows = []
    v = svc_capaian.angka_atau_none
    kol = {
        c: df[c].tolist() for c in ("tahun", "t0", "t1", "t2", "t3", "t4", "r1", "r2", "r3", "r4")
    }
    for n, hasil in svc_capaian.hasil_tiap_triwulan(df, sk).items():
        for i, h in enumerate(hasil):
            rows.append(
                {
                    "tahun": int(kol["tahun"][i]),
                    "triwulan": n,
                    "target": v(kol[f"t{n}"][i]),
                    "realisasi": v(kol[f"r{n}"][i]),
                    "target_tahunan": v(kol["t0"][i]),
                    "target_sd": h.target_sd,
                    "target_atas_sd": h.target_atas_sd,
                    "realisasi_sd": h.realisasi_sd,
                    "capaian": h.capaian,
                    "kategori": h.kategori,
                    "level": h.level,
                    "status": str(h.status),
                    "progres_tahunan": h.progres_tahunan,
                }
            )
    nilai = pd.DataFrame(rows).sort_values(["tahun", "triwulan"]).reset_index(drop=True)
    info = df.iloc[0][
        [
            "id",
            "kode",
            "nama",
            "satuan",
            "jenis",
            "polaritas",
            "cara_agregasi",
            "rumus_negatif",
            "definisi",
            "sumber_data",
            "baseline",
            "target_renstra",
            "unit_id",
            "unit_nama",
            "instansi_id",
        ]
    ].to_dict()
    temuan = store.fetch_df(cur, "dasbor_temuan_indikator", {"indikator_id": indikator_id})
    return Tren(info, nilai, temuan)


@dataclass
class Rincian:
    """Drill-down of one indicator and quarter: everything behind its capaian."""

    tren: Tren
    hasil: dict  # the quarter's row of tren.nilai
    perhitungan: str
    entri: pd.DataFrame  # the year's entries: triwulan, nilai, catatan, bukti, oleh, pada
    event: pd.DataFrame  # review events of the unit's submission for the period
    riwayat: pd.DataFrame  # value history of the quarter


def _event_pengajuan(
    cur: duckdb.DuckDBPyConnection, instansi_id: int, unit_id: int, tahun: int, triwulan: int
) -> pd.DataFrame:
    """The review trail of a unit's submission for a period, oldest first: the events of the
    submission and those written under the period-and-unit key before it existed."""
    row = store.fetch_all(
        cur,
        "pengajuan_unit_periode",
        {"instansi_id": instansi_id, "unit_id": unit_id, "tahun": tahun, "triwulan": triwulan},
    )
    if not row:
        return pd.DataFrame()
    periode_id, pengajuan_id = row[0]
    kunci = [alur.objek_periode_unit(periode_id, unit_id)]
    if pengajuan_id is not None:
        kunci.insert(0, str(int(pengajuan_id)))
    bagian = [
        store.fetch_df(cur, "event_objek", {"objek": "pengajuan", "objek_id": k}) for k in kunci
    ]
    return pd.concat(bagian).sort_values("waktu", kind="stable").reset_index(drop=True)


def rincian(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int, tahun: int, triwulan: int
) -> Rincian:
    tren = tren_indikator(cur, akses, indikator_id)  # checks the caller may read it
    instansi_id, unit_id = int(tren.info["instansi_id"]), int(tren.info["unit_id"])
    pilih = tren.nilai[(tren.nilai["tahun"] == tahun) & (tren.nilai["triwulan"] == triwulan)]
    hasil = pilih.iloc[0].to_dict() if not pilih.empty else {}
    i = tren.info
    ind = engine.Indikator(i["polaritas"], i["cara_agregasi"], i["rumus_negatif"])
    perhitungan = proyeksi.uraian_perhitungan(
        ind,
        hasil.get("status", str(engine.Status.BELUM_DIISI)),
        hasil.get("target_sd"),
        hasil.get("realisasi_sd"),
        hasil.get("capaian"),
        hasil.get("target_atas_sd"),
    )
    entri = store.fetch_df(
        cur, "dasbor_realisasi_indikator", {"indikator_id": indikator_id, "tahun": tahun}
    )
    entri["bukti"] = entri["bukti"].map(lambda b: bukti.label(b) or None)  # no storage path
    event = _event_pengajuan(cur, instansi_id, unit_id, tahun, triwulan)
    riwayat = store.fetch_df(
        cur, "riwayat_nilai", {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan}
    )
    return Rincian(tren, hasil, perhitungan, entri, event, riwayat)


def perbandingan_instansi(
    cur: duckdb.DuckDBPyConnection, akses: Akses, tahun: int, triwulan: int
) -> pd.DataFrame:
    """Every instansi side by side (a Sekretariat Daerah view): capaian, on-time submission
    rate and SOP compliance. Only for a caller not tied to one instansi."""
    if akses.instansi_id is not None or not akses.seluruh_instansi:
        raise AksesDitolak("Perbandingan antar instansi hanya untuk tingkat pemerintah daerah.")
    kal = sop_registry.kalender(cur)
    awal = dt.date(tahun, 1, 1)
    hari_kerja = [
        awal + dt.timedelta(days=i)
        for i in range((dt.date(tahun + 2, 1, 1) - awal).days)
        if kal.hari_kerja(awal + dt.timedelta(days=i))
    ]
    semua = store.fetch_df(cur, "instansi_list")["id"].astype(int).tolist()
    sk = svc_capaian.skala_semua(cur, semua)
    batas = [sk[i].batas_skor for i in semua]
    df = store.fetch_df(
        cur,
        "dasbor_perbandingan",
        {
            "tahun": tahun,
            "triwulan": triwulan,
            "hari_kerja": hari_kerja,
            "instansi_ids": semua,
            "batas_skor": batas,
            "status_draf": alur.DRAF,
        },
    )
    df["kategori"] = [
        sk[int(i)].kategori_nilai(None if pd.isna(c) else float(c))
        for i, c in zip(df["instansi_id"], df["capaian"], strict=True)
    ]
    df["warna"] = [
        sk[int(i)].warna(k) for i, k in zip(df["instansi_id"], df["kategori"], strict=True)
    ]
    df["persen_tepat_waktu"] = df["tepat_waktu"] / df["unit"].where(df["unit"] > 0) * 100
    df["persen_sop"] = df["langkah_tepat"] / df["langkah_sop"].where(df["langkah_sop"] > 0) * 100
    return df
