"""Quarterly entry by a Bidang: load the form, save a draft, submit. Nothing is ever half saved:
every row is checked first, then all rows are written in one transaction with a version check,
so a second user saving the same rows is told instead of silently overwriting."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from dashboard.akun import layanan_lokasi as lokasi
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.capaian.skala import Skala
from dashboard.inti import bingkai, bukti, config, store, versi_data
from dashboard.inti.batas import PANJANG_CATATAN
from dashboard.inti.formats import parse_angka, teks
from dashboard.inti.store import KonflikData
from dashboard.pengumpulan.entri import IndikatorEntri, Isian, periksa
from dashboard.pengumpulan.excel_entri import MasalahImpor, baca_template, buat_template
from dashboard.periode import layanan_periode as svc_periode
from dashboard.review import alur
from dashboard.sop import layanan_pelaksanaan as pelaksanaan


class ValidasiEntri(ValueError):
    """One or more rows failed their checks; `masalah` lists them (kode, pesan). `tindakan`
    says what was refused: "disimpan" (a draft) or "diajukan" (a submission)."""

    def __init__(
        self, masalah: list[tuple[str, str]], tindakan: str = "disimpan", pesan: str | None = None
    ):
        self.masalah = masalah
        super().__init__(
            pesan
            or f"Data belum dapat {tindakan}: "
            + "; ".join(f"{kode}: {isi}" for kode, isi in masalah)
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


def baris_dari_isian(isian: dict[int, Isian], versi: dict[int, int]) -> list[BarisSimpan]:
    """The rows of a save from the form's typed texts, each with the version of the stored
    row it was loaded at (none for a row not stored yet)."""
    return [BarisSimpan(i, v.nilai, v.catatan, v.bukti, versi.get(i)) for i, v in isian.items()]


@dataclass
class FormEntri:
    periode: dict
    unit_id: int
    status: str
    indikator: list[IndikatorEntri]
    baris: pd.DataFrame  # indikator_id, nilai, catatan, bukti (as shown), versi (current quarter)
    # the stored evidence references; `baris` shows an uploaded file only as its label
    bukti_tersimpan: dict[int, str | None] = field(default_factory=dict)


def _cek_tulis(cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int) -> int:
    """Only a staf_bidang of that very unit enters its figures."""
    instansi_id = lokasi.baca_unit(cur, akses, unit_id)
    if not akses.punya("staf_bidang") or akses.unit_id != unit_id:
        raise AksesDitolak("Hanya Staf Bidang unit ini yang dapat mengisi realisasinya.")
    return instansi_id


def status_pengajuan(cur: duckdb.DuckDBPyConnection, periode_id: int, unit_id: int) -> str:
    row = cur.execute(
        store.sql("pengajuan_unit"), {"periode_id": periode_id, "unit_id": unit_id}
    ).fetchone()
    return row[1] if row else alur.DRAF


def _periode_unit(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int
) -> tuple[int, dict]:
    """The unit's instansi (the caller may read the unit) and the period, which must be that
    instansi's: the scope check of every form read."""
    instansi_id = lokasi.baca_unit(cur, akses, unit_id)
    p = svc_periode.info_periode(cur, periode_id)
    if p["instansi_id"] != instansi_id:
        raise AksesDitolak("Periode ini bukan milik instansi unit tersebut.")
    return instansi_id, p


def _aturan(r: Any) -> dict[str, Any]:
    """The fields of an indicator row its checks need (both form reads)."""
    return {
        "indikator_id": int(r.id),
        "kode": r.kode,
        "nama": r.nama,
        "satuan": r.satuan,
        "polaritas": r.polaritas,
        "cara_agregasi": r.cara_agregasi,
        "rumus_negatif": r.rumus_negatif,
        "boleh_negatif": bool(r.boleh_negatif),
    }


