"""The agency's plan, set up in the app: the planning tree (tujuan -> sasaran -> program ->
kegiatan -> sub kegiatan, Permendagri 90 codes) and the budget (pagu per sub kegiatan and year,
spending per quarter). Admin only; one transaction per save; a node that carries data is retired
(aktif = FALSE), never deleted. The rules themselves are pure, in dashboard/rencana/rencana.py."""

from __future__ import annotations

import io
import math
from itertools import pairwise
from typing import Any

import duckdb
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from pydantic import BaseModel, ConfigDict, Field

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses
from dashboard.inti import bingkai, formats, store
from dashboard.inti.batas import PANJANG_NAMA, periksa_angka
from dashboard.inti.validasi import validasi
from dashboard.pengumpulan import excel_entri
from dashboard.rencana import rencana

LABEL = {
    "kode": "Kode",
    "nama": "Nama / uraian",
    "induk_id": "Induk",
    "unit_id": "Unit penanggung jawab",
}
KOLOM_INDUK = {
    "Sasaran": "tujuan_id",
    "Program": "sasaran_id",
    "Kegiatan": "program_id",
    "Sub Kegiatan": "kegiatan_id",
}
KOLOM_RP = ["rp1", "rp2", "rp3", "rp4"]


class NodeInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    kode: str = Field(min_length=1, max_length=40)
    nama: str = Field(min_length=3, max_length=PANJANG_NAMA * 2)
    induk_id: int | None = None
    unit_id: int | None = None
    aktif: bool = True


def _tabel(tingkat: str) -> str:
    if tingkat not in rencana.TABEL_TINGKAT:
        raise ValueError(f"Tingkat harus salah satu dari: {', '.join(rencana.TINGKAT)}.")
    return rencana.TABEL_TINGKAT[tingkat]


def _cek_admin(akses: Akses, instansi_id: int) -> None:
    akses.wajib("admin")
    akses.cek_instansi(instansi_id)


def _pohon(cur: duckdb.DuckDBPyConnection, instansi_id: int) -> pd.DataFrame:
    df = store.fetch_df(cur, "rencana_pohon", {"instansi_id": instansi_id})
    anak = df.groupby(["tingkat", "induk_id"]).size()
    tingkat_anak = {t: rencana.TINGKAT[i + 1] for i, t in enumerate(rencana.TINGKAT[:-1])}
    df["n_anak"] = [
        int(anak.get((tingkat_anak.get(t), i), 0)) if t in tingkat_anak else 0
        for t, i in zip(df["tingkat"], df["id"], strict=True)
    ]
    kode = {(t, int(i)): k for t, i, k in zip(df["tingkat"], df["id"], df["kode"], strict=True)}
    df["induk_kode"] = [
        kode.get((rencana.induk_tingkat(t), int(i))) if pd.notna(i) else None
        for t, i in zip(df["tingkat"], df["induk_id"], strict=True)
    ]
    return df


