"""LKj Bab III (Akuntabilitas kinerja) as published LKjIPs lay it out (docs/DOMAIN.md §9.11):
Tabel 3.1 the IKU / Perjanjian Kinerja indicators per sasaran with each sasaran's average
capaian and predikat, Tabel 3.2 every year of the Renstra period so far against the year's
Renstra target and the five-year target, Tabel 3.3 the budget (`data.tabel_anggaran`).
Pure: frames in, `Tabel`s out.
"""

from __future__ import annotations

import pandas as pd

from dashboard.capaian import capaian as engine
from dashboard.capaian.layanan_capaian import angka_atau_none
from dashboard.capaian.skala import Skala
from dashboard.inti import bingkai, formats
from dashboard.laporan.data import (
    ANGKA,
    KOLOM_STATUS,
    PERSEN,
    TEKS,
    Tabel,
    _catatan,
    _tabel,
    target_teks,
    urutkan,
)

TANDA_RUMUS_B = "a"  # rumus B reached its cap (capaian.BATAS_RUMUS_B, §4.1)
TANDA_BATAS = "b"  # above the agency's batas skor: counted at the cap in the averages (§4.8)


def utama(ind: pd.DataFrame) -> pd.Series:
    """Which rows are the IKU / Perjanjian Kinerja indicators published Tabel 3.1 lists."""
    pk = ind["pk"].fillna(False).astype(bool) if "pk" in ind else False
    return (ind["jenis"] == "IKU") | pk


def rumus_teks(polaritas: str, rumus_negatif: str) -> str:
    """The capaian formula of an indicator in the table's words (§4.1)."""
    return engine.nama_rumus(polaritas, rumus_negatif)


def tanda_batas(row, batas_skor: float | None) -> str | None:
    """The footnote marks of a row whose capaian was capped: "a" when rumus B reached its cap,
    "b" when it is above the batas skor and enters the averages at the cap."""
    c = angka_atau_none(row.capaian_th)
    if c is None:
        return None
    tanda = []
    t, r = angka_atau_none(row.t0), angka_atau_none(row.realisasi_sd)
    if (
        angka_atau_none(row.t0_atas) is None
        and t is not None
        and r is not None
        and engine.dibatasi(t, r, row.polaritas, row.rumus_negatif)
    ):
        tanda.append(TANDA_RUMUS_B)
    if batas_skor is not None and c > batas_skor:
        tanda.append(TANDA_BATAS)
    return ", ".join(tanda) or None


def _sasaran_kunci(row) -> tuple[str, str]:
    """(sort key, printed name) of the group of an indicator: its sasaran, else its tujuan."""
    if isinstance(row.sasaran_kode, str):
        return row.sasaran_kode, f"{row.sasaran_kode} {row.sasaran_uraian}"
    tkode = getattr(row, "tujuan_kode", None)
    if isinstance(tkode, str):
        return f"~{tkode}", f"Tujuan {tkode} {row.tujuan_uraian}"
    return "~~", "Tanpa sasaran"


def rata_sasaran(ind: pd.DataFrame, skala: Skala) -> dict[str, float | None]:
    """{printed sasaran: mean annual capaian of its IKU / PK indicators}, each capped at the
    scale's batas skor first (§4.8); only assessed values count."""
    ind = ind[utama(ind)]
    out: dict[str, list[float | None]] = {}
    for row in bingkai.baris(ind):
        out.setdefault(_sasaran_kunci(row)[1], []).append(angka_atau_none(row.capaian_th))
    return {k: engine.rata_rata_capaian(v, skala.batas_skor) for k, v in out.items()}