def form_entri(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int
) -> FormEntri:
    """Indicators of the unit with targets, earlier quarters and the current entries."""
    instansi_id, p = _periode_unit(cur, akses, periode_id, unit_id)
    df = store.fetch_df(
        cur,
        "indikator_tahun",
        {"instansi_id": instansi_id, "tahun": p["tahun"], "lingkup": unit_id},
    )
    riwayat = store.fetch_df(
        cur, "realisasi_riwayat_tahun", {"unit_id": unit_id, "tahun": p["tahun"]}
    )
    hist = riwayat.groupby("indikator_id")["nilai"].apply(tuple).to_dict()
    n = p["triwulan"]
    indikator = []
    for r in bingkai.baris(df):
        v = svc_capaian.angka_atau_none
        realisasi = svc_capaian.per_triwulan(r, "r")
        indikator.append(
            IndikatorEntri(
                **_aturan(r),
                target_tahunan=v(r.t0),
                target_tahunan_atas=v(r.t0_atas),
                target=tuple(svc_capaian.per_triwulan(r, "t")),
                target_atas=tuple(svc_capaian.per_triwulan(r, "t", "_atas")),
                # earlier quarters only: the current one is what the form enters
                realisasi=tuple(x if i < n - 1 else None for i, x in enumerate(realisasi)),
                riwayat=hist.get(r.id, ()),
            )
        )
    return _dengan_isian(cur, p, periode_id, unit_id, indikator)


def _dengan_isian(
    cur: duckdb.DuckDBPyConnection,
    p: dict,
    periode_id: int,
    unit_id: int,
    indikator: list[IndikatorEntri],
) -> FormEntri:
    """The form with the quarter's stored rows and the submission's status."""
    baris = store.fetch_df(
        cur,
        "realisasi_unit_triwulan",
        {"unit_id": unit_id, "tahun": p["tahun"], "triwulan": p["triwulan"]},
    )
    tersimpan = {int(r.indikator_id): teks(r.bukti) for r in bingkai.baris(baris)}
    baris["bukti"] = baris["bukti"].map(lambda b: bukti.label(b) or None)
    status = status_pengajuan(cur, periode_id, unit_id)
    return FormEntri(p, unit_id, status, indikator, baris, tersimpan)


def _form_draf(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int
) -> FormEntri:
    """What a draft save is checked against: the unit's active indicators with their rules,
    without the targets, earlier quarters and history the form shows. A draft refuses only
    what cannot be stored (a value not read as a number, a note too long, a typed file
    reference), none of which depends on them, so a save reads no pivot of the year."""
    instansi_id, p = _periode_unit(cur, akses, periode_id, unit_id)
    df = store.fetch_df(cur, "indikator_list", {"instansi_id": instansi_id, "lingkup": unit_id})
    indikator = [IndikatorEntri(**_aturan(r)) for r in bingkai.baris(df) if r.aktif]
    return _dengan_isian(cur, p, periode_id, unit_id, indikator)


def _periksa_semua(
    form: FormEntri,
    baris: list[BarisSimpan],
    sk: Skala,
    berkas: dict[int, str] | None = None,
    ajukan: bool = False,
) -> list[tuple[str, str]]:
    """The problems of the rows (kode, pesan): what cannot be stored at all, and, for a
    submission (`ajukan`), also what blocks it (docs/DOMAIN.md §6.2): a draft keeps a negative
    value or a red row without a note, the submission does not."""
    kode = {i.indikator_id: i for i in form.indikator}
    masalah = []
    ganda = {k for k, n in Counter(r.indikator_id for r in baris).items() if n > 1}
    for k in sorted(ganda):
        nama = kode[k].kode if k in kode else str(k)
        masalah.append((nama, "indikator ini muncul lebih dari sekali; muat ulang tabel isian"))
    for r in baris:
        ind = kode.get(r.indikator_id)
        if ind is None:
            masalah.append((str(r.indikator_id), "indikator ini bukan milik unit Anda"))
            continue
        h = periksa(ind, form.periode["triwulan"], r.nilai, r.catatan, sk)
        for g in h.galat + (h.penghalang if ajukan else []):
            masalah.append((ind.kode, g))
        if berkas and r.indikator_id in berkas:
            continue
        try:
            isi = bukti.bukti_ketik(teks(r.bukti), form.bukti_tersimpan.get(r.indikator_id))
        except ValueError as exc:
            masalah.append((ind.kode, str(exc)))
            continue
        if isi is not None and len(isi) > PANJANG_CATATAN:
            masalah.append(
                (ind.kode, f"bukti dukung terlalu panjang (maksimal {PANJANG_CATATAN:,} karakter)")
            )
    return masalah


