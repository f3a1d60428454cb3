"""Report services: the caller's scope checked first, named queries, capaian from the engine,
then the tables of `dashboard.laporan.data` rendered as Excel or PDF.

Signed only, or all data (the default of pengumpulan/data_sah.py, shared with the Beranda): a
realisation counts when its unit's submission for that quarter is `disahkan`; other values are
left out (the quarter reads Belum Diisi). With `termasuk_belum_sah` they count and every row
holding one is marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as capaian
from dashboard.capaian.skala import Skala
from dashboard.inti import config, formats, store
from dashboard.inti.dokumen import Kop, Penandatangan
from dashboard.laporan import bab3, data, excel, pdf
from dashboard.laporan.data import STATUS_SAH, Laporan, Permintaan
from dashboard.pengumpulan import data_sah
from dashboard.rencana import layanan_renja as svc_renja

MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Dokumen:
    nama_berkas: str
    mime: str
    isi: bytes


def indikator_laporan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
    termasuk_belum_sah: bool = data_sah.TERMASUK_BELUM_SAH_BAWAAN,
) -> pd.DataFrame:
    """Per indicator: targets, the realisations that count, notes c1..c4, the engine's figures
    for quarter `triwulan`, its place in the planning hierarchy, and `belum_sah` (which counted
    quarters up to `triwulan` are not signed yet) / `n_belum_sah` (how many values that are not
    signed were left out or, with the option, counted)."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    df = store.fetch_df(
        cur, "indikator_tahun", {"instansi_id": instansi_id, "tahun": tahun, "lingkup": lingkup}
    )
    status = store.fetch_df(
        cur,
        "laporan_status_realisasi",
        {"instansi_id": instansi_id, "tahun": tahun, "lingkup": lingkup},
    )
    info = store.fetch_df(
        cur, "laporan_indikator_info", {"instansi_id": instansi_id, "lingkup": lingkup}
    )
    status = status.assign(sah=status["status"].eq(STATUS_SAH)).set_index(
        ["indikator_id", "triwulan"]
    )
    belum = pd.Series([[] for _ in range(len(df))], index=df.index, dtype=object)
    for q in range(1, 5):
        kunci = pd.MultiIndex.from_arrays([df["id"], [q] * len(df)])
        sah = status["sah"].reindex(kunci).eq(True).to_numpy()
        catatan = status["catatan"].reindex(kunci).to_numpy()
        tidak_sah = df[f"r{q}"].notna().to_numpy() & ~sah
        if not termasuk_belum_sah:
            df[f"r{q}"] = df[f"r{q}"].where(~tidak_sah)
            catatan = [None if t else c for c, t in zip(catatan, tidak_sah, strict=True)]
        df[f"c{q}"] = catatan
        if q <= triwulan:
            for i in df.index[tidak_sah]:
                belum[i] = [*belum[i], formats.ROMAWI[q]]
    df["n_belum_sah"] = belum.map(len)
    df["belum_sah"] = belum.map(
        lambda tw: f"Belum sah: TW {', '.join(tw)}" if tw and termasuk_belum_sah else None
    )
    df = capaian.hitung_capaian(df, triwulan, capaian.skala(cur, instansi_id))
    return df.merge(info, on="id", how="left")


def anggaran_laporan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    unit_id: int | None = None,
) -> pd.DataFrame:
    """Pagu and spending per quarter of every sub kegiatan in scope, with its kegiatan, program
    and sasaran (a staf_bidang sees only its unit's sub kegiatan)."""
    lingkup = lokasi.lingkup_baca(cur, akses, instansi_id, unit_id)
    return store.fetch_df(
        cur, "laporan_anggaran", {"instansi_id": instansi_id, "tahun": tahun, "lingkup": lingkup}
    )


