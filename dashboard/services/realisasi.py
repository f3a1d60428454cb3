"""Quarterly entry by a Bidang: load the form, save a draft, submit. Nothing is ever half saved:
every row is checked first, then all rows are written in one transaction with a version check,
so a second user saving the same rows is told instead of silently overwriting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard import alur, store
from dashboard.akses import Akses, AksesDitolak
from dashboard.entri import IndikatorEntri, periksa
from dashboard.formats import parse_angka
from dashboard.services import capaian as svc_capaian
from dashboard.services import periode as svc_periode


class KonflikData(ValueError):
    """Someone else changed the same data first; the form must be reloaded."""


class ValidasiEntri(ValueError):
    """One or more rows failed their checks; `masalah` lists them (kode, pesan)."""

    def __init__(self, masalah: list[tuple[str, str]]):
        self.masalah = masalah
        super().__init__(
            "Data belum dapat disimpan: " + "; ".join(f"{kode}: {pesan}" for kode, pesan in masalah)
        )


@dataclass
class BarisSimpan:
    """One row as submitted: the typed value, note, evidence and the version it was loaded at
    (None when the row did not exist yet)."""

    indikator_id: int
    nilai: str | float | None
    catatan: str | None = None
    bukti: str | None = None
    versi: int | None = None


@dataclass
class FormEntri:
    periode: dict
    unit_id: int
    status: str
    indikator: list[IndikatorEntri]
    baris: pd.DataFrame  # indikator_id, nilai, catatan, bukti, versi (current quarter)


def _unit_instansi(cur: duckdb.DuckDBPyConnection, unit_id: int) -> int:
    row = cur.execute("SELECT instansi_id FROM unit WHERE id = $1", [unit_id]).fetchone()
    if not row:
        raise AksesDitolak("Unit tidak ditemukan.")
    return int(row[0])


def _cek_baca(cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int) -> int:
    instansi_id = _unit_instansi(cur, unit_id)
    akses.lingkup_unit(instansi_id, unit_id, instansi_id)
    return instansi_id


def _cek_tulis(cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int) -> int:
    """Only a staf_bidang of that very unit enters its figures."""
    instansi_id = _cek_baca(cur, akses, unit_id)
    if not akses.punya("staf_bidang") or akses.unit_id != unit_id:
        raise AksesDitolak("Hanya Staf Bidang unit ini yang dapat mengisi realisasinya.")
    return instansi_id


def status_pengajuan(cur: duckdb.DuckDBPyConnection, periode_id: int, unit_id: int) -> str:
    row = cur.execute(
        "SELECT status FROM pengajuan WHERE periode_id = $1 AND unit_id = $2", [periode_id, unit_id]
    ).fetchone()
    return row[0] if row else "draf"


def form_entri(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int
) -> FormEntri:
    """Indicators of the unit with targets, earlier quarters and the current entries."""
    instansi_id = _cek_baca(cur, akses, unit_id)
    p = svc_periode.info_periode(cur, periode_id)
    if p["instansi_id"] != instansi_id:
        raise AksesDitolak("Periode ini bukan milik instansi unit tersebut.")
    df = store.fetch_df(cur, "indikator_tahun", [instansi_id, p["tahun"], unit_id])
    riwayat = store.fetch_df(cur, "realisasi_riwayat_tahun", [unit_id, p["tahun"]])
    hist = riwayat.groupby("indikator_id")["nilai"].apply(tuple).to_dict()
    meta = store.fetch_df(cur, "indikator_list", [instansi_id, unit_id]).set_index("id")
    n = p["triwulan"]
    indikator = []
    for r in df.itertuples(index=False):
        v = svc_capaian._nilai
        indikator.append(
            IndikatorEntri(
                indikator_id=int(r.id),
                kode=r.kode,
                nama=r.nama,
                satuan=r.satuan,
                polaritas=r.polaritas,
                cara_agregasi=r.cara_agregasi,
                rumus_negatif=r.rumus_negatif,
                boleh_negatif=bool(meta.loc[r.id, "boleh_negatif"]),
                target_tahunan=v(r.t0),
                target_tahunan_atas=v(r.t0_atas),
                target=(v(r.t1), v(r.t2), v(r.t3), v(r.t4)),
                target_atas=(v(r.t1_atas), v(r.t2_atas), v(r.t3_atas), v(r.t4_atas)),
                realisasi=tuple(
                    v(x) if i < n - 1 else None for i, x in enumerate((r.r1, r.r2, r.r3, r.r4))
                ),
                riwayat=hist.get(r.id, ()),
            )
        )
    baris = store.fetch_df(cur, "realisasi_unit_triwulan", [unit_id, p["tahun"], n])
    return FormEntri(p, unit_id, status_pengajuan(cur, periode_id, unit_id), indikator, baris)


def _periksa_semua(form: FormEntri, baris: list[BarisSimpan], b) -> list[tuple[str, str]]:
    kode = {i.indikator_id: i for i in form.indikator}
    masalah = []
    for r in baris:
        ind = kode.get(r.indikator_id)
        if ind is None:
            masalah.append((str(r.indikator_id), "indikator ini bukan milik unit Anda"))
            continue
        for g in periksa(ind, form.periode["triwulan"], r.nilai, r.catatan, b).galat:
            masalah.append((ind.kode, g))
    return masalah


def _bersih(teks: str | None) -> str | None:
    teks = (teks or "").strip()
    return teks or None


def simpan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    baris: list[BarisSimpan],
    sumber: str = "entri",
) -> int:
    """Save a draft: check every row, then write the changed ones in one transaction.
    Returns the number of rows changed."""
    instansi_id = _cek_tulis(cur, akses, unit_id)
    form = form_entri(cur, akses, periode_id, unit_id)
    if not svc_periode.terbuka_untuk(cur, periode_id, unit_id):
        raise ValueError(
            "Periode ini sudah ditutup untuk unit Anda; minta Pengelola Monev "
            "membukanya kembali bila perlu perbaikan."
        )
    if alur.terkunci(form.status):
        raise ValueError(
            f"Data sudah {alur.LABEL_STATUS[form.status].lower()} dan terkunci; "
            "tunggu dikembalikan, atau ajukan perbaikan bila sudah disahkan."
        )
    masalah = _periksa_semua(form, baris, svc_capaian.bands(cur, instansi_id))
    if masalah:
        raise ValidasiEntri(masalah)
    sekarang = form.baris.set_index("indikator_id")
    p = form.periode
    berubah = 0
    try:
        with store.transaction(cur):
            for r in baris:
                nilai = parse_angka(r.nilai)
                catatan, bukti = _bersih(r.catatan), _bersih(r.bukti)
                ada = r.indikator_id in sekarang.index
                if ada:
                    lama = sekarang.loc[r.indikator_id]
                    lama_nilai = None if pd.isna(lama["nilai"]) else float(lama["nilai"])
                    if (lama_nilai, _bersih(lama["catatan"]), _bersih(lama["bukti"])) == (
                        nilai,
                        catatan,
                        bukti,
                    ):
                        continue
                    res = cur.execute(
                        store.sql("realisasi_update_versi"),
                        [
                            nilai,
                            catatan,
                            bukti,
                            akses.username,
                            r.indikator_id,
                            p["tahun"],
                            p["triwulan"],
                            r.versi if r.versi is not None else -1,
                        ],
                    ).fetchone()
                    if not res:
                        raise KonflikData(_pesan_konflik())
                else:
                    if nilai is None and catatan is None and bukti is None:
                        continue
                    if r.versi is not None:
                        raise KonflikData(_pesan_konflik())
                    lama_nilai = None
                    cur.execute(
                        store.sql("realisasi_insert"),
                        [
                            r.indikator_id,
                            p["tahun"],
                            p["triwulan"],
                            nilai,
                            catatan,
                            bukti,
                            akses.username,
                        ],
                    )
                if lama_nilai != nilai:
                    cur.execute(
                        store.sql("riwayat_insert"),
                        [
                            r.indikator_id,
                            p["tahun"],
                            p["triwulan"],
                            lama_nilai,
                            nilai,
                            catatan,
                            sumber,
                            akses.username,
                        ],
                    )
                berubah += 1
            _pastikan_pengajuan(cur, periode_id, unit_id)
            store.log_event(
                cur,
                "realisasi_disimpan",
                pengguna=akses.username,
                peran="staf_bidang",
                objek="pengajuan",
                objek_id=f"{periode_id}:{unit_id}",
                catatan=f"{berubah} baris ({sumber})",
            )
    except duckdb.ConstraintException as exc:
        raise KonflikData(_pesan_konflik()) from exc
    except duckdb.TransactionException as exc:
        raise KonflikData(_pesan_konflik()) from exc
    return berubah


def _pesan_konflik() -> str:
    return (
        "Data ini baru saja diubah oleh pengguna lain. Tidak ada yang disimpan; nilai terbaru "
        "sudah dimuat ulang, periksa lalu simpan kembali."
    )


def _pastikan_pengajuan(cur: duckdb.DuckDBPyConnection, periode_id: int, unit_id: int) -> int:
    row = cur.execute(
        "SELECT id FROM pengajuan WHERE periode_id = $1 AND unit_id = $2", [periode_id, unit_id]
    ).fetchone()
    if row:
        return int(row[0])
    return int(
        cur.execute(
            "INSERT INTO pengajuan (periode_id, unit_id) VALUES ($1, $2) RETURNING id",
            [periode_id, unit_id],
        ).fetchone()[0]
    )


def ajukan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    sekarang: dt.datetime | None = None,
) -> None:
    """Submit the unit's quarter: every indicator filled and passing its checks."""
    instansi_id = _cek_tulis(cur, akses, unit_id)
    form = form_entri(cur, akses, periode_id, unit_id)
    if not svc_periode.terbuka_untuk(cur, periode_id, unit_id):
        raise ValueError("Periode ini sudah ditutup untuk unit Anda.")
    alur.transisi(form.status, "ajukan", akses.peran)
    isi = form.baris.set_index("indikator_id")
    kosong = [
        i.kode
        for i in form.indikator
        if i.indikator_id not in isi.index or pd.isna(isi.loc[i.indikator_id, "nilai"])
    ]
    if kosong:
        raise ValueError("Belum lengkap; realisasi belum diisi untuk: " + ", ".join(kosong))
    masalah = _periksa_semua(
        form,
        [
            BarisSimpan(int(i), r["nilai"], r["catatan"])
            for i, r in isi.iterrows()
            if i in {x.indikator_id for x in form.indikator}
        ],
        svc_capaian.bands(cur, instansi_id),
    )
    if masalah:
        raise ValidasiEntri(masalah)
    sekarang = sekarang or dt.datetime.now()
    terlambat = sekarang.date() > form.periode["tenggat"]
    with store.transaction(cur):
        pid = _pastikan_pengajuan(cur, periode_id, unit_id)
        res = cur.execute(
            store.sql("pengajuan_transisi"), ["diajukan", sekarang, pid, "draf"]
        ).fetchone()
        if not res:
            raise KonflikData("Pengajuan ini baru saja diproses pengguna lain; muat ulang.")
        cur.execute(
            "UPDATE pengajuan SET diajukan_oleh = $1, diajukan_pada = $2, "
            "terlambat = $3 WHERE id = $4",
            [akses.username, sekarang, terlambat, pid],
        )
        store.log_event(
            cur,
            "transisi",
            pengguna=akses.username,
            peran="staf_bidang",
            objek="pengajuan",
            objek_id=pid,
            dari="draf",
            ke="diajukan",
            catatan="terlambat" if terlambat else None,
        )


