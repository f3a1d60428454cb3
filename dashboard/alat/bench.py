"""`make bench`: generation time, median of every named read query, Beranda cold and warm.

Targets (scale L, this 2-core machine): query median <= 50 ms, Beranda warm <= 150 ms and
cold <= 1 s, L generation <= 2 min. Prints a table and writes JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import statistics
import time
from pathlib import Path
from typing import Any

from dashboard.akun.akses import Akses
from dashboard.alat import demo
from dashboard.inti import config, store
from dashboard.rapat import tindak_lanjut
from dashboard.review import alur

TARGET = {
    "query_ms": 50.0,
    "beranda_warm_ms": 150.0,
    "beranda_cold_ms": 1000.0,
    "generate_L_s": 120.0,
    "simpan_40_ms": 100.0,
    "impor_total_s": 3.0,
    "perbandingan_ms": 500.0,  # every instansi at once (Dasbor Kadis, Sekretariat Daerah view)
}
SEMUA_INSTANSI = {"dasbor_perbandingan"}  # queries over the whole store, not one instansi
HALAMAN = {"beranda": ("kadis", "beranda"), "antrian": ("monev", "antrian")}  # page: user, url
TODAY = dt.date(2026, 11, 21)
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))


def query_baca() -> list[str]:
    """The named read queries (the ones the bench times)."""
    return [n for n in store.query_names() if not _WRITE.match(_strip_comments(store.sql(n)))]


def contoh_parameter(cur, name: str) -> dict[str, Any] | None:
    """Representative parameters: a middle instansi, the latest year, one of its units, one of
    its indicators, periods and submissions."""

    def one(sql: str, params: list | None = None):
        row = cur.execute(sql, params or []).fetchone()
        return row[0] if row else None

    iid = one(
        "SELECT id FROM instansi ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM instansi)"
    )
    tahun = one("SELECT max(tahun) FROM target")
    unit = one("SELECT min(id) FROM unit WHERE instansi_id = $1", [iid])
    waktu = dt.datetime(tahun or 2026, 1, 1)
    ind = one("SELECT min(id) FROM indikator WHERE unit_id = $1", [unit])
    per = one("SELECT max(id) FROM periode WHERE instansi_id = $1", [iid])
    sub = one("SELECT min(id) FROM pengajuan WHERE periode_id = $1", [per])
    sop_id, sop_kode = cur.execute("SELECT max(id), max(kode) FROM sop").fetchone()
    runs = [
        r[0] for r in cur.execute("SELECT id FROM sop_run WHERE instansi_id = $1", [iid]).fetchall()
    ]
    rapat = one("SELECT max(id) FROM rapat WHERE instansi_id = $1", [iid])
    tl = one(
        "SELECT min(l.id) FROM tindak_lanjut l JOIN temuan t ON t.id = l.temuan_id "
        "WHERE t.rapat_id = $1",
        [rapat],
    )
    lkj_iid, lkj_tahun = cur.execute(
        "SELECT instansi_id, tahun FROM lkj ORDER BY instansi_id, tahun LIMIT 1"
    ).fetchone() or (iid, tahun)
    berkala = cur.execute(
        "SELECT instansi_id, tahun, bagian FROM laporan_berkala "
        "ORDER BY instansi_id, tahun, bagian LIMIT 1"
    ).fetchone() or (iid, tahun, "S1")
    adopsi = cur.execute(
        "SELECT instansi_id, prosedur FROM sop_adopsi ORDER BY instansi_id, prosedur LIMIT 1"
    ).fetchone() or (iid, "pengumpulan")
    akhir_tahun = dt.date(tahun, 12, 31)
    # The Renja and Perjanjian Kinerja reads need a Renstra: the first instansi that has one.
    rencana = (
        one(
            "SELECT min(i.instansi_id) FROM target_renstra tr "
            "JOIN indikator i ON i.id = tr.indikator_id"
        )
        or iid
    )
    rapat_undangan = one("SELECT min(rapat_id) FROM rapat_undangan") or rapat
    return {
        "indikator_tahun": {"instansi_id": iid, "tahun": tahun, "lingkup": None},
        "periode_terakhir": {"instansi_id": iid},
        "tahun_tersedia": {"instansi_id": iid},
        "instansi_list": {},
        "versi_semua": {},
        "unit_list": {"instansi_id": iid},
        "pengaturan_get": {"instansi_id": iid, "kunci": "kategori_bands"},
        "sop_next_revisi": {"kode": one("SELECT min(kode) FROM sop")},
        "antrian": {"status": [alur.DIAJUKAN], "instansi_id": iid},
        "event_objek": {"objek": "pengajuan", "objek_id": str(sub)},
        "indikator_list": {"instansi_id": iid, "lingkup": unit},
        "pengajuan_get": {"pengajuan_id": sub},
        "pengajuan_pengembalian": {"periode_id": per, "unit_id": unit},
        "pengajuan_unit_periode": {
            "instansi_id": iid,
            "unit_id": unit,
            "tahun": tahun,
            "triwulan": 3,
        },
        "permintaan_buka_list": {"instansi_id": iid},
        "permintaan_buka_menunggu": {"periode_id": per, "unit_id": unit},
        "permintaan_buka_get": {"permintaan_id": 1},
        "rapat_serupa": {
            "instansi_id": iid,
            "tahun": tahun,
            "triwulan": 3,
            "tanggal": waktu.date(),
        },
        "pengguna_nama": {"daftar": ["monev", "kadis"]},
        "periode_belum_mengajukan": {"periode_id": per, "status_draf": alur.DRAF},
        "periode_ditutup_unit": {"instansi_id": iid, "unit_id": unit, "status_draf": alur.DRAF},
        "pengguna_akses": {"username": "monev"},
        "pengguna_masuk": {"username": "monev"},
        "sesi_cari": {"token_hash": "0" * 64, "terakhir_pada": waktu, "dibuat_pada": waktu},
        "peran_pengguna_dari": {"pengguna_id": 1},
        "sesi_pengguna": {"username": "monev", "terakhir_pada": waktu, "dibuat_pada": waktu},
        "login_gagal_get": {"kunci": ["u:monev", "a:127.0.0.1"]},
        "pengguna_list": {},
        "pengguna_status": {"username": "monev"},
        "perbaikan_get": {"perbaikan_id": 1},
        "perbaikan_list": {"instansi_id": iid, "lingkup": None},
        "periode_entri": {"instansi_id": iid, "unit_id": unit, "status_draf": alur.DRAF},
        "periode_get": {"periode_id": per},
        "periode_list": {
            "instansi_id": iid,
            "status_draf": alur.DRAF,
            "status_disahkan": alur.DISAHKAN,
        },
        "periode_terbuka_untuk": {"periode_id": per, "unit_id": unit},
        "realisasi_riwayat_tahun": {"unit_id": unit, "tahun": tahun},
        "realisasi_unit_triwulan": {"unit_id": unit, "tahun": tahun, "triwulan": 3},
        "riwayat_nilai": {"indikator_id": ind, "tahun": tahun, "triwulan": 3},
        "status_sah_nilai": {"indikator_id": ind, "tahun": tahun, "triwulan": 3},
        "target_indikator": {"indikator_id": ind, "tahun": tahun},
        "hari_libur_list": {},
        "indikator_lokasi": {"indikator_id": ind},
        "unit_instansi": {"unit_id": unit},
        "mutu_baku_tinjau": {},
        "pengajuan_lokasi": {"pengajuan_id": sub},
        "perbaikan_lokasi": {"perbaikan_id": 1},
        "sop_get": {"sop_id": sop_id},
        "sop_langkah_list": {"sop_id": sop_id},
        "sop_list": {},
        "sop_pemetaan_list": {},
        "sop_revisi": {"kode": sop_kode},
        "sop_run_list": {"instansi_id": iid, "tahun": tahun, "lingkup": None},
        "sop_run_event": {
            "objek": ["pengajuan", "periode"],
            "objek_id": [str(sub), str(per)],
            "jenis": [
                r[0]
                for r in cur.execute(
                    "SELECT mulai_jenis AS j FROM sop_pemetaan WHERE mulai_jenis IS NOT NULL "
                    "UNION SELECT selesai_jenis FROM sop_pemetaan WHERE selesai_jenis IS NOT NULL "
                    "ORDER BY 1"
                ).fetchall()
            ],
        },
        "sop_run_langkah_list": {"run_ids": runs},
        "sop_langkah_run": {"run_ids": runs},
        "dasbor_pengajuan": {
            "instansi_id": iid,
            "tahun": tahun,
            "triwulan": 3,
            "lingkup": None,
            "status_draf": alur.DRAF,
        },
        "dasbor_tindak_lanjut": {
            "instansi_id": iid,
            "lingkup": None,
            "status": tindak_lanjut.terbuka_sql(),
        },
        "dasbor_temuan_indikator": {"indikator_id": ind},
        "dasbor_tren_indikator": {"indikator_id": ind},
        "dasbor_realisasi_indikator": {"indikator_id": ind, "tahun": tahun},
        "dasbor_catatan": {"instansi_id": iid, "tahun": tahun, "triwulan": 3, "lingkup": None},
        "dasbor_anggaran": {"instansi_id": iid, "tahun": tahun, "triwulan": 3, "lingkup": None},
        "dasbor_indikator_kegiatan": {"instansi_id": iid},
        "dasbor_perbandingan": {
            "tahun": tahun,
            "triwulan": 3,
            "hari_kerja": hari_kerja_bench(tahun),
            "instansi_ids": [iid],
            "batas_skor": [100.0],
            "status_draf": alur.DRAF,
        },
        "pengaturan_skala": {"instansi_id": iid, "kunci": ["skala_kategori", "kategori_bands"]},
        "instansi_kop": {"instansi_id": iid},
        "instansi_admin_list": {},
        "instansi_kode": {"kode": one("SELECT kode FROM instansi WHERE id = $1", [iid])},
        "pengguna_admin_aktif": {},
        "laporan_status_realisasi": {"instansi_id": iid, "tahun": tahun, "lingkup": None},
        "laporan_indikator_info": {"instansi_id": iid, "lingkup": None},
        "laporan_anggaran": {"instansi_id": iid, "tahun": tahun, "lingkup": None},
        "rapat_list": {"instansi_id": iid, "tahun": None, "status": tindak_lanjut.terbuka_sql()},
        "rapat_get": {"rapat_id": rapat},
        "rapat_peserta_list": {"rapat_id": rapat},
        "rapat_agenda_list": {"rapat_id": rapat},
        "rapat_revisi_list": {"rapat_id": rapat},
        "rapat_unit_periode": {"instansi_id": iid, "tahun": tahun, "triwulan": 3},
        "temuan_rapat": {"rapat_id": rapat},
        "tindak_lanjut_list": {"instansi_id": iid, "lingkup": None, "rapat_id": None},
        "tindak_lanjut_get": {"tl_id": tl},
        "pengguna_sandi": {"username": "monev"},
        "pengguna_instansi": {"username": "monev"},
        "pengguna_id": {"username": "monev"},
        "unit_kode": {"instansi_id": iid, "kode": "SEK"},
        "indikator_kode": {
            "instansi_id": iid,
            "kode": one("SELECT min(kode) FROM indikator WHERE unit_id = $1", [unit]),
        },
        "sop_terbaru": {"kode": sop_kode},
        "sop_run_objek": {"objek": "pengajuan", "objek_id": sub},
        "sop_run_lokasi": {"run_id": min(runs, default=None)},
        "sop_langkah_ada": {"sop_id": sop_id, "urutan": 1},
        "sop_run_langkah_get": {"langkah_id": 1},
        "sop_langkah_jumlah": {"sop_id": sop_id},
        "sop_kode_list": {},
        "realisasi_nilai": {"indikator_id": ind, "tahun": tahun, "triwulan": 3},
        "realisasi_bukti": {"indikator_id": ind, "tahun": tahun, "triwulan": 3},
        "perbaikan_berjalan": {
            "indikator_id": ind,
            "tahun": tahun,
            "triwulan": 3,
            "status_diperiksa": list(alur.DIPERIKSA),
        },
        "periode_ada": {"instansi_id": iid, "tahun": tahun, "triwulan": 3},
        "pengajuan_unit": {"periode_id": per, "unit_id": unit},
        "unit_nama": {"unit_id": unit},
        "temuan_lokasi": {
            "temuan_id": one("SELECT min(id) FROM temuan WHERE rapat_id = $1", [rapat])
        },
        "hari_libur_ada": {"tanggal": dt.date(tahun, 12, 25)},
        "tindak_lanjut_isi_pic": {"tl_id": tl},
        "rencana_pohon": {"instansi_id": iid},
        "anggaran_tahun": {"instansi_id": iid, "tahun": tahun},
        "target_renstra_list": {"indikator_id": ind},
        "indikator_kedudukan_get": {"indikator_id": ind},
        "impor_rencana_instansi": {},
        "impor_rencana_simpul": {"instansi_id": iid},
        "impor_rencana_indikator": {"instansi_id": iid},
        "impor_rencana_target": {"instansi_id": iid},
        "impor_rencana_renstra": {"instansi_id": iid},
        "impor_rencana_realisasi": {"instansi_id": iid},
        "impor_rencana_anggaran": {"instansi_id": iid},
        "impor_rencana_pengajuan": {"instansi_id": iid},
        "berkala_dokumen": dict(zip(("instansi_id", "tahun", "bagian"), berkala, strict=True)),
        "berkala_list": {"instansi_id": berkala[0], "tahun": berkala[1]},
        "berkala_triwulan": {
            "instansi_id": rencana,
            "tahun": tahun,
            "status_disahkan": alur.DISAHKAN,
        },
        "ekinerja_list": {"instansi_id": one("SELECT min(instansi_id) FROM ekinerja") or iid},
        "instansi_kode_semua": {},
        "laporan_renja_tindak_lanjut": {
            "instansi_id": rencana,
            "tahun": tahun,
            "triwulan": 4,
            "unit_id": None,
            "status": tindak_lanjut.terbuka_sql(),
        },
        "laporan_renstra_awal": {"instansi_id": rencana, "tahun": tahun},
        "laporan_target_renstra": {"instansi_id": rencana},
        "lkj_dokumen": {"instansi_id": lkj_iid, "tahun": lkj_tahun},
        "lkj_get": {"instansi_id": lkj_iid, "tahun": lkj_tahun},
        "lkj_riwayat": {"objek_id": f"{lkj_iid}:{lkj_tahun}"},
        "notifikasi_belum_dibaca": {"username": "monev"},
        "notifikasi_belum_dibaca_sejak": {"username": "monev", "dibuat_pada": waktu},
        "notifikasi_list": {"username": "monev", "batas": 50},
        "notifikasi_kunci_jenis": {"jenis": ["terlambat", "antrian_lewat"]},
        "notifikasi_peran_instansi": {"peran": "kadis", "instansi_id": rencana},
        "notifikasi_peran_semua": {"peran": ["pengelola_monev", "sekretaris", "kadis"]},
        "notifikasi_staf_unit": {
            "unit_ids": [
                r[0]
                for r in cur.execute(
                    "SELECT id FROM unit WHERE instansi_id = $1 ORDER BY id", [rencana]
                ).fetchall()
            ]
        },
        "pengajuan_unit_id": {"periode_id": per, "unit_id": unit},
        "pengingat_antrian": {"status_diperiksa": list(alur.DIPERIKSA)},
        "pengingat_tenggat": {"tenggat": akhir_tahun, "status_draf": alur.DRAF},
        "pengingat_tindak_lanjut": {"batas": akhir_tahun, "status": tindak_lanjut.terbuka_sql()},
        "perbaikan_periode": {"perbaikan_id": 1},
        "pk_anggaran_program": {"instansi_id": rencana, "tahun": tahun},
        "pk_indikator": {"instansi_id": rencana, "tahun": tahun},
        "preferensi_get": {"username": "monev"},
        "rapat_undangan_get": {"rapat_id": rapat_undangan},
        "ringkasan_penerima": {},
        "sop_adopsi_get": {"instansi_id": adopsi[0], "prosedur": adopsi[1]},
        "sop_adopsi_list": {"instansi_id": adopsi[0]},
        "sop_adopsi_semua": {},
        "sop_konteks_periode": {"periode_id": per},
        "sop_konteks_rapat": {"rapat_id": rapat_undangan},
        "sop_langkah_sop": {"sop_ids": [sop_id]},
        "sop_revisi_pada": {"kode": sop_kode, "pada": dt.datetime(tahun, 12, 31)},
        "sop_run_kunci": dict(
            zip(
                ("prosedur", "objek", "kunci"),
                cur.execute(
                    "SELECT prosedur, objek, kunci FROM sop_run WHERE instansi_id = $1 "
                    "ORDER BY id LIMIT 1",
                    [iid],
                ).fetchone()
                or ("pengumpulan", "pengajuan", str(sub)),
                strict=True,
            )
        ),
        "sop_run_objek_konteks": {"instansi_id": iid},
        "surat_permintaan_get": {"periode_id": per},
        "surat_permintaan_list": {"instansi_id": iid},
        "surat_permintaan_unit": {"instansi_id": rencana},
        "surat_permintaan_urut": {"instansi_id": iid, "tahun": tahun},
        "surel_jatuh_tempo": {"sekarang": waktu, "batas": 50},
        "surel_list": {"batas": 50, "instansi_id": None},
        "surel_ringkas": {"instansi_id": None},
    }.get(name)


def hari_kerja_bench(tahun: int) -> list[dt.date]:
    """Weekdays of two years: the working-day list the cross-instansi comparison is given."""
    awal = dt.date(tahun, 1, 1)
    hari = (awal + dt.timedelta(days=i) for i in range(731))
    return [d for d in hari if d.weekday() < 5]


def _median_ms(fn, repeat: int = 15) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _halaman(db: Path | str, username: str, url_path: str) -> dict[str, float]:
    """A page through AppTest behind a real login: cold (every cached read and view of the
    process forgotten) and warm rerun."""
    os.environ.update(MONEV_DB=str(db), MONEV_DEMO="0")
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard.akun import auth
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.alat.demo_katalog import PENGGUNA
    from dashboard.inti import ui, web

    sandi = next(p[4] for p in PENGGUNA if p[0] == username)
    con = store.connect(db)  # the sign-in service the /masuk route calls (AppTest sends no cookie)
    try:
        token = pengguna.masuk(con, username, sandi, "127.0.0.1", "bench").token
    finally:
        con.close()
    at = AppTest.from_file(str(config.SKRIP), default_timeout=120)
    at.session_state[auth.TOKEN_SESI] = token
    t0 = time.perf_counter()
    at.run()
    first = (time.perf_counter() - t0) * 1000
    at.switch_page(ui.file_halaman(url_path)).run()  # the page the menu opens
    if at.exception or not at.title:
        raise RuntimeError(f"halaman {url_path} gagal: {at.exception}")
    colds, warms = [], []
    for _ in range(3):
        # cold: every cached read and view of the process forgotten, as a save in every
        # scope would (the engine's results per row stay, as they do after a save)
        web.kosongkan_cache()
        t0 = time.perf_counter()
        at.run()
        colds.append((time.perf_counter() - t0) * 1000)
    for _ in range(10):
        t0 = time.perf_counter()
        at.run()
        warms.append((time.perf_counter() - t0) * 1000)
    st.cache_resource.clear()
    return {
        "first_ms": first,
        "cold_ms": statistics.median(colds),
        "warm_ms": statistics.median(warms),
    }


def _perbandingan(cur) -> float:
    """The dashboard's cross-instansi comparison (every instansi, one quarter) as a Sekretariat
    Daerah user, through the service (SQL aggregate plus the working-day list)."""
    from dashboard.akun.akses import Akses
    from dashboard.capaian import layanan_dasbor as dasbor

    setda = Akses("setda", frozenset({"kadis"}), None)
    tahun = cur.execute("SELECT max(tahun) FROM target").fetchone()[0]
    return _median_ms(lambda: dasbor.perbandingan_instansi(cur, setda, tahun, 3), repeat=5)


def _akses(con, username: str) -> Akses:
    """A demo user's caller object; the bench stops when the demo store lacks the user."""
    from dashboard.akun import layanan_pengguna as pengguna

    akses = pengguna.akses_untuk(con, username)
    if akses is None:
        raise RuntimeError(f"bench: pengguna demo {username} tidak ada atau tidak aktif")
    return akses


