"""SOP registry: list, detail and revisions; import (YAML or Excel), edit and publish a revision;
the admin's manual mutu baku values; the working calendar."""

from __future__ import annotations

import datetime as dt
import io
import json

import duckdb
import pandas as pd
import yaml

from dashboard.akun.akses import Akses
from dashboard.inti import bingkai, store, versi_data
from dashboard.inti.formats import teks
from dashboard.laporan import lkj
from dashboard.periode.kalender import Kalender, dari_pengaturan
from dashboard.review import alur
from dashboard.sop import sop as sop_lib
from dashboard.sop.mutu_baku import (
    HARI_KALENDER,
    HARI_KERJA,
    MENIT_KERJA,
    MutuBakuWaktu,
    parse_waktu,
)

BASIS = (MENIT_KERJA, HARI_KERJA, HARI_KALENDER)
KOLOM_LANGKAH = ["no", "aktivitas", "pelaksana", "kelengkapan", "waktu", "output", "keterangan"]
KUNCI_HEADER = [
    "kode",
    "nomor",
    "nama",
    "instansi",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    "dasar_hukum",
    "keterkaitan",
    "peringatan",
    "kualifikasi_pelaksana",
    "peralatan",
    "pencatatan",
    "pelaksana",
]
DAFTAR = {
    "dasar_hukum",
    "keterkaitan",
    "kualifikasi_pelaksana",
    "peralatan",
    "pencatatan",
    "pelaksana",
}


# The columns of one sop_pemetaan row, in the order its rows are built here.
_KOLOM_PEMETAAN = (
    "sop_kode",
    "urutan",
    "cara",
    "mulai_jenis",
    "mulai_objek",
    "mulai_ke",
    "selesai_jenis",
    "selesai_objek",
    "selesai_ke",
)


def daftar_sop(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every SOP at its latest revision, with the number of revisions."""
    return store.fetch_df(cur, "sop_list")


def kode_dipakai(cur: duckdb.DuckDBPyConnection, instansi_id: int | None = None) -> set[str]:
    """The SOPs the app runs and times for an instansi (None: any instansi): those adopted,
    and the defaults of a procedure without adoption, whatever agency name their document
    carries."""
    adopsi = store.fetch_df(cur, "sop_adopsi_semua")
    if instansi_id is not None:
        adopsi = adopsi[adopsi["instansi_id"] == instansi_id]
    bawaan = {
        "pengumpulan": "dpk_kalbar_pengumpulan_data_kinerja",
        "perbaikan": "dpk_kalbar_perbaikan_data_kinerja",
    }
    if instansi_id is None:
        return set(adopsi["sop_kode"]) | set(bawaan.values())
    dipilih = set(adopsi["prosedur"])
    return set(adopsi["sop_kode"]) | {k for p, k in bawaan.items() if p not in dipilih}


def revisi(cur: duckdb.DuckDBPyConnection, kode: str) -> pd.DataFrame:
    return store.fetch_df(cur, "sop_revisi", {"kode": kode})


def detail(cur: duckdb.DuckDBPyConnection, sop_id: int) -> tuple[dict, pd.DataFrame]:
    """Header (lists decoded) and steps with the effective standard of each."""
    df = store.fetch_df(cur, "sop_get", {"sop_id": sop_id})
    if df.empty:
        raise ValueError("SOP tidak ditemukan.")
    header = df.iloc[0].to_dict()
    for k in DAFTAR:
        header[k] = json.loads(header[k] or "[]")
    langkah = store.fetch_df(cur, "sop_langkah_list", {"sop_id": sop_id})
    langkah["pelaksana"] = langkah["pelaksana"].map(json.loads)
    langkah["standar"] = [waktu_efektif(r) for r in bingkai.baris(langkah)]
    return header, langkah


def waktu_efektif(r) -> MutuBakuWaktu:
    """The admin's value where set, else the parsed text."""
    if getattr(r, "manual_basis", None) in BASIS:
        hari = None if pd.isna(r.manual_hari) else float(r.manual_hari)
        menit = None if pd.isna(r.manual_menit) else float(r.manual_menit)
        return MutuBakuWaktu(r.waktu or "", hari, menit, r.manual_basis)
    return parse_waktu(r.waktu)


def impor_yaml(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    teks: str,
    nama_berkas: str,
    catatan: str | None = None,
) -> int:
    """Import an SOP in the shipped YAML format as a new SOP or a new revision of its kode."""
    akses.wajib("admin")
    sop = sop_lib.parse_sop(teks, nama_berkas)
    return _simpan(cur, akses, sop, nama_berkas, catatan)


def _simpan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, sop: sop_lib.Sop, sumber: str, catatan: str | None
) -> int:
    versi_data.sentuh(versi_data.GLOBAL)  # the library is every instansi's (two commits)
    sop_id = sop_lib.save_sop(cur, sop, sumber=sumber)
    with store.transaction(cur):
        cur.execute(
            store.sql("sop_catatan_revisi"),
            {"catatan": (catatan or "").strip() or None, "sop_id": sop_id},
        )
        store.log_event(
            cur,
            "sop_terbit",
            pengguna=akses.username,
            peran="admin",
            objek="sop",
            objek_id=sop_id,
            catatan=f"{sop.kode}: {catatan or sumber}",
        )
    return sop_id


