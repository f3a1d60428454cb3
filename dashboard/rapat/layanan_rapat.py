"""Monev meetings (SOP Monitoring Evaluasi Kinerja Secara Periodik, seed 002): recorded by the
Pengelola Monev as a draft, made final, and changed after that only through a revision whose
reason and earlier record are kept. Findings per unit (optionally per indicator) carry the
follow-ups that the Bidang work on (services/tindak_lanjut.py)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.capaian.skala import SKALA_BAKU, Skala
from dashboard.inti import bingkai, config, formats, store, versi_data
from dashboard.inti.batas import PANJANG_CATATAN, PANJANG_NAMA
from dashboard.inti.store import KonflikData
from dashboard.inti.validasi import M, validasi
from dashboard.rapat import agenda
from dashboard.rapat import notulen as dok
from dashboard.rapat import tindak_lanjut as aturan_tl
from dashboard.rapat.agenda import ItemAgenda
from dashboard.sop import layanan_pelaksanaan as pelaksanaan

PERAN_BACA = ("pengelola_monev", "kadis", "sekretaris", "admin")
MAKS_TEKS = 20_000
TANPA_UNIT = 0  # the participants table's unit choice for someone outside the units


class RapatInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    tahun: int = Field(ge=2000, le=2100)
    triwulan: int = Field(ge=1, le=4)
    judul: str = Field(min_length=5, max_length=PANJANG_NAMA)
    waktu: dt.datetime
    tempat: str = Field(min_length=2, max_length=200)
    pimpinan: str = Field(min_length=3, max_length=200)
    notulis: str = Field(min_length=3, max_length=200)
    ringkasan: str | None = Field(None, max_length=MAKS_TEKS)
    kesimpulan: str | None = Field(None, max_length=MAKS_TEKS)

    def kolom(self) -> dict[str, Any]:
        """The header values by the parameter names of rapat_insert and rapat_update."""
        return {
            "tahun": self.tahun,
            "triwulan": self.triwulan,
            "judul": self.judul,
            "waktu": self.waktu,
            "tempat": self.tempat,
            "pimpinan": self.pimpinan,
            "notulis": self.notulis,
            "ringkasan": self.ringkasan or None,
            "kesimpulan": self.kesimpulan or None,
        }


class PesertaInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    nama: str = Field(min_length=2, max_length=PANJANG_NAMA)
    jabatan: str | None = Field(None, max_length=150)
    unit_id: int | None = None


class AgendaInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    jenis: str = "lainnya"
    uraian: str = Field(min_length=3, max_length=1000)
    sumber: str = agenda.MANUAL
    objek: str | None = None
    objek_id: int | None = None

    @field_validator("jenis")
    @classmethod
    def _jenis(cls, v: str) -> str:
        if v not in agenda.JENIS_AGENDA:
            raise ValueError("jenis agenda tidak dikenal")
        return v

    @field_validator("sumber")
    @classmethod
    def _sumber(cls, v: str) -> str:
        if v not in agenda.SUMBER_AGENDA:
            raise ValueError("sumber agenda harus " + " atau ".join(agenda.SUMBER_AGENDA))
        return v


class TemuanInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    unit_id: int
    indikator_id: int | None = None
    permasalahan: str = Field(min_length=5, max_length=PANJANG_CATATAN)
    penyebab: str | None = Field(None, max_length=PANJANG_CATATAN)
    rekomendasi: str | None = Field(None, max_length=PANJANG_CATATAN)


class TindakLanjutInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    uraian: str = Field(min_length=5, max_length=PANJANG_CATATAN)
    pic_unit_id: int
    batas_waktu: dt.date


LABEL = {
    "tahun": "Tahun",
    "triwulan": "Triwulan",
    "judul": "Judul rapat",
    "waktu": "Tanggal dan jam",
    "tempat": "Tempat",
    "pimpinan": "Pimpinan rapat",
    "notulis": "Notulis",
    "ringkasan": "Ringkasan",
    "kesimpulan": "Kesimpulan",
    "nama": "Nama peserta",
    "jabatan": "Jabatan peserta",
    "jenis": "Jenis agenda",
    "uraian": "Uraian",
    "sumber": "Sumber agenda",
    "unit_id": "Unit",
    "indikator_id": "Indikator",
    "permasalahan": "Permasalahan",
    "penyebab": "Penyebab",
    "rekomendasi": "Rekomendasi",
    "pic_unit_id": "Unit PIC",
    "batas_waktu": "Batas waktu",
}


def _model(cls: type[M], data: dict, awalan: str = "") -> M:
    return validasi(cls, data, LABEL, awalan)


def _nilai(v: object) -> object:
    """A table cell as a plain value: blank text, NaN and None are None; numpy scalars are
    Python values (the editor gives NaN for an empty number cell)."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if isinstance(v, str):
        return v.strip() or None
    return v.item() if hasattr(v, "item") else v


