"""Perjanjian Kinerja of an instansi and year (docs/DOMAIN.md §9.13): who signs it (set by an
admin, kept per instansi and year in `pengaturan`, key `perjanjian_kinerja:<tahun>`) and the
document as PDF or DOCX. Read by the roles that see the whole instansi; a staf bidang's view is
one unit, and the agreement is the instansi's. No Streamlit here."""

from __future__ import annotations

import datetime as dt
import re

import duckdb

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import config, formats, store, versi_data
from dashboard.inti.dokumen import Kop
from dashboard.laporan.layanan_laporan import MIME, Dokumen
from dashboard.rencana import perjanjian_kinerja as pk

MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TAHUN_MIN, TAHUN_MAKS = 2000, 2100


def kunci(tahun: int) -> str:
    return f"perjanjian_kinerja:{int(tahun)}"


def _cek_baca(akses: Akses, instansi_id: int) -> None:
    akses.cek_instansi(instansi_id)
    if not akses.seluruh_instansi:
        raise AksesDitolak(
            "Perjanjian Kinerja adalah dokumen instansi; hanya Administrator, Kepala Dinas, "
            "Sekretaris dan Pengelola Monev yang dapat membukanya."
        )


def _tahun(tahun: int) -> int:
    if not TAHUN_MIN <= int(tahun) <= TAHUN_MAKS:
        raise ValueError(f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.")
    return int(tahun)


def _instansi(cur: duckdb.DuckDBPyConnection, instansi_id: int) -> dict:
    df = store.fetch_df(cur, "instansi_kop", {"instansi_id": instansi_id})
    if df.empty:
        raise ValueError("Instansi tidak ditemukan.")
    return df.iloc[0].to_dict()


def bawaan(ins: dict, tahun: int) -> pk.PengaturanPk:
    """Before an admin sets them: the head of the instansi as pihak pertama, the head of the
    pemda's jabatan (name still empty) as pihak kedua, the instansi's city, today's date."""
    hari_ini = config.hari_ini()
    return pk.PengaturanPk(
        pertama=pk.Pihak(
            formats.teks(ins.get("kepala_nama")) or "",
            formats.teks(ins.get("kepala_jabatan")) or "",
            formats.teks(ins.get("kepala_nip")),
        ),
        kedua=pk.Pihak("", pk.jabatan_kepala_daerah(str(ins.get("pemda") or "")), None),
        kota=formats.teks(ins.get("kota")) or "",
        tanggal=hari_ini if hari_ini.year == tahun else dt.date(tahun, 1, 2),
    )


def pengaturan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> tuple[pk.PengaturanPk, bool]:
    """(the signers of the year's agreement, whether an admin saved them)."""
    _cek_baca(akses, instansi_id)
    tahun = _tahun(tahun)
    row = cur.execute(
        store.sql("pengaturan_get"), {"instansi_id": instansi_id, "kunci": kunci(tahun)}
    ).fetchone()
    if row:
        return pk.PengaturanPk.dari_json(row[0]), True
    return bawaan(_instansi(cur, instansi_id), tahun), False


def simpan_pengaturan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int, isian: dict
) -> pk.PengaturanPk:
    """Save the signers of one instansi's agreement of one year (admin only), with its event,
    in one transaction."""
    akses.wajib("admin")
    akses.cek_instansi(instansi_id)
    tahun = _tahun(tahun)
    _instansi(cur, instansi_id)
    baru = pk.pengaturan_dari_isian(isian)
    with store.transaction(cur):
        versi_data.sentuh_instansi(instansi_id)
        cur.execute(
            store.sql("pengaturan_instansi_hapus"),
            {"instansi_id": instansi_id, "kunci": kunci(tahun)},
        )
        cur.execute(
            store.sql("pengaturan_instansi_insert"),
            {"instansi_id": instansi_id, "kunci": kunci(tahun), "nilai": baru.ke_json()},
        )
        store.log_event(
            cur,
            "pengaturan_diubah",
            pengguna=akses.username,
            peran="admin",
            objek="instansi",
            objek_id=instansi_id,
            ke=kunci(tahun),
        )
    return baru


def susun(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> pk.PerjanjianKinerja:
    """The agreement's content: the IKU / PK indicators with a target of the year, the pagu
    per program, the signers."""
    atur, _ = pengaturan(cur, akses, instansi_id, tahun)
    ins = _instansi(cur, instansi_id)
    ind = store.fetch_df(cur, "pk_indikator", {"instansi_id": instansi_id, "tahun": tahun})
    if ind.empty:
        raise ValueError(
            f"Belum ada indikator IKU atau PK dengan target tahunan {tahun}; isi target "
            "tahunannya di halaman Indikator dan target atau lewat workbook rencana."
        )
    program = store.fetch_df(
        cur, "pk_anggaran_program", {"instansi_id": instansi_id, "tahun": tahun}
    )
    kode = re.sub(r"[^A-Za-z0-9._-]+", "_", str(ins["kode"]))
    return pk.susun(tahun, Kop.dari_instansi(ins), kode, atur, ind, program)


def dokumen_pk(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int, format: str
) -> Dokumen:
    """The agreement as PDF or DOCX."""
    if format not in ("pdf", "docx"):
        raise ValueError("Format Perjanjian Kinerja harus pdf atau docx.")
    isi = susun(cur, akses, instansi_id, tahun)
    data = pk.pk_pdf(isi) if format == "pdf" else pk.pk_docx(isi)
    mime = MIME["pdf"] if format == "pdf" else MIME_DOCX
    return Dokumen(f"{isi.nama_berkas}.{format}", mime, data)
