"""Antrian review and Periode pengumpulan through AppTest, per role (issue 15, items 2 and 3):
the quarter's own value beside the to-date one, evidence opened in the app, confirmation before
a signature and before any bulk approval (whose button names the caller's step), the return
reason's message beside its field, no crash when rows remain after a bulk approval; closing a
period lists the units not yet submitted, and a unit's reopen request reaches the Pengelola
Monev."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.inti import bukti, config, store
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.periode import layanan_periode as periode
from dashboard.review import layanan_perbaikan as perbaikan
from dashboard.review import layanan_review as review
from dashboard.review import tampilan_review

from .conftest import login
from .test_pages import _open_url, _tabel

TW3 = 11  # the demo's open period: TW III 2026 (PKA diajukan, PBP diverifikasi, LYN diparaf)


@pytest.fixture(autouse=True)
def _cache_bersih():
    """Cached reads live in the process: a queue read in an earlier test's store is not this
    test's queue."""
    import streamlit as st

    st.cache_data.clear()
    yield
    st.cache_data.clear()


def _akses(con, username: str):
    return pengguna.akses_untuk(con, username)


def _sekretaris_tiga_baris(app_db: Path) -> None:
    """Three submissions wait for the Sekretaris: PBP (demo), PKA and PAR verified here."""
    con = store.connect(app_db)
    try:
        monev = _akses(con, "monev")
        ids = dict(
            con.execute(
                "SELECT u.kode, s.id FROM pengajuan s JOIN unit u ON u.id = s.unit_id "
                "WHERE s.periode_id = ?",
                [TW3],
            ).fetchall()
        )
        realisasi.ajukan(con, _akses(con, "staf.par"), TW3, _unit(con, "PAR"))
        for kode in ("PKA", "PAR"):
            review.proses(con, monev, ids[kode], "setujui")
    finally:
        con.close()


def _unit(con, kode: str) -> int:
    return con.execute("SELECT id FROM unit WHERE kode = ?", [kode]).fetchone()[0]


def _teks(elemen) -> list[str]:
    """Messages as read on screen (Markdown escapes removed)."""
    return [e.value.replace("\\", "") for e in elemen]


def _pilih_antrian(at, baris: list[int]) -> None:
    """Tick rows of the queue table (AppTest has no click on a table row: its state is set)."""
    ids = _tabel(at, "Menunggu sejak")["id"].tolist()
    at.session_state[tampilan_review.kunci_tabel(ids)] = {
        "selection": {"rows": baris, "columns": [], "cells": []}
    }
    at.run()
    assert not at.exception, at.exception


def test_review_shows_the_quarter_value_beside_the_to_date_one(app_db):
    at = login("monev")
    _open_url(at, "antrian")
    assert _tabel(at, "Menunggu sejak")["Unit"].tolist() == ["Bidang Pembinaan Kearsipan"]
    assert any("diajukan oleh Operator Bidang Pembinaan Kearsipan" in c for c in _teks(at.caption))
    nilai = _tabel(at, "Kode")
    assert {"Realisasi TW III", "Realisasi s.d. TW III", "Target s.d. TW III"} <= set(nilai)
    pka02 = nilai.set_index("Kode").loc["PKA.02"]
    assert (pka02["Realisasi TW III"], pka02["Realisasi s.d. TW III"]) == ("23", "67")
    assert not any("staf." in c.value for c in at.caption), "a username instead of a name"
    # the first indicator's note is in the detail panel in full, not in a clipped cell
    assert any("Kegiatan berjalan sesuai rencana" in m.value for m in at.markdown)


def test_riwayat_names_people_and_roles_as_they_are_said(app_db):
    at = login("sekretaris")
    _open_url(at, "antrian")
    riwayat = _tabel(at, "Peran")
    assert set(riwayat["Peran"]) == {"Staf Bidang", "Pengelola Monev"}
    assert "Rina Marlina, S.E." in riwayat["Oleh"].tolist()
    assert not riwayat.isin(["staf_bidang", "pengelola_monev", "monev"]).any().any()