def _peserta(baris: list[dict]) -> list[PesertaInput]:
    """The participants table as edited (nama, jabatan, unit_id; unit TANPA_UNIT or empty for
    someone outside the units): blank rows skipped, every row checked, a name listed twice
    refused, each problem naming the row to fix."""
    out: list[PesertaInput] = []
    baris_nama: dict[str, int] = {}
    for no, b in enumerate(baris, 1):
        nama, jabatan, unit = (_nilai(b.get(k)) for k in ("nama", "jabatan", "unit_id"))
        unit = None if unit in (None, TANPA_UNIT) else unit
        if nama is None and jabatan is None and unit is None:
            continue
        if nama is None:
            raise ValueError(f"Peserta baris {no}: isi nama peserta (atau hapus barisnya).")
        p = _model(
            PesertaInput,
            {"nama": nama, "jabatan": jabatan, "unit_id": unit},
            f"Peserta baris {no}: ",
        )
        kunci = " ".join(p.nama.casefold().split())
        if kunci in baris_nama:
            raise ValueError(
                f"Peserta baris {no}: {p.nama} sudah tercatat di baris {baris_nama[kunci]}; "
                "hapus salah satu."
            )
        baris_nama[kunci] = no
        out.append(p)
    return out


def _agenda(baris: list[dict]) -> list[AgendaInput]:
    """The agenda table as edited: rows whose `bahas` is unticked are dropped, the rest ordered
    by `urutan`. The table starts numbered 1..n in row order, so a row given another number
    moves there, before the row that had it; rows without a number (added) come last in table
    order. A row added by hand is a `manual` item of jenis `lainnya`. Each problem names the
    row to fix."""
    pilih = []
    for no, b in enumerate(baris, 1):
        if _nilai(b.get("bahas", True)) is False:
            continue
        uraian = _nilai(b.get("uraian"))
        if uraian is None:
            continue  # an empty row added by mistake
        urutan = _nilai(b.get("urutan"))
        pilih.append((urutan is None, urutan or 0, urutan == no, no, {**b, "uraian": uraian}))
    out = []
    for *_, no, b in sorted(pilih, key=lambda x: x[:4]):
        out.append(
            _model(
                AgendaInput,
                {
                    "jenis": _nilai(b.get("jenis")) or "lainnya",
                    "uraian": b["uraian"],
                    "sumber": _nilai(b.get("sumber")) or agenda.MANUAL,
                    "objek": _nilai(b.get("objek")),
                    "objek_id": _nilai(b.get("objek_id")),
                },
                f"Agenda baris {no}: ",
            )
        )
    return out


def _cek_baca(akses: Akses, instansi_id: int) -> None:
    akses.wajib(*PERAN_BACA)
    akses.cek_instansi(instansi_id)


def _info(cur: duckdb.DuckDBPyConnection, rapat_id: int) -> dict:
    df = store.fetch_df(cur, "rapat_get", {"rapat_id": rapat_id})
    if df.empty:
        raise ValueError("Rapat tidak ditemukan.")
    return df.iloc[0].to_dict()


def _hari_ini(hari_ini: dt.date | None) -> dt.date:
    return hari_ini or config.sekarang().date()


def daftar_rapat(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int | None = None
) -> pd.DataFrame:
    _cek_baca(akses, instansi_id)
    return store.fetch_df(
        cur,
        "rapat_list",
        {"instansi_id": instansi_id, "tahun": tahun, "status": aturan_tl.terbuka_sql()},
    )