def riwayat_nilai(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int, tahun: int, triwulan: int
) -> pd.DataFrame:
    """Every change of one value (entry, import, correction), oldest first."""
    row = cur.execute(
        "SELECT instansi_id, unit_id FROM indikator WHERE id = $1", [indikator_id]
    ).fetchone()
    if not row:
        raise ValueError("Indikator tidak ditemukan.")
    akses.lingkup_unit(row[0], row[1], row[0])
    return store.fetch_df(cur, "riwayat_nilai", [indikator_id, tahun, triwulan])


def template_excel(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int
) -> bytes:
    from dashboard.excel_entri import buat_template

    form = form_entri(cur, akses, periode_id, unit_id)
    unit, instansi = cur.execute(
        "SELECT u.nama, i.nama FROM unit u JOIN instansi i ON i.id = u.instansi_id WHERE u.id = $1",
        [unit_id],
    ).fetchone()
    return buat_template(form, unit, instansi)


def pratinjau_impor(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    data: bytes,
    progress=None,
) -> tuple[pd.DataFrame, list]:
    """Read a filled template: the changes it would make, and every problem (row, column).
    Nothing is written here."""
    from dashboard.excel_entri import MasalahImpor, baca_template

    instansi_id = _cek_tulis(cur, akses, unit_id)
    form = form_entri(cur, akses, periode_id, unit_id)
    rows, masalah = baca_template(data, form, svc_capaian.bands(cur, instansi_id), progress)
    if not svc_periode.terbuka_untuk(cur, periode_id, unit_id):
        masalah.insert(0, MasalahImpor(0, "-", "Periode ini sudah ditutup untuk unit Anda."))
    if alur.terkunci(form.status):
        masalah.insert(0, MasalahImpor(0, "-", "Data periode ini sudah diajukan dan terkunci."))
    sekarang = form.baris.set_index("indikator_id")
    nama = {i.indikator_id: i.nama for i in form.indikator}
    perubahan = []
    for r in rows:
        lama = sekarang.loc[r.indikator_id] if r.indikator_id in sekarang.index else None
        lama_nilai = None if lama is None or pd.isna(lama["nilai"]) else float(lama["nilai"])
        lama_cat = None if lama is None else _bersih(lama["catatan"])
        lama_bukti = None if lama is None else _bersih(lama["bukti"])
        if (lama_nilai, lama_cat, lama_bukti) != (r.nilai, r.catatan, r.bukti):
            perubahan.append(
                {
                    "indikator_id": r.indikator_id,
                    "kode": r.kode,
                    "indikator": nama[r.indikator_id],
                    "nilai_lama": lama_nilai,
                    "nilai_baru": r.nilai,
                    "catatan_baru": r.catatan,
                    "bukti_baru": r.bukti,
                    "versi": r.versi,
                }
            )
    return pd.DataFrame(perubahan), masalah


def terapkan_impor(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    perubahan: pd.DataFrame,
) -> int:
    """Apply a previewed import in one transaction (the same checks as a save)."""
    baris = [
        BarisSimpan(
            int(r.indikator_id),
            r.nilai_baru,
            r.catatan_baru,
            r.bukti_baru,
            None if pd.isna(r.versi) else int(r.versi),
        )
        for r in perubahan.itertuples(index=False)
    ]
    return simpan(cur, akses, periode_id, unit_id, baris, sumber="impor")