def test_return_without_reason_says_so_beside_the_field(app_db):
    at = login("monev")
    _open_url(at, "antrian")
    at.button(key="kembalikan").click().run()
    assert not at.exception
    kolom = next(c for c in at.columns if any(t.label.startswith("Alasan") for t in c.text_area))
    assert [e.value for e in kolom.error] == [
        "Tuliskan alasan pengembalian; unit membacanya untuk memperbaiki data."
    ]
    assert _tabel(at, "Menunggu sejak")["Status"].tolist() == ["Diajukan"]  # nothing returned
    kolom.text_area[0].input("IKU 2 tanpa bukti dukung.")
    at.button(key="kembalikan").click().run()
    assert any("dikembalikan" in s.value for s in at.success)


def test_sahkan_asks_for_confirmation_first(app_db):
    at = login("kadis")
    _open_url(at, "antrian")
    at.button(key="setujui").click().run()
    assert not at.exception
    assert _tabel(at, "Menunggu sejak")["Status"].tolist() == ["Diparaf"]  # not signed yet
    assert at.button(key="konfirmasi_ya").label == "Ya, sahkan"
    assert any("tanda tangan" in m.value for m in at.markdown)
    at.button(key="konfirmasi_batal").click().run()  # cancelled: nothing changes
    assert not at.exception and "konfirmasi_ya" not in [b.key for b in at.button]
    assert _tabel(at, "Menunggu sejak")["Status"].tolist() == ["Diparaf"]
    at.button(key="setujui").click().run()
    at.button(key="konfirmasi_ya").click().run()
    assert not at.exception
    assert any("disahkan" in s.value for s in at.success)
    assert "Tidak ada pengajuan yang menunggu Anda." in _teks(at.success)


@pytest.mark.parametrize(
    ("user", "kata"),
    [("monev", "Verifikasi"), ("sekretaris", "Paraf"), ("kadis", "Sahkan")],
)
def test_bulk_button_names_the_callers_step(app_db, user, kata):
    at = login(user)
    _open_url(at, "antrian")
    _pilih_antrian(at, [0])
    assert at.button(key="setujui_massal").label == f"{kata} 1 pengajuan"
    assert not any(b.label.startswith("Setujui") for b in at.button)


def test_bulk_approval_is_confirmed_and_leaves_remaining_rows_usable(app_db):
    """Paraf 2 of 3 rows: a confirmation first, then the queue with the row left and nothing
    selected (the old selection pointed past the end: an IndexError, issue 15)."""
    _sekretaris_tiga_baris(app_db)
    at = login("sekretaris")
    _open_url(at, "antrian")
    assert len(_tabel(at, "Menunggu sejak")) == 3
    _pilih_antrian(at, [0, 1])
    assert at.button(key="setujui_massal").label == "Paraf 2 pengajuan"
    at.button(key="setujui_massal").click().run()
    assert not at.exception
    assert len(_tabel(at, "Menunggu sejak")) == 3  # asked first, nothing done yet
    assert at.button(key="konfirmasi_ya").label == "Ya, paraf 2 pengajuan"
    at.button(key="konfirmasi_ya").click().run()
    assert not at.exception, at.exception
    assert "2 pengajuan diparaf." in _teks(at.success)
    sisa = _tabel(at, "Menunggu sejak")
    assert len(sisa) == 1
    assert "setujui_massal" not in [b.key for b in at.button]  # the old ticks are gone
    at.button(key="setujui").click().run()  # the remaining row still works
    assert not at.exception
    assert any("diparaf" in s.value for s in at.success)


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "Laporan kegiatan")
    c.save()
    return buf.getvalue()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.mark.parametrize(
    ("nama", "isi", "jenis_elemen"),
    [("bukti.pdf", None, "pdf"), ("foto.png", PNG, "imgs"), ("rekap.xlsx", None, "unduh")],
)
def test_evidence_opens_in_the_app(app_db, tmp_path, monkeypatch, nama, isi, jenis_elemen):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path / "data")
    if isi is None:
        isi = _pdf() if nama.endswith(".pdf") else b"PK\x03\x04" + b"\x00" * 40
    con = store.connect(app_db)
    try:
        pka = _unit(con, "PKA")
        ind = con.execute("SELECT id FROM indikator WHERE kode = 'PKA.01'").fetchone()[0]
        ref = bukti.simpan_berkas(pka, 2026, 3, nama, isi)
        con.execute(
            "UPDATE realisasi SET bukti = ? WHERE indikator_id = ? AND tahun = 2026 "
            "AND triwulan = 3",
            [ref, ind],
        )
    finally:
        con.close()
    at = login("monev")
    _open_url(at, "antrian")
    assert not at.exception, at.exception
    nilai = _tabel(at, "Kode").set_index("Kode")
    unduh = [b for b in at.get("download_button") if b.proto.label.startswith("Unduh ")]
    assert len(unduh) == 1 and nama.split(".")[0] in unduh[0].proto.label
    if jenis_elemen == "pdf":
        assert nilai.loc["PKA.01", "Bukti"] == "PDF"
        assert [e for e in at.main if type(e).__name__ == "UnknownElement"], "no PDF viewer"
    elif jenis_elemen == "imgs":
        assert nilai.loc["PKA.01", "Bukti"] == "Gambar"
        assert at.get("image")
    else:
        assert nilai.loc["PKA.01", "Bukti"] == "XLSX"
        assert any("tidak dapat ditampilkan" in c.value for c in at.caption)