def detail_rapat(cur: duckdb.DuckDBPyConnection, akses: Akses, rapat_id: int) -> dict:
    """The whole record: header, participants, agenda, findings, follow-ups, revisions."""
    info = _info(cur, rapat_id)
    _cek_baca(akses, int(info["instansi_id"]))
    return {
        "info": info,
        "peserta": store.fetch_df(cur, "rapat_peserta_list", {"rapat_id": rapat_id}),
        "agenda": store.fetch_df(cur, "rapat_agenda_list", {"rapat_id": rapat_id}),
        "temuan": store.fetch_df(cur, "temuan_rapat", {"rapat_id": rapat_id}),
        "tindak_lanjut": store.fetch_df(
            cur,
            "tindak_lanjut_list",
            {"instansi_id": int(info["instansi_id"]), "lingkup": None, "rapat_id": rapat_id},
        ),
        "revisi": store.fetch_df(cur, "rapat_revisi_list", {"rapat_id": rapat_id}),
    }


@dataclass(frozen=True)
class BahanRapat:
    """What a period's meeting looks at: red indicators, late units, open follow-ups, SOP
    breaches (the agenda sources and the meeting pack)."""

    instansi_id: int
    tahun: int
    triwulan: int
    hari_ini: dt.date
    indikator: pd.DataFrame  # capaian_indikator rows in a red band of the scale
    unit: pd.DataFrame  # units late or not submitted, with `masalah`
    tindak_lanjut: pd.DataFrame  # open follow-ups with `terlambat`, overdue first
    sop: pd.DataFrame  # breaches per SOP step (agenda.sop_langgar)
    catatan_sop: pd.DataFrame  # the period's step records (for the agenda)
    semua_indikator: pd.DataFrame  # every indicator's capaian (charts)
    skala: Skala = SKALA_BAKU  # the instansi's category scale (headings, colours)


def bahan_rapat(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    hari_ini: dt.date | None = None,
    kecuali_rapat: int | None = None,
) -> BahanRapat:
    """Read every agenda source for the period; timeliness comes from the SOP runs' own
    measures (services/pelaksanaan), never recomputed here. The follow-ups of `kecuali_rapat`
    (the meeting being edited) are its own decisions, not items carried in from earlier."""
    _cek_baca(akses, instansi_id)
    hari_ini = _hari_ini(hari_ini)
    ind = svc_capaian.capaian_indikator(cur, akses, instansi_id, tahun, triwulan)
    unit = store.fetch_df(
        cur,
        "rapat_unit_periode",
        {"instansi_id": instansi_id, "tahun": tahun, "triwulan": triwulan},
    )
    tl = store.fetch_df(
        cur, "tindak_lanjut_list", {"instansi_id": instansi_id, "lingkup": None, "rapat_id": None}
    )
    tl = tl[tl["rapat_id"] != kecuali_rapat]
    catatan = pelaksanaan.catatan_langkah(cur, akses, instansi_id, tahun)
    catatan = catatan[catatan["triwulan"] == triwulan] if "triwulan" in catatan else catatan
    return BahanRapat(
        instansi_id=instansi_id,
        tahun=tahun,
        triwulan=triwulan,
        hari_ini=hari_ini,
        indikator=ind[ind["merah"].eq(True)].sort_values("capaian").reset_index(drop=True),
        unit=agenda.unit_bermasalah(unit).reset_index(drop=True),
        tindak_lanjut=agenda.tindak_lanjut_terbuka(tl, hari_ini).reset_index(drop=True),
        sop=agenda.sop_langgar(catatan),
        catatan_sop=catatan,
        semua_indikator=ind,
        skala=svc_capaian.skala(cur, instansi_id),
    )


def usulan_agenda(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    hari_ini: dt.date | None = None,
    kecuali_rapat: int | None = None,
) -> list[ItemAgenda]:
    """The agenda the data proposes for a meeting on the period (for a meeting already
    recorded, `kecuali_rapat`: without the follow-ups it assigned itself)."""
    b = bahan_rapat(cur, akses, instansi_id, tahun, triwulan, hari_ini, kecuali_rapat)
    return agenda.usulan(b.indikator, b.unit, b.tindak_lanjut, b.catatan_sop, b.hari_ini)