def _simpan_40(con) -> float:
    """Median time to save one unit-quarter of 40 indicators (values change every round)."""
    from dashboard.pengumpulan import layanan_realisasi as realisasi

    staf = _akses(con, "staf.dep")
    if staf.unit_id is None:
        raise RuntimeError("Pengguna demo staf.dep tidak terikat pada unit.")
    per = store.satu(
        con.execute(
            "SELECT id FROM periode WHERE instansi_id = $1 AND status = 'dibuka'",
            [staf.instansi_id],
        ).fetchone()
    )[0]
    times = []
    for k in range(12):
        form = realisasi.form_entri(con, staf, per, staf.unit_id)
        isi = form.baris.set_index("indikator_id")
        rows = [
            realisasi.BarisSimpan(
                i.indikator_id,
                (i.target[2] or 1) * (1 + (k % 2) / 100),
                "sesuai rencana aksi",
                versi=int(isi.loc[i.indikator_id, "versi"])
                if i.indikator_id in isi.index
                else None,
            )
            for i in form.indikator[:40]
        ]
        t0 = time.perf_counter()
        realisasi.simpan(con, staf, per, staf.unit_id, rows)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times[1:])


def _impor_10000(con) -> dict[str, float]:
    """Import a filled template of 10.000 rows for one unit: read + preview, then apply."""
    import io

    import openpyxl

    from dashboard.pengumpulan import excel_entri
    from dashboard.pengumpulan import layanan_realisasi as realisasi

    staf = _akses(con, "staf.dep")
    per, tahun, tw = con.execute(
        "SELECT id, tahun, triwulan FROM periode WHERE instansi_id = $1 AND status = 'dibuka'",
        [staf.instansi_id],
    ).fetchone()
    unit = con.execute(
        "INSERT INTO unit (instansi_id, kode, nama, jenis) VALUES ($1, 'BENCH', "
        "'Bidang Uji Beban', 'Bidang') RETURNING id",
        [staf.instansi_id],
    ).fetchone()[0]
    con.execute("UPDATE pengguna SET unit_id = $1 WHERE username = 'staf.dep'", [unit])
    con.execute(
        "INSERT INTO indikator (instansi_id, unit_id, kode, nama, jenis, satuan, cara_agregasi) "
        "SELECT $1, $2, 'B.' || lpad(CAST(i AS VARCHAR), 5, '0'), 'Jumlah keluaran uji ' || i, "
        "'sub kegiatan', 'dokumen', 'SUM' FROM generate_series(0, 9999) t(i)",
        [staf.instansi_id, unit],
    )
    con.execute(
        "INSERT INTO target SELECT id, $1, tw, CASE WHEN tw = 0 THEN 400 ELSE 100 END, NULL "
        "FROM indikator, generate_series(0, 4) t(tw) WHERE unit_id = $2",
        [tahun, unit],
    )
    staf = _akses(con, "staf.dep")
    data = realisasi.template_excel(con, staf, per, unit)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[excel_entri.SHEET]
    for r in range(excel_entri.HEADER_ROW + 1, ws.max_row + 1):
        ws.cell(r, excel_entri.COL_NILAI + 1).value = 100
        ws.cell(r, excel_entri.COL_CATATAN + 1).value = "uji beban"
    out = io.BytesIO()
    wb.save(out)
    t0 = time.perf_counter()
    perubahan, masalah = realisasi.pratinjau_impor(con, staf, per, unit, out.getvalue())
    baca = time.perf_counter() - t0
    if masalah or len(perubahan) != 10_000:
        raise RuntimeError(
            f"impor bench: {len(masalah)} masalah ({masalah[:1]}), {len(perubahan)} perubahan"
        )
    t0 = time.perf_counter()
    realisasi.terapkan_impor(con, staf, per, unit, perubahan)
    terap = time.perf_counter() - t0
    return {"impor_baca_s": baca, "impor_terapkan_s": terap, "impor_total_s": baca + terap}


