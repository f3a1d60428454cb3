"""Access matrix: every service operation run by every role, on a demo store (docs/DOMAIN.md §2
and the workflow rules of section 5), plus every page for every role without a traceback or a
secret.

Actors: the five roles of the demo instansi, where `staf_bidang` is the staff of the unit the
sample data belongs to and `staf_lain` a staff of another unit of the same instansi, and the
five roles of a second instansi (`asing:<peran>`). An allowed actor's call must succeed (and
pass the row's scope check); a denied actor's call must raise `AksesDitolak` (or the workflow's
`TransisiDitolak` for a role that may not take that step) and change nothing.

Actors tied to no instansi (`pemda:admin`, `pemda:kadis`: the Sekretariat Daerah / Bappeda /
Inspektorat view) run a row only when it says who of them may (`pemda`): they read every
instansi, and only `pemda:admin` adds an instansi or a user for every instansi.

To cover a new service: add a row to OPERASI (or, for a function that takes no caller, to
TANPA_AKSES with the reason). `test_every_service_function_is_in_the_matrix` fails until then.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import io
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from dashboard.admin import layanan_cadangan as svc_cadangan
from dashboard.admin import layanan_instansi as instansi
from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as capaian
from dashboard.capaian import layanan_dasbor as dasbor
from dashboard.inti import config, store
from dashboard.laporan import layanan_ekinerja as ekinerja
from dashboard.laporan import layanan_laporan as laporan
from dashboard.laporan import layanan_lkj as lkj
from dashboard.laporan.data import Permintaan
from dashboard.notifikasi import layanan_notifikasi as notifikasi
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan.layanan_realisasi import BarisSimpan
from dashboard.periode import layanan_periode as periode
from dashboard.rapat import layanan_rapat as rapat
from dashboard.rapat import layanan_tindak_lanjut as tindak_lanjut
from dashboard.rencana import layanan_impor as rencana_impor
from dashboard.rencana import layanan_indikator as admin
from dashboard.rencana import layanan_pk as perjanjian_kinerja
from dashboard.rencana import layanan_rencana as svc_rencana
from dashboard.rencana import layanan_renja as renja
from dashboard.review import layanan_perbaikan as perbaikan
from dashboard.review import layanan_review as review
from dashboard.review.alur import TransisiDitolak
from dashboard.sop import layanan_pelaksanaan as pelaksanaan
from dashboard.sop import layanan_registri as sop_registry

from . import akses_matrix_siapkan as _m
from .apptest_bantu import elemen
from .conftest import login, sandi_demo

PERAN_DALAM = ("admin", "kadis", "sekretaris", "pengelola_monev", "staf_bidang")
AKTOR = (*PERAN_DALAM, "staf_lain", *(f"asing:{p}" for p in PERAN_DALAM))
SANDI_ASING = "Kebun#Luar2026x"
PEMDA = ("pemda:admin", "pemda:kadis")  # users tied to no instansi

# shorthand sets of allowed actors
ADMIN = frozenset({"admin"})
MONEV = frozenset({"pengelola_monev"})
STAF = frozenset({"staf_bidang"})
PIMPINAN = frozenset({"admin", "kadis", "sekretaris", "pengelola_monev"})
UNIT = PIMPINAN | STAF  # reads scoped to the sample unit
INSTANSI = UNIT | {"staf_lain"}  # reads of the instansi (a staf sees only its own unit)
SEMUA = frozenset(AKTOR)


@dataclass
class Ctx:
    """Ids in the matrix store, and what a row's setup prepared."""

    instansi: int
    unit: dict[str, int]
    periode_buka: int  # TW III 2026, open
    periode_tutup: int  # TW II 2026, closed
    pengajuan: dict[str, int]  # status -> id in TW III 2026
    indikator: dict[str, int]  # unit kode -> first indicator id
    run: int  # an SOP run of DEP
    langkah_terbuka: int  # a hand-logged step without a finish
    sop: int
    data: dict = field(default_factory=dict)


@dataclass
class Op:
    """One service operation: the sample call, who may run it, the unit whose staff counts as
    `staf_bidang`, an optional setup on the fresh store, and an optional check of an allowed
    result (scope narrowing)."""

    nama: str
    fn: Callable
    panggil: Callable[[object, Akses, Ctx], object]
    boleh: frozenset[str]
    unit: str = "DEP"
    siapkan: Callable[[object, Ctx], None] | None = None
    periksa: Callable[[object, str, Akses, Ctx], bool] | None = None
    pemda: frozenset[str] | None = None  # allowed among PEMDA; None: not run for them


def _hanya_unit(df, aktor: str, akses: Akses, ctx: Ctx, kolom: str = "unit_id") -> bool:
    """A staf_bidang's read holds only its own unit; a foreign caller's nothing of ours."""
    if aktor.startswith("asing:"):
        return df.empty or not (df.get("instansi_id", pd.Series(dtype=int)) == ctx.instansi).any()
    if aktor in ("staf_bidang", "staf_lain"):
        return df.empty or set(df[kolom].dropna().astype(int)) <= {akses.unit_id}
    return True


def _instansi_sendiri(df, aktor: str, akses: Akses, ctx: Ctx) -> bool:
    if not aktor.startswith("asing:"):
        return True
    return df.empty or set(df["instansi_id"].dropna().astype(int)) <= {akses.instansi_id}


def _tindak_lanjut_unit(df, aktor: str, akses: Akses, ctx: Ctx) -> bool:
    """A staf sees a follow-up when its unit is the PIC or the finding's unit."""
    if aktor in ("staf_bidang", "staf_lain"):
        milik = (df["pic_unit_id"] == akses.unit_id) | (df["unit_id"] == akses.unit_id)
        return bool(milik.all())
    return _hanya_unit(df, aktor, akses, ctx)


def _isi_lengkap(cur, akses: Akses, ctx: Ctx, unit: str = "DEP") -> list[BarisSimpan]:
    form = realisasi.form_entri(cur, SISTEM, ctx.periode_buka, ctx.unit[unit])
    return [BarisSimpan(i.indikator_id, i.target[2] or 1, "sesuai rencana") for i in form.indikator]


def _siapkan_impor(cur, ctx: Ctx) -> None:
    from openpyxl import load_workbook

    from dashboard.pengumpulan import excel_entri

    data = realisasi.template_excel(cur, SISTEM, ctx.periode_buka, ctx.unit["DEP"])
    wb = load_workbook(io.BytesIO(data))
    ws = wb[excel_entri.SHEET]
    for r in range(excel_entri.HEADER_ROW + 1, ws.max_row + 1):
        ws.cell(r, excel_entri.COL_NILAI + 1).value = ws.cell(r, 10).value or 1  # target TW III
        ws.cell(r, excel_entri.COL_CATATAN + 1).value = "impor"
    buf = io.BytesIO()
    wb.save(buf)
    ctx.data["xlsx"] = buf.getvalue()
    ctx.data["perubahan"] = pd.DataFrame(
        [
            {
                "indikator_id": b.indikator_id,
                "nilai_baru": float(b.nilai),
                "catatan_baru": "impor",
                "bukti_baru": None,
                "versi": None,
            }
            for b in _isi_lengkap(cur, SISTEM, ctx)
        ]
    )


def _perbaikan(status: str) -> Callable[[object, Ctx], None]:
    """Setup: a correction of a signed SEK value, moved along the chain to `status`."""

    def siapkan(cur, ctx: Ctx) -> None:
        staf = pengguna.akses_untuk(cur, "staf.sek")
        pid = perbaikan.ajukan(cur, staf, ctx.indikator["SEK"], 2026, 3, "7", "salah ketik")
        for user, tahap in (("monev", "diverifikasi"), ("sekretaris", "diparaf")):
            if status == "diajukan" or (status == "diverifikasi" and tahap == "diparaf"):
                break
            perbaikan.proses(cur, pengguna.akses_untuk(cur, user), pid, "setujui")
        ctx.data["perbaikan"] = pid

    return siapkan


def _draf_ditutup(cur, ctx: Ctx, minta: bool = False) -> None:
    """Setup: DEP's submission of the closed period back to a draft (closed before it was
    submitted) and, with `minta`, its Staf Bidang's waiting request to reopen it."""
    cur.execute(
        "UPDATE pengajuan SET status = 'draf' WHERE periode_id = ? AND unit_id = ?",
        [ctx.periode_tutup, ctx.unit["DEP"]],
    )
    if minta:
        ctx.data["permintaan"] = periode.minta_buka_kembali(
            cur,
            pengguna.akses_untuk(cur, "staf.dep"),
            ctx.periode_tutup,
            ctx.unit["DEP"],
            "data susulan",
        )


def _detail_sop(cur, ctx: Ctx):
    return sop_registry.detail(cur, ctx.sop)


RAPAT = {
    "tahun": 2026,
    "triwulan": 3,
    "judul": "Rapat Monev Triwulan III",
    "waktu": dt.datetime(2026, 10, 29, 9, 0),
    "tempat": "Ruang Rapat",
    "pimpinan": "Kepala Dinas",
    "notulis": "Pengelola Monev",
    "kesimpulan": "Percepat entri.",
}
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def _siapkan_rapat(cur, ctx: Ctx) -> None:
    """Setup: the newest (final) meeting of the instansi, one of its findings, and an open
    follow-up with DEP as PIC whose unit asked to close it; all at version 1."""
    rid, tid = cur.execute(
        "SELECT r.id, min(t.id) FROM rapat r JOIN temuan t ON t.rapat_id = r.id "
        "WHERE r.instansi_id = ? GROUP BY r.id ORDER BY r.id DESC LIMIT 1",
        [ctx.instansi],
    ).fetchone()
    tl = cur.execute(
        "SELECT min(id) FROM tindak_lanjut WHERE pic_unit_id = ? AND status <> 'Selesai'",
        [ctx.unit["DEP"]],
    ).fetchone()[0]
    cur.execute("UPDATE tindak_lanjut SET minta_tutup = TRUE, versi = 1 WHERE id = ?", [tl])
    cur.execute("UPDATE rapat SET versi = 1 WHERE id = ?", [rid])
    ctx.data.update(rapat=rid, temuan=tid, tl=tl)


