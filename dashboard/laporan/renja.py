"""Formulir E.81 of Permendagri 86/2017, "Evaluasi terhadap hasil Renja Perangkat Daerah", in
the form's own column order (1)..(15) with its number and formula row, closing rows and the two
signature blocks (docs/DOMAIN.md §9.12). Pure: frames in, a `Tabel` out; the figures come from
the capaian engine.

Columns: (1) No, (2) Sasaran, (3) Program / Kegiatan, (4) Indikator kinerja; K and Rp pairs:
(5) Target Renstra at the end of the period, (6) Realisasi Renstra up to last year's Renja,
(7) Target Renja of the year, (8)-(11) Realisasi TW I-IV, (12) Realisasi Renja of the year
(= 8 + 9 + 10 + 11), (13) Realisasi Renstra up to this year (= 6 + 12), (14) Tingkat capaian
Renstra (= 13 / 5 x 100 %); (15) Unit penanggung jawab.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.capaian import capaian as engine
from dashboard.capaian.layanan_capaian import angka_atau_none
from dashboard.capaian.skala import SKALA_BAKU, Skala
from dashboard.inti import bingkai, formats
from dashboard.laporan.data import (
    ANGKA,
    ID_TINGKAT,
    INDEN,
    KOLOM_STATUS,
    PERSEN,
    RUPIAH,
    TEKS,
    Tabel,
    _grup,
    _tabel,
    target_teks,
    urutkan,
)

NO, SASARAN, URAIAN, INDIKATOR, UNIT = (
    "(1) No",
    "(2) Sasaran",
    "(3) Program / Kegiatan / Sub Kegiatan",
    "(4) Indikator kinerja program (outcome) / kegiatan (output)",
    "(15) Unit penanggung jawab",
)
PENUTUP = (
    "Faktor pendorong keberhasilan pencapaian",
    "Faktor penghambat pencapaian kinerja",
    "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
)
RATA, PREDIKAT = "Rata-rata capaian kinerja (%)", "Predikat kinerja"


def judul_kolom(tahun: int) -> dict[int, str]:
    """Headers of the K / Rp columns 5..14 (the form's wording, shortened)."""
    return {
        5: "Target Renstra akhir periode",
        6: f"Realisasi Renstra s.d. Renja {tahun - 1}",
        7: f"Target Renja {tahun}",
        8: "Realisasi TW I",
        9: "Realisasi TW II",
        10: "Realisasi TW III",
        11: "Realisasi TW IV",
        12: f"Realisasi Renja {tahun}",
        13: f"Realisasi Renstra s.d. {tahun}",
        14: f"Tingkat capaian Renstra s.d. {tahun} (%)",
    }


RUMUS = {12: "12 = 8 + 9 + 10 + 11", 13: "13 = 6 + 12", 14: "14 = 13 / 5 × 100%"}


def kolom_k(no: int, tahun: int) -> str:
    return f"({no}) {judul_kolom(tahun)[no]} K"


def kolom_rp(no: int, tahun: int) -> str:
    return f"({no}) {judul_kolom(tahun)[no]} Rp"


def _jumlah(nilai: list[float | None]) -> float | None:
    """Rupiah added; None (a blank) when none of them is known, never Rp 0."""
    ada = [v for v in nilai if v is not None]
    return float(sum(ada)) if ada else None


def _rp_triwulan(g: pd.DataFrame, q: int) -> float | None:
    return angka_atau_none(g[f"rp{q}"].sum(min_count=1))


def _satuan(nama: str, satuan: object) -> str:
    return f"{nama} ({satuan})" if isinstance(satuan, str) and satuan.strip() else nama


def catatan_faktor(ind: pd.DataFrame, n: int) -> tuple[list[str], list[str]]:
    """The units' notes of quarter n split as the form asks: a note on an indicator at or above
    its target to date (capaian >= 100 %) is a faktor pendorong, one below it a faktor
    penghambat; notes of indicators that cannot be assessed are left out (they explain no
    result)."""
    pendorong: list[str] = []
    penghambat: list[str] = []
    for row in bingkai.baris(urutkan(ind)):
        teks = getattr(row, f"c{n}", None)
        nilai = angka_atau_none(row.capaian)
        if not isinstance(teks, str) or not teks.strip() or nilai is None:
            continue
        if row.status != str(engine.Status.DINILAI):
            continue
        baris = f"{row.kode} {row.nama}: {teks.strip()}"
        (pendorong if nilai >= 100 else penghambat).append(baris)
    return pendorong, penghambat


def tindak_lanjut_terbuka(tl: pd.DataFrame, tahun: int, n: int) -> tuple[list[str], list[str]]:
    """Open monev follow-ups split into the next quarter and the next Renja: due within the
    year (before TW IV) -> triwulan berikutnya; due after 31 December, or any still open at
    TW IV -> Renja berikutnya."""
    akhir = dt.date(tahun, 12, 31)
    triwulan: list[str] = []
    renja: list[str] = []
    for r in bingkai.baris(tl):
        batas = pd.Timestamp(r.batas_waktu).date()
        pic = f"PIC {r.pic_unit}" if isinstance(r.pic_unit, str) else ""
        uraian = str(r.uraian).strip().rstrip(".")
        teks = "; ".join(
            x
            for x in (
                f"{r.indikator_kode}: {uraian}" if isinstance(r.indikator_kode, str) else uraian,
                pic,
                f"batas {formats.tanggal(batas)}",
                r.status,
            )
            if x
        )
        (renja if n == 4 or batas > akhir else triwulan).append(teks)
    return triwulan, renja


def baris_penutup(
    ind: pd.DataFrame, tl: pd.DataFrame, tahun: int, n: int
) -> tuple[tuple[str, str], ...]:
    """The four closing rows of the form, each with its text or a plain 'none' sentence."""
    pendorong, penghambat = catatan_faktor(ind, n)
    berikut, renja = tindak_lanjut_terbuka(tl, tahun, n)
    isi = (
        (pendorong, "Tidak ada catatan unit pada indikator yang mencapai target."),
        (penghambat, "Tidak ada catatan unit pada indikator di bawah target."),
        (berikut, "Tidak ada tindak lanjut monev yang masih terbuka."),
        (renja, "Tidak ada tindak lanjut monev untuk Renja berikutnya."),
    )
    return tuple(
        (label, "\n".join(f"{i}. {t}" for i, t in enumerate(baris, 1)) if baris else kosong)
        for label, (baris, kosong) in zip(PENUTUP, isi, strict=True)
    )


def tabel_renja(
    ind: pd.DataFrame,
    ang: pd.DataFrame,
    tl: pd.DataFrame,
    n: int,
    tahun: int,
    tandai: bool,
    skala: Skala = SKALA_BAKU,
) -> Tabel:
    """The E.81 table to quarter n.

    `ind` per indicator: the engine's figures for quarter n, `target_renstra`, `unit_nama`,
    the notes c1..c4, and `renstra_lalu`, the realisations to date of the earlier years of the
    Renstra period (oldest first; empty in its first year). `ang` per sub kegiatan: pagu,
    rp1..rp4 and `rp_lalu`, the spending of those earlier years (None when none is stored).
    `tl`: the open monev follow-ups (`laporan_renja_tindak_lanjut`)."""
    ind = urutkan(ind)
    kolom: list[tuple[str, str, float]] = [
        (NO, ANGKA, 5),
        (SASARAN, TEKS, 26),
        (URAIAN, TEKS, 34),
        (INDIKATOR, TEKS, 34),
    ]
    gabung = []
    for no in range(5, 15):
        jenis_k = PERSEN if no == 14 else ANGKA
        kolom += [
            (kolom_k(no, tahun), jenis_k, 11),
            (kolom_rp(no, tahun), PERSEN if no == 14 else RUPIAH, 16),
        ]
        gabung.append(
            (f"({no}) {judul_kolom(tahun)[no]} K / Rp", kolom_k(no, tahun), kolom_rp(no, tahun))
        )
    kolom.append((UNIT, TEKS, 22))
    if tandai:
        kolom.append((KOLOM_STATUS, TEKS, 16))
    k, rp = (lambda no: kolom_k(no, tahun)), (lambda no: kolom_rp(no, tahun))
    nomor_baris: dict = {NO: "1", SASARAN: "2", URAIAN: "3", INDIKATOR: "4", UNIT: "15"}
    for no in range(5, 15):
        nomor_baris[k(no)] = nomor_baris[rp(no)] = RUMUS.get(no, str(no))
    rows: list[dict] = [nomor_baris]
    tebal: list[int] = [0]
    dipakai: set[int] = set()
    nomor = 0
    capaian_14: list[float | None] = []

    def indikator(df: pd.DataFrame) -> None:
        nonlocal nomor
        for row in bingkai.baris(df):
            nomor += 1
            dipakai.add(int(row.id))
            lalu = list(getattr(row, "renstra_lalu", None) or [])
            r6 = engine.realisasi_renstra_sd(lalu, row.cara_agregasi)
            r12 = angka_atau_none(row.realisasi_sd)
            r13 = engine.realisasi_renstra_sd([*lalu, r12], row.cara_agregasi)
            c14 = engine.capaian(
                angka_atau_none(row.target_renstra), r13, row.polaritas, row.rumus_negatif
            )
            capaian_14.append(c14)
            r = {
                NO: nomor,
                INDIKATOR: f"{row.kode} {_satuan(row.nama, row.satuan)}",
                k(5): angka_atau_none(row.target_renstra),
                k(6): r6,
                k(7): target_teks(row.t0, row.t0_atas),
                k(12): r12,
                k(13): r13,
                k(14): c14,
                UNIT: row.unit_nama,
                KOLOM_STATUS: row.belum_sah,
            }
            for q in range(1, n + 1):
                r[k(7 + q)] = angka_atau_none(getattr(row, f"r{q}"))
            rows.append(r)

    def isi_rp(r: dict, g: pd.DataFrame) -> None:
        r[rp(6)] = angka_atau_none(g["rp_lalu"].sum(min_count=1)) if "rp_lalu" in g else None
        r[rp(7)] = angka_atau_none(g["pagu"].sum(min_count=1))
        triwulan = [_rp_triwulan(g, q) for q in range(1, n + 1)]
        for q, v in enumerate(triwulan, 1):
            r[rp(7 + q)] = v
        r[rp(12)] = _jumlah(triwulan)
        r[rp(13)] = _jumlah([r[rp(6)], r[rp(12)]])
        # column 5 Rp (the Renstra budget) is not stored, so 14 Rp = 13 / 5 stays blank

    def kelompok(teks_sasaran: str | None, teks: str | None, g: pd.DataFrame | None) -> None:
        tebal.append(len(rows))
        r: dict = {SASARAN: teks_sasaran, URAIAN: teks}
        if g is not None:
            isi_rp(r, g)
        rows.append(r)

    sasaran = (
        pd.concat(
            [
                ind[["sasaran_id", "sasaran_kode", "sasaran_uraian"]],
                ang[["sasaran_id", "sasaran_kode", "sasaran_uraian"]],
            ]
        )
        .dropna()
        .drop_duplicates("sasaran_id")
        .sort_values("sasaran_kode")
    )
    if "tujuan_kode" in ind:
        tujuan = ind[ind["tingkat"] == "tujuan"].sort_values(["tujuan_kode", "kode"])
        for (tkode, turaian), g in tujuan.groupby(["tujuan_kode", "tujuan_uraian"], sort=False):
            kelompok(f"Tujuan {tkode} {turaian}", None, None)
            indikator(g)
    for s in bingkai.baris(sasaran):
        kelompok(f"{s.sasaran_kode} {s.sasaran_uraian}", None, None)
        indikator(ind[(ind["tingkat"] == "sasaran") & (ind["sasaran_id"] == s.sasaran_id)])
        for tingkat, key, kode, nama, g in _grup(ang[ang["sasaran_id"] == s.sasaran_id]):
            kelompok(None, f"{INDEN[tingkat]}{kode} {nama}", g)
            indikator(ind[(ind["tingkat"] == tingkat) & (ind[ID_TINGKAT[tingkat]] == key)])
    sisa = ind[~ind["id"].astype(int).isin(dipakai)]
    if not sisa.empty:
        kelompok(None, "Indikator di luar program/kegiatan yang beranggaran", None)
        indikator(sisa)
    jumlah: dict = {URAIAN: "Jumlah"}
    isi_rp(jumlah, ang)
    rata = engine.rata_rata_capaian(capaian_14, skala.batas_skor)
    tebal += [len(rows), len(rows) + 1, len(rows) + 2]
    rows += [
        jumlah,
        {URAIAN: RATA, k(14): rata},
        {URAIAN: PREDIKAT, k(14): skala.kategori_nilai(rata)},
    ]
    r_n = formats.ROMAWI[n]
    return _tabel(
        "Evaluasi Renja",
        f"Evaluasi hasil Renja s.d. Triwulan {r_n} {formats.nama_tahun(tahun)}",
        kolom,
        rows,
        tebal=tuple(tebal),
        catatan=(
            "K = kinerja: target dan realisasi indikator dalam satuannya; Rp = anggaran: pagu "
            "dan realisasi belanja. Kolom 12 = realisasi tahun berjalan s.d. triwulan ini "
            "(indikator menurut cara agregasinya, rupiah dijumlahkan); kolom 13 = 6 + 12: "
            "realisasi periode Renstra s.d. tahun ini (indikator jumlah ditambahkan, indikator "
            "tingkat memakai tahun terakhir yang terisi); kolom 14 = 13 terhadap 5 dengan rumus "
            "polaritas indikator (negatif: makin kecil makin baik).",
            "Sel kosong: angka tidak tercatat (bukan nol). Target Renstra dalam rupiah tidak "
            "tercatat, sehingga kolom 5 Rp dan 14 Rp kosong. Rata-rata dan predikat dari "
            "kolom 14 K, menurut skala kategori instansi.",
        ),
        gabung_pdf=tuple(gabung),
        ukuran_pdf=6.3,
        penutup=baris_penutup(ind, tl, tahun, n),
    )