def buku_kerja_rencana(n_sub: int = 1000, kode: str = "BENCHRENCANA") -> bytes:
    """A plan workbook of a new instansi: 10 units, a tree of 1.262 nodes ending in `n_sub` sub
    kegiatan, 2 indicators per sub kegiatan with a year's targets, two signed quarters of
    history each, and a budget per sub kegiatan (10.273 rows at the default size). Some numbers
    are Indonesian text, as agencies type them."""
    import io

    import xlsxwriter

    from dashboard.rencana.rencana_xlsx import LEMBAR

    baris: dict[str, list[tuple]] = {n: [] for n in LEMBAR}
    baris["Instansi"].append((kode, "Dinas Uji Beban", "Kabupaten Uji", None, "Uji", *[None] * 3))
    baris["Unit"] = [(kode, f"U{u}", f"Bidang Uji {u}", "Bidang") for u in range(10)]
    n_keg, n_prog, n_sas, n_tuj = n_sub // 5, n_sub // 20, n_sub // 100, max(1, n_sub // 500)
    for t in range(n_tuj):
        baris["Rencana"].append((kode, "Tujuan", f"T{t}", f"Tujuan uji {t}", None))
    for s in range(n_sas):
        baris["Rencana"].append((kode, "Sasaran", f"S{s}", f"Sasaran uji {s}", f"T{s % n_tuj}"))
    for p in range(n_prog):
        baris["Rencana"].append((kode, "Program", f"1.{p:02d}", f"Program {p}", f"S{p % n_sas}"))
    for k in range(n_keg):
        induk = f"1.{k % n_prog:02d}"
        baris["Rencana"].append((kode, "Kegiatan", f"{induk}.2.{k:03d}", f"Kegiatan {k}", induk))
    for x in range(n_sub):
        k = x % n_keg
        induk = f"1.{k % n_prog:02d}.2.{k:03d}"
        sub = f"{induk}.{x:04d}"
        baris["Rencana"].append((kode, "Sub Kegiatan", sub, f"Sub kegiatan {x}", induk))
        baris["Anggaran"].append((kode, sub, 2025, "1.000.000", 200_000, 250_000, 250_000, 300_000))
        for j in range(2):
            ind = f"I{x:04d}.{j}"
            baris["Indikator"].append(
                (
                    kode,
                    ind,
                    f"Jumlah keluaran {x}.{j}",
                    "dokumen",
                    "Sub Kegiatan",
                    sub,
                    f"U{x % 10}",
                    "positif",
                    None,
                    "SUM",
                    None,
                    None,
                    "10",
                )
            )
            baris["Target"].append(
                (kode, ind, 2025, "400", None, 100, 100, 100, "100", *[None] * 4, "2.000")
            )
            for tw in (1, 2):
                baris["Realisasi"].append((kode, ind, 2025, tw, "98,5" if j else 101, None))
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "constant_memory": True})
    for nama, kolom in LEMBAR.items():
        ws = wb.add_worksheet(nama)
        ws.write_row(0, 0, kolom)
        for r, isi in enumerate(baris[nama], start=1):
            for c, v in enumerate(isi):
                if isinstance(v, str):
                    ws.write_string(r, c, v)
                elif v is not None:
                    ws.write_number(r, c, v)
    wb.close()
    return buf.getvalue()