def _cek_tulis(cur: duckdb.DuckDBPyConnection, akses: Akses, rapat_id: int) -> dict:
    akses.wajib("pengelola_monev")
    info = _info(cur, rapat_id)
    akses.cek_instansi(int(info["instansi_id"]))
    return info


def _isi(
    cur: duckdb.DuckDBPyConnection,
    instansi_id: int,
    data: dict,
    peserta: list[dict],
    agenda_: list[dict] | None,
) -> tuple[RapatInput, list[PesertaInput], list[AgendaInput] | None]:
    """Validate everything before any write; units must belong to the instansi."""
    r = _model(RapatInput, data)
    ps = _peserta(peserta)
    ag = None if agenda_ is None else _agenda(agenda_)
    for p in ps:
        if p.unit_id is not None and lokasi.instansi_unit(cur, p.unit_id) != instansi_id:
            raise ValueError(f"Peserta {p.nama}: unit bukan bagian dari instansi ini.")
    return r, ps, ag


def _tulis_daftar(
    cur: duckdb.DuckDBPyConnection,
    rapat_id: int,
    peserta: list[PesertaInput],
    agenda_: list[AgendaInput] | None,
) -> None:
    """Replace the participants, and the agenda unless it is None (kept as it is)."""
    cur.execute(store.sql("rapat_peserta_hapus"), {"rapat_id": rapat_id})
    if agenda_ is not None:
        cur.execute(store.sql("rapat_agenda_hapus"), {"rapat_id": rapat_id})
    if peserta:
        cur.executemany(
            store.sql("rapat_peserta_insert"),
            [
                {
                    "rapat_id": rapat_id,
                    "urutan": i,
                    "nama": p.nama,
                    "jabatan": p.jabatan,
                    "unit_id": p.unit_id,
                }
                for i, p in enumerate(peserta, 1)
            ],
        )
    if agenda_:
        cur.executemany(
            store.sql("rapat_agenda_insert"),
            [
                {
                    "rapat_id": rapat_id,
                    "urutan": i,
                    "jenis": a.jenis,
                    "uraian": a.uraian,
                    "sumber": a.sumber,
                    "objek": a.objek,
                    "objek_id": a.objek_id,
                }
                for i, a in enumerate(agenda_, 1)
            ],
        )


class RapatGanda(ValueError):
    """A new meeting would repeat one already recorded: same period, day and title."""


def _kunci_judul(judul: str) -> str:
    """A title as compared for duplicates: case and runs of spaces ignored."""
    return " ".join(str(judul).casefold().split())


def rapat_serupa(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    tanggal: dt.date,
    judul: str,
) -> pd.DataFrame:
    """Meetings already recorded for the same period, on the same day, under the same title
    (case and spaces ignored): what a new meeting with these values would duplicate."""
    _cek_baca(akses, instansi_id)
    df = store.fetch_df(
        cur,
        "rapat_serupa",
        {"instansi_id": instansi_id, "tahun": tahun, "triwulan": triwulan, "tanggal": tanggal},
    )
    return df[df["judul"].map(_kunci_judul) == _kunci_judul(judul)].reset_index(drop=True)


def _cek_ganda(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, r) -> None:
    """Refuse a meeting that repeats one already recorded (docs/DOMAIN.md §7.3)."""
    ada = rapat_serupa(cur, akses, instansi_id, r.tahun, r.triwulan, r.waktu.date(), r.judul)
    if not ada.empty:
        w = pd.Timestamp(ada["waktu"].iloc[0])
        status = "final" if ada["status"].iloc[0] == "final" else "draf"
        raise RapatGanda(
            f"Rapat '{ada['judul'].iloc[0]}' pada {formats.tanggal(w.date())} untuk periode "
            "yang sama sudah tercatat (" + status + "). Buka rapat itu, atau pastikan ini "
            "rapat lain lalu simpan sebagai rapat terpisah."
        )


