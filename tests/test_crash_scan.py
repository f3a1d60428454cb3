"""Crash scan (issue 15, item 6): every page for every role, through AppTest, on three stores
(the demo, an empty one, one holding extreme values), before and after the page's main action.

A page passes when neither run shows an exception element (Streamlit's English error screen in a
browser), nor the generic "Terjadi kesalahan pada sistem" that `web.safe` shows for an unexpected
exception, nor any English error words. One AppTest session per store and role walks that role's
pages in menu order, so the scan stays at two runs per page.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from dashboard.akun import auth
from dashboard.akun.akses import SISTEM
from dashboard.inti import store, ui
from dashboard.inti.batas import BATAS_ANGKA, PANJANG_CATATAN, PANJANG_NAMA

from .conftest import new_app, sandi_demo, sesi_baru

PENGGUNA = {
    "admin": "admin",
    "kadis": "kadis",
    "sekretaris": "sekretaris",
    "pengelola_monev": "monev",
    "staf_bidang": "staf.lyn",
}
TOKO = ("demo", "kosong", "ekstrem")
INGGRIS = ("Traceback", "Error:", "Exception", "This app has encountered an error")
KESALAHAN_SISTEM = "Terjadi kesalahan pada sistem"
KODE_PERAN = r"\b(?:staf_bidang|pengelola_monev)\b"


def _catatan(awal: str) -> str:
    """A note of exactly the longest length a form accepts (2.000 characters)."""
    return (awal + " " + "catatan panjang tanpa jeda " * 100)[:PANJANG_CATATAN]


def _toko_kosong(path: Path) -> None:
    """Migrated, with the SOP library, one instansi, one unit and one account per role, and no
    indicator, period or data at all."""
    from dashboard.admin import layanan_instansi as instansi
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.rencana import layanan_indikator as admin
    from dashboard.sop import sop

    con = store.connect(path)
    store.migrate(con)
    cur = con.cursor()
    sop.load_library_into(cur)
    ins = instansi.simpan_instansi(
        cur, SISTEM, {"kode": "KOSONG", "nama": "Dinas Tanpa Data", "pemda": "Kota Contoh"}
    )
    unit = admin.simpan_unit(
        cur,
        SISTEM,
        {"instansi_id": ins, "kode": "LYN", "nama": "Bidang Layanan", "jenis": "Bidang"},
    )
    for peran, username in PENGGUNA.items():
        data = {
            "username": username,
            "nama": f"Pengguna {username}",
            "peran": [peran],
            "instansi_id": ins,
            "unit_id": unit if peran == "staf_bidang" else None,
        }
        pengguna.buat_pengguna(cur, SISTEM, data, sandi_demo(username), rounds=4)
    cur.close()
    con.execute("CHECKPOINT")
    con.close()


def _toko_ekstrem(path: Path) -> None:
    """The demo store with the largest values the bounds allow (dashboard/inti/batas.py): numbers of
    ±1e15, 2.000-character notes, 200-character names, and an open period in a year without a
    single target."""
    con = store.connect(path)
    nama = "Nama sangat panjang " * 10
    panjang = _catatan("Catatan")
    con.execute(
        "UPDATE realisasi SET nilai = ?, catatan = ?, bukti = ?", [BATAS_ANGKA, panjang, panjang]
    )
    con.execute(
        "UPDATE target SET nilai = ? WHERE triwulan IS NULL OR triwulan % 2 = 0", [BATAS_ANGKA]
    )
    con.execute("UPDATE anggaran SET pagu = ?", [BATAS_ANGKA])
    con.execute("UPDATE realisasi_anggaran SET nilai = ?", [BATAS_ANGKA / 4])
    con.execute("UPDATE indikator SET nama = ?, definisi = ?", [nama[:PANJANG_NAMA], panjang])
    con.execute("UPDATE unit SET nama = left(?, 190) || kode WHERE kode <> 'LYN'", [nama])
    con.execute("UPDATE temuan SET permasalahan = ?, penyebab = ?, rekomendasi = ?", [panjang] * 3)
    con.execute("UPDATE tindak_lanjut SET uraian = ?, catatan_progres = ?", [panjang, panjang])
    con.execute("UPDATE rapat SET ringkasan = ?, kesimpulan = ?", [panjang, panjang])
    con.execute("UPDATE perbaikan SET alasan = ?, nilai_baru = ?", [panjang, -BATAS_ANGKA])
    con.execute("UPDATE event SET catatan = ? WHERE catatan IS NOT NULL", [panjang])
    instansi = con.execute("SELECT min(id) FROM instansi").fetchone()[0]
    con.execute(
        "INSERT INTO periode (instansi_id, tahun, triwulan, tenggat, dibuka_oleh, dibuka_pada) "
        "VALUES (?, 2031, 1, ?, 'monev', ?)",
        [instansi, dt.date(2031, 4, 14), dt.datetime(2031, 4, 1, 8)],
    )
    con.execute("CHECKPOINT")
    con.close()


@pytest.fixture(scope="module")
def toko(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three stores, built once for the module (each page's main action writes to them)."""
    folder = tmp_path_factory.mktemp("crash_scan")
    paths = {t: folder / f"{t}.duckdb" for t in TOKO}
    paths["demo"].write_bytes(demo_db.read_bytes())
    paths["ekstrem"].write_bytes(demo_db.read_bytes())
    _toko_ekstrem(paths["ekstrem"])
    _toko_kosong(paths["kosong"])
    return paths