# --- Periode pengumpulan ----------------------------------------------------------------


def test_close_period_asks_first_and_lists_units_not_submitted(app_db):
    at = login("monev")
    _open_url(at, "periode")
    at.button(key="tutup").click().run()
    assert not at.exception, at.exception
    daftar = _tabel(at, "Status pengajuan")
    assert daftar["Unit"].tolist() == [
        "Bidang Deposit dan Pelestarian Bahan Pustaka",
        "Bidang Pengelolaan Arsip",
    ]
    assert daftar["Status pengajuan"].tolist() == [
        "Belum mengisi",
        "Dikembalikan, belum diajukan ulang",
    ]
    assert daftar["Indikator terisi"].tolist() == ["0 dari 6", "5 dari 5"]
    assert _tabel(at, "Tenggat")["Status"].tolist()[0] == "Dibuka"  # not closed yet
    at.button(key="tutup_ya").click().run()
    assert not at.exception
    assert "Periode ditutup." in _teks(at.success)
    assert "Dibuka" not in _tabel(at, "Tenggat")["Status"].tolist()


def test_new_period_defaults_to_the_next_one_not_yet_opened(app_db):
    at = login("monev")
    _open_url(at, "periode")
    assert at.number_input(key="baru_tahun").value == 2026
    assert at.selectbox(key="baru_triwulan").value == 4


def _tutup_tw3(app_db: Path) -> None:
    con = store.connect(app_db)
    try:
        periode.tutup_periode(con, _akses(con, "monev"), TW3)
    finally:
        con.close()


def test_unit_with_a_draft_in_a_closed_period_asks_for_a_reopen(app_db):
    _tutup_tw3(app_db)
    at = login("staf.par")
    _open_url(at, "entri")
    assert not at.exception, at.exception
    assert any("sudah ditutup" in w.value for w in at.warning)
    at.button(key="minta_buka_11").click().run()
    assert _teks(at.error) == ["Tuliskan alasan meminta periode dibuka kembali."]
    at.text_area(key="alasan_buka_11").input("Data kunjungan baru diterima dari UPT.")
    at.button(key="minta_buka_11").click().run()
    assert not at.exception
    assert any("Permintaan dikirim" in s.value for s in at.success)
    assert any("menunggu jawaban Pengelola Monev" in i.value for i in at.info)

    monev = login("monev")
    _open_url(monev, "periode")
    minta = _tabel(monev, "Alasan unit")
    assert minta["Unit"].tolist() == ["Bidang Pengelolaan Arsip"]
    assert minta["Alasan unit"].tolist() == ["Data kunjungan baru diterima dari UPT."]
    assert any("Diminta oleh Operator Bidang Pengelolaan Arsip" in c for c in _teks(monev.caption))
    monev.button(key="kabulkan").click().run()
    assert not monev.exception
    assert any("dibuka kembali" in s.value for s in monev.success)

    _open_url(at, "entri")
    assert not at.warning or not any("sudah ditutup" in w.value for w in at.warning)
    assert at.selectbox[0].value == TW3  # the draft is reachable again