def tabel_31(
    ind: pd.DataFrame, tahun: int, skala: Skala, tandai: bool, semua: bool = False
) -> Tabel:
    """Tabel 3.1: per sasaran its IKU / PK indicators (with `semua` the program, kegiatan and
    sub kegiatan indicators too, after them), polarity and formula, target, realisation,
    capaian, predikat and footnote marks, closed by the sasaran's average and predikat; the
    instansi's average over every IKU / PK indicator at the end. Annual capaian as §4.9
    (`data.capaian_tahunan` adds `capaian_th` / `kategori_th`)."""
    ind = urutkan(ind)
    inti = utama(ind)
    catatan_pilih: tuple[str, ...] = ()
    if not inti.any():  # an agency that flagged nothing: every indicator, said so
        catatan_pilih = (
            "Belum ada indikator yang ditandai IKU atau Perjanjian Kinerja; tabel memuat "
            "seluruh indikator.",
        )
        ind = ind.assign(jenis="IKU")
        inti = utama(ind)
    if not semua:
        ind = ind[inti]
    ind = ind.assign(
        kunci_sasaran=[_sasaran_kunci(r)[0] for r in bingkai.baris(ind)],
        bukan_utama=~utama(ind),  # False first: IKU / PK before the others
    ).sort_values(["kunci_sasaran", "bukan_utama"], kind="stable")
    rata = rata_sasaran(ind, skala)
    kolom = [
        ("No", ANGKA, 5),
        ("Sasaran", TEKS, 28),
        ("Kode", TEKS, 10),
        ("Indikator", TEKS, 36),
        ("Satuan", TEKS, 9),
        ("Polaritas / rumus", TEKS, 20),
        ("Target", ANGKA, 11),
        ("Realisasi", ANGKA, 11),
        ("Capaian (%)", PERSEN, 10),
        ("Predikat", TEKS, 13),
        ("Ket.", TEKS, 6),
        ("Faktor pendorong / penghambat", TEKS, 36),
    ]
    if tandai:
        kolom.append((KOLOM_STATUS, TEKS, 16))
    rows: list[dict] = []
    tebal: list[int] = []
    ada_tanda: set[str] = set()
    nomor = 0
    for _, g in ind.groupby("kunci_sasaran", sort=False):
        nama = _sasaran_kunci(next(bingkai.baris(g)))[1]
        for j, row in enumerate(bingkai.baris(g)):
            nomor += 1
            tanda = tanda_batas(row, skala.batas_skor)
            ada_tanda.update((tanda or "").replace(" ", "").split(",") if tanda else [])
            rows.append(
                {
                    "No": nomor,
                    "Sasaran": nama if j == 0 else None,
                    "Kode": row.kode,
                    "Indikator": row.nama
                    + ("" if not row.bukan_utama else f" ({_jenis(row.tingkat)})"),
                    "Satuan": row.satuan,
                    "Polaritas / rumus": rumus_teks(row.polaritas, row.rumus_negatif),
                    "Target": target_teks(row.t0, row.t0_atas),
                    "Realisasi": angka_atau_none(row.realisasi_sd),
                    "Capaian (%)": angka_atau_none(row.capaian_th),
                    "Predikat": row.kategori_th,
                    "Ket.": tanda,
                    "Faktor pendorong / penghambat": _catatan(row, [1, 2, 3, 4]),
                    KOLOM_STATUS: row.belum_sah,
                }
            )
        r = rata.get(nama)
        tebal.append(len(rows))
        rows.append(
            {
                "Indikator": f"Rata-rata capaian sasaran {nama.split(' ')[0]}",
                "Capaian (%)": r,
                "Predikat": skala.kategori_nilai(r) if r is not None else "Belum Dapat Dinilai",
            }
        )
    semua_inti = [angka_atau_none(v) for v in ind.loc[utama(ind), "capaian_th"]]
    total = engine.rata_rata_capaian(semua_inti, skala.batas_skor)
    tebal.append(len(rows))
    rows.append(
        {
            "Indikator": "Rata-rata capaian seluruh indikator kinerja utama",
            "Capaian (%)": total,
            "Predikat": skala.kategori_nilai(total) if total is not None else None,
        }
    )
    catatan = [
        "Capaian = realisasi s.d. Triwulan IV terhadap target tahunan Perjanjian Kinerja "
        "(R = realisasi, T = target). Rata-rata sasaran hanya dari indikator IKU / Perjanjian "
        "Kinerja yang dapat dinilai; predikat menurut skala kategori instansi ("
        + skala_teks(skala)
        + ").",
        *catatan_pilih,
    ]
    if semua:
        catatan.append(
            "Indikator program, kegiatan dan sub kegiatan ditampilkan sesudah indikator utama "
            "sasarannya dan tidak ikut dalam rata-rata sasaran."
        )
    if TANDA_RUMUS_B in ada_tanda:
        catatan.append(
            f"a) Rumus negatif B ({engine.rumus('negatif', 'B')}) dibatasi "
            f"{engine.BATAS_RUMUS_B:g}: realisasi kurang dari separuh target atau nol dinilai "
            f"{engine.BATAS_RUMUS_B:g}."
        )
    if TANDA_BATAS in ada_tanda:
        catatan.append(
            f"b) Capaian di atas batas skor {formats.angka(skala.batas_skor)} dihitung "
            f"{formats.angka(skala.batas_skor)} dalam rata-rata dan predikat sasaran; nilai "
            "baris tetap dicetak utuh."
        )
    return _tabel(
        "Capaian tahunan",
        f"Tabel 3.1 Capaian kinerja sasaran strategis {formats.nama_tahun(tahun)}",
        kolom,
        rows,
        tebal=tuple(tebal),
        catatan=tuple(catatan),
    )


def _jenis(tingkat: object) -> str:
    return str(tingkat) if isinstance(tingkat, str) else "indikator lain"


def skala_teks(skala: Skala) -> str:
    """The scale as printed under the table: "≥ 91 Sangat Tinggi; 76 – < 91 Tinggi; ..."."""
    bagian = []
    bawah = [k.bawah for k in skala.kategori]
    for i, k in enumerate(skala.kategori):
        if i == 0:
            bagian.append(f"≥ {formats.angka(k.bawah)} {k.nama}")
        elif k.bawah is None:
            bagian.append(f"< {formats.angka(bawah[i - 1])} {k.nama}")
        else:
            bagian.append(f"{formats.angka(k.bawah)} – < {formats.angka(bawah[i - 1])} {k.nama}")
    return "; ".join(bagian)