def ke_excel(header: dict, langkah: pd.DataFrame) -> bytes:
    """An SOP as an Excel workbook in the import format (sheet SOP: key/value, Langkah: steps)."""
    buf = io.BytesIO()
    kepala = pd.DataFrame(
        [(k, "\n".join(header[k]) if k in DAFTAR else header.get(k)) for k in KUNCI_HEADER],
        columns=["kunci", "nilai"],
    )
    steps = langkah[KOLOM_LANGKAH].copy()
    steps["pelaksana"] = steps["pelaksana"].map("; ".join)
    # texts stay texts: a step or header starting with "=" never becomes a formula
    opsi = {"options": {"strings_to_formulas": False}}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs=opsi) as xw:
        kepala.to_excel(xw, sheet_name="SOP", index=False)
        steps.to_excel(xw, sheet_name="Langkah", index=False)
        xw.sheets["SOP"].set_column(0, 0, 24)
        xw.sheets["SOP"].set_column(1, 1, 90)
        xw.sheets["Langkah"].set_column(0, 6, 30)
    return buf.getvalue()


def impor_excel(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    data: bytes,
    nama_berkas: str,
    catatan: str | None = None,
) -> int:
    """Import an SOP from an Excel table with the same columns as the YAML format."""
    akses.wajib("admin")
    try:
        lembar = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=object, engine="calamine")
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same answer
        raise sop_lib.SopError(f"{nama_berkas}: bukan berkas Excel yang dapat dibaca.") from exc
    if "SOP" not in lembar or "Langkah" not in lembar:
        raise sop_lib.SopError(f"{nama_berkas}: harus ada lembar 'SOP' dan 'Langkah'.")
    kepala = {str(k).strip(): v for k, v in bingkai.baris(lembar["SOP"].iloc[:, :2])}
    data_sop: dict = {}
    for k in KUNCI_HEADER:
        v = teks(kepala.get(k))
        data_sop[k] = [x.strip() for x in (v or "").splitlines() if x.strip()] if k in DAFTAR else v
    steps = lembar["Langkah"]
    kurang = [k for k in KOLOM_LANGKAH if k not in steps.columns]
    if kurang:
        raise sop_lib.SopError(f"{nama_berkas}: kolom langkah tidak ada: {', '.join(kurang)}")
    data_sop["langkah"] = [
        {
            **{k: teks(r[k]) for k in KOLOM_LANGKAH if k != "pelaksana"},
            "no": teks(r["no"]) or "",
            "pelaksana": [p.strip() for p in (teks(r["pelaksana"]) or "").split(";") if p.strip()],
        }
        for r in bingkai.baris_dict(steps)
        if teks(r["aktivitas"])
    ]
    sop = sop_lib.parse_sop(yaml.safe_dump(data_sop, allow_unicode=True), nama_berkas)
    return _simpan(cur, akses, sop, nama_berkas, catatan)