def pohon(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> pd.DataFrame:
    """Every node of the instansi's plan with its parent and what hangs on it (n_anak,
    n_indikator, n_anggaran), in level then code order."""
    _cek_admin(akses, instansi_id)
    return _pohon(cur, instansi_id)


def _node(df: pd.DataFrame, tingkat: str, node_id: int) -> dict:
    baris = df[(df["tingkat"] == tingkat) & (df["id"] == node_id)]
    if baris.empty:
        raise ValueError(f"{tingkat} tidak ditemukan di instansi ini.")
    return baris.iloc[0].to_dict()


def simpan_node(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tingkat: str,
    data: dict,
    node_id: int | None = None,
) -> int:
    """Create (node_id None), edit or move a node: the parent must be a node of the level
    above in the same instansi, the code must follow Permendagri 90 and be unique on its level,
    and the tree must stay free of cycles."""
    _cek_admin(akses, instansi_id)
    tabel = _tabel(tingkat)
    n = validasi(NodeInput, data, LABEL)
    df = _pohon(cur, instansi_id)
    lama = _node(df, tingkat, node_id) if node_id is not None else None
    induk_t = rencana.induk_tingkat(tingkat)
    induk = None
    if induk_t is None:
        n.induk_id = None
    else:
        if n.induk_id is None:
            raise ValueError(f"Pilih {induk_t.lower()} induknya.")
        induk = _node(df, induk_t, n.induk_id)
        if n.aktif and not induk["aktif"]:
            raise ValueError(f"{induk_t} induk '{induk['kode']}' sudah nonaktif.")
    alasan = rencana.periksa_kode(tingkat, n.kode, induk["kode"] if induk else None)
    if alasan:
        raise ValueError(alasan)
    sama = df[(df["tingkat"] == tingkat) & (df["kode"] == n.kode) & (df["id"] != (node_id or -1))]
    if not sama.empty:
        raise ValueError(f"Kode {tingkat.lower()} '{n.kode}' sudah dipakai di instansi ini.")
    if tingkat in ("Kegiatan", "Sub Kegiatan"):
        if n.unit_id is not None and lokasi.instansi_unit(cur, n.unit_id) != instansi_id:
            raise ValueError("Unit penanggung jawab bukan bagian dari instansi ini.")
    else:
        n.unit_id = None
    with store.transaction(cur):
        # a Tujuan hangs under the instansi, every other level under its parent
        nilai: dict[str, Any] = (
            {"instansi_id": instansi_id} if induk_t is None else {"induk_id": n.induk_id}
        )
        nilai |= {"kode": n.kode, "nama": n.nama, "aktif": n.aktif}
        if tingkat in ("Kegiatan", "Sub Kegiatan"):
            nilai["unit_id"] = n.unit_id
        if node_id is None:
            node_id = int(
                store.satu(cur.execute(store.sql(f"{tabel}_insert"), nilai).fetchone())[0]
            )
            jenis = "rencana_dibuat"
        else:
            cur.execute(store.sql(f"{tabel}_update"), {**nilai, "node_id": node_id})
            pindah = (
                induk_t is not None and lama is not None and int(lama["induk_id"]) != n.induk_id
            )
            jenis = "rencana_dipindah" if pindah else "rencana_diubah"
        store.log_event(
            cur,
            jenis,
            pengguna=akses.username,
            peran="admin",
            objek=tabel,
            objek_id=node_id,
            catatan=f"{tingkat} {n.kode} {n.nama}",
        )
    return node_id


def _turunan(df: pd.DataFrame, tingkat: str, node_id: int) -> dict[str, list[int]]:
    """The node and every node below it, per level."""
    hasil = {tingkat: [node_id]}
    i = rencana.TINGKAT.index(tingkat)
    for induk_t, bawah in pairwise(rencana.TINGKAT[i:]):  # induk_t: induk_tingkat(bawah)
        atas = hasil[induk_t]
        hasil[bawah] = df[(df["tingkat"] == bawah) & df["induk_id"].isin(atas)]["id"].tolist()
    return hasil


def atur_aktif(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tingkat: str,
    node_id: int,
    aktif: bool,
) -> int:
    """Retire a node together with everything below it (the plan of a past Renstra stays
    readable), or reactivate one node whose parent is active. Returns how many nodes changed."""
    _cek_admin(akses, instansi_id)
    _tabel(tingkat)
    df = _pohon(cur, instansi_id)
    node = _node(df, tingkat, node_id)
    if aktif:
        induk_t = rencana.induk_tingkat(tingkat)
        if induk_t and not _node(df, induk_t, int(node["induk_id"]))["aktif"]:
            raise ValueError(f"Aktifkan dulu {induk_t.lower()} induknya.")
        kena = {tingkat: [node_id]}
    else:
        kena = _turunan(df, tingkat, node_id)
    with store.transaction(cur):
        for t, ids in kena.items():
            if ids:
                cur.execute(
                    store.sql(f"{rencana.TABEL_TINGKAT[t]}_aktif"), {"aktif": aktif, "ids": ids}
                )
        store.log_event(
            cur,
            "rencana_diaktifkan" if aktif else "rencana_dinonaktifkan",
            pengguna=akses.username,
            peran="admin",
            objek=rencana.TABEL_TINGKAT[tingkat],
            objek_id=node_id,
            catatan=f"{tingkat} {node['kode']}",
        )
    return sum(len(v) for v in kena.values())


def hapus_node(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tingkat: str, node_id: int
) -> None:
    """Delete a node entered by mistake; refused when it has children, indicators or budget
    (nonaktifkan it instead, so history and reports keep it)."""
    _cek_admin(akses, instansi_id)
    tabel = _tabel(tingkat)
    df = _pohon(cur, instansi_id)
    node = _node(df, tingkat, node_id)
    ada = [
        f"{node[k]} {teks}"
        for k, teks in (
            ("n_anak", "turunan"),
            ("n_indikator", "indikator"),
            ("n_anggaran", "baris anggaran"),
        )
        if node[k]
    ]
    if ada:
        raise ValueError(
            f"{tingkat} '{node['kode']}' tidak dapat dihapus karena sudah memiliki "
            f"{', '.join(ada)}. Nonaktifkan saja."
        )
    with store.transaction(cur):
        cur.execute(store.sql(f"{tabel}_hapus"), {"node_id": node_id})
        store.log_event(
            cur,
            "rencana_dihapus",
            pengguna=akses.username,
            peran="admin",
            objek=tabel,
            objek_id=node_id,
            catatan=f"{tingkat} {node['kode']} {node['nama']}",
        )


# ---------------------------------------------------------------- budget


def anggaran_tahun(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> pd.DataFrame:
    """Every sub kegiatan of the instansi with its pagu and quarterly spending of a year."""
    _cek_admin(akses, instansi_id)
    return store.fetch_df(cur, "anggaran_tahun", {"instansi_id": instansi_id, "tahun": tahun})


def _angka_anggaran(v: object, kolom: str, kode: str) -> tuple[float | None, str | None]:
    """A budget cell as a number (Excel number or Indonesian text), or why it cannot be."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None, None
    try:
        x = formats.parse_angka(v if isinstance(v, str | int | float) else str(v))
    except ValueError as exc:
        return None, f"{kode}, {kolom}: {exc}"
    alasan = periksa_angka(x)
    if alasan:
        return None, f"{kode}, {kolom}: {alasan}."
    if x is not None and x < 0:
        return None, f"{kode}, {kolom}: tidak boleh negatif."
    return x, None


def _sama(a: float | None, b: float | None) -> bool:
    kosong_a = a is None or (isinstance(a, float) and math.isnan(a))
    kosong_b = b is None or (isinstance(b, float) and math.isnan(b))
    if a is None or b is None or kosong_a or kosong_b:
        return kosong_a and kosong_b
    return math.isclose(float(a), float(b), rel_tol=0, abs_tol=1e-6)


KOLOM_ANGGARAN = {
    "pagu": "Pagu",
    "rp1": "Realisasi TW I",
    "rp2": "Realisasi TW II",
    "rp3": "Realisasi TW III",
    "rp4": "Realisasi TW IV",
}


def simpan_anggaran(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    baris: list[dict],
    awal: list[dict] | None = None,
) -> int:
    """Save pagu and quarterly spending per sub kegiatan for a year, in one transaction.

    `baris`: dicts with sub_kegiatan_id and pagu, rp1..rp4 (None = empty). `awal`: the same
    rows as loaded by the form; if another user changed one of them since, nothing is saved
    (KonflikData). Returns the number of sub kegiatan changed."""
    _cek_admin(akses, instansi_id)
    if not 2000 <= int(tahun) <= 2100:
        raise ValueError("Tahun harus antara 2000 dan 2100.")
    sekarang = anggaran_tahun(cur, akses, instansi_id, tahun).set_index("sub_kegiatan_id")
    galat: list[str] = []
    bersih: list[dict] = []
    for b in baris:
        sid = int(b["sub_kegiatan_id"])
        if sid not in sekarang.index:
            galat.append(f"Sub kegiatan {sid} bukan milik instansi ini.")
            continue
        kode = str(sekarang.at[sid, "kode"])
        r: dict[str, Any] = {"sub_kegiatan_id": sid}
        for k, label in KOLOM_ANGGARAN.items():
            r[k], salah = _angka_anggaran(b.get(k), label, kode)
            if salah:
                galat.append(salah)
        if r["pagu"] is None and any(r[k] is not None for k in KOLOM_RP):
            galat.append(f"{kode}: isi pagu bila realisasi diisi.")
        bersih.append(r)
    if galat:
        raise ValueError(" ".join(galat))
    lama = {int(a["sub_kegiatan_id"]): a for a in (awal or [])}
    ubah = [
        r
        for r in bersih
        if not all(_sama(r[k], sekarang.at[r["sub_kegiatan_id"], k]) for k in KOLOM_ANGGARAN)
    ]
    for r in ubah:
        a = lama.get(r["sub_kegiatan_id"])
        if a is not None and not all(
            _sama(a.get(k), sekarang.at[r["sub_kegiatan_id"], k]) for k in KOLOM_ANGGARAN
        ):
            raise store.KonflikData(
                "Anggaran telah diubah pengguna lain sejak tabel dibuka; tidak ada yang "
                "disimpan. Tabel dimuat ulang dengan nilai terbaru."
            )
    if not ubah:
        return 0
    with store.transaction(cur):
        for r in ubah:
            sid = r["sub_kegiatan_id"]
            cur.execute(store.sql("anggaran_hapus"), {"sub_kegiatan_id": sid, "tahun": tahun})
            cur.execute(
                store.sql("realisasi_anggaran_hapus"), {"sub_kegiatan_id": sid, "tahun": tahun}
            )
            if r["pagu"] is not None:
                cur.execute(
                    store.sql("anggaran_insert"),
                    {"sub_kegiatan_id": sid, "tahun": tahun, "pagu": r["pagu"]},
                )
            for q, k in enumerate(KOLOM_RP, start=1):
                if r[k] is not None:
                    cur.execute(
                        store.sql("realisasi_anggaran_insert"),
                        {"sub_kegiatan_id": sid, "tahun": tahun, "triwulan": q, "nilai": r[k]},
                    )
        store.log_event(
            cur,
            "anggaran_disimpan",
            pengguna=akses.username,
            peran="admin",
            objek="anggaran",
            objek_id=f"{instansi_id}:{tahun}",
            catatan=f"{len(ubah)} sub kegiatan, tahun {tahun}",
        )
    return len(ubah)


SHEET_ANGGARAN = "Anggaran"
KOLOM_EXCEL = ["Kode Rencana", "Nama Sub Kegiatan", "Tahun", *KOLOM_ANGGARAN.values()]


def templat_anggaran(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> bytes:
    """An Excel sheet of the year's sub kegiatan with their current pagu and spending, to fill
    in and upload again (rows are matched by Kode Rencana)."""
    df = anggaran_tahun(cur, akses, instansi_id, tahun)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_ANGGARAN
    ws.append(KOLOM_EXCEL)
    for r in bingkai.baris(df):
        ws.append(
            [
                r.kode,
                r.nama,
                int(tahun),
                *[None if pd.isna(v) else float(v) for v in (r.pagu, r.rp1, r.rp2, r.rp3, r.rp4)],
            ]
        )
    kuning = PatternFill("solid", fgColor="FFF2CC")
    for sel in ws[1]:
        sel.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=len(KOLOM_EXCEL)):
        for sel in row:
            sel.fill = kuning
            sel.number_format = "#,##0"
    for huruf, lebar in zip("ABCDEFGH", (22, 60, 8, 18, 18, 18, 18, 18), strict=True):
        ws.column_dimensions[huruf].width = lebar
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def baca_anggaran_excel(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int, data: bytes
) -> list[dict]:
    """Rows of an uploaded budget sheet (by Kode Rencana) as `simpan_anggaran` takes them.
    Every problem is listed by row and column and nothing is returned when there is one:
    file too big or unreadable, formulas, wrong columns, another year, unknown codes, bad
    numbers."""
    df_sk = anggaran_tahun(cur, akses, instansi_id, tahun)
    if len(data) > excel_entri.MAX_BYTES:
        raise ValueError(
            f"Berkas terlalu besar ({len(data) // 1024} KB); maksimal "
            f"{excel_entri.MAX_BYTES // 1024 // 1024} MB."
        )
    try:
        lembar = pd.read_excel(
            io.BytesIO(data), sheet_name=None, header=None, dtype=object, engine="calamine"
        )
        rumus = excel_entri.sel_rumus(data, SHEET_ANGGARAN)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same clear answer
        raise ValueError("Berkas bukan Excel (.xlsx) yang dapat dibaca.") from exc
    if SHEET_ANGGARAN not in lembar:
        raise ValueError(f"Lembar '{SHEET_ANGGARAN}' tidak ada; pakai templat dari aplikasi.")
    df = lembar[SHEET_ANGGARAN]
    if len(df) > excel_entri.MAX_BARIS:
        raise ValueError(f"Terlalu banyak baris (maksimal {excel_entri.MAX_BARIS}).")
    df = df.reindex(columns=range(len(KOLOM_EXCEL)))
    header = [formats.teks(v) for v in df.iloc[0]] if len(df) else []
    beda = [k for i, k in enumerate(KOLOM_EXCEL) if i >= len(header) or header[i] != k]
    if beda:
        raise ValueError(f"Baris 1: kolom tidak sesuai templat ({', '.join(beda)}).")
    galat = [
        f"Baris {b}, kolom {KOLOM_EXCEL[k]}: rumus tidak diterima; isi nilai."
        for b, k in sorted(rumus)
        if k < len(KOLOM_EXCEL)
    ]
    kode_id = dict(zip(df_sk["kode"], df_sk["sub_kegiatan_id"].astype(int), strict=True))
    hasil: list[dict] = []
    dilihat: set[str] = set()
    for nomor, val in enumerate(df.iloc[1:].itertuples(index=False, name=None), start=2):
        if all(formats.teks(v) is None for v in val):
            continue
        kode = formats.teks(val[0]) or ""
        if kode not in kode_id:
            galat.append(f"Baris {nomor}, kolom Kode Rencana: sub kegiatan '{kode}' tidak dikenal.")
            continue
        if kode in dilihat:
            galat.append(f"Baris {nomor}, kolom Kode Rencana: '{kode}' muncul dua kali.")
            continue
        dilihat.add(kode)
        try:
            th = formats.parse_angka(val[2])
        except ValueError:
            th = None
        if th != tahun:
            galat.append(f"Baris {nomor}, kolom Tahun: harus {tahun} (tahun yang dipilih).")
        r = {"sub_kegiatan_id": kode_id[kode]}
        for j, (k, label) in enumerate(KOLOM_ANGGARAN.items(), start=3):
            r[k], salah = _angka_anggaran(val[j], label, f"Baris {nomor}")
            if salah:
                galat.append(salah.replace(f"Baris {nomor}, ", f"Baris {nomor}, kolom "))
        hasil.append(r)
    if galat:
        raise ValueError("\n".join(galat))
    return hasil