def _impor_rencana_10000(con) -> dict[str, float]:
    """Import a plan workbook of 10.273 rows: check only, import, the same file again, and the
    peak Python memory of a check (tracemalloc)."""
    import tracemalloc

    from dashboard.akun.akses import SISTEM
    from dashboard.rencana import layanan_impor as rencana_impor

    data = buku_kerja_rencana()
    out = {}
    for key, terapkan in (("periksa", False), ("impor", True), ("ulang", True)):
        t0 = time.perf_counter()
        h = rencana_impor.impor_rencana(con, SISTEM, data, terapkan=terapkan)
        out[f"rencana_{key}_s"] = time.perf_counter() - t0
        if h.masalah or (terapkan and not h.diterapkan):
            raise RuntimeError(f"impor rencana bench: {h.masalah[:3]} {h.peringatan[:3]}")
    tracemalloc.start()
    rencana_impor.impor_rencana(con, SISTEM, data, terapkan=False)
    out["rencana_memori_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return out


def _laporan(con) -> dict[str, float]:
    """Time to produce the annual report (the largest: three tables, three years read) and the
    Renja form of the Pengelola Monev's instansi as Excel and as PDF."""
    from dashboard.laporan import layanan_laporan as laporan
    from dashboard.laporan.data import Permintaan

    monev = _akses(con, "monev")
    iid = monev.instansi_id or con.execute("SELECT min(id) FROM instansi").fetchone()[0]
    out = {}
    for jenis in ("tahunan", "renja"):
        p = Permintaan(jenis, int(iid), TODAY.year - 1, 4)
        for fmt in ("xlsx", "pdf"):
            t0 = time.perf_counter()
            laporan.dokumen_laporan(con, monev, p, fmt)
            out[f"laporan_{jenis}_{fmt}_s"] = time.perf_counter() - t0
    return out


def run(scale: str, folder: Path, pg_url: str | None = None) -> dict:
    """Generate the scale into a DuckDB file and time it; with `pg_url` (an empty PostgreSQL
    database) the generated store is copied there (pindah-ke-postgres) and timed there."""
    folder.mkdir(parents=True, exist_ok=True)
    db: Path | str = folder / f"bench_{scale}.duckdb"
    for p in (Path(db), Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    con = store.connect(db)
    store.migrate(con)
    store.siapkan_batch(con)
    t0 = time.perf_counter()
    counts = demo.generate(con, scale, today=TODAY)
    store.checkpoint(con)
    result: dict = {
        "scale": scale,
        "backend": "postgres" if pg_url else "duckdb",
        "generate_s": time.perf_counter() - t0,
        "rows": counts,
        "queries_ms": {},
        "halaman": {},
    }
    if pg_url:
        from dashboard.inti import pindah

        pg = store.connect(pg_url)
        t0 = time.perf_counter()
        pindah.salin(con, pg)
        result["pindah_s"] = time.perf_counter() - t0
        con.close()
        con, db = pg, pg_url
    cur = con.cursor()
    for name in query_baca():
        text = store.sql(name)
        params = contoh_parameter(cur, name)
        if params is None:
            raise KeyError(f"bench: parameter contoh untuk query {name} belum ditulis")
        result["queries_ms"][name] = _median_ms(
            lambda t=text, p=params: cur.execute(t, p).fetchall()
        )
    result["perbandingan_ms"] = _perbandingan(cur)
    cur.close()
    result.update(_laporan(con))
    store.checkpoint(con)
    con.close()
    # The pages on the store as generated: the import steps below add 10.000 indicators to the
    # demo instansi these users work in, which is not what a Kadis's Beranda looks like.
    for key, (user, url) in HALAMAN.items():
        result["halaman"][key] = _siapa(db, user)
        for k, v in _halaman(db, user, url).items():
            result[f"{key}_{k}"] = v
    con = store.connect(db)
    result["simpan_40_ms"] = _simpan_40(con)
    result.update(_impor_10000(con))
    result.update(_impor_rencana_10000(con))
    store.checkpoint(con)
    con.close()
    return result


def _siapa(db: Path | str, username: str) -> dict:
    """Who a page was timed as: the user, role, instansi and how many indicators it holds."""
    from dashboard.akun.akses import NAMA_PERAN
    from dashboard.alat.demo_katalog import PENGGUNA

    peran = NAMA_PERAN[next(p[2][0] for p in PENGGUNA if p[0] == username)]
    con = store.connect(db)
    try:
        kode, nama, n = store.satu(
            con.execute(
                "SELECT s.kode, s.nama, (SELECT count(*) FROM indikator i "
                "WHERE i.instansi_id = s.id) "
                "FROM pengguna p JOIN instansi s ON s.id = p.instansi_id WHERE p.username = $1",
                [username],
            ).fetchone()
        )
    finally:
        con.close()
    return {"pengguna": username, "peran": peran, "instansi": kode, "nama": nama, "indikator": n}


def report(r: dict) -> str:
    lines = [
        f"Benchmark skala {r['scale']} {r.get('backend', 'duckdb')}  "
        f"(baris: {json.dumps(r['rows'])})",
        f"{'ukuran':<40}{'nilai':>12}{'target':>12}",
    ]

    def row(label: str, value: float, unit: str, target: float | None) -> None:
        t = f"{target:g} {unit}" if target is not None else "-"
        mark = "" if target is None or value <= target else "  MELEWATI TARGET"
        lines.append(f"{label:<40}{value:>9.1f} {unit:<2}{t:>12}{mark}")

    row(
        "pembuatan data",
        r["generate_s"],
        "s",
        TARGET["generate_L_s"] if r["scale"] == "L" else None,
    )
    for name, ms in sorted(r["queries_ms"].items()):
        batas = TARGET["perbandingan_ms"] if name in SEMUA_INSTANSI else TARGET["query_ms"]
        row(f"query {name} (median)", ms, "ms", batas)
    row(
        "dasbor: perbandingan antar instansi", r["perbandingan_ms"], "ms", TARGET["perbandingan_ms"]
    )
    row("simpan 1 unit-triwulan, 40 indikator", r["simpan_40_ms"], "ms", TARGET["simpan_40_ms"])
    row("impor Excel 10.000 baris: baca+pratinjau", r["impor_baca_s"], "s", None)
    row("impor Excel 10.000 baris: terapkan", r["impor_terapkan_s"], "s", None)
    row("impor Excel 10.000 baris: total", r["impor_total_s"], "s", TARGET["impor_total_s"])
    row("impor rencana 10.273 baris: periksa", r["rencana_periksa_s"], "s", None)
    row("impor rencana 10.273 baris: impor", r["rencana_impor_s"], "s", None)
    row("impor rencana: ulang (tanpa perubahan)", r["rencana_ulang_s"], "s", None)
    row("impor rencana: puncak memori (tracemalloc)", r["rencana_memori_mb"], "MB", None)
    for jenis in ("tahunan", "renja"):
        for fmt in ("xlsx", "pdf"):
            row(f"laporan {jenis} 1 instansi ({fmt})", r[f"laporan_{jenis}_{fmt}_s"], "s", None)
    for key, nama in (("beranda", "Beranda"), ("antrian", "Antrian review")):
        if h := r.get("halaman", {}).get(key):
            lines.append(
                f"{nama}: sebagai {h['pengguna']} ({h['peran']}), instansi {h['instansi']} "
                f"({h['indikator']} indikator), data seperti dibuat (sebelum impor)"
            )
        row(f"{nama} pertama (buka koneksi)", r[f"{key}_first_ms"], "ms", None)
        row(f"{nama} dingin (cache kosong)", r[f"{key}_cold_ms"], "ms", TARGET["beranda_cold_ms"])
        row(f"{nama} hangat (rerun)", r[f"{key}_warm_ms"], "ms", TARGET["beranda_warm_ms"])
    return "\n".join(lines)


def main(scale: str, output: Path | None = None, pg_url: str | None = None) -> int:
    """`pg_url` "lokal": a throwaway cluster (pg_lokal) for the run, stopped afterwards."""
    if pg_url == "lokal":
        from dashboard.inti import pg_lokal

        with pg_lokal.klaster() as url:
            result = run(scale, config.DATA_DIR / "bench", url)
    else:
        result = run(scale, config.DATA_DIR / "bench", pg_url)
    nama = f"{scale}-postgres" if pg_url else scale
    output = output or config.ROOT / "bench-results" / f"{nama}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    result["measured_at"] = config.sekarang().isoformat(timespec="seconds")
    output.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(report(result))
    print(f"JSON: {output}")
    return 0