def terbitkan_revisi(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    sop_id: int,
    header: dict,
    langkah: pd.DataFrame,
    catatan: str,
) -> int:
    """Publish an edited SOP as a new revision; the edited one stays readable, and runs keep the
    revision they ran under."""
    akses.wajib("admin")
    if not (catatan or "").strip():
        raise ValueError("Catatan revisi wajib diisi (apa yang berubah dan mengapa).")
    lama, _ = detail(cur, sop_id)
    data = {k: header.get(k, lama.get(k)) for k in KUNCI_HEADER}
    data["kode"] = lama["kode"]
    data["langkah"] = [
        {
            "no": str(r["no"] or ""),
            "aktivitas": r["aktivitas"],
            "pelaksana": list(r["pelaksana"])
            if not isinstance(r["pelaksana"], str)
            else [p.strip() for p in r["pelaksana"].split(";") if p.strip()],
            **{k: teks(r[k]) for k in ("kelengkapan", "waktu", "output", "keterangan")},
        }
        for r in bingkai.baris_dict(langkah)
    ]
    sop = sop_lib.parse_sop(yaml.safe_dump(data, allow_unicode=True), f"revisi {lama['kode']}")
    return _simpan(cur, akses, sop, f"revisi dari #{sop_id}", catatan)


def tinjau_mutu_baku(cur: duckdb.DuckDBPyConnection, akses: Akses) -> pd.DataFrame:
    """Every step of the latest revisions with its waktu text, the parsed value and the manual
    value: the admin's review table."""
    akses.wajib("admin")
    df = store.fetch_df(cur, "mutu_baku_tinjau")
    df["terbaca"] = [parse_waktu(t).uraian() for t in df["waktu"]]
    df["berlaku"] = [waktu_efektif(r).uraian() for r in bingkai.baris(df)]
    return df


def atur_manual(
    cur: duckdb.DuckDBPyConnection,
    akses: Akses,
    sop_id: int,
    urutan: int,
    hari: float | None,
    menit: float | None,
    basis: str | None,
) -> None:
    """Set (or clear with basis None) the admin's value for one step's standard."""
    akses.wajib("admin")
    if basis is not None and basis not in BASIS:
        raise ValueError("Basis harus menit_kerja, hari_kerja atau hari_kalender.")
    if basis is not None and not (hari or menit):
        raise ValueError("Isi jumlah hari atau menit untuk standar waktu manual.")
    if any(v is not None and v < 0 for v in (hari, menit)):
        raise ValueError("Standar waktu tidak boleh negatif.")
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        cur.execute(
            store.sql("sop_langkah_manual"),
            {
                "hari": hari if basis else None,
                "menit": menit if basis else None,
                "basis": basis,
                "sop_id": sop_id,
                "urutan": urutan,
            },
        )
        store.log_event(
            cur,
            "mutu_baku_manual",
            pengguna=akses.username,
            peran="admin",
            objek="sop",
            objek_id=sop_id,
            catatan=f"langkah {urutan}: {hari} hari, {menit} menit, {basis}",
        )


# ---------------------------------------------------------------- working calendar


def kalender(cur: duckdb.DuckDBPyConnection) -> Kalender:
    row = cur.execute(
        store.sql("pengaturan_get"), {"instansi_id": None, "kunci": "jam_kerja"}
    ).fetchone()
    libur = [r[0] for r in store.fetch_all(cur, "hari_libur_list")]
    return dari_pengaturan(json.loads(row[0]) if row else None, libur)


def jam_kerja(cur: duckdb.DuckDBPyConnection) -> list[tuple[str, str] | None]:
    return [
        None if j is None else (j[0].strftime("%H:%M"), j[1].strftime("%H:%M"))
        for j in kalender(cur).jam_kerja
    ]