def _sel_kosong(at) -> list[str]:
    """Visible columns of read-only tables with a missing value, which Streamlit's grid shows as
    the English "None" (item 8), or a cell reading "None", "nan" or "empty"."""
    salah = []
    for d in at.dataframe:
        if d.editing_mode != "read_only":
            continue
        konfigurasi = json.loads(d.proto.columns or "{}")
        df = d.value
        for kolom in df.columns:
            k = konfigurasi.get(f"name:{kolom}", konfigurasi.get(str(kolom), {}))
            if isinstance(k, dict) and k.get("hidden"):
                continue
            s = df[kolom]
            teks = s.astype(str)
            if s.isna().any() or teks.isin(["None", "nan", "NaT", "empty"]).any():
                salah.append(str(kolom))
            elif teks.str.contains(KODE_PERAN, regex=True).any():  # "Staf Bidang", not the code
                salah.append(f"{kolom} (kode peran)")
    return salah


def _periksa(at, konteks: tuple) -> None:
    assert not at.exception, (konteks, [e.message for e in at.exception])
    assert not _sel_kosong(at), (konteks, _sel_kosong(at))
    for e in at.error:
        assert KESALAHAN_SISTEM not in e.value, konteks
    teks = [m.value for m in [*at.markdown, *at.error, *at.warning, *at.info, *at.caption]]
    for t in teks:
        assert not any(kata in str(t) for kata in INGGRIS), (konteks, t)


def _tombol_utama(at):
    """The page's main button: its first enabled primary button that is not Keluar."""
    for b in at.button:
        if b.proto.type == "primary" and not b.proto.disabled and b.key != "tombol_keluar":
            return b
    return None


@pytest.mark.parametrize("nama_toko", TOKO)
@pytest.mark.parametrize("peran", list(PENGGUNA))
def test_every_page_survives_its_main_action(toko, nama_toko, peran, monkeypatch):
    monkeypatch.setenv("MONEV_DB", str(toko[nama_toko]))
    monkeypatch.setenv("MONEV_DEMO", "0")
    assert os.environ["MONEV_DB"] == str(toko[nama_toko])
    at = new_app()
    token = sesi_baru(PENGGUNA[peran])
    assert token, (nama_toko, peran)
    at.session_state[auth.TOKEN_SESI] = token
    at.run()
    _periksa(at, (nama_toko, peran, "masuk"))
    for h in ui.halaman_untuk(frozenset({peran})):
        at.switch_page(f"app_pages/{h.file}").run()
        konteks = (nama_toko, peran, h.file)
        _periksa(at, konteks)
        assert at.title and at.title[0].value == h.judul, konteks
        tombol = _tombol_utama(at)
        if tombol is not None:
            tombol.click().run()
            _periksa(at, (*konteks, tombol.label))


def test_kalender_after_adding_cuti_bersama_through_the_page(app_db):
    """The walkthrough's crash: a cuti bersama added with the page's own form, then the page
    loaded again (it broke on every load, and the delete control sat below the crash)."""
    from .conftest import login

    at = login("admin")
    at.switch_page("app_pages/admin_kalender.py").run()
    at.date_input(key="libur_tanggal").set_value(dt.date(2026, 12, 24))
    at.text_input(key="libur_keterangan").input("Cuti bersama Natal")
    at.selectbox(key="libur_jenis").set_value("cuti_bersama")
    next(b for b in at.button if b.label == "Tambah hari libur").click().run()
    _periksa(at, ("kalender", "tambah"))
    assert any("ditambahkan" in s.value for s in at.success)
    at.run()
    _periksa(at, ("kalender", "muat ulang"))
    tabel = next(d.value for d in at.dataframe if "Jenis" in d.value.columns)
    assert "Cuti bersama" in tabel["Jenis"].tolist()
    at.selectbox(key="hapus_libur").set_value(dt.date(2026, 12, 24))
    at.button(key="hapus_libur_btn").click().run()
    _periksa(at, ("kalender", "hapus"))