def buat_rapat(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    data: dict,
    peserta: list[dict],
    agenda_: list[dict],
    boleh_ganda: bool = False,
) -> int:
    """Record a meeting as a draft. `peserta` and `agenda_` are the rows of the page's tables
    (see _peserta, _agenda): the proposals kept, reordered, and items added by hand. A meeting
    of the same period, day and title as one already recorded is refused (`RapatGanda`)
    unless the user confirmed it is another meeting (`boleh_ganda`)."""
    akses.wajib("pengelola_monev")
    akses.cek_instansi(instansi_id)
    r, ps, ag = _isi(cur, instansi_id, data, peserta, agenda_)
    with store.transaction(cur):
        if not boleh_ganda:
            _cek_ganda(cur, akses, instansi_id, r)
        rid = int(
            store.satu(
                cur.execute(
                    store.sql("rapat_insert"),
                    {
                        "instansi_id": instansi_id,
                        **r.kolom(),
                        "username": akses.username,
                        "dibuat_pada": config.sekarang(),
                    },
                ).fetchone()
            )[0]
        )
        _tulis_daftar(cur, rid, ps, ag)
        store.log_event(
            cur,
            "rapat_dibuat",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="rapat",
            objek_id=rid,
            ke="draf",
            catatan=f"TW {r.triwulan} {r.tahun}: {len(ag or [])} agenda, {len(ps)} peserta",
        )
    return rid


def _rekam(cur: duckdb.DuckDBPyConnection, rapat_id: int) -> str:
    """The record as it is now, as JSON text (kept in rapat_revisi before a change)."""
    rapat = store.fetch_df(cur, "rapat_get", {"rapat_id": rapat_id})
    isi: dict[str, Any] = {"rapat": bingkai.baris_dict(rapat)[0]}
    for kunci, nama in (
        ("peserta", "rapat_peserta_list"),
        ("agenda", "rapat_agenda_list"),
        ("temuan", "temuan_rapat"),
    ):
        isi[kunci] = bingkai.baris_dict(store.fetch_df(cur, nama, {"rapat_id": rapat_id}))
    return json.dumps(isi, default=str, ensure_ascii=False)


def _revisi(cur: duckdb.DuckDBPyConnection, akses: Akses, info: dict, alasan: str | None) -> int:
    """For a final record: require the reason and keep the record as it was. Returns 1 when a
    revision was written (the header's revisi goes up by it), 0 for a draft."""
    if info["status"] != "final":
        return 0
    bersih = (alasan or "").strip()
    if not bersih:
        raise ValueError("Notulen sudah final: isi alasan perubahan untuk membuat revisi.")
    cur.execute(
        store.sql("rapat_revisi_insert"),
        {
            "rapat_id": int(info["id"]),
            "revisi": int(info["revisi"]) + 1,
            "bersih": bersih,
            "sebelum": _rekam(cur, int(info["id"])),
            "username": akses.username,
            "pada": config.sekarang(),
        },
    )
    store.log_event(
        cur,
        "rapat_direvisi",
        pengguna=akses.username,
        peran="pengelola_monev",
        objek="rapat",
        objek_id=int(info["id"]),
        ke=f"revisi {int(info['revisi']) + 1}",
        catatan=bersih,
    )
    return 1


def ubah_rapat(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    rapat_id: int,
    versi: int,
    data: dict,
    peserta: list[dict],
    agenda_: list[dict] | None = None,
    alasan: str | None = None,
) -> None:
    """Edit a draft freely (header, participants, agenda kept, dropped, reordered or added); a
    final record only as a new revision with its reason. The agenda is kept as it is when
    `agenda_` is None."""
    info = _cek_tulis(cur, akses, rapat_id)
    r, ps, ag = _isi(cur, int(info["instansi_id"]), data, peserta, agenda_)
    with store.transaction(cur):
        naik = _revisi(cur, akses, info, alasan)
        ok = cur.execute(
            store.sql("rapat_update"),
            {"rapat_id": rapat_id, **r.kolom(), "versi": versi, "naik": naik},
        ).fetchone()
        if not ok:
            raise KonflikData("Rapat ini baru saja diubah pengguna lain; data dimuat ulang.")
        _tulis_daftar(cur, rapat_id, ps, ag)
        store.log_event(
            cur,
            "rapat_diubah",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="rapat",
            objek_id=rapat_id,
        )