def test_refused_reopen_request_shows_the_reason_to_the_unit(app_db):
    _tutup_tw3(app_db)
    con = store.connect(app_db)
    try:
        periode.minta_buka_kembali(
            con, _akses(con, "staf.par"), TW3, _unit(con, "PAR"), "Terlambat input."
        )
    finally:
        con.close()
    monev = login("monev")
    _open_url(monev, "periode")
    monev.button(key="tolak").click().run()
    assert any("Alasan menolak wajib diisi" in e.value for e in monev.error)
    monev.text_input(key="jawaban_permintaan").input("Data TW III sudah direkap untuk LKj.")
    monev.button(key="tolak").click().run()
    assert any("ditolak" in s.value for s in monev.success)
    at = login("staf.par")
    _open_url(at, "entri")
    assert any("Data TW III sudah direkap untuk LKj." in w for w in _teks(at.warning))


# --- Perbaikan data ---------------------------------------------------------------------


def _ajukan_perbaikan(app_db: Path) -> int:
    """A correction asked by staf.sek next to the demo's signed ones; its id."""
    con = store.connect(app_db)
    try:
        ind = con.execute("SELECT id FROM indikator WHERE kode = 'SEK.01'").fetchone()[0]
        return perbaikan.ajukan(
            con,
            _akses(con, "staf.sek"),
            ind,
            2026,
            3,
            "7",
            "Salah ketik pada rekap bulanan.",
            "https://drive.example/berita-acara.pdf",
        )
    finally:
        con.close()


def test_correction_form_shows_the_value_being_corrected(app_db):
    at = login("staf.sek")
    _open_url(at, "perbaikan")
    assert not at.exception, at.exception
    at.selectbox(key="riwayat_tw").select(2).run()  # TW II 2026: signed
    kalimat = [m for m in _teks(at.markdown) if "Nilai yang diperbaiki" in m]
    assert kalimat and "nilai saat ini (disahkan)" in kalimat[0]


def test_reviewers_read_the_reason_and_evidence_of_a_correction(app_db):
    pid = _ajukan_perbaikan(app_db)
    at = login("monev")
    _open_url(at, "perbaikan")
    assert not at.exception, at.exception
    tabel = _tabel(at, "Diajukan oleh")
    assert set(tabel["Status"]) == {"Diajukan", "Disahkan"}  # the demo's are signed
    baru = tabel[tabel["Status"] == "Diajukan"]
    assert baru["Diajukan oleh"].tolist() == ["Operator Sekretariat"]
    assert "id" not in tabel.columns
    pilih = at.selectbox(key="perbaikan_pilih")
    assert pilih.value == pid and len(pilih.options) == 1  # only the one waiting for monev
    assert not any(o.startswith("#") for o in at.selectbox(key="perbaikan_pilih").options)
    teks = _teks(at.markdown)
    assert "https://drive.example/berita-acara.pdf" in teks
    assert "Salah ketik pada rekap bulanan." in teks
    at.button(key="setujui_perbaikan").click().run()
    assert any("diverifikasi" in s for s in _teks(at.success))


def test_signing_a_correction_asks_first(app_db):
    pid = _ajukan_perbaikan(app_db)
    con = store.connect(app_db)
    try:
        perbaikan.proses(con, _akses(con, "monev"), pid, "setujui")
        perbaikan.proses(con, _akses(con, "sekretaris"), pid, "setujui")
    finally:
        con.close()
    at = login("kadis")
    _open_url(at, "perbaikan")
    assert at.selectbox(key="perbaikan_pilih").value == pid
    at.button(key="setujui_perbaikan").click().run()
    assert not at.exception
    assert at.button(key="konfirmasi_ya").label == "Ya, sahkan"
    status = _tabel(at, "Diajukan oleh")["Status"].tolist()
    assert status.count("Diparaf") == 1 and set(status) == {"Diparaf", "Disahkan"}  # not yet
    at.button(key="konfirmasi_ya").click().run()
    assert not at.exception
    assert _tabel(at, "Diajukan oleh")["Status"].tolist() == ["Disahkan"] * len(status)