def _bukti_baris(form: FormEntri, r: BarisSimpan, berkas: dict[int, str] | None) -> str | None:
    """The evidence a checked row stores: an upload's reference, or the typed text (the label
    of an uploaded file keeps that file)."""
    if berkas and r.indikator_id in berkas:
        return berkas[r.indikator_id]
    return bukti.bukti_ketik(teks(r.bukti), form.bukti_tersimpan.get(r.indikator_id))


def simpan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    baris: list[BarisSimpan],
    sumber: str = "entri",
) -> int:
    """Save a draft: check every row, then write the changed ones in one transaction.
    Returns the number of rows changed. Only what cannot be stored refuses a draft (not a
    number, beyond the bounds, too long, a typed file reference); the rules that block a
    submission are checked by `ajukan`."""
    return _simpan(cur, akses, periode_id, unit_id, baris, sumber)


def _pesan_terkunci(status: str) -> str:
    return (
        f"Data sudah {alur.LABEL_STATUS[status].lower()} dan terkunci; "
        "tunggu dikembalikan, atau ajukan perbaikan bila sudah disahkan."
    )


@dataclass
class _Rencana:
    """What a checked save writes: changed rows (with the version they were loaded at), new
    rows, the value history, and the files of uploads to write with them."""

    ubah: list[tuple] = field(default_factory=list)
    baru: list[tuple] = field(default_factory=list)
    riwayat: list[tuple] = field(default_factory=list)
    berkas: dict[str, bytes] = field(default_factory=dict)  # reference -> content

    @property
    def jumlah(self) -> int:
        return len(self.ubah) + len(self.baru)


def _cek_draf(
    cur: duckdb.DuckDBPyConnection, form: FormEntri, periode_id: int, unit_id: int
) -> None:
    """A draft can be written only while the period is open for the unit and not submitted."""
    if not svc_periode.terbuka_untuk(cur, periode_id, unit_id):
        raise ValueError(
            "Periode ini sudah ditutup untuk unit Anda; minta Pengelola Monev "
            "membukanya kembali bila perlu perbaikan."
        )
    if alur.terkunci(form.status):
        raise ValueError(_pesan_terkunci(form.status))


def _rencana(
    form: FormEntri, baris: list[BarisSimpan], berkas: dict[int, str] | None = None
) -> _Rencana:
    """The writes of rows already checked (`_periksa_semua`): a row equal to the store is left
    out; a row loaded as existing that is gone since is a conflict."""
    lama = _isi_sekarang(form)
    rencana = _Rencana()
    for r in baris:
        nilai = parse_angka(r.nilai)
        isi = (nilai, teks(r.catatan), _bukti_baris(form, r, berkas))
        sebelum = lama.get(r.indikator_id)
        if sebelum is not None:
            if sebelum == isi:
                continue
            rencana.ubah.append((r.indikator_id, *isi, -1 if r.versi is None else r.versi))
        elif any(v is not None for v in isi):
            if r.versi is not None:  # loaded as existing, gone or replaced since
                raise KonflikData(_pesan_konflik())
            rencana.baru.append((r.indikator_id, *isi))
        else:
            continue
        nilai_lama = sebelum[0] if sebelum else None
        if nilai_lama != nilai:
            rencana.riwayat.append((r.indikator_id, nilai_lama, nilai, isi[1]))
    return rencana