def finalkan_rapat(cur: duckdb.DuckDBPyConnection, akses: Akses, rapat_id: int, versi: int) -> None:
    """Make the minutes final: they need participants, conclusions and at least one finding."""
    info = _cek_tulis(cur, akses, rapat_id)
    if info["status"] == "final":
        raise ValueError("Notulen rapat ini sudah final.")
    kurang = []
    if not store.fetch_all(cur, "rapat_peserta_list", {"rapat_id": rapat_id}):
        kurang.append("daftar peserta")
    if not (info["kesimpulan"] or "").strip():
        kurang.append("kesimpulan")
    if not store.fetch_all(cur, "temuan_rapat", {"rapat_id": rapat_id}):
        kurang.append("minimal satu temuan")
    if kurang:
        raise ValueError("Belum dapat difinalkan; lengkapi " + ", ".join(kurang) + ".")
    with store.transaction(cur):
        ok = cur.execute(
            store.sql("rapat_final"),
            {
                "rapat_id": rapat_id,
                "versi": versi,
                "username": akses.username,
                "difinalkan_pada": config.sekarang(),
            },
        ).fetchone()
        if not ok:
            raise KonflikData("Rapat ini baru saja diubah pengguna lain; data dimuat ulang.")
        store.log_event(
            cur,
            "rapat_difinalkan",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="rapat",
            objek_id=rapat_id,
            dari="draf",
            ke="final",
        )


def _tandai_revisi(cur: duckdb.DuckDBPyConnection, naik: int, rapat_id: int) -> None:
    if naik:
        cur.execute(store.sql("rapat_naik_revisi"), {"rapat_id": rapat_id})


def _tindak_lanjut(
    cur: duckdb.DuckDBPyConnection, instansi_id: int, data: dict, no: int
) -> TindakLanjutInput:
    tl = _model(TindakLanjutInput, data, f"Tindak lanjut ke-{no}: ")
    if lokasi.instansi_unit(cur, tl.pic_unit_id) != instansi_id:
        raise ValueError(f"Tindak lanjut ke-{no}: unit PIC bukan bagian dari instansi ini.")
    return tl


def tambah_temuan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    rapat_id: int,
    data: dict,
    tindak_lanjut: list[dict],
    alasan: str | None = None,
) -> int:
    """A finding with its follow-ups, all or nothing (a final record: as a revision). A
    follow-up without a PIC unit is the finding's unit's to carry out."""
    info = _cek_tulis(cur, akses, rapat_id)
    instansi_id = int(info["instansi_id"])
    t = _model(TemuanInput, data)
    if lokasi.instansi_unit(cur, t.unit_id) != instansi_id:
        raise ValueError("Unit temuan bukan bagian dari instansi ini.")
    if t.indikator_id is not None and lokasi.indikator(cur, t.indikator_id) != (
        instansi_id,
        t.unit_id,
    ):
        raise ValueError("Indikator temuan harus indikator milik unit yang dipilih.")
    tls = [
        _tindak_lanjut(cur, instansi_id, {**d, "pic_unit_id": d.get("pic_unit_id") or t.unit_id}, i)
        for i, d in enumerate(tindak_lanjut, 1)
    ]
    if not tls:
        raise ValueError("Setiap temuan perlu minimal satu tindak lanjut.")
    with store.transaction(cur):
        naik = _revisi(cur, akses, info, alasan)
        tid = int(
            store.satu(
                cur.execute(
                    store.sql("temuan_insert"),
                    {
                        "rapat_id": rapat_id,
                        "unit_id": t.unit_id,
                        "indikator_id": t.indikator_id,
                        "permasalahan": t.permasalahan,
                        "penyebab": t.penyebab or None,
                        "rekomendasi": t.rekomendasi or None,
                        "username": akses.username,
                        "dibuat_pada": config.sekarang(),
                    },
                ).fetchone()
            )[0]
        )
        for tl in tls:
            cur.execute(
                store.sql("tindak_lanjut_insert"),
                {
                    "temuan_id": tid,
                    "uraian": tl.uraian,
                    "pic_unit_id": tl.pic_unit_id,
                    "batas_waktu": tl.batas_waktu,
                    "status_awal": aturan_tl.STATUS_AWAL,
                },
            )
        _tandai_revisi(cur, naik, rapat_id)
        store.log_event(
            cur,
            "temuan_ditambah",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="rapat",
            objek_id=rapat_id,
            catatan=f"temuan {tid}, {len(tls)} tindak lanjut",
        )
    return tid


