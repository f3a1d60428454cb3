"""Import of the plan workbook (issue 13, `rencana_xlsx`): all or nothing, matched by kode.

Every row is checked against the workbook and the store first (codes, parents, units, targets,
periods); any problem means nothing is written. Rows equal to the store are left alone, so the
same file imported twice changes nothing. Realisations arrive as signed history: a closed
period, a `disahkan` submission per unit-quarter and an event `diimpor` naming the importer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import bingkai, config, formats, store, versi_data
from dashboard.rencana.rencana import (
    KOLOM_INDIKATOR,
    TABEL_TINGKAT,
    TINGKAT,
    induk_tingkat,
    periksa_target,
)
from dashboard.rencana.rencana_xlsx import JENIS_INDIKATOR, Masalah, baca
from dashboard.review.alur import DISAHKAN, LABEL_STATUS

_KOLOM_SIMPUL = [KOLOM_INDIKATOR[t] for t in TINGKAT]


@dataclass
class HasilImpor:
    """What an import found and did: problems (nothing applied), warnings (need consent), and
    per sheet how many rows are new, changed and unchanged."""

    masalah: list[Masalah] = field(default_factory=list)
    peringatan: list[Masalah] = field(default_factory=list)
    hitungan: dict[str, Counter] = field(default_factory=dict)
    diterapkan: bool = False

    def ringkasan(self) -> str:
        bagian = [
            f"{lembar}: {c['baru']} baru, {c['diubah']} diubah, {c['tetap']} tetap"
            for lembar, c in self.hitungan.items()
            if sum(c.values())
        ]
        return "; ".join(bagian) or "tidak ada baris"


def _sama(a: Any, b: Any) -> bool:
    """Equal as stored: NaN/None alike, floats by value."""
    kosong_a = a is None or (isinstance(a, float) and math.isnan(a))
    kosong_b = b is None or (isinstance(b, float) and math.isnan(b))
    if kosong_a or kosong_b:
        return kosong_a and kosong_b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def _semua_sama(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(_sama(x, y) for x, y in zip(a, b, strict=True))


def _v(x: Any) -> Any:
    """A store value as Python (NaN / pandas NA -> None, numpy -> builtin)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    return x.item() if hasattr(x, "item") else x


@dataclass
class _Ada:
    """What the store holds for one instansi, keyed by code."""

    unit: dict[str, dict] = field(default_factory=dict)
    simpul: dict[str, dict] = field(default_factory=dict)
    simpul_id: dict[tuple[str, int], str] = field(default_factory=dict)  # (tingkat, id) -> kode
    indikator: dict[str, dict] = field(default_factory=dict)
    target: dict[tuple[int, int], dict[int, tuple]] = field(default_factory=dict)
    renstra: dict[tuple[int, int], float] = field(default_factory=dict)
    realisasi: dict[tuple[int, int, int], tuple] = field(default_factory=dict)
    anggaran: dict[tuple[int, int, int], float] = field(default_factory=dict)
    periode: dict[tuple[int, int], dict] = field(default_factory=dict)
    pengajuan: dict[tuple[int, int, int], dict] = field(default_factory=dict)


def _rekaman(df: pd.DataFrame) -> list[dict]:
    return [{k: _v(v) for k, v in r.items()} for r in bingkai.baris_dict(df)]


def _muat(cur: duckdb.DuckDBPyConnection, instansi_id: int | None) -> _Ada:
    ada = _Ada()
    if instansi_id is None:
        return ada
    p = {"instansi_id": instansi_id}
    ada.unit = {r["kode"]: r for r in _rekaman(store.fetch_df(cur, "unit_list", p))}
    for r in _rekaman(store.fetch_df(cur, "impor_rencana_simpul", p)):
        ada.simpul.setdefault(r["kode"], r)
        ada.simpul_id[(r["tingkat"], r["id"])] = r["kode"]
    ada.indikator = {
        r["kode"]: r for r in _rekaman(store.fetch_df(cur, "impor_rencana_indikator", p))
    }
    for ind, th, tw, n, a in store.fetch_all(cur, "impor_rencana_target", p):
        ada.target.setdefault((ind, th), {})[tw] = (n, a)
    ada.renstra = {
        (ind, th): n for ind, th, n, _ in store.fetch_all(cur, "impor_rencana_renstra", p)
    }
    ada.realisasi = {
        (ind, th, tw): (n, c)
        for ind, th, tw, n, c in store.fetch_all(cur, "impor_rencana_realisasi", p)
    }
    ada.anggaran = {
        (sk, th, tw): n for sk, th, tw, n in store.fetch_all(cur, "impor_rencana_anggaran", p)
    }
    for r in _rekaman(store.fetch_df(cur, "impor_rencana_pengajuan", p)):
        ada.periode[(r["tahun"], r["triwulan"])] = {
            "id": r["periode_id"],
            "status": r["status_periode"],
        }
        if r["unit_id"] is not None:
            ada.pengajuan[(r["tahun"], r["triwulan"], r["unit_id"])] = r
    return ada