def _tulis(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    form: FormEntri,
    periode_id: int,
    rencana: _Rencana,
    sumber: str,
) -> int:
    """Inside the caller's transaction: claim the draft, write the rows, their history and the
    event, then the upload files (last: a failed row write leaves no file)."""
    p, unit_id = form.periode, form.unit_id
    kolom = ["indikator_id", "nilai", "catatan", "bukti"]
    # the draft check runs inside the write's transaction: a submission locked after the
    # checks either makes this claim fail or conflicts with it
    pid = _pastikan_pengajuan(cur, periode_id, unit_id)
    if not cur.execute(
        store.sql("pengajuan_kunci_draf"), {"pengajuan_id": pid, "status_draf": alur.DRAF}
    ).fetchone():
        raise ValueError(_pesan_terkunci(status_pengajuan(cur, periode_id, unit_id)))
    if rencana.ubah:
        n = _massal(
            cur,
            "realisasi_update_massal",
            pd.DataFrame(rencana.ubah, columns=[*kolom, "versi"]),
            {"username": akses.username, "tahun": p["tahun"], "triwulan": p["triwulan"]},
        )
        if n != len(rencana.ubah):  # someone saved some of these rows after they were loaded
            raise KonflikData(_pesan_konflik())
    if rencana.baru:
        _massal(
            cur,
            "realisasi_insert_massal",
            pd.DataFrame(rencana.baru, columns=kolom),
            {"tahun": p["tahun"], "triwulan": p["triwulan"], "username": akses.username},
        )
    if rencana.riwayat:
        _massal(
            cur,
            "riwayat_insert_massal",
            pd.DataFrame(
                rencana.riwayat, columns=["indikator_id", "nilai_lama", "nilai_baru", "catatan"]
            ),
            {
                "tahun": p["tahun"],
                "triwulan": p["triwulan"],
                "sumber": sumber,
                "username": akses.username,
            },
        )
    store.log_event(
        cur,
        "realisasi_disimpan",
        pengguna=akses.username,
        peran="staf_bidang",
        objek="pengajuan",
        objek_id=alur.objek_periode_unit(periode_id, unit_id),
        catatan=f"{rencana.jumlah} baris ({sumber})",
    )
    for ref, isi in rencana.berkas.items():
        bukti.tulis_berkas(ref, isi)
    return pid


@contextmanager
def _transaksi(
    cur: duckdb.DuckDBPyConnection, periode_id: int, unit_id: int, rencana: _Rencana, konflik: str
) -> Iterator[None]:
    """One write of a unit's submission: its lock and one transaction; a conflict reads as
    `konflik`, and on any failure the upload files written in it are removed again (their
    records were rolled back)."""
    try:
        with store.kunci(kunci_pengajuan(periode_id, unit_id)), store.transaction(cur):
            yield
    except BaseException as exc:
        for ref in rencana.berkas:
            bukti.hapus_berkas(ref)
        if isinstance(exc, store.GALAT_KONFLIK):
            raise KonflikData(konflik) from exc
        raise


def _simpan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    baris: list[BarisSimpan],
    sumber: str = "entri",
    berkas: dict[int, tuple[str, bytes]] | None = None,
) -> int:
    """`simpan`, where `berkas` holds the uploads of the service itself (indicator ->
    (reference, content), the only way a file reference enters a record): every check first,
    then one transaction that writes the rows and the files."""
    instansi_id = _cek_tulis(cur, akses, unit_id)
    form = _form_draf(cur, akses, periode_id, unit_id)
    _cek_draf(cur, form, periode_id, unit_id)
    ref = {i: r for i, (r, _) in (berkas or {}).items()}
    masalah = _periksa_semua(form, baris, svc_capaian.skala(cur, instansi_id), ref)
    if masalah:
        raise ValidasiEntri(masalah)
    rencana = _rencana(form, baris, ref)
    rencana.berkas = {r: isi for r, isi in (berkas or {}).values()}
    with _transaksi(cur, periode_id, unit_id, rencana, _pesan_konflik()):
        versi_data.sentuh_isian(instansi_id)  # a draft: entered values only (§13.6)
        _tulis(cur, akses, form, periode_id, rencana, sumber)
    return rencana.jumlah