def tahun_renstra(renstra: pd.DataFrame, tahun: int) -> tuple[list[int], int | None]:
    """(the years of the Renstra period up to `tahun`, the period's last year) from the stored
    per-year Renstra targets; without any, the two years before `tahun` and no end year."""
    semua = sorted({int(t) for t in renstra["tahun"]}) if not renstra.empty else []
    lingkup = [t for t in semua if t <= tahun]
    if not lingkup or tahun not in semua:
        return [tahun - 2, tahun - 1, tahun], (max(semua) if semua else None)
    # a period is five years: the stored years around `tahun`
    awal = max(min(semua), tahun - 4)
    return list(range(awal, tahun + 1)), min(max(semua), awal + 4)


def tabel_32(
    ind: pd.DataFrame,
    lalu: dict[int, pd.DataFrame],
    renstra: pd.DataFrame,
    tahun: int,
    semua: bool = False,
) -> Tabel:
    """Tabel 3.2: per IKU / PK indicator the realisation and capaian of every year of the
    Renstra period so far (`lalu` holds the earlier years' frames after `capaian_tahunan`), the
    Renstra target of this year with the capaian against it, and the five-year (end) target
    with the capaian against it (the same formula as the indicator's, §4.9)."""
    ind = urutkan(ind)
    if utama(ind).any() and not semua:
        ind = ind[utama(ind)]
    tahun_list, akhir = tahun_renstra(renstra, tahun)
    sebelum = [t for t in tahun_list if t < tahun]
    per_ind = {
        (int(r.indikator_id), int(r.tahun)): (r.nilai, r.nilai_atas) for r in bingkai.baris(renstra)
    }
    label_akhir = f"Target akhir Renstra ({akhir})" if akhir else "Target akhir Renstra"
    kolom = [("No", ANGKA, 5), ("Kode", TEKS, 10), ("Indikator", TEKS, 36), ("Satuan", TEKS, 9)]
    for th in sebelum:
        kolom += [(f"Realisasi {th}", ANGKA, 11), (f"Capaian {th} (%)", PERSEN, 10)]
    kolom += [
        (f"Target PK {tahun}", ANGKA, 11),
        (f"Realisasi {tahun}", ANGKA, 11),
        (f"Capaian {tahun} (%)", PERSEN, 10),
        (f"Target Renstra {tahun}", ANGKA, 11),
        (f"Capaian thd target Renstra {tahun} (%)", PERSEN, 12),
        (label_akhir, ANGKA, 11),
        ("Capaian thd target akhir Renstra (%)", PERSEN, 12),
    ]
    per_tahun = {th: df.set_index("id") for th, df in lalu.items()}
    rows = []
    for i, row in enumerate(bingkai.baris(ind), start=1):
        real = angka_atau_none(row.realisasi_sd)
        t_th = per_ind.get((int(row.id), tahun), (None, None))
        t_akhir = per_ind.get((int(row.id), akhir), (None, None)) if akhir else (None, None)
        if t_akhir[0] is None:
            t_akhir = (row.target_renstra, None)
        r = {
            "No": i,
            "Kode": row.kode,
            "Indikator": row.nama,
            "Satuan": row.satuan,
            f"Target PK {tahun}": target_teks(row.t0, row.t0_atas),
            f"Realisasi {tahun}": real,
            f"Capaian {tahun} (%)": angka_atau_none(row.capaian_th),
            f"Target Renstra {tahun}": target_teks(*t_th),
            f"Capaian thd target Renstra {tahun} (%)": _capaian(row, t_th, real),
            label_akhir: target_teks(*t_akhir),
            "Capaian thd target akhir Renstra (%)": _capaian(row, t_akhir, real),
        }
        for th in sebelum:
            df = per_tahun.get(th)
            if df is not None and row.id in df.index:
                r[f"Realisasi {th}"] = angka_atau_none(df.at[row.id, "realisasi_sd"])
                r[f"Capaian {th} (%)"] = angka_atau_none(df.at[row.id, "capaian_th"])
        rows.append(r)
    periode = f"{tahun_list[0]}–{akhir}" if akhir else f"s.d. {tahun}"
    return _tabel(
        "Perbandingan",
        f"Tabel 3.2 Perbandingan capaian tahun-tahun Renstra ({periode}) dengan target Renstra",
        kolom,
        rows,
        catatan=(
            "Capaian tahun sebelumnya = realisasi tahun itu terhadap target Perjanjian Kinerja "
            "tahun itu. Capaian terhadap target Renstra = realisasi tahun ini terhadap target "
            "Renstra tahun ini dan terhadap target akhir periode Renstra, dengan rumus "
            "polaritas indikator; kosong bila target Renstra belum tercatat.",
        ),
    )


def _capaian(row, target: tuple[object, object], real: float | None) -> float | None:
    lo, hi = angka_atau_none(target[0]), angka_atau_none(target[1])
    if lo is None or real is None:
        return None
    return engine.capaian(lo, real, row.polaritas, row.rumus_negatif, hi)