def _siapkan_draf(cur, ctx: Ctx) -> None:
    _siapkan_rapat(cur, ctx)
    cur.execute("UPDATE rapat SET status = 'draf' WHERE id = ?", [ctx.data["rapat"]])


def _di_folder_sementara(fn: Callable[[], object]) -> object:
    """Run `fn` with evidence files written to a temporary data folder."""
    import tempfile
    from unittest import mock

    from dashboard.inti import config

    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(config, "DATA_DIR", Path(tmp)):
        return fn()


YAML_SOP = config.SOP_DIR.glob("*.yaml")
TEKS_SOP = next(iter(sorted(YAML_SOP))).read_text(encoding="utf-8")


OPERASI: list[Op] = [
    # --- admin: units, indicators, targets
    Op(
        "daftar_unit",
        admin.daftar_unit,
        lambda c, a, x: admin.daftar_unit(c, a, x.instansi),
        INSTANSI,
        periksa=lambda r, k, a, x: _hanya_unit(r.assign(unit_id=r["id"]), k, a, x),
    ),
    Op(
        "simpan_unit",
        admin.simpan_unit,
        lambda c, a, x: admin.simpan_unit(
            c,
            a,
            {
                "instansi_id": x.instansi,
                "kode": "BARU" if a.instansi_id else "BARU.P",  # each allowed actor adds one
                "nama": "Bidang Baru",
                "jenis": "Bidang",
            },
        ),
        ADMIN,
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "daftar_indikator",
        admin.daftar_indikator,
        lambda c, a, x: admin.daftar_indikator(c, a, x.instansi),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "target_indikator",
        admin.target_indikator,
        lambda c, a, x: admin.target_indikator(c, a, x.indikator["DEP"], 2026),
        UNIT,
    ),
    Op(
        "simpan_indikator",
        admin.simpan_indikator,
        lambda c, a, x: admin.simpan_indikator(
            c,
            a,
            {
                "instansi_id": x.instansi,
                "unit_id": x.unit["DEP"],
                "kode": "BARU.1",
                "nama": "Indikator baru uji",
                "jenis": "IKU",
                "satuan": "dokumen",
            },
            {"tahun": 2026, "tahunan": 10, "triwulan": [1, 2, 3, 4]},
        ),
        ADMIN,
    ),
    # --- instansi (issue 13): an admin edits its own; only an admin tied to none adds one
    Op(
        "instansi.daftar_instansi",
        instansi.daftar_instansi,
        lambda c, a, x: instansi.daftar_instansi(c, a),
        ADMIN | {"asing:admin"},
        periksa=lambda r, k, a, x: _instansi_sendiri(
            r.rename(columns={"id": "instansi_id"}), k, a, x
        ),
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "instansi.simpan_instansi (edit)",
        instansi.simpan_instansi,
        lambda c, a, x: instansi.simpan_instansi(
            c,
            a,
            {"kode": "DISPERPUSIP", "nama": "Dinas Perpustakaan", "pemda": "Kab", "kota": "Kota"},
            x.instansi,
        ),
        ADMIN,
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "instansi.simpan_instansi (new)",
        instansi.simpan_instansi,
        lambda c, a, x: instansi.simpan_instansi(
            c, a, {"kode": "INSPEKTORAT", "nama": "Inspektorat", "pemda": "Kab"}
        ),
        frozenset(),
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "buat_pengguna (for every instansi)",
        pengguna.buat_pengguna,
        lambda c, a, x: pengguna.buat_pengguna(
            c,
            a,
            {"username": "setda.uji", "nama": "Setda", "peran": ["kadis"], "instansi_id": None},
            "Baru#Sekali27",
            rounds=4,
        ),
        frozenset(),
        pemda=frozenset({"pemda:admin"}),
    ),
    # --- capaian
    Op(
        "capaian_indikator",
        capaian.capaian_indikator,
        lambda c, a, x: capaian.capaian_indikator(c, a, x.instansi, 2026, 3),
        INSTANSI,
        periksa=_hanya_unit,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "capaian_indikator unit",
        capaian.capaian_indikator,
        lambda c, a, x: capaian.capaian_indikator(c, a, x.instansi, 2026, 3, x.unit["DEP"]),
        UNIT,
    ),
    Op(
        "capaian_per_bidang",
        capaian.capaian_per_bidang,
        lambda c, a, x: capaian.capaian_per_bidang(c, a, x.instansi, 2026, 3),
        INSTANSI,
        periksa=_hanya_unit,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "periode_terakhir",
        capaian.periode_terakhir,
        lambda c, a, x: capaian.periode_terakhir(c, a, x.instansi),
        INSTANSI,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "tahun_tersedia",
        capaian.tahun_tersedia,
        lambda c, a, x: capaian.tahun_tersedia(c, a, x.instansi),
        INSTANSI,
    ),
    Op(
        "daftar_instansi",
        capaian.daftar_instansi,
        lambda c, a, x: capaian.daftar_instansi(c, a),
        SEMUA,
        periksa=lambda r, k, a, x: _instansi_sendiri(
            r.rename(columns={"id": "instansi_id"}), k, a, x
        ),
        pemda=frozenset(PEMDA),
    ),
    # --- the Kadis dashboard: the whole instansi, a staf_bidang the same limited to its unit
    Op(
        "dasbor.daftar_unit",
        dasbor.daftar_unit,
        lambda c, a, x: dasbor.daftar_unit(c, a, x.instansi),
        INSTANSI,
        periksa=lambda r, k, a, x: _hanya_unit(r.assign(unit_id=r["id"]), k, a, x),
    ),
    Op(
        "dasbor.indikator_tahun",
        dasbor.indikator_tahun,
        lambda c, a, x: dasbor.indikator_tahun(c, a, x.instansi, 2026, 3),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "dasbor.indikator_tahun unit",
        dasbor.indikator_tahun,
        lambda c, a, x: dasbor.indikator_tahun(c, a, x.instansi, 2026, 3, x.unit["DEP"]),
        UNIT,
    ),
    Op(
        "dasbor.data_periode",
        dasbor.data_periode,
        lambda c, a, x: dasbor.data_periode(c, a, x.instansi, 2026, 3),
        INSTANSI,
        periksa=lambda r, k, a, x: _hanya_unit(r.indikator, k, a, x)
        and _hanya_unit(r.per_unit, k, a, x)
        and _hanya_unit(r.peta, k, a, x),
        pemda=frozenset(PEMDA),
    ),
    Op(
        "dasbor.pengajuan",
        dasbor.pengajuan,
        lambda c, a, x: dasbor.pengajuan(c, a, x.instansi, 2026, 3),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "dasbor.tindak_lanjut_terbuka",
        dasbor.tindak_lanjut_terbuka,
        lambda c, a, x: dasbor.tindak_lanjut_terbuka(c, a, x.instansi),
        INSTANSI,
        periksa=_tindak_lanjut_unit,
    ),
    Op(
        "dasbor.pelanggaran_sop",
        dasbor.pelanggaran_sop,
        lambda c, a, x: dasbor.pelanggaran_sop(c, a, x.instansi, 2026, 3),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "dasbor.anggaran",
        dasbor.anggaran,
        # the whole-instansi call next to the same call for the caller's own unit
        lambda c, a, x: (
            dasbor.anggaran(c, a, x.instansi, 2026, 3),
            dasbor.anggaran(c, a, x.instansi, 2026, 3, a.unit_id),
        ),
        INSTANSI,
        periksa=lambda r, k, a, x: r[0].equals(r[1]),
    ),
    Op(
        "dasbor.tren_indikator",
        dasbor.tren_indikator,
        lambda c, a, x: dasbor.tren_indikator(c, a, x.indikator["DEP"]),
        UNIT,
    ),
    Op(
        "dasbor.rincian",
        dasbor.rincian,
        lambda c, a, x: dasbor.rincian(c, a, x.indikator["DEP"], 2026, 3),
        UNIT,
    ),
    # only for a caller not tied to one instansi: no actor here (test_perbandingan_pemda)
    Op(
        "dasbor.perbandingan_instansi",
        dasbor.perbandingan_instansi,
        lambda c, a, x: dasbor.perbandingan_instansi(c, a, 2026, 3),
        frozenset(),
        pemda=frozenset(PEMDA),
    ),
    # --- reports: every role that may see the data, scoped like the dashboard
    Op(
        "laporan.indikator_laporan",
        laporan.indikator_laporan,
        lambda c, a, x: laporan.indikator_laporan(c, a, x.instansi, 2026, 3),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "laporan.indikator_laporan unit",
        laporan.indikator_laporan,
        lambda c, a, x: laporan.indikator_laporan(c, a, x.instansi, 2026, 3, x.unit["DEP"]),
        UNIT,
    ),
    Op(
        "laporan.anggaran_laporan",
        laporan.anggaran_laporan,
        lambda c, a, x: laporan.anggaran_laporan(c, a, x.instansi, 2026),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "laporan.susun_laporan",
        laporan.susun_laporan,
        lambda c, a, x: laporan.susun_laporan(c, a, Permintaan("tahunan", x.instansi, 2026)),
        INSTANSI,
        periksa=lambda r, k, a, x: k not in ("staf_bidang", "staf_lain")
        or any(s.startswith("Unit kerja:") for s in r.subjudul),
        pemda=frozenset(PEMDA),
    ),
    Op(
        "laporan.dokumen_laporan unit",
        laporan.dokumen_laporan,
        lambda c, a, x: laporan.dokumen_laporan(
            c, a, Permintaan("triwulan", x.instansi, 2026, 3, x.unit["DEP"]), "xlsx"
        ),
        UNIT,
    ),
    # --- monev meetings: the Pengelola Monev records; kadis, sekretaris and admin read
    Op(
        "rapat.daftar_rapat",
        rapat.daftar_rapat,
        lambda c, a, x: rapat.daftar_rapat(c, a, x.instansi),
        PIMPINAN,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "rapat.detail_rapat",
        rapat.detail_rapat,
        lambda c, a, x: rapat.detail_rapat(c, a, x.data["rapat"]),
        PIMPINAN,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.notulen",
        rapat.notulen,
        lambda c, a, x: rapat.notulen(c, a, x.data["rapat"], "docx"),
        PIMPINAN,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.bahan_rapat",
        rapat.bahan_rapat,
        lambda c, a, x: rapat.bahan_rapat(c, a, x.instansi, 2026, 3),
        PIMPINAN,
    ),
    Op(
        "rapat.usulan_agenda",
        rapat.usulan_agenda,
        lambda c, a, x: rapat.usulan_agenda(c, a, x.instansi, 2026, 3),
        PIMPINAN,
    ),
    Op(
        "rapat.bahan_rapat_pdf",
        rapat.bahan_rapat_pdf,
        lambda c, a, x: rapat.bahan_rapat_pdf(c, a, x.instansi, 2026, 3),
        PIMPINAN,
    ),
    Op(
        "rapat.kop_instansi (letterhead of one's own instansi)",
        rapat.kop_instansi,
        lambda c, a, x: rapat.kop_instansi(c, a, x.instansi),
        INSTANSI,
    ),
    Op(
        "rapat.rapat_serupa (duplicate check before a new meeting)",
        rapat.rapat_serupa,
        lambda c, a, x: rapat.rapat_serupa(
            c, a, x.instansi, 2026, 3, dt.date(2026, 10, 29), RAPAT["judul"]
        ),
        PIMPINAN,
    ),
    Op(
        "rapat.buat_rapat",
        rapat.buat_rapat,
        lambda c, a, x: rapat.buat_rapat(c, a, x.instansi, RAPAT, [{"nama": "Budi"}], []),
        MONEV,
    ),
    Op(
        "rapat.ubah_rapat (final: a revision)",
        rapat.ubah_rapat,
        lambda c, a, x: rapat.ubah_rapat(
            c, a, x.data["rapat"], 1, RAPAT, [{"nama": "Budi"}], None, "koreksi"
        ),
        MONEV,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.finalkan_rapat",
        rapat.finalkan_rapat,
        lambda c, a, x: rapat.finalkan_rapat(c, a, x.data["rapat"], 1),
        MONEV,
        siapkan=_siapkan_draf,
    ),
    Op(
        "rapat.tambah_temuan",
        rapat.tambah_temuan,
        lambda c, a, x: rapat.tambah_temuan(
            c,
            a,
            x.data["rapat"],
            {"unit_id": x.unit["DEP"], "permasalahan": "Data terlambat masuk"},
            [
                {
                    "uraian": "Percepat entri",
                    "pic_unit_id": x.unit["DEP"],
                    "batas_waktu": "2027-01-15",
                }
            ],
            "temuan susulan",
        ),
        MONEV,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.tambah_tindak_lanjut",
        rapat.tambah_tindak_lanjut,
        lambda c, a, x: rapat.tambah_tindak_lanjut(
            c,
            a,
            x.data["temuan"],
            {"uraian": "Percepat entri", "pic_unit_id": x.unit["DEP"], "batas_waktu": "2027-01-15"},
            "tindak lanjut susulan",
        ),
        MONEV,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.hapus_temuan",
        rapat.hapus_temuan,
        lambda c, a, x: rapat.hapus_temuan(c, a, x.data["temuan"], "salah catat"),
        MONEV,
        siapkan=_siapkan_rapat,
    ),
    # --- follow-ups: the PIC unit's staf reports, the Pengelola Monev closes
    Op(
        "tindak_lanjut.daftar_tindak_lanjut",
        tindak_lanjut.daftar_tindak_lanjut,
        lambda c, a, x: tindak_lanjut.daftar_tindak_lanjut(c, a, x.instansi),
        INSTANSI,
        periksa=lambda r, k, a, x: _hanya_unit(r, k, a, x, kolom="pic_unit_id"),
    ),
    Op(
        "tindak_lanjut.rekap_unit",
        tindak_lanjut.rekap_unit,
        lambda c, a, x: tindak_lanjut.rekap_unit(c, a, x.instansi),
        PIMPINAN,
    ),
    Op(
        "tindak_lanjut.perbarui",
        tindak_lanjut.perbarui,
        lambda c, a, x: tindak_lanjut.perbarui(
            c, a, x.data["tl"], 1, "Dalam Proses", "sudah dikerjakan", None, True
        ),
        STAF,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "tindak_lanjut.unggah_bukti",
        tindak_lanjut.unggah_bukti,
        lambda c, a, x: _di_folder_sementara(
            lambda: tindak_lanjut.unggah_bukti(c, a, x.data["tl"], 1, "bukti.pdf", PDF)
        ),
        STAF,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "tindak_lanjut.tutup",
        tindak_lanjut.tutup,
        lambda c, a, x: tindak_lanjut.tutup(c, a, x.data["tl"], 1, "selesai"),
        MONEV,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "tindak_lanjut.tolak_tutup",
        tindak_lanjut.tolak_tutup,
        lambda c, a, x: tindak_lanjut.tolak_tutup(c, a, x.data["tl"], 1, "bukti kurang"),
        MONEV,
        siapkan=_siapkan_rapat,
    ),
    # --- the scope checks every scoped service starts with
    Op("baca_unit", lokasi.baca_unit, lambda c, a, x: lokasi.baca_unit(c, a, x.unit["DEP"]), UNIT),
    Op(
        "lingkup_baca",
        lokasi.lingkup_baca,
        lambda c, a, x: lokasi.lingkup_baca(c, a, x.instansi, x.unit["DEP"]),
        UNIT,
    ),
    Op(
        "baca_indikator",
        lokasi.baca_indikator,
        lambda c, a, x: lokasi.baca_indikator(c, a, x.indikator["DEP"]),
        UNIT,
    ),
    # --- SOP runs and steps
    Op(
        "daftar_run",
        pelaksanaan.daftar_run,
        lambda c, a, x: pelaksanaan.daftar_run(c, a, x.instansi),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "catat_langkah",
        pelaksanaan.catat_langkah,
        lambda c, a, x: pelaksanaan.catat_langkah(c, a, x.run, 1, dt.datetime(2026, 11, 20, 8)),
        MONEV,
    ),
    Op(
        "selesaikan_langkah",
        pelaksanaan.selesaikan_langkah,
        lambda c, a, x: pelaksanaan.selesaikan_langkah(
            c, a, x.langkah_terbuka, dt.datetime(2026, 11, 21, 9)
        ),
        MONEV,
    ),
    Op(
        "catatan_langkah",
        pelaksanaan.catatan_langkah,
        lambda c, a, x: pelaksanaan.catatan_langkah(c, a, x.instansi, 2026),
        INSTANSI,
        periksa=_hanya_unit,
    ),
    Op(
        "langkah_manual",
        pelaksanaan.langkah_manual,
        lambda c, a, x: pelaksanaan.langkah_manual(c, a, x.run),
        UNIT,
    ),
    Op(
        "event_run", pelaksanaan.event_run, lambda c, a, x: pelaksanaan.event_run(c, a, x.run), UNIT
    ),
    Op(
        "adopsi",
        pelaksanaan.adopsi,
        lambda c, a, x: pelaksanaan.adopsi(c, a, x.instansi, "e_kinerja", "dpk_kalbar_e_kinerja"),
        ADMIN | MONEV,
    ),
    Op(
        "daftar_adopsi",
        pelaksanaan.daftar_adopsi,
        lambda c, a, x: pelaksanaan.daftar_adopsi(c, a, x.instansi),
        INSTANSI,
    ),
    Op(
        "status_sop",
        pelaksanaan.status_sop,
        lambda c, a, x: pelaksanaan.status_sop(c, a, [(x.instansi, "X")], 2026),
        INSTANSI,
    ),
    # --- users (an admin of another instansi manages only its own users)
    Op(
        "daftar_pengguna",
        pengguna.daftar_pengguna,
        lambda c, a, x: pengguna.daftar_pengguna(c, a),
        ADMIN | {"asing:admin"},
        periksa=_instansi_sendiri,
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "buat_pengguna",
        pengguna.buat_pengguna,
        lambda c, a, x: pengguna.buat_pengguna(
            c,
            a,
            {
                "username": "baru.uji",
                "nama": "Baru",
                "peran": ["staf_bidang"],
                "unit_id": x.unit["DEP"],
            },
            "Kursi#Jati#Coklat61",
            rounds=4,
        ),
        ADMIN,
    ),
    Op(
        "ubah_pengguna",
        pengguna.ubah_pengguna,
        lambda c, a, x: pengguna.ubah_pengguna(
            c,
            a,
            "staf.dep",
            {"nama": "Operator", "peran": ["staf_bidang"], "unit_id": x.unit["DEP"]},
        ),
        ADMIN,
    ),
    Op(
        "reset_sandi",
        pengguna.reset_sandi,
        lambda c, a, x: pengguna.reset_sandi(c, a, "kadis"),
        ADMIN,
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "buka_kunci", pengguna.buka_kunci, lambda c, a, x: pengguna.buka_kunci(c, a, "kadis"), ADMIN
    ),
    Op(
        "ganti_sandi (own account)",
        pengguna.ganti_sandi,
        lambda c, a, x: pengguna.ganti_sandi(c, a, _sandi(a), "SandiBaru2027", "SandiBaru2027"),
        SEMUA,
    ),
    Op(
        "daftar_sesi (own account)",
        pengguna.daftar_sesi,
        lambda c, a, x: pengguna.daftar_sesi(c, a),
        SEMUA,
    ),
    Op(
        "akhiri_semua_sesi (own account)",
        pengguna.akhiri_semua_sesi,
        lambda c, a, x: pengguna.akhiri_semua_sesi(c, a),
        SEMUA,
    ),
    # --- corrections (staf_bidang = SEK, whose TW III 2026 is signed)
    Op(
        "perbaikan.ajukan",
        perbaikan.ajukan,
        lambda c, a, x: perbaikan.ajukan(c, a, x.indikator["SEK"], 2026, 3, "7", "salah ketik"),
        STAF,
        unit="SEK",
    ),
    Op(
        "perbaikan.proses verifikasi",
        perbaikan.proses,
        lambda c, a, x: perbaikan.proses(c, a, x.data["perbaikan"], "setujui"),
        MONEV,
        unit="SEK",
        siapkan=_perbaikan("diajukan"),
    ),
    Op(
        "perbaikan.proses paraf",
        perbaikan.proses,
        lambda c, a, x: perbaikan.proses(c, a, x.data["perbaikan"], "setujui"),
        frozenset({"sekretaris"}),
        unit="SEK",
        siapkan=_perbaikan("diverifikasi"),
    ),
    Op(
        "perbaikan.proses sahkan",
        perbaikan.proses,
        lambda c, a, x: perbaikan.proses(c, a, x.data["perbaikan"], "setujui"),
        frozenset({"kadis"}),
        unit="SEK",
        siapkan=_perbaikan("diparaf"),
    ),
    Op(
        "perbaikan.proses kembalikan",
        perbaikan.proses,
        lambda c, a, x: perbaikan.proses(c, a, x.data["perbaikan"], "kembalikan", "kurang"),
        MONEV,
        unit="SEK",
        siapkan=_perbaikan("diajukan"),
    ),
    Op(
        "perbaikan.daftar",
        perbaikan.daftar,
        lambda c, a, x: perbaikan.daftar(c, a, x.instansi),
        INSTANSI,
        unit="SEK",
        siapkan=_perbaikan("diajukan"),
        periksa=lambda r, k, a, x: k != "staf_lain" or r.empty,
    ),
    Op(
        "perbaikan.nilai_saat_ini",
        perbaikan.nilai_saat_ini,
        lambda c, a, x: perbaikan.nilai_saat_ini(c, a, x.indikator["SEK"], 2026, 3),
        UNIT,
        unit="SEK",
    ),
    # --- periods
    Op(
        "daftar_periode",
        periode.daftar_periode,
        lambda c, a, x: periode.daftar_periode(c, a, x.instansi),
        INSTANSI,
    ),
    Op(
        "buka_periode",
        periode.buka_periode,
        lambda c, a, x: periode.buka_periode(
            c, a, x.instansi, 2026, 4, dt.date(2027, 1, 15), "Nota Dinas"
        ),
        MONEV,
    ),
    Op(
        "tutup_periode",
        periode.tutup_periode,
        lambda c, a, x: periode.tutup_periode(c, a, x.periode_buka),
        MONEV,
    ),
    Op(
        "buka_untuk_unit",
        periode.buka_untuk_unit,
        lambda c, a, x: periode.buka_untuk_unit(
            c, a, x.periode_tutup, x.unit["DEP"], "data susulan"
        ),
        MONEV,
    ),
    Op(
        "periode.belum_mengajukan",
        periode.belum_mengajukan,
        lambda c, a, x: periode.belum_mengajukan(c, a, x.periode_buka),
        MONEV,
    ),
    Op(
        "periode.periode_ditutup_unit",
        periode.periode_ditutup_unit,
        lambda c, a, x: periode.periode_ditutup_unit(c, a, x.unit["DEP"]),
        UNIT,
        siapkan=lambda c, x: _draf_ditutup(c, x),
    ),
    Op(
        "periode.minta_buka_kembali",
        periode.minta_buka_kembali,
        lambda c, a, x: periode.minta_buka_kembali(
            c, a, x.periode_tutup, x.unit["DEP"], "data susulan"
        ),
        STAF,
        siapkan=lambda c, x: _draf_ditutup(c, x),
    ),
    Op(
        "periode.daftar_permintaan_buka",
        periode.daftar_permintaan_buka,
        lambda c, a, x: periode.daftar_permintaan_buka(c, a, x.instansi),
        MONEV,
        siapkan=lambda c, x: _draf_ditutup(c, x, minta=True),
    ),
    Op(
        "periode.kabulkan_permintaan",
        periode.kabulkan_permintaan,
        lambda c, a, x: periode.kabulkan_permintaan(c, a, x.data["permintaan"]),
        MONEV,
        siapkan=lambda c, x: _draf_ditutup(c, x, minta=True),
    ),
    Op(
        "periode.tolak_permintaan",
        periode.tolak_permintaan,
        lambda c, a, x: periode.tolak_permintaan(c, a, x.data["permintaan"], "sudah direkap"),
        MONEV,
        siapkan=lambda c, x: _draf_ditutup(c, x, minta=True),
    ),
    Op(
        "periode_entri",
        periode.periode_entri,
        lambda c, a, x: periode.periode_entri(c, a, x.unit["DEP"]),
        UNIT,
    ),
    # --- entry (DEP: open period, nothing entered; PAR: returned to draf, complete)
    Op(
        "form_entri",
        realisasi.form_entri,
        lambda c, a, x: realisasi.form_entri(c, a, x.periode_buka, x.unit["DEP"]),
        UNIT,
    ),
    Op(
        "realisasi.simpan",
        realisasi.simpan,
        lambda c, a, x: realisasi.simpan(
            c, a, x.periode_buka, x.unit["DEP"], _isi_lengkap(c, a, x)
        ),
        STAF,
    ),
    Op(
        "realisasi.ajukan",
        realisasi.ajukan,
        lambda c, a, x: realisasi.ajukan(c, a, x.periode_buka, x.unit["PAR"]),
        STAF,
        unit="PAR",
    ),
    Op(
        "realisasi.pengembalian",
        realisasi.pengembalian,
        lambda c, a, x: realisasi.pengembalian(c, a, x.periode_buka, x.unit["PAR"]),
        UNIT,
        unit="PAR",
    ),
    Op(
        "realisasi.pengembalian_unit",
        realisasi.pengembalian_unit,
        lambda c, a, x: realisasi.pengembalian_unit(c, a, x.unit["PAR"]),
        UNIT,
        unit="PAR",
    ),
    Op(
        "riwayat_nilai",
        realisasi.riwayat_nilai,
        lambda c, a, x: realisasi.riwayat_nilai(c, a, x.indikator["DEP"], 2026, 2),
        UNIT,
    ),
    Op(
        "template_excel",
        realisasi.template_excel,
        lambda c, a, x: realisasi.template_excel(c, a, x.periode_buka, x.unit["DEP"]),
        UNIT,
    ),
    Op(
        "pratinjau_impor",
        realisasi.pratinjau_impor,
        lambda c, a, x: realisasi.pratinjau_impor(
            c, a, x.periode_buka, x.unit["DEP"], x.data["xlsx"]
        ),
        STAF,
        siapkan=_siapkan_impor,
    ),
    Op(
        "terapkan_impor",
        realisasi.terapkan_impor,
        lambda c, a, x: realisasi.terapkan_impor(
            c, a, x.periode_buka, x.unit["DEP"], x.data["perubahan"]
        ),
        STAF,
        siapkan=_siapkan_impor,
    ),
    Op(
        "realisasi.unggah_bukti",
        realisasi.unggah_bukti,
        lambda c, a, x: _di_folder_sementara(
            lambda: realisasi.unggah_bukti(
                c, a, x.periode_buka, x.unit["DEP"], x.indikator["DEP"], "bukti.pdf", PDF
            )
        ),
        STAF,
    ),
    Op(
        "realisasi.berkas_bukti",
        realisasi.berkas_bukti,
        lambda c, a, x: realisasi.berkas_bukti(c, a, x.indikator["DEP"], 2026, 2),
        UNIT,
    ),
    Op(
        "tindak_lanjut.berkas_bukti",
        tindak_lanjut.berkas_bukti,
        lambda c, a, x: tindak_lanjut.berkas_bukti(c, a, x.data["tl"]),
        UNIT,
        siapkan=_siapkan_rapat,
    ),
    # --- review chain (TW III 2026: PKA diajukan, PBP diverifikasi, LYN diparaf)
    Op(
        "antrian",
        review.antrian,
        lambda c, a, x: review.antrian(c, a),
        frozenset(
            {
                "kadis",
                "sekretaris",
                "pengelola_monev",
                "asing:kadis",
                "asing:sekretaris",
                "asing:pengelola_monev",
            }
        ),
        periksa=lambda r, k, a, x: not k.startswith("asing:") or r.empty,
        pemda=frozenset({"pemda:kadis"}),
    ),
    Op(
        "review.detail",
        review.detail,
        lambda c, a, x: review.detail(c, a, x.pengajuan["diajukan"]),
        UNIT,
        unit="PKA",
    ),
    Op(
        "review.berkas_bukti",
        review.berkas_bukti,
        lambda c, a, x: review.berkas_bukti(c, a, x.pengajuan["diajukan"], x.indikator["PKA"]),
        UNIT,
        unit="PKA",
    ),
    Op(
        "review.proses verifikasi",
        review.proses,
        lambda c, a, x: review.proses(c, a, x.pengajuan["diajukan"], "setujui"),
        MONEV,
        unit="PKA",
    ),
    Op(
        "review.proses paraf",
        review.proses,
        lambda c, a, x: review.proses(c, a, x.pengajuan["diverifikasi"], "setujui"),
        frozenset({"sekretaris"}),
        unit="PBP",
    ),
    Op(
        "review.proses sahkan",
        review.proses,
        lambda c, a, x: review.proses(c, a, x.pengajuan["diparaf"], "setujui"),
        frozenset({"kadis"}),
        unit="LYN",
    ),
    Op(
        "review.proses kembalikan",
        review.proses,
        lambda c, a, x: review.proses(c, a, x.pengajuan["diverifikasi"], "kembalikan", "kurang"),
        frozenset({"sekretaris"}),
        unit="PBP",
    ),
    Op(
        "review.proses_massal",
        review.proses_massal,
        lambda c, a, x: review.proses_massal(c, a, [x.pengajuan["diajukan"]]),
        MONEV,
        unit="PKA",
    ),
    Op(
        "review.pemisahan_tugas",
        review.pemisahan_tugas,
        lambda c, a, x: review.pemisahan_tugas(c, a, x.instansi),
        INSTANSI,
    ),
    Op(
        "review.atur_pemisahan_tugas",
        review.atur_pemisahan_tugas,
        lambda c, a, x: review.atur_pemisahan_tugas(c, a, x.instansi, False),
        ADMIN,
    ),
    # --- SOP registry and calendar: shared by every instansi, so any admin
    Op(
        "impor_yaml",
        sop_registry.impor_yaml,
        lambda c, a, x: sop_registry.impor_yaml(c, a, TEKS_SOP, "uji.yaml", "uji"),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "impor_excel",
        sop_registry.impor_excel,
        lambda c, a, x: sop_registry.impor_excel(
            c, a, sop_registry.ke_excel(*_detail_sop(c, x)), "uji.xlsx", "uji"
        ),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "terbitkan_revisi",
        sop_registry.terbitkan_revisi,
        lambda c, a, x: sop_registry.terbitkan_revisi(c, a, x.sop, *_detail_sop(c, x), "uji"),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "tinjau_mutu_baku",
        sop_registry.tinjau_mutu_baku,
        lambda c, a, x: sop_registry.tinjau_mutu_baku(c, a),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "atur_manual",
        sop_registry.atur_manual,
        lambda c, a, x: sop_registry.atur_manual(c, a, x.sop, 1, 2, None, "hari_kerja"),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "simpan_jam_kerja",
        sop_registry.simpan_jam_kerja,
        lambda c, a, x: sop_registry.simpan_jam_kerja(
            c, a, [("07:30", "16:00")] * 4 + [("07:30", "16:30"), None, None]
        ),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "tambah_libur",
        sop_registry.tambah_libur,
        lambda c, a, x: sop_registry.tambah_libur(
            c,
            a,
            dt.date(2026, 12, 24 if a.instansi_id == 1 else 23),
            "Cuti bersama",
            "cuti_bersama",
        ),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "hapus_libur",
        sop_registry.hapus_libur,
        lambda c, a, x: sop_registry.hapus_libur(c, a, dt.date(2026, 12, 24)),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "simpan_pemetaan",
        sop_registry.simpan_pemetaan,
        lambda c, a, x: sop_registry.simpan_pemetaan(
            c,
            a,
            "dpk_kalbar_pengumpulan_data_kinerja",
            sop_registry.pemetaan(c, "dpk_kalbar_pengumpulan_data_kinerja"),
        ),
        ADMIN | {"asing:admin"},
    ),
    Op(
        "skala_instansi",
        capaian.skala_instansi,
        lambda c, a, x: capaian.skala_instansi(c, a, x.instansi),
        INSTANSI,
    ),
    Op(
        "simpan_skala",
        capaian.simpan_skala,
        lambda c, a, x: capaian.simpan_skala(
            c,
            a,
            x.instansi,
            {
                "nama": "Dua kategori",
                "kategori": [
                    {"nama": "Baik", "bawah": 80, "warna": "#1a7f37"},
                    {"nama": "Kurang", "bawah": None, "warna": "#c92a2a", "merah": True},
                ],
                "batas_skor": 100,
            },
        ),
        ADMIN,
    ),
    Op(
        "dasbor.data_periode unit",
        dasbor.data_periode,
        lambda c, a, x: dasbor.data_periode(c, a, x.instansi, 2026, 3, x.unit["DEP"]),
        UNIT,
    ),
    # --- plan tree, budgets, Renstra targets (admin pages Rencana kinerja, Anggaran)
    Op(
        "rencana.pohon",
        svc_rencana.pohon,
        lambda c, a, x: svc_rencana.pohon(c, a, x.instansi),
        ADMIN,
    ),
    Op(
        "rencana.simpan_node",
        svc_rencana.simpan_node,
        lambda c, a, x: svc_rencana.simpan_node(
            c, a, x.instansi, "Tujuan", {"kode": "T9", "nama": "Tujuan baru uji"}
        ),
        ADMIN,
    ),
    Op(
        "rencana.atur_aktif",
        svc_rencana.atur_aktif,
        lambda c, a, x: svc_rencana.atur_aktif(
            c, a, x.instansi, "Sub Kegiatan", _sub_kegiatan(c, x), False
        ),
        ADMIN,
    ),
    Op(
        "rencana.hapus_node",
        svc_rencana.hapus_node,
        lambda c, a, x: svc_rencana.hapus_node(c, a, x.instansi, "Tujuan", x.data["tujuan"]),
        ADMIN,
        siapkan=lambda c, x: x.data.update(
            tujuan=svc_rencana.simpan_node(
                c, SISTEM, x.instansi, "Tujuan", {"kode": "T8", "nama": "Tujuan kosong"}
            )
        ),
    ),
    Op(
        "rencana.anggaran_tahun",
        svc_rencana.anggaran_tahun,
        lambda c, a, x: svc_rencana.anggaran_tahun(c, a, x.instansi, 2026),
        ADMIN,
    ),
    Op(
        "rencana.simpan_anggaran",
        svc_rencana.simpan_anggaran,
        lambda c, a, x: svc_rencana.simpan_anggaran(
            c, a, x.instansi, 2026, [{"sub_kegiatan_id": _sub_kegiatan(c, x), "pagu": 12345}]
        ),
        ADMIN,
    ),
    Op(
        "rencana.templat_anggaran",
        svc_rencana.templat_anggaran,
        lambda c, a, x: svc_rencana.templat_anggaran(c, a, x.instansi, 2026),
        ADMIN,
    ),
    Op(
        "rencana.baca_anggaran_excel",
        svc_rencana.baca_anggaran_excel,
        lambda c, a, x: svc_rencana.baca_anggaran_excel(c, a, x.instansi, 2026, x.data["xlsx"]),
        ADMIN,
        siapkan=lambda c, x: x.data.update(
            xlsx=svc_rencana.templat_anggaran(c, SISTEM, x.instansi, 2026)
        ),
    ),
    Op(
        "indikator.target_renstra",
        admin.target_renstra,
        lambda c, a, x: admin.target_renstra(c, a, x.indikator["DEP"]),
        UNIT,
    ),
    Op(
        "indikator.simpan_target_renstra",
        admin.simpan_target_renstra,
        lambda c, a, x: admin.simpan_target_renstra(
            c, a, x.indikator["DEP"], [{"tahun": 2026, "nilai": 5.0}]
        ),
        ADMIN,
    ),
    Op(
        "impor_rencana",
        rencana_impor.impor_rencana,
        lambda c, a, x: rencana_impor.impor_rencana(c, a, _buku_rencana(c, x)),
        ADMIN,
        periksa=lambda r, k, a, x: r.diterapkan and not r.masalah,
    ),
    # --- Renja E.81: its signers are read with the instansi, set by the admin / Pengelola Monev
    Op(
        "renja.penandatangan_instansi",
        renja.penandatangan_instansi,
        lambda c, a, x: renja.penandatangan_instansi(c, a, x.instansi),
        INSTANSI,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "renja.simpan_penandatangan",
        renja.simpan_penandatangan,
        lambda c, a, x: renja.simpan_penandatangan(
            c,
            a,
            x.instansi,
            {"dievaluasi": {"jabatan": "Kepala Bappeda", "nama": "Bappeda", "nip": ""}},
        ),
        frozenset({"admin", "pengelola_monev"}),
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "renja.tahun_renstra_lalu",
        renja.tahun_renstra_lalu,
        lambda c, a, x: renja.tahun_renstra_lalu(c, a, x.instansi, 2026),
        INSTANSI,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "renja.tabel",
        renja.tabel,
        lambda c, a, x: renja.tabel(
            c,
            a,
            Permintaan("renja", x.instansi, 2026, 3),
            a.unit_id,
            laporan.indikator_laporan(c, a, x.instansi, 2026, 3, a.unit_id),
            capaian.skala(c, x.instansi),
        ),
        INSTANSI,
        pemda=frozenset(PEMDA),
    ),
    # --- Perjanjian Kinerja: the instansi's document; the admin sets who signs it
    Op(
        "pk.pengaturan",
        perjanjian_kinerja.pengaturan,
        lambda c, a, x: perjanjian_kinerja.pengaturan(c, a, x.instansi, 2026),
        PIMPINAN,
    ),
    Op(
        "pk.susun",
        perjanjian_kinerja.susun,
        lambda c, a, x: perjanjian_kinerja.susun(c, a, x.instansi, 2026),
        PIMPINAN,
    ),
    Op(
        "pk.dokumen_pk",
        perjanjian_kinerja.dokumen_pk,
        lambda c, a, x: perjanjian_kinerja.dokumen_pk(c, a, x.instansi, 2026, "docx"),
        PIMPINAN,
    ),
    Op(
        "pk.simpan_pengaturan",
        perjanjian_kinerja.simpan_pengaturan,
        lambda c, a, x: perjanjian_kinerja.simpan_pengaturan(
            c,
            a,
            x.instansi,
            2026,
            {
                "pertama_nama": "Kepala",
                "pertama_jabatan": "Kepala Dinas",
                "kedua_nama": "Bupati",
                "kedua_jabatan": "Bupati Sukamaju",
                "kota": "Sukamaju",
                "tanggal": dt.date(2026, 1, 5),
            },
        ),
        ADMIN,
    ),
    # a backup holds every instansi: with two in the store only an admin tied to none
    Op(
        "buat_cadangan",
        svc_cadangan.buat_cadangan,
        lambda c, a, x: _di_folder_sementara(lambda: svc_cadangan.buat_cadangan(c, a)),
        frozenset(),
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "daftar_cadangan",
        svc_cadangan.daftar_cadangan,
        lambda c, a, x: _di_folder_sementara(lambda: svc_cadangan.daftar_cadangan(c, a)),
        frozenset(),
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "boleh",
        svc_cadangan.boleh,
        lambda c, a, x: svc_cadangan.boleh(c, a) or _tolak(),
        frozenset(),
        pemda=frozenset({"pemda:admin"}),
    ),
    # --- issue 17 services: LKj and Balangan reports (§9.7, §9.10), e-Kinerja (§9.9), the
    # meeting invitation and archive (§9.8), notifications and the request letter (§14)
    Op(
        "lkj.status_lkj",
        lkj.status_lkj,
        lambda c, a, x: lkj.status_lkj(c, a, x.instansi, _m.TAHUN_LKJ),
        PIMPINAN,
        siapkan=lambda c, x: _m.lkj_sampai(c, x, "disusun"),
        pemda=frozenset(PEMDA),
    ),
    Op(
        "lkj.riwayat_lkj",
        lkj.riwayat_lkj,
        lambda c, a, x: lkj.riwayat_lkj(c, a, x.instansi, _m.TAHUN_LKJ),
        PIMPINAN,
        siapkan=lambda c, x: _m.lkj_sampai(c, x, "disusun"),
        periksa=lambda r, k, a, x: r["ke"].iloc[-1] == "disusun",
        pemda=frozenset(PEMDA),
    ),
    Op(
        "lkj.dokumen_konsep",
        lkj.dokumen_konsep,
        lambda c, a, x: lkj.dokumen_konsep(c, a, x.instansi, 2025, "xlsx"),
        PIMPINAN,
    ),
    Op(
        "lkj.jalankan_lkj susun",
        lkj.jalankan_lkj,
        lambda c, a, x: lkj.jalankan_lkj(c, a, x.instansi, _m.TAHUN_LKJ, "susun", None),
        MONEV,
    ),
    Op(
        "lkj.jalankan_lkj periksa",
        lkj.jalankan_lkj,
        lambda c, a, x: lkj.jalankan_lkj(
            c, a, x.instansi, _m.TAHUN_LKJ, "periksa", _m.versi_lkj(c, x)
        ),
        frozenset({"sekretaris"}),
        siapkan=lambda c, x: _m.lkj_sampai(c, x, "disusun"),
    ),
    Op(
        "lkj.jalankan_lkj kembalikan (Kepala Dinas)",
        lkj.jalankan_lkj,
        lambda c, a, x: lkj.jalankan_lkj(
            c,
            a,
            x.instansi,
            _m.TAHUN_LKJ,
            "kembalikan",
            _m.versi_lkj(c, x),
            alasan="Lengkapi analisis",
        ),
        frozenset({"kadis"}),
        siapkan=lambda c, x: _m.lkj_sampai(c, x, "diparaf"),
    ),
    Op(
        "lkj.jalankan_lkj tandatangani",
        lkj.jalankan_lkj,
        lambda c, a, x: lkj.jalankan_lkj(
            c, a, x.instansi, _m.TAHUN_LKJ, "tandatangani", _m.versi_lkj(c, x)
        ),
        frozenset({"kadis"}),
        siapkan=lambda c, x: _m.lkj_sampai(c, x, "diparaf"),
    ),
    Op(
        "lkj.jalankan_lkj kirim",
        lkj.jalankan_lkj,
        lambda c, a, x: lkj.jalankan_lkj(
            c, a, x.instansi, _m.TAHUN_LKJ, "kirim", _m.versi_lkj(c, x)
        ),
        MONEV,
        siapkan=lambda c, x: _m.lkj_sampai(c, x, "ditandatangani"),
    ),
    Op(
        "lkj.dokumen_lkj",
        lkj.dokumen_lkj,
        lambda c, a, x: lkj.dokumen_lkj(c, a, x.instansi, _m.TAHUN_LKJ, "pdf"),
        PIMPINAN,
        siapkan=lambda c, x: _m.lkj_sampai(c, x, "ditandatangani"),
        pemda=frozenset(PEMDA),
    ),
    Op(
        "lkj.status_triwulan",
        lkj.status_triwulan,
        lambda c, a, x: lkj.status_triwulan(c, a, x.instansi, 2025),
        PIMPINAN,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "lkj.daftar_berkala",
        lkj.daftar_berkala,
        lambda c, a, x: lkj.daftar_berkala(c, a, x.instansi, 2025),
        PIMPINAN,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "lkj.susun_berkala",
        lkj.susun_berkala,
        lambda c, a, x: lkj.susun_berkala(c, a, x.instansi, 2025, "S1"),
        MONEV,
    ),
    Op(
        "lkj.dokumen_berkala",
        lkj.dokumen_berkala,
        lambda c, a, x: lkj.dokumen_berkala(c, a, x.instansi, 2025, "S1", "xlsx"),
        PIMPINAN,
        siapkan=lambda c, x: lkj.susun_berkala(
            c, pengguna.akses_untuk(c, "monev"), x.instansi, 2025, "S1"
        ),
        pemda=frozenset(PEMDA),
    ),
    Op(
        "ekinerja.daftar",
        ekinerja.daftar,
        lambda c, a, x: ekinerja.daftar(c, a, x.instansi),
        PIMPINAN,
        siapkan=_m.siapkan_ekinerja,
        periksa=_m.ekinerja_sendiri,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "ekinerja.daftar_periode",
        ekinerja.daftar_periode,
        lambda c, a, x: ekinerja.daftar_periode(c, a, x.instansi),
        PIMPINAN,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "ekinerja.tabel",
        ekinerja.tabel,
        lambda c, a, x: ekinerja.tabel(c, a, x.periode_tutup),
        PIMPINAN,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "ekinerja.ekspor",
        ekinerja.ekspor,
        lambda c, a, x: ekinerja.ekspor(c, a, x.periode_tutup),
        MONEV,
    ),
    Op(
        "ekinerja.konfirmasi_entri",
        ekinerja.konfirmasi_entri,
        lambda c, a, x: ekinerja.konfirmasi_entri(c, a, x.periode_buka, "sudah dientri"),
        MONEV,
        siapkan=_m.siapkan_ekinerja,
    ),
    Op(
        "rapat.status_undangan",
        rapat.status_undangan,
        lambda c, a, x: rapat.status_undangan(c, a, x.data["rapat"]),
        PIMPINAN,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.undangan",
        rapat.undangan,
        lambda c, a, x: rapat.undangan(c, a, x.data["rapat"], "docx", "005/1/Sekr"),
        PIMPINAN,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.kirim_undangan",
        rapat.kirim_undangan,
        lambda c, a, x: rapat.kirim_undangan(c, a, x.data["rapat"], "005/1/Sekr"),
        MONEV,
        siapkan=_siapkan_rapat,
    ),
    Op(
        "rapat.arsipkan_rapat",
        rapat.arsipkan_rapat,
        lambda c, a, x: rapat.arsipkan_rapat(c, a, x.data["rapat"]),
        MONEV,
        siapkan=_m.siapkan_rapat_final,
    ),
    # the request letter: the agency-wide roles and the staf of an addressed unit read it
    Op(
        "notifikasi.buat_surat_permintaan",
        notifikasi.buat_surat_permintaan,
        lambda c, a, x: notifikasi.buat_surat_permintaan(
            c, a, x.data["periode_baru"], x.instansi, 2026, 4, dt.date(2027, 1, 15)
        ),
        MONEV,
        siapkan=lambda c, x: x.data.update(
            periode_baru=c.execute(
                "INSERT INTO periode (instansi_id, tahun, triwulan, tenggat, status) "
                "VALUES (?, 2026, 4, DATE '2027-01-15', 'dibuka') RETURNING id",
                [x.instansi],
            ).fetchone()[0]
        ),
    ),
    Op(
        "notifikasi.surat",
        notifikasi.surat,
        lambda c, a, x: notifikasi.surat(c, a, x.data["periode_surat"]),
        INSTANSI,
        siapkan=_m.siapkan_surat,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.berkas_surat",
        notifikasi.berkas_surat,
        lambda c, a, x: notifikasi.berkas_surat(c, a, x.data["periode_surat"], "docx"),
        INSTANSI,
        siapkan=_m.siapkan_surat,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.ada_surat",
        notifikasi.ada_surat,
        lambda c, a, x: notifikasi.ada_surat(c, a, x.data["periode_surat"]),
        INSTANSI,
        siapkan=_m.siapkan_surat,
        periksa=lambda r, k, a, x: r is True,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.daftar_surat",
        notifikasi.daftar_surat,
        lambda c, a, x: notifikasi.daftar_surat(c, a, x.instansi),
        PIMPINAN,
        siapkan=_m.siapkan_surat,
        periksa=lambda r, k, a, x: len(r) == 1,
        pemda=frozenset(PEMDA),
    ),
    # the inbox and the switches: every user, each only their own
    Op(
        "notifikasi.jumlah_belum_dibaca",
        notifikasi.jumlah_belum_dibaca,
        lambda c, a, x: notifikasi.jumlah_belum_dibaca(c, a),
        SEMUA,
        siapkan=_m.siapkan_kotak,
        periksa=lambda r, k, a, x: r == x.data["belum"].get(a.username, 0),
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.kotak_masuk",
        notifikasi.kotak_masuk,
        lambda c, a, x: notifikasi.kotak_masuk(c, a),
        SEMUA,
        siapkan=_m.siapkan_kotak,
        periksa=_m.kotak_sendiri,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.tandai_dibaca (the staf's item)",
        notifikasi.tandai_dibaca,
        lambda c, a, x: notifikasi.tandai_dibaca(c, a, x.data["item_staf"]),
        SEMUA,
        siapkan=_m.siapkan_kotak,
        periksa=lambda r, k, a, x: r is (k == "staf_bidang"),
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.tandai_semua_dibaca",
        notifikasi.tandai_semua_dibaca,
        lambda c, a, x: notifikasi.tandai_semua_dibaca(c, a),
        SEMUA,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.preferensi",
        notifikasi.preferensi,
        lambda c, a, x: notifikasi.preferensi(c, a),
        SEMUA,
        pemda=frozenset(PEMDA),
    ),
    Op(
        "notifikasi.simpan_preferensi",
        notifikasi.simpan_preferensi,
        lambda c, a, x: notifikasi.simpan_preferensi(c, a, False, True),
        SEMUA,
        pemda=frozenset(PEMDA),
    ),
    # reminders and the sender run for every instansi: any administrator may start them
    Op(
        "notifikasi.jalankan_pengingat",
        notifikasi.jalankan_pengingat,
        lambda c, a, x: notifikasi.jalankan_pengingat(c, a),
        ADMIN | {"asing:admin"},
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "notifikasi.kirim_outbox",
        notifikasi.kirim_outbox,
        lambda c, a, x: notifikasi.kirim_outbox(c, a),
        ADMIN | {"asing:admin"},
        siapkan=_m.siapkan_kotak,
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "notifikasi.jalankan",
        notifikasi.jalankan,
        lambda c, a, x: notifikasi.jalankan(c, a),
        ADMIN | {"asing:admin"},
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "notifikasi.daftar_outbox",
        notifikasi.daftar_outbox,
        lambda c, a, x: notifikasi.daftar_outbox(c, a),
        ADMIN | {"asing:admin"},
        siapkan=_m.siapkan_kotak,
        periksa=lambda r, k, a, x: r["subjek"].str.contains(_m.JUDUL_UJI).any()
        != k.startswith("asing:"),
        pemda=frozenset({"pemda:admin"}),
    ),
    Op(
        "notifikasi.ringkasan_outbox",
        notifikasi.ringkasan_outbox,
        lambda c, a, x: notifikasi.ringkasan_outbox(c, a),
        ADMIN | {"asing:admin"},
        siapkan=_m.siapkan_kotak,
        periksa=lambda r, k, a, x: (r["menunggu"] > 0) != k.startswith("asing:"),
        pemda=frozenset({"pemda:admin"}),
    ),
]


def _tolak() -> None:
    """For a yes/no check in the matrix: no counts as refused."""
    raise AksesDitolak("tidak boleh")


def _sub_kegiatan(cur, ctx: Ctx) -> int:
    """The first sub kegiatan of the matrix instansi."""
    return int(svc_rencana.anggaran_tahun(cur, SISTEM, ctx.instansi, 2026)["sub_kegiatan_id"][0])


def _buku_rencana(cur, ctx: Ctx) -> bytes:
    """A plan workbook of the sample instansi: one new unit."""
    from openpyxl import load_workbook

    from dashboard.rencana import rencana_xlsx

    kode = cur.execute("SELECT kode FROM instansi WHERE id = ?", [ctx.instansi]).fetchone()[0]
    wb = load_workbook(io.BytesIO(rencana_xlsx.templat()))
    wb["Unit"].append([kode, "RENC", "Bidang Rencana", "Bidang"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# Public service functions without a caller argument, and why that is safe.
TANPA_AKSES = {
    # internal helpers and lookups called by the services after (or for) their own checks
    "capaian.angka_atau_none": "pure conversion",
    "realisasi.baris_dari_isian": "pure conversion of the form's typed rows",
    "capaian.per_triwulan": "pure conversion",
    "capaian.skala": "category scale, not personal data; called after a scope check",
    "capaian.skala_semua": "category scales, not personal data; called after a scope check",
    "capaian.skala_dari_input": "pure validation of a typed scale",
    "capaian.ringkas_per_unit": "pure aggregation of an already scoped table",
    "capaian.hitung_capaian": "pure engine pass over an already scoped table",
    "dasbor.peta_capaian": "pure aggregation of an already scoped table",
    "dasbor.perlu_perhatian": "pure filter of already scoped tables",
    "dasbor.data_periode_unit": "pure filter of an already scoped read (a Kadis's drill-down)",
    "dasbor.pengajuan_unit": "pure filter of an already scoped read (a Kadis's drill-down)",
    "lokasi.instansi_unit": "lookup used by the scope checks themselves",
    "lokasi.indikator": "lookup used by the scope checks themselves",
    "periode.info_periode": "lookup inside services that check the caller first",
    "periode.terbuka_untuk": "lookup inside services that check the caller first",
    "realisasi.status_pengajuan": "lookup inside services that check the caller first",
    "realisasi.kunci_pengajuan": "pure: the lock key of a submission",
    "review.pemisahan_tugas_aktif": "a setting read inside a transition already checked",
    "review.cek_pemisahan": "separation-of-duties check inside a transition already checked",
    "review.nama_pengguna": "full names of users a checked read already shows by username",
    "pelaksanaan.sop_untuk": "lookup inside a transition's transaction",
    "pelaksanaan.pastikan_run": "called inside a transition already checked",
    "pelaksanaan.kode_adopsi": "lookup inside a transition's transaction",
    "pelaksanaan.lingkup_sop": "pure",
    "pelaksanaan.pada_event": "called by store.log_event inside a write already checked",
    "pelaksanaan.sinkron": "demo generator: runs for events it wrote without their services",
    "pelaksanaan.standar_sop": "SOP library read (every role reads the library)",
    # login bookkeeping: runs before anyone is logged in
    "pengguna.batas_gagal_login": "setting",
    "pengguna.hash_sandi": "pure",
    "pengguna.cocok_sandi": "pure",
    "pengguna.cek_kekuatan_sandi": "pure",
    "pengguna.sandi_acak": "pure",
    "pengguna.akses_untuk": "builds the caller (scripts, tests)",
    "pengguna.hash_token": "pure",
    "pengguna.jeda_login": "sign-in throttle, before anyone is signed in",
    "pengguna.masuk": "the sign-in itself (checks the password)",
    "pengguna.catat_login_gagal": "sign-in bookkeeping",
    "pengguna.akses_sesi": "builds the caller from the session token",
    "pengguna.akhiri_sesi": "ends the token's own session (logout)",
    "pengguna.ada_administrator": "before login: whether to show 'Belum ada administrator'",
    "instansi.id_dari_kode": "lookup of a public kode for the CLI (no data of the instansi)",
    "pk.kunci": "pure: the settings key of a year",
    "pk.bawaan": "pure: the default signers from an instansi row already read",
    "cadangan.isi_arsip": "bytes of an archive listed by daftar_cadangan, which checked the caller",
    # the SOP library and working calendar: shared documents every role may read (Daftar SOP)
    "registri.daftar_sop": "read for every role",
    "registri.revisi": "read for every role",
    "registri.detail": "read for every role",
    "registri.kode_dipakai": "read for every role (codes of the SOPs the flows run)",
    "registri.waktu_efektif": "pure",
    "registri.ke_excel": "pure (bytes of an SOP already read)",
    "registri.kalender": "read for every role",
    "registri.jam_kerja": "read for every role",
    "registri.libur_tambahan": "read for every role",
    "registri.pemetaan": "read for every role",
    # issue 17: LKj, e-Kinerja, notifications, and the annual capaian
    "capaian.hasil_tiap_triwulan": "pure engine pass over an already scoped table",
    "renja.penandatangan": "the instansi's signer setting, read by the report service after "
    "its scope check (penandatangan_instansi is the caller's read)",
    "renja.tanda_tangan": "pure: the two signature blocks from a setting",
    "capaian.hitung_capaian_tahun": "pure engine pass over an already scoped table",
    "ekinerja.objek": "pure: the objek_id of its events",
    "lkj.objek_lkj": "pure: the objek_id of its events",
    "lkj.objek_berkala": "pure: the objek_id of its events",
    "notifikasi.lingkup_kotak": "pure: the data-version scope of an inbox",
    "notifikasi.url_dasar": "setting (the app's public address for links in emails)",
    "notifikasi.nama_berkas_surat": "pure: a file name",
    "notifikasi.penerima_unit": "recipients lookup inside a write already checked",
    "notifikasi.penerima_peran": "recipients lookup inside a write already checked",
    "notifikasi.kirim": "writes inbox items inside the transaction of a write already checked",
    "notifikasi.beri_tahu_dikembalikan": (
        "called inside a return's transaction after review.proses checked the reviewer"
    ),
    "notifikasi.standar_antrian": (
        "SOP standard lookup inside the reminders, which checked the administrator"
    ),
    "notifikasi.kirim_segera": (
        "best-effort sending right after buka_periode committed (it checked the caller); "
        "shows and returns nothing"
    ),
}


def _sandi(a: Akses) -> str:
    return SANDI_ASING if a.username.startswith("asing.") else sandi_demo(a.username)


def _fungsi_publik() -> dict[str, Callable]:
    """Every public function of every feature's service modules (`dashboard/<fitur>/layanan_*.py`),
    keyed `<service>.<function>` without the `layanan_` prefix."""
    import dashboard as pkg

    out = {}
    for info in pkgutil.walk_packages(pkg.__path__, "dashboard."):
        leaf = info.name.rsplit(".", 1)[-1]
        if not leaf.startswith("layanan_"):
            continue
        mod = importlib.import_module(info.name)
        for nama, fn in inspect.getmembers(mod, inspect.isfunction):
            if fn.__module__ == mod.__name__ and not nama.startswith("_"):
                out[f"{leaf.removeprefix('layanan_')}.{nama}"] = fn
    return out


def test_every_service_function_is_in_the_matrix():
    """A new public service function must get a matrix row (or a reasoned TANPA_AKSES entry)."""
    dicakup = {
        f"{op.fn.__module__.rsplit('.', 1)[-1].removeprefix('layanan_')}.{op.fn.__name__}"
        for op in OPERASI
    }
    hilang = []
    for nama, fn in _fungsi_publik().items():
        if "akses" in inspect.signature(fn).parameters:
            if nama not in dicakup:
                hilang.append(nama)
        elif nama not in TANPA_AKSES and nama not in dicakup:
            hilang.append(nama)
    assert not hilang, f"tambahkan ke OPERASI atau TANPA_AKSES: {hilang}"
    assert set(TANPA_AKSES) <= set(_fungsi_publik()), "TANPA_AKSES memuat fungsi yang sudah hilang"


@pytest.fixture(scope="session")
def matrix_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store plus a second instansi with a user per role, and an unfinished step."""
    path = tmp_path_factory.mktemp("matrix") / "matrix.duckdb"
    path.write_bytes(demo_db.read_bytes())
    con = store.connect(path)
    con.execute(
        "INSERT INTO instansi (kode, nama, pemda) VALUES ('ASING', 'Dinas Lain', 'Pemda Lain')"
    )
    iid = con.execute("SELECT id FROM instansi WHERE kode = 'ASING'").fetchone()[0]
    uid = con.execute(
        "INSERT INTO unit (instansi_id, kode, nama, jenis) VALUES (?, 'BL', 'Bidang Lain', "
        "'Bidang') RETURNING id",
        [iid],
    ).fetchone()[0]
    for p in PERAN_DALAM:
        pengguna.buat_pengguna(
            con,
            SISTEM,
            {
                "username": f"asing.{p}",
                "nama": f"Asing {p}",
                "peran": [p],
                "instansi_id": iid,
                "unit_id": uid if p == "staf_bidang" else None,
            },
            SANDI_ASING,
            rounds=4,
        )
    for aktor in PEMDA:
        p = aktor.split(":", 1)[1]
        pengguna.buat_pengguna(
            con,
            SISTEM,
            {"username": f"pemda.{p}", "nama": f"Pemda {p}", "peran": [p], "instansi_id": None},
            SANDI_ASING,
            rounds=4,
        )
    run = con.execute(
        "SELECT r.id FROM sop_run r JOIN unit u ON u.id = r.unit_id WHERE u.kode = 'DEP' LIMIT 1"
    ).fetchone()[0]
    con.execute(
        "INSERT INTO sop_run_langkah (run_id, urutan, mulai, dicatat_oleh) "
        "VALUES (?, 1, TIMESTAMP '2026-11-20 08:00', 'monev')",
        [run],
    )
    con.execute("CHECKPOINT")
    con.close()
    return path


def _ctx(cur) -> Ctx:
    unit = dict(cur.execute("SELECT kode, id FROM unit WHERE instansi_id = 1").fetchall())
    per = dict(
        cur.execute(
            "SELECT status, id FROM periode WHERE instansi_id = 1 AND tahun = 2026 "
            "AND triwulan IN (2, 3)"
        ).fetchall()
    )
    peng = dict(
        cur.execute(
            "SELECT status, max(id) FROM pengajuan WHERE periode_id = ? GROUP BY status",
            [per["dibuka"]],
        ).fetchall()
    )
    ind = dict(
        cur.execute(
            "SELECT u.kode, min(i.id) FROM indikator i JOIN unit u ON u.id = i.unit_id "
            "WHERE u.instansi_id = 1 GROUP BY u.kode"
        ).fetchall()
    )
    run = cur.execute(
        "SELECT r.id FROM sop_run r JOIN unit u ON u.id = r.unit_id WHERE u.kode = 'DEP' LIMIT 1"
    ).fetchone()[0]
    langkah = cur.execute("SELECT max(id) FROM sop_run_langkah WHERE selesai IS NULL").fetchone()
    sop = cur.execute(
        "SELECT max(id) FROM sop WHERE kode = 'dpk_kalbar_pengumpulan_data_kinerja'"
    ).fetchone()[0]
    return Ctx(1, unit, per["dibuka"], per["ditutup"], peng, ind, run, langkah[0], sop)


def _aktor(cur, aktor: str, unit: str) -> Akses:
    if aktor.startswith(("asing:", "pemda:")):
        return pengguna.akses_untuk(cur, aktor.replace(":", ".", 1))
    nama = {
        "admin": "admin",
        "kadis": "kadis",
        "sekretaris": "sekretaris",
        "pengelola_monev": "monev",
        "staf_bidang": f"staf.{unit.lower()}",
        "staf_lain": "staf.lyn" if unit != "LYN" else "staf.sek",
    }[aktor]
    return pengguna.akses_untuk(cur, nama)


def _jejak(cur) -> tuple:
    """Row counts of every table and the newest event id: a denied call changes none."""
    return tuple(
        cur.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in store.table_names(cur)
    )


@pytest.mark.parametrize("op", OPERASI, ids=[op.nama for op in OPERASI])
def test_access_matrix(op: Op, matrix_db: Path, tmp_path: Path):
    copy = tmp_path / "m.duckdb"
    copy.write_bytes(matrix_db.read_bytes())
    cur = store.connect(copy)
    try:
        ctx = _ctx(cur)
        if op.siapkan:
            op.siapkan(cur, ctx)
        salah = []
        semua = set(AKTOR) | (set(PEMDA) if op.pemda is not None else set())
        boleh = op.boleh | (op.pemda or frozenset())
        # denied actors first: each must be refused and leave the store as it was
        for aktor in sorted(semua - boleh) + sorted(boleh):
            akses = _aktor(cur, aktor, op.unit)
            sebelum = _jejak(cur)
            try:
                hasil = op.panggil(cur, akses, ctx)
            except (AksesDitolak, TransisiDitolak) as exc:
                if aktor in boleh:
                    salah.append(f"{aktor} ditolak padahal berhak: {exc}")
                elif _jejak(cur) != sebelum:
                    salah.append(f"{aktor} ditolak tetapi data berubah")
                continue
            except Exception as exc:  # noqa: BLE001 - reported per actor below
                salah.append(f"{aktor}: {type(exc).__name__}: {exc}")
                continue
            if aktor not in boleh:
                salah.append(f"{aktor} BOLEH padahal tidak berhak")
            elif op.periksa and not op.periksa(hasil, aktor, akses, ctx):
                salah.append(f"{aktor}: hasil melampaui lingkupnya")
        assert not salah, "\n".join(salah)
    finally:
        cur.close()


# ---------------------------------------------------------------- pages: no traceback, no secret

ROLE_USERS = {
    "admin": "admin",
    "kadis": "kadis",
    "sekretaris": "sekretaris",
    "pengelola_monev": "monev",
    "staf_bidang": "staf.lyn",
}
_BAHAYA = re.compile(
    r"Traceback|File \"|\bError\b:|Exception|duckdb\.|\$2[aby]\$\d\d\$|password_hash|token_hash"
)


def _semua_teks(at) -> str:
    """Every text the page sends: element protos (messages, markdown, captions, widgets) and
    the cells of every table."""
    bagian = [str(e.proto)[:20000] for e in elemen(at)]
    for d in at.dataframe:
        bagian.append(d.value.astype(str).to_csv())
    return "\n".join(bagian)


@pytest.mark.parametrize("peran", list(ROLE_USERS))
def test_no_page_shows_traceback_or_secret(app_db, peran):
    from dashboard.inti import ui

    from .test_pages import _open_url

    at = login(ROLE_USERS[peran])
    for h in ui.halaman_untuk(frozenset({peran})):
        _open_url(at, h.url)
        assert not at.exception, (peran, h.file, at.exception)
        teks = _semua_teks(at)
        assert h.judul in teks  # the collector sees the page
        temuan = _BAHAYA.search(teks)
        assert temuan is None, (peran, h.file, teks[max(0, temuan.start() - 200) : temuan.end()])


def test_perbandingan_pemda(matrix_db: Path, tmp_path: Path):
    """The comparison across instansi: a whole-agency role not tied to one instansi gets every
    instansi; a staf_bidang without an instansi is still refused."""
    copy = tmp_path / "m.duckdb"
    copy.write_bytes(matrix_db.read_bytes())
    cur = store.connect(copy)
    try:
        pemda = Akses("pemda", frozenset({"sekretaris"}), nama="Sekretariat Daerah")
        df = dasbor.perbandingan_instansi(cur, pemda, 2026, 3)
        assert len(df) == cur.execute("SELECT count(*) FROM instansi").fetchone()[0]
        with pytest.raises(AksesDitolak):
            dasbor.perbandingan_instansi(cur, Akses("x", frozenset({"staf_bidang"})), 2026, 3)
    finally:
        cur.close()