def _isi_sekarang(form: FormEntri) -> dict[int, tuple]:
    """Current (nilai, catatan, bukti) per indicator, normalised like the input (the stored
    evidence reference, not its label)."""
    return {
        int(r.indikator_id): (
            None if pd.isna(r.nilai) else float(r.nilai),
            teks(r.catatan),
            form.bukti_tersimpan.get(int(r.indikator_id)),
        )
        for r in bingkai.baris(form.baris)
    }


def _massal(
    cur: duckdb.DuckDBPyConnection, query: str, df: pd.DataFrame, params: dict[str, Any]
) -> int:
    """Run a set-based write over the rows of `df`, staged as `_baris` (one statement instead
    of one per row: a 10.000-row import stays within seconds). Returns rows affected."""
    for col in ("nilai", "nilai_lama", "nilai_baru"):
        if col in df:
            df[col] = df[col].astype("Float64")  # None -> NULL, never NaN
    for col in ("catatan", "bukti"):
        if col in df:
            df[col] = df[col].astype("string")
    cur.register("_baris", df)
    try:
        row = cur.execute(store.sql(query), params).fetchone()
    finally:
        cur.unregister("_baris")
    return int(row[0]) if row else 0


def _pesan_konflik() -> str:
    return (
        "Data ini baru saja diubah oleh pengguna lain. Tidak ada yang disimpan; nilai terbaru "
        "sudah dimuat ulang, periksa lalu simpan kembali."
    )


def kunci_pengajuan(periode_id: int, unit_id: int) -> tuple:
    """The in-process lock key of one unit's submission of a period (`store.kunci`): saves,
    the submit and every review step of it take turns."""
    return ("pengajuan", int(periode_id), int(unit_id))


def _pastikan_pengajuan(cur: duckdb.DuckDBPyConnection, periode_id: int, unit_id: int) -> int:
    row = cur.execute(
        store.sql("pengajuan_unit"), {"periode_id": periode_id, "unit_id": unit_id}
    ).fetchone()
    if row:
        return int(row[0])
    return int(
        store.satu(
            cur.execute(
                store.sql("pengajuan_insert"), {"periode_id": periode_id, "unit_id": unit_id}
            ).fetchone()
        )[0]
    )