def susun_laporan(cur: duckdb.DuckDBPyConnection, akses: Akses, p: Permintaan) -> Laporan:
    """The report asked for, with letterhead and signer (the request's overrides first)."""
    lingkup = lokasi.lingkup_baca(cur, akses, p.instansi_id, p.unit_id)
    kop = store.fetch_df(cur, "instansi_kop", {"instansi_id": p.instansi_id})
    if kop.empty:
        raise ValueError("Instansi tidak ditemukan.")
    ins = kop.iloc[0]
    n = p.triwulan
    skala = capaian.skala(cur, p.instansi_id)
    ind = indikator_laporan(cur, akses, p.instansi_id, p.tahun, n, lingkup, p.termasuk_belum_sah)
    if ind[["t0", "t1", "t2", "t3", "t4"]].isna().all(axis=None):
        raise ValueError(
            f"Belum ada target kinerja {formats.nama_tahun(p.tahun)} untuk pilihan ini."
        )
    tandai = p.termasuk_belum_sah
    tabel: list[data.Tabel] = []
    catatan: list[str] = []
    rom = formats.ROMAWI
    if p.jenis == "triwulan":
        judul = f"Laporan capaian kinerja {formats.nama_triwulan(n)} tahun anggaran {p.tahun}"
        tabel.append(data.tabel_capaian(ind, [n], n, tandai, f"Capaian kinerja TW {rom[n]}"))
        tabel.append(data.tabel_ringkasan(ind, skala))
        bagian = f"tw{n}"
    elif p.jenis == "semester":
        judul = (
            f"Laporan capaian kinerja {formats.nama_semester(p.periode)} tahun anggaran {p.tahun}"
        )
        tabel.append(
            data.tabel_capaian(
                ind, [n - 1, n], n, tandai, f"Capaian kinerja TW {rom[n - 1]} dan TW {rom[n]}"
            )
        )
        tabel.append(data.tabel_ringkasan(ind, skala))
        bagian = f"semester{p.periode}"
    elif p.jenis == "tahunan":
        judul = f"Laporan kinerja tahun {p.tahun}: Bab III akuntabilitas kinerja"
        tabel += _bab3(cur, akses, p, ind, skala, lingkup)
        ind = data.capaian_tahunan(ind, skala)
        catatan.append("Realisasi anggaran berasal dari data keuangan per sub kegiatan.")
        bagian = "tahunan"
    else:  # Renja form E.81 (dashboard/rencana/layanan_renja.py, docs/DOMAIN.md §9.12)
        judul = "Evaluasi terhadap hasil Renja perangkat daerah"
        tabel.append(svc_renja.tabel(cur, akses, p, lingkup, ind, skala))
        catatan.append("Realisasi anggaran berasal dari data keuangan per sub kegiatan.")
        bagian = f"tw{n}"
    subjudul = [str(ins["nama"])]
    unit_kode = ""
    if lingkup is not None:
        unit = _unit(cur, p.instansi_id, lingkup)
        subjudul.append(f"Unit kerja: {unit[1]}")
        unit_kode = f"-{unit[0]}"
    if p.jenis == "renja":
        subjudul.append(
            f"Periode pelaksanaan: {formats.nama_triwulan(n)} {formats.nama_tahun(p.tahun)} "
            "(Permendagri Nomor 86 Tahun 2017)"
        )
    jumlah_belum = int(ind["n_belum_sah"].sum())
    if tandai:
        subjudul.append(
            f"DRAF: MEMUAT {jumlah_belum} REALISASI YANG BELUM DISAHKAN (ditandai pada kolom "
            f"'{data.KOLOM_STATUS}'); bukan data final."
        )
    else:
        subjudul.append(
            "Hanya realisasi yang telah disahkan; "
            + (
                f"{jumlah_belum} realisasi yang belum disahkan tidak dihitung (tampil sebagai "
                "Belum Diisi)."
                if jumlah_belum
                else "seluruh realisasi periode ini telah disahkan."
            )
        )
    tanda = Penandatangan(
        kota=p.kota or formats.teks(ins["kota"]) or "",
        tanggal=p.tanggal or config.sekarang().date(),
        jabatan=p.jabatan or formats.teks(ins["kepala_jabatan"]) or "Kepala",
        nama=p.nama or formats.teks(ins["kepala_nama"]) or "",
        nip=p.nip or formats.teks(ins["kepala_nip"]),
    )
    ttd_renja = (
        svc_renja.tanda_tangan(
            svc_renja.penandatangan(cur, p.instansi_id), ins, tanda.kota, tanda.tanggal, tanda
        )
        if p.jenis == "renja"
        else ()
    )
    return Laporan(
        judul=judul,
        subjudul=tuple(subjudul),
        tabel=tuple(tabel),
        catatan=tuple(catatan),
        kop=Kop.dari_instansi(ins),
        penandatangan=tanda,
        nama_berkas=re.sub(
            r"[^A-Za-z0-9._-]+",
            "_",
            f"laporan-{p.jenis}-{ins['kode']}{unit_kode}-{p.tahun}"
            + ("" if p.jenis == "tahunan" else f"-{bagian}"),
        ),
        belum_sah=tandai and jumlah_belum > 0,
        tanda_tangan=ttd_renja,
    )


def _bab3(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    p: Permintaan,
    ind: pd.DataFrame,
    skala: Skala,
    lingkup: int | None,
) -> list[data.Tabel]:
    """LKj Bab III (dashboard/laporan/bab3.py): Tabel 3.1 by sasaran, 3.2 against every year
    of the Renstra period so far, 3.3 the budget with the shared capaian kinerja."""
    ind = data.capaian_tahunan(ind, skala)
    renstra = store.fetch_df(cur, "laporan_target_renstra", {"instansi_id": p.instansi_id})
    tahun_list, _ = bab3.tahun_renstra(renstra, p.tahun)
    lalu = {
        th: data.capaian_tahunan(
            indikator_laporan(cur, akses, p.instansi_id, th, 4, lingkup, p.termasuk_belum_sah),
            skala,
        )
        for th in tahun_list
        if th < p.tahun
    }
    ang = anggaran_laporan(cur, akses, p.instansi_id, p.tahun, lingkup)
    tandai = p.termasuk_belum_sah
    return [
        bab3.tabel_31(ind, p.tahun, skala, tandai, p.semua_indikator),
        bab3.tabel_32(ind, lalu, renstra, p.tahun, p.semua_indikator),
        data.tabel_anggaran(ang, ind, skala=skala),
    ]


def _unit(cur: duckdb.DuckDBPyConnection, instansi_id: int, unit_id: int) -> tuple[str, str]:
    """(kode, nama) of a unit of the instansi."""
    units = store.fetch_df(cur, "unit_list", {"instansi_id": instansi_id})
    row = units[units["id"] == unit_id]
    if row.empty:
        raise AksesDitolak("Unit tersebut bukan bagian dari instansi ini.")
    return str(row["kode"].iloc[0]), str(row["nama"].iloc[0])


def dokumen_laporan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, p: Permintaan, format: str
) -> Dokumen:
    """The report as an Excel workbook or an A4 landscape PDF."""
    if format not in data.FORMAT:
        raise ValueError("Format laporan harus xlsx atau pdf.")
    lap = susun_laporan(cur, akses, p)
    isi = excel.xlsx_bytes(lap) if format == "xlsx" else pdf.pdf_laporan(lap)
    return Dokumen(f"{lap.nama_berkas}.{format}", MIME[format], isi)
