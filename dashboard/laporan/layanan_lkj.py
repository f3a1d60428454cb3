"""Penyusunan Laporan Kinerja and Balangan's semester / annual reports, performed in the app
(docs/DOMAIN.md §9.7, §9.10). Every act is checked here, by record (the caller's role and
instansi), runs in one transaction and writes its event there (the SOP runs time their steps
from these events, docs/DOMAIN.md §8.6).

LKj: jenis 'transisi', objek 'lkj', objek_id '<instansi_id>:<tahun>', dari/ke the states of
`dashboard.laporan.lkj`. Reports: 'laporan_semester_disusun' / 'laporan_tahunan_disusun', objek
'laporan_berkala', objek_id '<instansi_id>:<tahun>:S1|S2|TH'.

The documents are the report service's (letterhead, tables, signature block) and count signed
data only; the signed LKj and each composed report are kept as they were made, so what was
signed and sent can be downloaded again unchanged whatever happens to the data later."""

from __future__ import annotations

import base64
import hashlib
import json

import duckdb
import pandas as pd

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.inti import config, formats, store, versi_data
from dashboard.inti.store import KonflikData
from dashboard.laporan import berkala, lkj
from dashboard.laporan import layanan_laporan as svc_laporan
from dashboard.laporan.data import Permintaan
from dashboard.laporan.layanan_laporan import MIME, Dokumen
from dashboard.review import alur

PERAN_BACA = ("pengelola_monev", "sekretaris", "kadis", "admin")
PERAN_BERKALA = "pengelola_monev"


def objek_lkj(instansi_id: int, tahun: int) -> str:
    return f"{int(instansi_id)}:{int(tahun)}"


def objek_berkala(instansi_id: int, tahun: int, bagian: str) -> str:
    return f"{int(instansi_id)}:{int(tahun)}:{bagian}"


def _cek_baca(akses: Akses, instansi_id: int) -> None:
    akses.wajib(*PERAN_BACA)
    akses.cek_instansi(instansi_id)


def _tahun(tahun: int) -> int:
    if not 2000 <= int(tahun) <= 2100:
        raise ValueError("Tahun harus antara 2000 dan 2100.")
    return int(tahun)