def ajukan(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    baris: list[BarisSimpan] | None = None,
    sekarang: dt.datetime | None = None,
) -> int:
    """Submit the unit's quarter with the rows typed but not saved yet (`baris`, as `simpan`
    takes them), in one transaction: every indicator filled and passing its checks once those
    rows are in. Any check failing writes nothing, the typed rows included (they stay on the
    form). Returns the number of rows the submission saved."""
    instansi_id = _cek_tulis(cur, akses, unit_id)
    form = form_entri(cur, akses, periode_id, unit_id)
    if not svc_periode.terbuka_untuk(cur, periode_id, unit_id):
        raise ValueError("Periode ini sudah ditutup untuk unit Anda.")
    alur.transisi(form.status, "ajukan", akses.peran)
    sk = svc_capaian.skala(cur, instansi_id)
    baris = baris or []
    masalah = _periksa_semua(form, baris, sk)
    if masalah:  # what could not even be kept in a draft
        raise ValidasiEntri(masalah, "diajukan")
    rencana = _rencana(form, baris)
    isi = {i: (v[0], v[1]) for i, v in _isi_sekarang(form).items()}
    isi.update({r.indikator_id: (parse_angka(r.nilai), teks(r.catatan)) for r in baris})
    milik = {x.indikator_id for x in form.indikator}
    kosong = [i.kode for i in form.indikator if isi.get(i.indikator_id, (None,))[0] is None]
    masalah = _periksa_semua(
        form,
        [BarisSimpan(i, nilai, catatan) for i, (nilai, catatan) in isi.items() if i in milik],
        sk,
        ajukan=True,
    )
    if kosong:  # every reason at once, not one after the other
        pesan = "Belum lengkap; realisasi belum diisi untuk: " + ", ".join(kosong) + "."
        if masalah:
            pesan += " Perlu diperbaiki juga: " + "; ".join(f"{k}: {m}" for k, m in masalah)
        raise ValidasiEntri([(k, "realisasi belum diisi") for k in kosong] + masalah, pesan=pesan)
    if masalah:
        raise ValidasiEntri(masalah, "diajukan")
    sekarang = sekarang or config.sekarang()
    terlambat = sekarang.date() > form.periode["tenggat"]
    konflik = "Pengajuan ini baru saja diproses atau disimpan pengguna lain; muat ulang."
    step = alur.langkah(alur.DRAF, "ajukan")
    with _transaksi(cur, periode_id, unit_id, rencana, konflik):
        versi_data.sentuh_instansi(instansi_id)
        if baris:
            pid = _tulis(cur, akses, form, periode_id, rencana, "entri")
        else:
            pid = _pastikan_pengajuan(cur, periode_id, unit_id)
        res = cur.execute(
            store.sql("pengajuan_transisi"),
            {
                "ke": step.ke,
                "waktu": sekarang,
                "pengajuan_id": pid,
                "dari": step.dari,
                "versi": None,
            },
        ).fetchone()
        if not res:
            raise KonflikData(konflik)
        cur.execute(
            store.sql("pengajuan_diajukan"),
            {
                "username": akses.username,
                "sekarang": sekarang,
                "terlambat": terlambat,
                "pengajuan_id": pid,
            },
        )
        pelaksanaan.pastikan_run(cur, "pengajuan", pid)
        store.log_event(
            cur,
            "transisi",
            pengguna=akses.username,
            peran="staf_bidang",
            objek="pengajuan",
            objek_id=pid,
            dari=step.dari,
            ke=step.ke,
            catatan="terlambat" if terlambat else None,
        )
    return rencana.jumlah


@dataclass(frozen=True)
class Pengembalian:
    """A submission returned to its unit, waiting for the unit to fix and resubmit it: why,
    by whom (full name and role code) and when (the agency's clock, as events are stored)."""

    periode_id: int
    tahun: int
    triwulan: int
    alasan: str | None
    oleh: str
    peran: str
    waktu: dt.datetime


def pengembalian(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int
) -> Pengembalian | None:
    """The return the unit's submission of the period is waiting on; None when it was never
    returned or has been submitted again since. Read by whoever may read the unit."""
    _, p = _periode_unit(cur, akses, periode_id, unit_id)
    row = cur.execute(
        store.sql("pengajuan_pengembalian"), {"periode_id": periode_id, "unit_id": unit_id}
    ).fetchone()
    if not row:
        return None
    status, waktu, username, nama, peran, dari, ke, alasan = row
    if status != alur.DRAF or (dari, ke) != (alur.DIAJUKAN, alur.DRAF):
        return None
    return Pengembalian(
        periode_id, p["tahun"], p["triwulan"], teks(alasan), nama or username, peran, waktu
    )


def pengembalian_unit(
    cur: duckdb.DuckDBPyConnection, akses: Akses, unit_id: int
) -> list[Pengembalian]:
    """Every return the unit is waiting on, over the periods it can still enter."""
    daftar = svc_periode.periode_entri(cur, akses, unit_id)
    hasil = (pengembalian(cur, akses, int(pid), unit_id) for pid in daftar["id"])
    return [h for h in hasil if h is not None]


def riwayat_nilai(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int, tahun: int, triwulan: int
) -> pd.DataFrame:
    """Every change of one value (entry, import, correction), oldest first."""
    lokasi.baca_indikator(cur, akses, indikator_id)
    return store.fetch_df(
        cur, "riwayat_nilai", {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan}
    )