def simpan_jam_kerja(
    cur: duckdb.DuckDBPyConnection, akses: Akses, jam: list[tuple[str, str] | None]
) -> None:
    """Office hours per weekday (Senin..Minggu), None for a day off."""
    akses.wajib("admin")
    pesan = "isi tujuh hari (Senin..Minggu), tiap hari kosong atau jam mulai dan selesai JJ:MM"
    try:
        if len(jam) != 7:
            raise ValueError(pesan)
        if any(j is not None and j[0] >= j[1] for j in dari_pengaturan(jam, []).jam_kerja):
            raise ValueError("jam mulai harus sebelum jam selesai")
    except ValueError as exc:
        raise ValueError(f"Jam kerja tidak valid: {exc}") from exc
    except (TypeError, IndexError, KeyError) as exc:  # not a list of (start, end) pairs
        raise ValueError(f"Jam kerja tidak valid: {pesan}.") from exc
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        cur.execute(store.sql("pengaturan_bawaan_hapus"), {"kunci": "jam_kerja"})
        cur.execute(
            store.sql("pengaturan_bawaan_insert"), {"kunci": "jam_kerja", "nilai": json.dumps(jam)}
        )
        store.log_event(
            cur,
            "jam_kerja_diubah",
            pengguna=akses.username,
            peran="admin",
            objek="kalender",
            catatan=json.dumps(jam),
        )