def _temuan(cur: duckdb.DuckDBPyConnection, akses: Akses, temuan_id: int) -> tuple[dict, int]:
    row = cur.execute(store.sql("temuan_lokasi"), {"temuan_id": temuan_id}).fetchone()
    if not row:
        raise ValueError("Temuan tidak ditemukan.")
    return _cek_tulis(cur, akses, int(row[0])), int(row[0])


def tambah_tindak_lanjut(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    temuan_id: int,
    data: dict,
    alasan: str | None = None,
) -> int:
    info, rapat_id = _temuan(cur, akses, temuan_id)
    tl = _tindak_lanjut(cur, int(info["instansi_id"]), data, 1)
    with store.transaction(cur):
        naik = _revisi(cur, akses, info, alasan)
        lid = int(
            store.satu(
                cur.execute(
                    store.sql("tindak_lanjut_insert"),
                    {
                        "temuan_id": temuan_id,
                        "uraian": tl.uraian,
                        "pic_unit_id": tl.pic_unit_id,
                        "batas_waktu": tl.batas_waktu,
                        "status_awal": aturan_tl.STATUS_AWAL,
                    },
                ).fetchone()
            )[0]
        )
        _tandai_revisi(cur, naik, rapat_id)
        store.log_event(
            cur,
            "tindak_lanjut_ditambah",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="tindak_lanjut",
            objek_id=lid,
        )
    return lid


def hapus_temuan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, temuan_id: int, alasan: str | None = None
) -> None:
    """Remove a finding and its follow-ups (a final record: as a revision)."""
    info, rapat_id = _temuan(cur, akses, temuan_id)
    with store.transaction(cur):
        naik = _revisi(cur, akses, info, alasan)
        cur.execute(store.sql("tindak_lanjut_hapus"), {"temuan_id": temuan_id})
        cur.execute(store.sql("temuan_hapus"), {"temuan_id": temuan_id})
        _tandai_revisi(cur, naik, rapat_id)
        store.log_event(
            cur,
            "temuan_dihapus",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="rapat",
            objek_id=rapat_id,
            catatan=f"temuan {temuan_id}",
        )


def kop_instansi(cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int) -> dict:
    """Letterhead and signature data for the documents."""
    akses.cek_instansi(instansi_id)
    df = store.fetch_df(cur, "instansi_kop", {"instansi_id": instansi_id})
    if df.empty:
        raise AksesDitolak("Instansi tidak ditemukan.")
    return df.iloc[0].to_dict()


def notulen(
    cur: duckdb.DuckDBPyConnection, akses: Akses, rapat_id: int, jenis: str = "pdf"
) -> bytes:
    """The minutes of a meeting as PDF or DOCX."""
    d = detail_rapat(cur, akses, rapat_id)
    instansi = kop_instansi(cur, akses, int(d["info"]["instansi_id"]))
    return dok.notulen_docx(d, instansi) if jenis == "docx" else dok.notulen_pdf(d, instansi)


def bahan_rapat_pdf(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    hari_ini: dt.date | None = None,
) -> bytes:
    """The meeting pack of a period as PDF, signed by whoever prepared it."""
    b = bahan_rapat(cur, akses, instansi_id, tahun, triwulan, hari_ini)
    return dok.bahan_rapat_pdf(
        b, kop_instansi(cur, akses, instansi_id), akses.nama or akses.username
    )


# --- SOP Monitoring Evaluasi Kinerja Secara Periodik: invitation and archive ----------------
# Events of the issue 17 contract: 'undangan_rapat_dikirim' and 'rapat_diarsipkan' (objek
# 'rapat', objek_id the meeting's id), beside 'rapat_dibuat' and 'rapat_difinalkan'.