def _kode_instansi(lembar: str, r: Any) -> str:
    return r.kode if lembar == "Instansi" else r.kode_instansi


def _cek_lingkup(cur: duckdb.DuckDBPyConnection, akses: Akses, rows: dict[str, list]) -> None:
    """An admin tied to one instansi imports only rows of its own Kode Instansi."""
    akses.wajib("admin")
    if akses.instansi_id is None:
        return
    kode = {
        r["id"]: r["kode"] for r in _rekaman(store.fetch_df(cur, "impor_rencana_instansi"))
    }.get(akses.instansi_id)
    asing = [
        f"{lembar} baris {r.baris}"
        for lembar, daftar in rows.items()
        for r in daftar
        if _kode_instansi(lembar, r) != kode
    ]
    if asing:
        raise AksesDitolak(
            f"Anda hanya berhak mengimpor baris instansi Anda sendiri ({kode}); baris instansi "
            f"lain: {', '.join(asing[:5])}"
            + (f" dan {len(asing) - 5} lainnya." if len(asing) > 5 else ".")
        )


class _Rencana:
    """The plan of one import: checks every row and remembers what to write."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, rows: dict[str, list]):
        self.cur = cur
        self.rows = rows
        self.masalah: list[Masalah] = []
        self.peringatan: list[Masalah] = []
        self.hitungan: dict[str, Counter] = {n: Counter() for n in rows}
        self.instansi_db = {
            r["kode"]: r for r in _rekaman(store.fetch_df(cur, "impor_rencana_instansi"))
        }
        self.ada: dict[str, _Ada] = {}
        self.tulis: dict[str, list] = defaultdict(list)

    def salah(self, lembar: str, r: Any, kolom: str, pesan: str) -> None:
        self.masalah.append(Masalah(lembar, r.baris, kolom, pesan))

    def hitung(self, lembar: str, jenis: str) -> None:
        self.hitungan[lembar][jenis] += 1

    def db(self, kode_instansi: str) -> _Ada:
        if kode_instansi not in self.ada:
            row = self.instansi_db.get(kode_instansi)
            self.ada[kode_instansi] = _muat(self.cur, row["id"] if row else None)
        return self.ada[kode_instansi]

    def unik(self, lembar: str, kunci) -> list:
        """Rows of a sheet whose key is not a duplicate (duplicates get a message each)."""
        pertama: dict = {}
        hasil = []
        for r in self.rows[lembar]:
            k = kunci(r)
            if k in pertama:
                # the key without its Kode Instansi: a code, or code / year (/ quarter)
                teks = " / ".join(str(x) for x in k[1:]) if isinstance(k, tuple) else k
                kolom = {"Target": "Kode Indikator", "Realisasi": "Kode Indikator"}
                self.salah(
                    lembar,
                    r,
                    kolom.get(lembar, "Kode Rencana" if lembar == "Anggaran" else "Kode"),
                    f"'{teks}' ganda: sudah ada di baris {pertama[k]}.",
                )
                continue
            pertama[k] = r.baris
            hasil.append(r)
        return hasil

    def instansi_dikenal(self, lembar: str, r: Any) -> bool:
        if r.kode_instansi in self.instansi_db or r.kode_instansi in self.instansi_file:
            return True
        self.salah(
            lembar,
            r,
            "Kode Instansi",
            f"Instansi '{r.kode_instansi}' tidak dikenal: tidak ada di lembar Instansi maupun "
            "di basis data.",
        )
        return False

    # ------------------------------------------------------------ sheets

    def periksa(self) -> None:
        self.instansi_file = {r.kode: r for r in self.unik("Instansi", lambda r: r.kode)}
        for r in self.instansi_file.values():
            lama = self.instansi_db.get(r.kode)
            baru = (
                r.nama,
                r.pemda,
                r.alamat,
                r.kota,
                r.kepala_nama,
                r.kepala_jabatan,
                r.kepala_nip,
            )
            if lama is None:
                self.hitung("Instansi", "baru")
                self.tulis["instansi"].append(r)
            elif _semua_sama(
                baru,
                tuple(
                    lama[k]
                    for k in (
                        "nama",
                        "pemda",
                        "alamat",
                        "kota",
                        "kepala_nama",
                        "kepala_jabatan",
                        "kepala_nip",
                    )
                ),
            ):
                self.hitung("Instansi", "tetap")
            else:
                self.hitung("Instansi", "diubah")
                self.tulis["instansi"].append(r)
        self._unit()
        self._rencana()
        self._indikator()
        self._target()
        self._realisasi()
        self._anggaran()

    def _unit(self) -> None:
        self.unit_file: dict[tuple[str, str], Any] = {}
        for r in self.unik("Unit", lambda r: (r.kode_instansi, r.kode)):
            if not self.instansi_dikenal("Unit", r):
                continue
            self.unit_file[(r.kode_instansi, r.kode)] = r
            lama = self.db(r.kode_instansi).unit.get(r.kode)
            if lama is None:
                self.hitung("Unit", "baru")
            elif _semua_sama((r.nama, r.jenis), (lama["nama"], lama["jenis"])):
                self.hitung("Unit", "tetap")
                continue
            else:
                self.hitung("Unit", "diubah")
            self.tulis["unit"].append(r)

    def tingkat_simpul(self, kode_instansi: str, kode: str) -> str | None:
        r = self.simpul_file.get((kode_instansi, kode))
        if r is not None:
            return r.tingkat
        lama = self.db(kode_instansi).simpul.get(kode)
        return lama["tingkat"] if lama else None

    def induk_simpul(self, kode_instansi: str, kode: str) -> str | None:
        r = self.simpul_file.get((kode_instansi, kode))
        if r is not None:
            return r.kode_induk
        ada = self.db(kode_instansi)
        lama = ada.simpul.get(kode)
        if not lama or lama["induk_id"] is None:
            return None
        induk_t = induk_tingkat(lama["tingkat"])  # a node with an induk has a level above
        return None if induk_t is None else ada.simpul_id.get((induk_t, lama["induk_id"]))

    def _rencana(self) -> None:
        self.simpul_file: dict[tuple[str, str], Any] = {}
        for r in self.unik("Rencana", lambda r: (r.kode_instansi, r.kode)):
            if self.instansi_dikenal("Rencana", r):
                self.simpul_file[(r.kode_instansi, r.kode)] = r
        for (ki, kode), r in self.simpul_file.items():
            ada = self.db(ki)
            lama = ada.simpul.get(kode)
            if lama is not None and lama["tingkat"] != r.tingkat:
                self.salah(
                    "Rencana",
                    r,
                    "Tingkat",
                    f"Kode '{kode}' sudah ada sebagai {lama['tingkat']}; kode unik untuk semua "
                    "tingkat dalam satu instansi.",
                )
                continue
            harus = induk_tingkat(r.tingkat)
            if harus is None:
                if r.kode_induk:
                    self.salah(
                        "Rencana", r, "Kode Induk", "Tujuan tidak memiliki induk; kosongkan."
                    )
                    continue
            else:
                if not r.kode_induk:
                    self.salah("Rencana", r, "Kode Induk", f"wajib diisi: kode {harus} induknya.")
                    continue
                jalur, k = [kode], r.kode_induk
                while k is not None and k not in jalur and len(jalur) <= len(TINGKAT) + 1:
                    jalur.append(k)
                    k = self.induk_simpul(ki, k)
                if k == kode:
                    self.salah(
                        "Rencana",
                        r,
                        "Kode Induk",
                        "Induk membentuk siklus: " + " → ".join([*jalur, kode]) + ".",
                    )
                    continue
                t_induk = self.tingkat_simpul(ki, r.kode_induk)
                if t_induk is None:
                    self.salah(
                        "Rencana",
                        r,
                        "Kode Induk",
                        f"Induk '{r.kode_induk}' tidak ada di lembar Rencana maupun di basis data.",
                    )
                    continue
                if t_induk != harus:
                    self.salah(
                        "Rencana",
                        r,
                        "Kode Induk",
                        f"Induk '{r.kode_induk}' adalah {t_induk}; {r.tingkat} harus di bawah "
                        f"{harus}.",
                    )
                    continue
            if lama is None:
                self.hitung("Rencana", "baru")
            elif lama["nama"] == r.nama and self.induk_simpul_db(ki, lama) == r.kode_induk:
                self.hitung("Rencana", "tetap")
                continue
            else:
                self.hitung("Rencana", "diubah")
            self.tulis["rencana"].append(r)

    def induk_simpul_db(self, ki: str, lama: dict) -> str | None:
        if lama["induk_id"] is None:
            return None
        induk_t = induk_tingkat(lama["tingkat"])  # a node with an induk has a level above
        return None if induk_t is None else self.db(ki).simpul_id.get((induk_t, lama["induk_id"]))

    def indikator_info(self, ki: str, kode: str) -> dict | None:
        """cara agregasi, boleh_negatif and unit of an indicator of the file or the store."""
        r = self.indikator_file.get((ki, kode))
        lama = self.db(ki).indikator.get(kode)
        if r is None and lama is None:
            return None
        return {
            "cara": (r.cara_agregasi if r else None) or (lama or {}).get("cara_agregasi") or "SUM",
            "boleh_negatif": bool((lama or {}).get("boleh_negatif")),
            "kode_unit": r.kode_unit if r else None,
            "unit_id": (lama or {}).get("unit_id"),
            "id": (lama or {}).get("id"),
        }

    def _indikator(self) -> None:
        self.indikator_file: dict[tuple[str, str], Any] = {}
        for r in self.unik("Indikator", lambda r: (r.kode_instansi, r.kode)):
            if self.instansi_dikenal("Indikator", r):
                self.indikator_file[(r.kode_instansi, r.kode)] = r
        for (ki, kode), r in self.indikator_file.items():
            ada = self.db(ki)
            gagal = False
            if (ki, r.kode_unit) not in self.unit_file and r.kode_unit not in ada.unit:
                self.salah(
                    "Indikator",
                    r,
                    "Kode Unit",
                    f"Unit '{r.kode_unit}' tidak dikenal di instansi {ki}.",
                )
                gagal = True
            if r.kode_rencana and self.tingkat_simpul(ki, r.kode_rencana) is None:
                self.salah(
                    "Indikator",
                    r,
                    "Kode Rencana",
                    f"Simpul rencana '{r.kode_rencana}' tidak ada di lembar Rencana maupun di "
                    "basis data.",
                )
                gagal = True
            if gagal:
                continue
            lama = ada.indikator.get(kode)
            if lama is None:
                self.hitung("Indikator", "baru")
                self.tulis["indikator"].append(r)
                continue
            # compare what the store would hold after the update
            simpul = [None] * len(TINGKAT)
            if r.kode_rencana:
                simpul[TINGKAT.index(self.tingkat_simpul(ki, r.kode_rencana))] = r.kode_rencana
            simpul_lama = [ada.simpul_id.get((t, lama[KOLOM_INDIKATOR[t]])) for t in TINGKAT]
            unit_lama = next((k for k, u in ada.unit.items() if u["id"] == lama["unit_id"]), None)
            baru = (
                r.nama,
                r.satuan,
                JENIS_INDIKATOR[r.jenis],
                r.kode_unit,
                r.polaritas or lama["polaritas"],
                r.rumus_negatif or lama["rumus_negatif"],
                r.cara_agregasi or lama["cara_agregasi"],
                r.definisi,
                r.sumber_data,
                r.baseline,
                *simpul,
                r.jenis == "IKU" or bool(lama["pk"]),
            )
            sekarang = (
                lama["nama"],
                lama["satuan"],
                lama["jenis"],
                unit_lama,
                lama["polaritas"],
                lama["rumus_negatif"],
                lama["cara_agregasi"],
                lama["definisi"],
                lama["sumber_data"],
                lama["baseline"],
                *simpul_lama,
                bool(lama["pk"]),
            )
            if _semua_sama(baru, sekarang):
                self.hitung("Indikator", "tetap")
            else:
                self.hitung("Indikator", "diubah")
                self.tulis["indikator"].append(r)

    def _target(self) -> None:
        for r in self.unik("Target", lambda r: (r.kode_instansi, r.kode_indikator, r.tahun)):
            if not self.instansi_dikenal("Target", r):
                continue
            info = self.indikator_info(r.kode_instansi, r.kode_indikator)
            if info is None:
                self.salah(
                    "Target",
                    r,
                    "Kode Indikator",
                    f"Indikator '{r.kode_indikator}' tidak ada di lembar Indikator maupun di "
                    "basis data.",
                )
                continue
            nilai_tw = [*r.triwulan, r.tahunan_atas, *r.triwulan_atas]
            if r.tahunan is None and any(v is not None for v in nilai_tw):
                self.salah("Target", r, "Tahunan", "wajib diisi bila target triwulan diisi.")
                continue
            peringatan: list[str] = []
            if r.tahunan is not None:
                galat, peringatan = periksa_target(
                    info["cara"], r.tahunan, r.triwulan, r.tahunan_atas, r.triwulan_atas
                )
                for g in galat:
                    self.salah("Target", r, "Tahunan", g)
                if galat:
                    continue
            baru = {}
            if r.tahunan is not None:
                baru[0] = (r.tahunan, r.tahunan_atas)
                for i, (lo, hi) in enumerate(zip(r.triwulan, r.triwulan_atas, strict=True)):
                    if lo is not None:
                        baru[i + 1] = (lo, hi)
            ada = self.db(r.kode_instansi)
            lama_t = ada.target.get((info["id"], r.tahun), {}) if info["id"] else {}
            lama_r = ada.renstra.get((info["id"], r.tahun)) if info["id"] else None
            ubah_t = r.tahunan is not None and not (
                set(baru) == set(lama_t) and all(_semua_sama(baru[k], lama_t[k]) for k in baru)
            )
            ubah_r = r.renstra is not None and not _sama(r.renstra, lama_r)
            if ubah_t:  # a warning asks consent for what changes, not for what is stored
                self.peringatan += [Masalah("Target", r.baris, "Tahunan", p) for p in peringatan]
            if not (ubah_t or ubah_r):
                self.hitung("Target", "tetap")
                continue
            self.hitung("Target", "diubah" if (lama_t or lama_r is not None) else "baru")
            self.tulis["target"].append((r, baru if ubah_t else None, ubah_r))

    def _realisasi(self) -> None:
        kunci = lambda r: (r.kode_instansi, r.kode_indikator, r.tahun, r.triwulan)  # noqa: E731
        for r in self.unik("Realisasi", kunci):
            if not self.instansi_dikenal("Realisasi", r):
                continue
            info = self.indikator_info(r.kode_instansi, r.kode_indikator)
            if info is None:
                self.salah(
                    "Realisasi",
                    r,
                    "Kode Indikator",
                    f"Indikator '{r.kode_indikator}' tidak ada di lembar Indikator maupun di "
                    "basis data.",
                )
                continue
            if r.nilai < 0 and not info["boleh_negatif"]:
                self.salah("Realisasi", r, "Nilai", "tidak boleh negatif untuk indikator ini.")
                continue
            ada = self.db(r.kode_instansi)
            tw = f"{formats.nama_triwulan(r.triwulan)} {r.tahun}"
            per = ada.periode.get((r.tahun, r.triwulan))
            if per is not None and per["status"] == "dibuka":
                self.salah(
                    "Realisasi",
                    r,
                    "Triwulan",
                    f"Periode {tw} sedang dibuka; riwayat hanya diimpor untuk periode yang "
                    "ditutup atau belum ada.",
                )
                continue
            unit_id = info["unit_id"]
            if info["kode_unit"] is not None:
                u = ada.unit.get(info["kode_unit"])
                unit_id = u["id"] if u else None
            aju = ada.pengajuan.get((r.tahun, r.triwulan, unit_id)) if unit_id else None
            lama = ada.realisasi.get((info["id"], r.tahun, r.triwulan)) if info["id"] else None
            sama = lama is not None and _semua_sama((r.nilai, r.catatan), lama)
            if aju is not None:
                if aju["dibuka_unit"]:
                    self.salah(
                        "Realisasi",
                        r,
                        "Triwulan",
                        f"Periode {tw} dibuka kembali untuk unit indikator ini.",
                    )
                    continue
                if aju["status"] not in (None, DISAHKAN):
                    self.salah(
                        "Realisasi",
                        r,
                        "Triwulan",
                        f"Pengajuan {tw} unit indikator ini masih berjalan (status "
                        f"{LABEL_STATUS[aju['status']]}).",
                    )
                    continue
                if aju["status"] == DISAHKAN and not aju["diimpor"] and not sama:
                    self.salah(
                        "Realisasi",
                        r,
                        "Nilai",
                        f"Data {tw} sudah disahkan lewat alur review; ubah lewat Perbaikan data.",
                    )
                    continue
            if sama:
                self.hitung("Realisasi", "tetap")
                continue
            self.hitung("Realisasi", "baru" if lama is None else "diubah")
            self.tulis["realisasi"].append((r, None if lama is None else lama[0]))

    def _anggaran(self) -> None:
        for r in self.unik("Anggaran", lambda r: (r.kode_instansi, r.kode_rencana, r.tahun)):
            if not self.instansi_dikenal("Anggaran", r):
                continue
            t = self.tingkat_simpul(r.kode_instansi, r.kode_rencana)
            if t != "Sub Kegiatan":
                self.salah(
                    "Anggaran",
                    r,
                    "Kode Rencana",
                    f"'{r.kode_rencana}' "
                    + ("tidak dikenal" if t is None else f"adalah {t}")
                    + "; anggaran dicatat per Sub Kegiatan.",
                )
                continue
            negatif = [
                k
                for k, v in zip(
                    ("Pagu", *(f"Realisasi TW {formats.ROMAWI[i]}" for i in range(1, 5))),
                    (r.pagu, *r.realisasi),
                    strict=True,
                )
                if v is not None and v < 0
            ]
            if negatif:
                for k in negatif:
                    self.salah("Anggaran", r, k, "tidak boleh negatif.")
                continue
            ada = self.db(r.kode_instansi)
            lama = ada.simpul.get(r.kode_rencana)
            sid = lama["id"] if lama and lama["tingkat"] == "Sub Kegiatan" else None
            nilai = {tw: v for tw, v in enumerate((r.pagu, *r.realisasi)) if v is not None}
            sebelum = {
                tw: None if sid is None else ada.anggaran.get((sid, r.tahun, tw)) for tw in nilai
            }
            if sid is not None and all(_sama(nilai[tw], sebelum[tw]) for tw in nilai):
                self.hitung("Anggaran", "tetap")
                continue
            self.hitung(
                "Anggaran", "baru" if all(v is None for v in sebelum.values()) else "diubah"
            )
            self.tulis["anggaran"].append((r, nilai))


# ---------------------------------------------------------------- writing


_TEKS: tuple[str, ...] = ("kode", "nama", "satuan", "jenis", "polaritas", "rumus_negatif")
_TEKS += ("cara_agregasi", "definisi", "sumber_data", "catatan")
_ID = ("id", "induk_id", "instansi_id", "unit_id", *_KOLOM_SIMPUL)


def _massal(
    cur: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any] | None = None, **frames
) -> list[tuple]:
    """Run a set-based write over staged frames (one statement for thousands of rows), with
    explicit types so a column of only blanks is still NULL of the right type."""
    for nama, df in frames.items():
        for col in df.columns:
            if col in ("nilai", "nilai_atas", "nilai_lama", "nilai_baru", "baseline"):
                df[col] = df[col].astype("Float64")
            elif col in _ID:
                df[col] = df[col].astype("Int64")
            elif col in _TEKS:
                df[col] = df[col].astype("string")
            elif col == "pk":
                df[col] = df[col].astype("boolean")
        cur.register(nama, df)
    try:
        return cur.execute(store.sql(query), params or []).fetchall()
    finally:
        for nama in frames:
            cur.unregister(nama)


def _terapkan(cur: duckdb.DuckDBPyConnection, akses: Akses, rc: _Rencana) -> None:
    sekarang = config.sekarang()
    iid: dict[str, int] = {k: r["id"] for k, r in rc.instansi_db.items()}
    for r in rc.tulis["instansi"]:
        instansi = {
            "kode": r.kode,
            "nama": r.nama,
            "pemda": r.pemda,
            "alamat": r.alamat,
            "kota": r.kota,
            "kepala_nama": r.kepala_nama,
            "kepala_jabatan": r.kepala_jabatan,
            "kepala_nip": r.kepala_nip,
        }
        if r.kode in iid:
            cur.execute(
                store.sql("impor_rencana_instansi_update"), {**instansi, "instansi_id": iid[r.kode]}
            )
        else:
            iid[r.kode] = store.satu(
                cur.execute(store.sql("impor_rencana_instansi_insert"), instansi).fetchone()
            )[0]

    def ada(ki: str) -> _Ada:
        return rc.db(ki)

    unit_id: dict[tuple[str, str], int] = {}
    for ki in {
        r.kode_instansi
        for lembar in rc.rows.values()
        for r in lembar
        if hasattr(r, "kode_instansi")
    }:
        for kode, u in ada(ki).unit.items():
            unit_id[(ki, kode)] = u["id"]
    for r in rc.tulis["unit"]:
        lama = unit_id.get((r.kode_instansi, r.kode))
        if lama is None:
            unit_id[(r.kode_instansi, r.kode)] = store.satu(
                cur.execute(
                    store.sql("unit_insert"),
                    {
                        "instansi_id": iid[r.kode_instansi],
                        "kode": r.kode,
                        "nama": r.nama,
                        "jenis": r.jenis,
                        "aktif": True,
                    },
                ).fetchone()
            )[0]
        else:
            aktif = ada(r.kode_instansi).unit[r.kode]["aktif"]
            cur.execute(
                store.sql("unit_update"),
                {"kode": r.kode, "nama": r.nama, "jenis": r.jenis, "aktif": aktif, "unit_id": lama},
            )

    simpul_id: dict[tuple[str, str], int] = {}
    for ki, a in rc.ada.items():
        for kode, x in a.simpul.items():
            simpul_id[(ki, kode)] = x["id"]
    for tingkat in TINGKAT:  # top down: a level's parents exist before it is written
        baru, ubah = [], []
        for r in rc.tulis["rencana"]:
            if r.tingkat != tingkat:
                continue
            ki = r.kode_instansi
            induk = iid[ki] if tingkat == "Tujuan" else simpul_id[(ki, r.kode_induk)]
            lama = simpul_id.get((ki, r.kode))
            if lama is None:
                baru.append((ki, induk, r.kode, r.nama))
            else:
                ubah.append((lama, induk, r.nama))
        tabel = TABEL_TINGKAT[tingkat]
        if ubah:
            _massal(
                cur,
                f"impor_rencana_{tabel}_update",
                _baris=pd.DataFrame(ubah, columns=["id", "induk_id", "nama"]),
            )
        # codes are unique per instansi, not across instansi: one insert per instansi
        for ki in sorted({b[0] for b in baru}):
            df = pd.DataFrame(
                [b[1:] for b in baru if b[0] == ki], columns=["induk_id", "kode", "nama"]
            )
            for i, kode in _massal(cur, f"impor_rencana_{tabel}_insert", _baris=df):
                simpul_id[(ki, kode)] = i

    ind_id: dict[tuple[str, str], int] = {}
    for ki, a in rc.ada.items():
        for kode, i in a.indikator.items():
            ind_id[(ki, kode)] = i["id"]
    kolom = [
        "instansi_id",
        "unit_id",
        "kode",
        "nama",
        "satuan",
        "jenis",
        "polaritas",
        "rumus_negatif",
        "cara_agregasi",
        "definisi",
        "sumber_data",
        "baseline",
        *_KOLOM_SIMPUL,
        "pk",
    ]
    baru_ind: dict[str, list] = defaultdict(list)
    ubah_ind = []
    for r in rc.tulis["indikator"]:
        ki = r.kode_instansi
        tersimpan = ada(ki).indikator.get(r.kode) or {}
        simpul: list[int | None] = [None] * len(TINGKAT)
        if r.kode_rencana:
            simpul[TINGKAT.index(rc.tingkat_simpul(ki, r.kode_rencana))] = simpul_id[
                (ki, r.kode_rencana)
            ]
        isi = [
            iid[ki],
            unit_id[(ki, r.kode_unit)],
            r.kode,
            r.nama,
            r.satuan,
            JENIS_INDIKATOR[r.jenis],
            r.polaritas or tersimpan.get("polaritas") or "positif",
            r.rumus_negatif or tersimpan.get("rumus_negatif") or "A",
            r.cara_agregasi or tersimpan.get("cara_agregasi") or "SUM",
            r.definisi,
            r.sumber_data,
            r.baseline,
            *simpul,
            r.jenis == "IKU" or bool(tersimpan.get("pk")),
        ]
        if tersimpan:
            ubah_ind.append([tersimpan["id"], *isi])
        else:
            baru_ind[ki].append(isi)
    if ubah_ind:
        _massal(
            cur,
            "impor_rencana_indikator_update",
            _baris=pd.DataFrame(ubah_ind, columns=["id", *kolom]),
        )
    for ki, daftar in baru_ind.items():
        df = pd.DataFrame(daftar, columns=kolom)
        for i, kode in _massal(cur, "impor_rencana_indikator_insert", _baris=df):
            ind_id[(ki, kode)] = i

    kunci, target, renstra = [], [], []
    for r, baru, ubah_r in rc.tulis["target"]:
        i = ind_id[(r.kode_instansi, r.kode_indikator)]
        if baru is not None:
            kunci.append((i, r.tahun))
            target += [(i, r.tahun, tw, lo, hi) for tw, (lo, hi) in baru.items()]
        if ubah_r:
            renstra.append((i, r.tahun, r.renstra))
    if kunci:
        _massal(
            cur,
            "impor_rencana_target_hapus",
            _kunci=pd.DataFrame(kunci, columns=["indikator_id", "tahun"]),
        )
        _massal(
            cur,
            "impor_rencana_target_insert",
            _baris=pd.DataFrame(
                target, columns=["indikator_id", "tahun", "triwulan", "nilai", "nilai_atas"]
            ),
        )
    if renstra:
        df = pd.DataFrame(renstra, columns=["indikator_id", "tahun", "nilai"])
        _massal(cur, "impor_rencana_renstra_simpan", _baris=df)
        _massal(
            cur,
            "impor_rencana_renstra_akhir",
            _kunci=df[["indikator_id"]].drop_duplicates(),
        )

    pagu: list[tuple[Any, ...]] = []
    belanja: list[tuple[Any, ...]] = []
    for r, nilai in rc.tulis["anggaran"]:
        sid = simpul_id[(r.kode_instansi, r.kode_rencana)]
        for tw, v in nilai.items():
            (pagu if tw == 0 else belanja).append((sid, r.tahun, tw, v))
    if pagu:
        _massal(
            cur,
            "impor_rencana_pagu_simpan",
            _baris=pd.DataFrame(pagu, columns=["sub_kegiatan_id", "tahun", "triwulan", "nilai"]),
        )
    if belanja:
        _massal(
            cur,
            "impor_rencana_belanja_simpan",
            _baris=pd.DataFrame(belanja, columns=["sub_kegiatan_id", "tahun", "triwulan", "nilai"]),
        )

    if rc.tulis["realisasi"]:
        _terapkan_realisasi(cur, akses, rc, iid, unit_id, ind_id, sekarang)


def _terapkan_realisasi(cur, akses, rc, iid, unit_id, ind_id, sekarang) -> None:
    """Signed history: per unit-quarter a closed period and a `disahkan` submission (created
    when missing), the values, their history (source 'impor') and an event 'diimpor'."""
    baris, riwayat = [], []
    per_pengajuan: dict[tuple[str, int, int, int], int] = Counter()
    for r, lama in rc.tulis["realisasi"]:
        ki = r.kode_instansi
        i = ind_id[(ki, r.kode_indikator)]
        f = rc.indikator_file.get((ki, r.kode_indikator))
        u = unit_id[(ki, f.kode_unit)] if f else rc.db(ki).indikator[r.kode_indikator]["unit_id"]
        baris.append((i, r.tahun, r.triwulan, r.nilai, r.catatan))
        riwayat.append((i, r.tahun, r.triwulan, lama, r.nilai, r.catatan))
        per_pengajuan[(ki, r.tahun, r.triwulan, u)] += 1
    periode: dict[tuple[str, int, int], int] = {}
    for (ki, th, tw, u), n in sorted(per_pengajuan.items()):
        ada = rc.db(ki)
        if (ki, th, tw) not in periode:
            p = ada.periode.get((th, tw))
            if p is None:
                akhir = dt.date(th + (tw == 4), 1 if tw == 4 else 3 * tw + 1, 1)
                pid = cur.execute(
                    store.sql("impor_rencana_periode_insert"),
                    {
                        "instansi_id": iid[ki],
                        "tahun": th,
                        "triwulan": tw,
                        "tenggat": akhir + dt.timedelta(days=14),
                        "catatan": "Riwayat diimpor dari buku kerja rencana",
                        "username": akses.username,
                        "sekarang": sekarang,
                    },
                ).fetchone()[0]
                ada.periode[(th, tw)] = {"id": pid, "status": "ditutup"}
            periode[(ki, th, tw)] = ada.periode[(th, tw)]["id"]
        aju = ada.pengajuan.get((th, tw, u))
        if aju is None or aju["pengajuan_id"] is None:
            aju_id = cur.execute(
                store.sql("impor_rencana_pengajuan_insert"),
                {
                    "periode_id": periode[(ki, th, tw)],
                    "unit_id": u,
                    "username": akses.username,
                    "sekarang": sekarang,
                    "status_disahkan": DISAHKAN,
                },
            ).fetchone()[0]
            dari = None
        else:
            aju_id, dari = aju["pengajuan_id"], DISAHKAN
        store.log_event(
            cur,
            "diimpor",
            pengguna=akses.username,
            peran="admin",
            objek="pengajuan",
            objek_id=aju_id,
            dari=dari,
            ke=DISAHKAN,
            catatan=f"{n} realisasi {formats.nama_triwulan(tw)} {th} diimpor oleh "
            f"{akses.nama or akses.username} dari buku kerja rencana",
        )
    _massal(
        cur,
        "impor_rencana_realisasi_simpan",
        {"username": akses.username, "sekarang": sekarang},
        _baris=pd.DataFrame(
            baris, columns=["indikator_id", "tahun", "triwulan", "nilai", "catatan"]
        ),
    )
    _massal(
        cur,
        "impor_rencana_riwayat_insert",
        {"username": akses.username, "sekarang": sekarang},
        _baris=pd.DataFrame(
            riwayat,
            columns=["indikator_id", "tahun", "triwulan", "nilai_lama", "nilai_baru", "catatan"],
        ),
    )


MAX_MASALAH = 1_000


def _batasi(daftar: list[Masalah]) -> list[Masalah]:
    """The first 1.000 problems and a line counting the rest: enough to fix a file, and a
    list a page can show."""
    if len(daftar) <= MAX_MASALAH:
        return daftar
    lain = len(daftar) - MAX_MASALAH
    return [
        *daftar[:MAX_MASALAH],
        Masalah("-", 0, "-", f"... dan {lain} masalah lain yang tidak ditampilkan."),
    ]


def impor_rencana(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    data: bytes,
    *,
    terapkan: bool = True,
    setujui_peringatan: bool = False,
) -> HasilImpor:
    """Check the workbook and, when `terapkan` and nothing is wrong (and any warning was
    consented to), apply it in one transaction. Returns problems, warnings and counts."""
    akses.wajib("admin")
    rows, masalah = baca(data)
    hasil = HasilImpor(masalah=list(masalah))
    if any(m.lembar == "-" for m in masalah):
        return hasil
    _cek_lingkup(cur, akses, rows)
    rc = _Rencana(cur, rows)
    rc.periksa()
    hasil.masalah = _batasi(hasil.masalah + rc.masalah)
    hasil.peringatan = _batasi(rc.peringatan)
    hasil.hitungan = rc.hitungan
    if not terapkan or hasil.masalah or (hasil.peringatan and not setujui_peringatan):
        return hasil
    if not any(rc.tulis.values()):
        hasil.diterapkan = True
        return hasil
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        _terapkan(cur, akses, rc)
        store.log_event(
            cur,
            "rencana_diimpor",
            pengguna=akses.username,
            peran="admin",
            objek="instansi",
            objek_id=",".join(sorted({*rc.ada, *rc.instansi_file})),
            catatan=hasil.ringkasan(),
            data=None,
        )
    hasil.diterapkan = True
    return hasil