def libur_tambahan(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Cuti bersama and local holidays, `tanggal` as datetime.date like the national list (the
    page merges both; DuckDB returns Timestamps, which cannot be compared with dates)."""
    df = store.fetch_df(cur, "hari_libur_list")
    return df.assign(tanggal=pd.to_datetime(df["tanggal"]).dt.date)


def tambah_libur(
    cur: duckdb.DuckDBPyConnection, akses: Akses, tanggal: dt.date, keterangan: str, jenis: str
) -> None:
    akses.wajib("admin")
    if jenis not in ("cuti_bersama", "lokal"):
        raise ValueError("Jenis libur harus cuti bersama atau lokal.")
    if not (keterangan or "").strip():
        raise ValueError("Keterangan hari libur wajib diisi.")
    if cur.execute(store.sql("hari_libur_ada"), {"tanggal": tanggal}).fetchone():
        raise ValueError("Tanggal itu sudah tercatat sebagai hari libur.")
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        cur.execute(
            store.sql("hari_libur_insert"),
            {"tanggal": tanggal, "keterangan": keterangan.strip(), "jenis": jenis},
        )
        store.log_event(
            cur,
            "libur_ditambah",
            pengguna=akses.username,
            peran="admin",
            objek="kalender",
            catatan=f"{tanggal} {keterangan}",
        )


def hapus_libur(cur: duckdb.DuckDBPyConnection, akses: Akses, tanggal: dt.date) -> None:
    akses.wajib("admin")
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        cur.execute(store.sql("hari_libur_hapus"), {"tanggal": tanggal})
        store.log_event(
            cur,
            "libur_dihapus",
            pengguna=akses.username,
            peran="admin",
            objek="kalender",
            catatan=str(tanggal),
        )


# The events a step can start or end on, with the objects they are written on (the event
# contract of docs/DOMAIN.md §8.6); 'langkah' starts a step when an earlier step ended.
JENIS_EVENT = {
    "periode_dibuka": ("periode",),
    "surat_permintaan_dikirim": ("periode",),
    "realisasi_disimpan": ("pengajuan",),
    "transisi": ("pengajuan", "perbaikan", "lkj"),
    "rapat_dibuat": ("rapat",),
    "undangan_rapat_dikirim": ("rapat",),
    "rapat_difinalkan": ("rapat",),
    "rapat_diarsipkan": ("rapat",),
    "ekinerja_diekspor": ("ekinerja",),
    "ekinerja_dientri": ("ekinerja",),
    "laporan_semester_disusun": ("laporan_berkala",),
    "laporan_tahunan_disusun": ("laporan_berkala",),
    "langkah": (),
}
# Events that start a step but never end one: a draft save hands nothing over (its submission
# does), so a unit's typing never changes a finished step's record (docs/DOMAIN.md §13.6).
BUKAN_AKHIR = ("realisasi_disimpan",)
STATUS_KE = {
    "pengajuan": alur.STATUS,
    "perbaikan": alur.STATUS_PERBAIKAN,
    "lkj": lkj.STATUS,
}
KOLOM_PETA = list(_KOLOM_PEMETAAN[1:])  # one SOP's mapping: its rows without the SOP's code


def pemetaan(cur: duckdb.DuckDBPyConnection, kode: str) -> pd.DataFrame:
    """Per step of an SOP: performed by the app (the events that start and end it) or logged
    by hand."""
    df = store.fetch_df(cur, "sop_pemetaan_list")
    return df[df["sop_kode"] == kode].drop(columns="sop_kode").reset_index(drop=True)


def _teks(v) -> str | None:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    return str(v).strip() or None


def _penanda(i: int, apa: str, jenis, objek, ke, urutan: int, mulai: bool) -> tuple:
    """Check one marker of row i; return it as (jenis, objek, ke)."""
    jenis, objek, ke = _teks(jenis), _teks(objek), _teks(ke)
    if jenis not in JENIS_EVENT or (not mulai and jenis in ("langkah", "periode_dibuka")):
        raise ValueError(f"Baris {i}: event {apa} tidak dikenal.")
    if not mulai and jenis in BUKAN_AKHIR:
        raise ValueError(
            f"Baris {i}: simpan draf tidak mengakhiri langkah; data diserahkan saat diajukan."
        )
    if jenis == "langkah":
        if ke is None or not ke.isdigit() or not 1 <= int(ke) < urutan:
            raise ValueError(f"Baris {i}: 'langkah' {apa} harus nomor urut langkah sebelumnya.")
        return jenis, None, ke
    if objek not in JENIS_EVENT[jenis]:
        pilihan = ", ".join(JENIS_EVENT[jenis])
        raise ValueError(f"Baris {i}: objek event {apa} {jenis} harus {pilihan}.")
    if jenis == "transisi":
        if ke not in STATUS_KE[objek]:
            raise ValueError(
                f"Baris {i}: status {apa} harus salah satu dari {', '.join(STATUS_KE[objek])}."
            )
    elif ke is not None:
        raise ValueError(f"Baris {i}: status hanya diisi untuk event transisi.")
    return jenis, objek, ke


def simpan_pemetaan(
    cur: duckdb.DuckDBPyConnection, akses: Akses, kode: str, baris: pd.DataFrame
) -> int:
    """Replace the mapping of one SOP (admin): every row checked first, then one transaction.
    Returns the number of steps the app times from events."""
    akses.wajib("admin")
    sop_id = cur.execute(store.sql("sop_terbaru"), {"kode": kode}).fetchone()
    if not sop_id:
        raise ValueError("SOP tidak ditemukan.")
    jumlah = store.satu(
        cur.execute(store.sql("sop_langkah_jumlah"), {"sop_id": sop_id[0]}).fetchone()
    )[0]
    rows = []
    baris = baris.reindex(columns=KOLOM_PETA)
    for i, r in enumerate(bingkai.baris(baris.dropna(how="all")), start=1):
        if pd.isna(r.urutan) or not 1 <= int(r.urutan) <= jumlah:
            raise ValueError(f"Baris {i}: urutan langkah harus 1 sampai {jumlah}.")
        u = int(r.urutan)
        cara = _teks(r.cara) or "manual"
        if cara not in ("event", "manual"):
            raise ValueError(f"Baris {i}: cara harus event atau manual.")
        if cara == "manual":
            rows.append((kode, u, cara, None, None, None, None, None, None))
            continue
        mulai = _penanda(i, "mulai", r.mulai_jenis, r.mulai_objek, r.mulai_ke, u, True)
        selesai = _penanda(i, "selesai", r.selesai_jenis, r.selesai_objek, r.selesai_ke, u, False)
        rows.append((kode, u, cara, *mulai, *selesai))
    if len({r[1] for r in rows}) != len(rows):
        raise ValueError("Satu langkah hanya boleh dipetakan sekali.")
    with store.transaction(cur):
        versi_data.sentuh(versi_data.GLOBAL)
        cur.execute(store.sql("sop_pemetaan_hapus"), {"kode": kode})
        for row in rows:
            cur.execute(
                store.sql("sop_pemetaan_insert"), dict(zip(_KOLOM_PEMETAAN, row, strict=True))
            )
        store.log_event(
            cur,
            "pemetaan_sop",
            pengguna=akses.username,
            peran="admin",
            objek="sop",
            objek_id=kode,
            catatan=f"{len(rows)} langkah",
        )
    return sum(1 for r in rows if r[2] == "event")