def status_undangan(cur: duckdb.DuckDBPyConnection, akses: Akses, rapat_id: int) -> dict:
    """The meeting's invitation (nomor, tanggal, sent by / at: None while not sent) and its
    archiving (diarsipkan_oleh / _pada)."""
    info = _info(cur, rapat_id)
    _cek_baca(akses, int(info["instansi_id"]))
    df = store.fetch_df(cur, "rapat_undangan_get", {"rapat_id": rapat_id})
    return {k: (None if pd.isna(v) else v) for k, v in df.iloc[0].to_dict().items()}


def _nomor_surat(nomor: str | None) -> str:
    nomor = " ".join((nomor or "").split())
    if len(nomor) < 3:
        raise ValueError("Isi nomor surat undangan (misalnya 005/123/Sekr), lalu kirim.")
    if len(nomor) > 100:
        raise ValueError("Nomor surat paling panjang 100 karakter.")
    return nomor


def undangan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    rapat_id: int,
    jenis: str = "pdf",
    nomor: str | None = None,
) -> bytes:
    """The invitation letter as PDF or DOCX: once sent, with the number and date it was sent
    under; before that, with `nomor` (blank dots when none) and the agency's date."""
    from dashboard.rapat import undangan as dok_undangan

    d = detail_rapat(cur, akses, rapat_id)
    instansi = kop_instansi(cur, akses, int(d["info"]["instansi_id"]))
    st = status_undangan(cur, akses, rapat_id)
    if st["nomor"]:
        nomor, tanggal = st["nomor"], pd.Timestamp(st["tanggal"]).date()
    else:
        nomor, tanggal = (nomor or "").strip() or None, config.hari_ini()
    buat = dok_undangan.undangan_docx if jenis == "docx" else dok_undangan.undangan_pdf
    return buat(d, instansi, nomor, tanggal)


def kirim_undangan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, rapat_id: int, nomor: str | None
) -> None:
    """Send the invitation to the participants (SOP step 3): it needs its number and at least
    one participant; sent again (a changed time or place), the new number and date replace
    the old and another event is written."""
    info = _cek_tulis(cur, akses, rapat_id)
    nomor = _nomor_surat(nomor)
    peserta = store.fetch_all(cur, "rapat_peserta_list", {"rapat_id": rapat_id})
    if not peserta:
        raise ValueError("Tambahkan peserta rapat lebih dulu; undangan dikirim kepada peserta.")
    sekarang = config.sekarang()
    with store.kunci(("rapat", rapat_id)), store.transaction(cur):
        cur.execute(
            store.sql("rapat_undangan_simpan"),
            {
                "rapat_id": rapat_id,
                "nomor": nomor,
                "tanggal": sekarang.date(),
                "username": akses.username,
                "dikirim_pada": sekarang,
            },
        )
        store.log_event(
            cur,
            "undangan_rapat_dikirim",
            pengguna=akses.username,
            peran="pengelola_monev",
            objek="rapat",
            objek_id=rapat_id,
            catatan=f"Nomor {nomor}, kepada {len(peserta)} peserta",
        )
        versi_data.sentuh_instansi(int(info["instansi_id"]))


def arsipkan_rapat(cur: duckdb.DuckDBPyConnection, akses: Akses, rapat_id: int) -> None:
    """Archive a final meeting record with its minutes (the SOP's last step); once."""
    info = _cek_tulis(cur, akses, rapat_id)
    if info["status"] != "final":
        raise ValueError("Finalkan notulen rapat lebih dulu; hanya notulen final yang diarsipkan.")
    if status_undangan(cur, akses, rapat_id)["diarsipkan_pada"] is not None:
        raise ValueError("Rapat ini sudah diarsipkan.")
    try:
        with store.kunci(("rapat", rapat_id)), store.transaction(cur):
            cur.execute(
                store.sql("rapat_arsip_insert"),
                {"rapat_id": rapat_id, "username": akses.username, "pada": config.sekarang()},
            )
            store.log_event(
                cur,
                "rapat_diarsipkan",
                pengguna=akses.username,
                peran="pengelola_monev",
                objek="rapat",
                objek_id=rapat_id,
                dari="final",
                ke="diarsipkan",
            )
            versi_data.sentuh_instansi(int(info["instansi_id"]))
    except store.GALAT_KONFLIK as exc:
        raise KonflikData("Rapat ini baru saja diarsipkan pengguna lain.") from exc