def template_excel(
    cur: duckdb.DuckDBPyConnection, akses: Akses, periode_id: int, unit_id: int
) -> bytes:
    form = form_entri(cur, akses, periode_id, unit_id)
    unit, instansi = store.satu(
        cur.execute(store.sql("unit_nama"), {"unit_id": unit_id}).fetchone()
    )
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
    instansi_id = _cek_tulis(cur, akses, unit_id)
    form = form_entri(cur, akses, periode_id, unit_id)
    rows, masalah = baca_template(data, form, svc_capaian.skala(cur, instansi_id), progress)
    if not svc_periode.terbuka_untuk(cur, periode_id, unit_id):
        masalah.insert(0, MasalahImpor(0, "-", "Periode ini sudah ditutup untuk unit Anda."))
    if alur.terkunci(form.status):
        masalah.insert(0, MasalahImpor(0, "-", "Data periode ini sudah diajukan dan terkunci."))
    lama = _isi_sekarang(form)
    nama = {i.indikator_id: i.nama for i in form.indikator}
    perubahan = []
    for r in rows:
        try:
            r.bukti = bukti.bukti_ketik(r.bukti, form.bukti_tersimpan.get(r.indikator_id))
        except ValueError as exc:
            masalah.append(MasalahImpor(0, "Bukti dukung", f"{r.kode}: {exc}"))
        lama_nilai = lama.get(r.indikator_id, (None,))[0]
        if lama.get(r.indikator_id, (None, None, None)) != (r.nilai, r.catatan, r.bukti):
            perubahan.append(
                {
                    "indikator_id": r.indikator_id,
                    "kode": r.kode,
                    "indikator": nama[r.indikator_id],
                    "nilai_lama": lama_nilai,
                    "nilai_baru": r.nilai,
                    "catatan_baru": r.catatan,
                    "bukti_baru": bukti.label(r.bukti) or None,
                    "versi": r.versi,
                    "penghalang": "; ".join(r.penghalang) or None,
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
        for r in bingkai.baris(perubahan)
    ]
    return simpan(cur, akses, periode_id, unit_id, baris, sumber="impor")


def unggah_bukti(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    periode_id: int,
    unit_id: int,
    indikator_id: int,
    nama: str,
    isi: bytes,
) -> int:
    """Store an uploaded evidence file for one indicator of the unit's draft and record it with
    the stored value and note; the only way a file reference enters a realisation. The file is
    written only once every check has passed, inside the write's transaction, and removed
    again if that transaction fails."""
    _cek_tulis(cur, akses, unit_id)
    form = _form_draf(cur, akses, periode_id, unit_id)
    if indikator_id not in {i.indikator_id for i in form.indikator}:
        raise AksesDitolak("Indikator ini bukan milik unit Anda.")
    _cek_draf(cur, form, periode_id, unit_id)
    ref = bukti.rujukan_baru(unit_id, form.periode["tahun"], form.periode["triwulan"], nama, isi)
    sekarang = form.baris.set_index("indikator_id")
    if indikator_id in sekarang.index:
        r = sekarang.loc[indikator_id]
        baris = BarisSimpan(
            indikator_id,
            None if pd.isna(r["nilai"]) else float(r["nilai"]),
            teks(r["catatan"]),
            ref,
            int(r["versi"]),
        )
    else:
        baris = BarisSimpan(indikator_id, None, None, ref)
    return _simpan(cur, akses, periode_id, unit_id, [baris], berkas={indikator_id: (ref, isi)})


def berkas_bukti(
    cur: duckdb.DuckDBPyConnection, akses: Akses, indikator_id: int, tahun: int, triwulan: int
) -> tuple[str, bytes] | None:
    """The evidence file of one value (file name, content), for a caller who may read that
    value. The reference is looked up from the record, never taken from the client, and only
    a file inside the folder of the indicator's own unit is served."""
    _, unit_id = lokasi.baca_indikator(cur, akses, indikator_id)
    row = cur.execute(
        store.sql("realisasi_bukti"),
        {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan},
    ).fetchone()
    path = bukti.path_berkas(row[0] if row else None, unit_id)
    return None if path is None else (path.name, path.read_bytes())