def status_lkj(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> dict | None:
    """The LKj's state (None: not drafted yet), without its documents."""
    _cek_baca(akses, instansi_id)
    df = store.fetch_df(cur, "lkj_get", {"instansi_id": instansi_id, "tahun": _tahun(tahun)})
    return None if df.empty else df.iloc[0].to_dict()


def riwayat_lkj(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> pd.DataFrame:
    """Every act on the LKj, oldest first (the event log)."""
    _cek_baca(akses, instansi_id)
    return store.fetch_df(cur, "lkj_riwayat", {"objek_id": objek_lkj(instansi_id, tahun)})


def _permintaan(instansi_id: int, tahun: int) -> Permintaan:
    """The LKj document: the annual report (chapter III tables), signed data only, dated by
    the agency's clock, signed by the head of the instansi on record."""
    return Permintaan(
        "tahunan", instansi_id, tahun, termasuk_belum_sah=False, tanggal=config.hari_ini()
    )


def dokumen_konsep(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int, format: str
) -> Dokumen:
    """The LKj as it would read now (the draft under review), from the signed data."""
    _cek_baca(akses, instansi_id)
    return svc_laporan.dokumen_laporan(cur, akses, _permintaan(instansi_id, tahun), format)


def _b64(isi: bytes) -> str:
    return base64.b64encode(isi).decode("ascii")


def jalankan_lkj(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    aksi: str,
    versi: int | None,
    alasan: str | None = None,
    tujuan: str | None = None,
) -> str:
    """One act on the LKj (`dashboard.laporan.lkj.ALUR`); returns the new state. `versi` is the
    version the caller saw (None for the first draft): a stale page changes nothing.
    Signing freezes the PDF and Excel of the report as signed; sending records where to."""
    akses.cek_instansi(instansi_id)
    tahun = _tahun(tahun)
    kop = store.fetch_df(cur, "instansi_kop", {"instansi_id": instansi_id})
    if kop.empty:
        raise AksesDitolak("Instansi tidak ditemukan.")
    alasan = (alasan or "").strip() or None
    tujuan = (tujuan or "").strip() or None
    if aksi == "kirim" and not tujuan:
        tujuan = lkj.tujuan_bawaan(str(kop.iloc[0]["pemda"]))
    if tujuan and len(tujuan) > 300:
        raise ValueError("Tujuan pengiriman paling panjang 300 karakter.")
    if alasan and len(alasan) > 2000:
        raise ValueError("Alasan paling panjang 2.000 karakter.")
    dokumen = None
    with store.kunci(("lkj", instansi_id, tahun)):
        now = store.fetch_df(cur, "lkj_get", {"instansi_id": instansi_id, "tahun": tahun})
        ada = None if now.empty else now.iloc[0]
        status = None if ada is None else str(ada["status"])
        dikembalikan = False if ada is None else bool(ada["dikembalikan"])
        step = lkj.transisi(status, aksi, akses.peran, dikembalikan, alasan)
        if ada is not None and versi is not None and int(ada["versi"]) != int(versi):
            raise KonflikData("LKj ini baru saja diproses pengguna lain; data dimuat ulang.")
        if ada is not None and versi is None and aksi != "susun":
            raise KonflikData("LKj ini baru saja disusun pengguna lain; data dimuat ulang.")
        if aksi == "susun":  # the draft must be compilable from the data
            svc_laporan.susun_laporan(cur, akses, _permintaan(instansi_id, tahun))
        if aksi == "tandatangani":  # rendered before the transaction: it reads a lot
            p = _permintaan(instansi_id, tahun)
            pdf = svc_laporan.dokumen_laporan(cur, akses, p, "pdf")
            xlsx = svc_laporan.dokumen_laporan(cur, akses, p, "xlsx")
            dokumen = (pdf, xlsx)
        try:
            _tulis_lkj(cur, akses, instansi_id, tahun, aksi, step, ada, dokumen, alasan, tujuan)
        except store.GALAT_KONFLIK as exc:
            raise KonflikData(
                "LKj ini baru saja diproses pengguna lain; data dimuat ulang."
            ) from exc
    return step.ke


def _tulis_lkj(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    aksi: str,
    step: lkj.LangkahLkj,
    ada: pd.Series | None,
    dokumen: tuple[Dokumen, Dokumen] | None,
    alasan: str | None,
    tujuan: str | None,
) -> None:
    """The act's row change and its event, in one transaction."""
    sekarang = config.sekarang()
    status = None if ada is None else str(ada["status"])
    with store.transaction(cur):
        if ada is None:
            ok = cur.execute(
                store.sql("lkj_insert"),
                {
                    "instansi_id": instansi_id,
                    "tahun": tahun,
                    "username": akses.username,
                    "sekarang": sekarang,
                },
            ).fetchone()
        elif aksi == "tandatangani":
            if dokumen is None:
                raise ValueError("Penandatanganan memerlukan dokumen PDF dan Excel.")
            pdf, xlsx = dokumen
            ok = cur.execute(
                store.sql("lkj_tandatangan"),
                {
                    "instansi_id": instansi_id,
                    "tahun": tahun,
                    "versi": int(ada["versi"]),
                    "nama_berkas": pdf.nama_berkas.rsplit(".", 1)[0],
                    "dokumen_pdf": _b64(pdf.isi),
                    "dokumen_xlsx": _b64(xlsx.isi),
                    "sha256_pdf": hashlib.sha256(pdf.isi).hexdigest(),
                    "username": akses.username,
                    "sekarang": sekarang,
                },
            ).fetchone()
        elif aksi == "kirim":
            ok = cur.execute(
                store.sql("lkj_kirim"),
                {
                    "instansi_id": instansi_id,
                    "tahun": tahun,
                    "versi": int(ada["versi"]),
                    "tujuan": tujuan,
                    "username": akses.username,
                    "sekarang": sekarang,
                },
            ).fetchone()
        else:
            kembali = aksi == "kembalikan"
            ok = cur.execute(
                store.sql("lkj_transisi"),
                {
                    "instansi_id": instansi_id,
                    "tahun": tahun,
                    "versi": int(ada["versi"]),
                    "ke": step.ke,
                    "username": akses.username,
                    "sekarang": sekarang,
                    "kembali": kembali,
                    "alasan": alasan if kembali else None,
                },
            ).fetchone()
        if not ok:
            raise KonflikData("LKj ini baru saja diproses pengguna lain; data dimuat ulang.")
        store.log_event(
            cur,
            "transisi",
            pengguna=akses.username,
            peran=step.peran,
            objek="lkj",
            objek_id=objek_lkj(instansi_id, tahun),
            dari=status,
            ke=step.ke,
            catatan=alasan if aksi == "kembalikan" else tujuan,
            data=json.dumps({"aksi": aksi}),
        )
        versi_data.sentuh_instansi(instansi_id)


def dokumen_lkj(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int, format: str
) -> Dokumen:
    """The LKj as signed (PDF or Excel), byte for byte what was frozen at signing."""
    _cek_baca(akses, instansi_id)
    if format not in MIME:
        raise ValueError("Format dokumen harus pdf atau xlsx.")
    row = store.fetch_all(cur, "lkj_dokumen", {"instansi_id": instansi_id, "tahun": _tahun(tahun)})
    if not row:
        raise ValueError("LKj tahun ini belum ditandatangani; belum ada dokumen final.")
    nama, pdf, xlsx, _ = row[0]
    isi = base64.b64decode(pdf if format == "pdf" else xlsx)
    return Dokumen(f"{nama}-ditandatangani.{format}", MIME[format], isi)


# --- Balangan: semester and annual reports -------------------------------------------------


def status_triwulan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> dict[int, berkala.StatusTriwulan]:
    """Per quarter with a period: units reporting and units signed."""
    _cek_baca(akses, instansi_id)
    return {
        int(q): berkala.StatusTriwulan(int(q), True, int(u), int(d))
        for q, u, d in store.fetch_all(
            cur,
            "berkala_triwulan",
            {"instansi_id": instansi_id, "tahun": _tahun(tahun), "status_disahkan": alur.DISAHKAN},
        )
    }


def daftar_berkala(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int
) -> pd.DataFrame:
    """The semester and annual reports composed for the year (without their documents)."""
    _cek_baca(akses, instansi_id)
    return store.fetch_df(cur, "berkala_list", {"instansi_id": instansi_id, "tahun": _tahun(tahun)})


def _permintaan_berkala(instansi_id: int, tahun: int, bagian: str) -> Permintaan:
    if bagian == "TH":
        return Permintaan(
            "tahunan", instansi_id, tahun, termasuk_belum_sah=False, tanggal=config.hari_ini()
        )
    return Permintaan(
        "semester",
        instansi_id,
        tahun,
        1 if bagian == "S1" else 2,
        termasuk_belum_sah=False,
        tanggal=config.hari_ini(),
    )


def susun_berkala(
    cur: duckdb.DuckDBPyConnection, akses: Akses, instansi_id: int, tahun: int, bagian: str
) -> str:
    """Compose a semester report from its two signed quarters, or the annual report from the
    two semester reports (`dashboard.laporan.berkala.kurang` says what is missing), keep its PDF and
    Excel, and write the event. Composing again replaces the kept documents."""
    akses.wajib(PERAN_BERKALA)
    akses.cek_instansi(instansi_id)
    tahun = _tahun(tahun)
    if bagian not in berkala.BAGIAN:
        raise ValueError("Bagian laporan harus S1, S2 atau TH.")
    tersusun = set(daftar_berkala(cur, akses, instansi_id, tahun)["bagian"])
    kurang = berkala.kurang(bagian, status_triwulan(cur, akses, instansi_id, tahun), tersusun)
    if kurang:
        raise ValueError(berkala.pesan_kurang(bagian, kurang))
    p = _permintaan_berkala(instansi_id, tahun, bagian)
    pdf = svc_laporan.dokumen_laporan(cur, akses, p, "pdf")
    xlsx = svc_laporan.dokumen_laporan(cur, akses, p, "xlsx")
    with store.transaction(cur):
        cur.execute(
            store.sql("berkala_simpan"),
            {
                "instansi_id": instansi_id,
                "tahun": tahun,
                "bagian": bagian,
                "nama_berkas": pdf.nama_berkas.rsplit(".", 1)[0],
                "dokumen_pdf": _b64(pdf.isi),
                "dokumen_xlsx": _b64(xlsx.isi),
                "username": akses.username,
                "disusun_pada": config.sekarang(),
            },
        )
        store.log_event(
            cur,
            berkala.jenis_event(bagian),
            pengguna=akses.username,
            peran=PERAN_BERKALA,
            objek="laporan_berkala",
            objek_id=objek_berkala(instansi_id, tahun, bagian),
            ke=bagian,
            catatan=f"{berkala.LABEL_BAGIAN[bagian]} {formats.nama_tahun(tahun)}",
        )
        versi_data.sentuh_instansi(instansi_id)
    return pdf.nama_berkas


def dokumen_berkala(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    instansi_id: int,
    tahun: int,
    bagian: str,
    format: str,
) -> Dokumen:
    """A composed report's kept PDF or Excel."""
    _cek_baca(akses, instansi_id)
    if format not in MIME:
        raise ValueError("Format dokumen harus pdf atau xlsx.")
    row = store.fetch_all(
        cur,
        "berkala_dokumen",
        {"instansi_id": instansi_id, "tahun": _tahun(tahun), "bagian": bagian},
    )
    if not row:
        raise ValueError(f"Laporan {berkala.LABEL_BAGIAN.get(bagian, bagian)} belum disusun.")
    nama, pdf, xlsx = row[0]
    return Dokumen(
        f"{nama}.{format}", MIME[format], base64.b64decode(pdf if format == "pdf" else xlsx)
    )
