"""Monev pages through AppTest: the Pengelola Monev records a meeting with the proposed agenda
and a finding, a Bidang updates its follow-up, the Pengelola Monev closes it, the Kadis reads
meetings, decisions and what is overdue. Typed text is shown inert."""

from __future__ import annotations

import re

import duckdb

from .conftest import login
from .test_pages import _open_url, _tabel

JAHAT = "**tebal** <b>x</b> [tautan](http://contoh)"


def _tombol(at, label: str):
    return next(b for b in at.button if b.label == label)


def _sukses(at) -> list[str]:
    """Success messages as a person reads them (user text in them is markdown-escaped)."""
    return [re.sub(r"\\(.)", r"\1", s.value) for s in at.success]


def _db(app_db, sql: str, params=None):
    con = duckdb.connect(str(app_db))
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_monev_records_meeting_with_proposed_agenda_and_finding(app_db):
    at = login("monev")
    _open_url(at, "rapat")
    assert not at.exception and at.title[0].value == "Rapat monev"
    assert "Triwulan II TA 2026" in _tabel(at, "Judul")["Periode"].tolist()
    assert at.selectbox(key="rapat_pilih").value == 0  # new meeting
    usulan = _tabel(at, "Uraian")
    assert "Penyampaian data" in set(usulan["Jenis"])
    assert any("belum menyampaikan data" in u for u in usulan["Uraian"])
    ms = at.multiselect[0]
    assert ms.value == list(range(len(usulan)))
    ms.unselect(0).run()
    at.text_area(key="baru_ringkasan").input(JAHAT)
    at.text_area(key="baru_tambahan").input("Rencana aksi triwulan IV")
    _tombol(at, "Simpan rapat (draf)").click().run()
    assert not at.exception
    assert any("Rapat tersimpan sebagai draf" in s for s in _sukses(at)), [
        e.value for e in at.error
    ]
    rid = at.selectbox(key="rapat_pilih").value
    assert rid != 0
    agenda = _db(
        app_db,
        "SELECT sumber, count(*) FROM rapat_agenda WHERE rapat_id = $1 GROUP BY 1 ORDER BY 1",
        [rid],
    )
    assert agenda == [("manual", 1), ("usulan", len(usulan) - 1)]

    # the summary typed with markdown and HTML is shown as plain text
    assert any(t.value == JAHAT for t in at.text)
    assert not any("tautan" in m.value for m in at.markdown)

    at.text_area(key="tm_masalah").input("Data belum lengkap disampaikan")
    at.text_input(key="tl_uraian").input("Melengkapi data dan bukti dukung")
    _tombol(at, "Simpan temuan").click().run()
    assert any("Temuan dan tindak lanjutnya tersimpan" in s for s in _sukses(at)), [
        e.value for e in at.error
    ]
    _tombol(at, "Finalkan notulen").click().run()
    assert any("kesimpulan" in e.value for e in at.error)
    assert _db(app_db, "SELECT status FROM rapat WHERE id = $1", [rid]) == [("draf",)]


def test_bidang_updates_follow_up_and_monev_closes_it(app_db):
    at = login("staf.lyn")
    _open_url(at, "tindak-lanjut")
    assert not at.exception and at.title[0].value == "Tindak lanjut"
    assert set(_tabel(at, "Unit PIC")["Unit PIC"]) == {"Bidang Layanan dan Otomasi Perpustakaan"}
    tl_id = at.selectbox(key="tl_pilih").value
    at.radio(key=f"tl_status_{tl_id}").set_value("Dalam Proses")
    at.text_area(key=f"tl_catatan_{tl_id}").input("Jadwal percepatan sudah disusun.")
    at.checkbox(key=f"tl_minta_{tl_id}").check()
    _tombol(at, "Simpan progres").click().run()
    assert not at.exception
    assert any("Permintaan tutup dikirim" in s for s in _sukses(at)), [e.value for e in at.error]
    assert _db(app_db, "SELECT status, minta_tutup FROM tindak_lanjut WHERE id = $1", [tl_id]) == [
        ("Dalam Proses", True)
    ]
    assert not any(b.label == "Tutup (Selesai)" for b in at.button)

    at = login("monev")
    _open_url(at, "tindak-lanjut")
    assert at.segmented_control(key="tl_tampil").value == "Minta ditutup"
    at.selectbox(key="tl_pilih").set_value(tl_id).run()
    _tombol(at, "Tutup (Selesai)").click().run()
    assert any("ditutup (Selesai)" in s for s in _sukses(at)), [e.value for e in at.error]
    assert _db(app_db, "SELECT status FROM tindak_lanjut WHERE id = $1", [tl_id]) == [("Selesai",)]


def test_kadis_sees_meetings_decisions_and_overdue_by_unit(app_db):
    at = login("kadis")
    _open_url(at, "hasil-monev")
    assert not at.exception and at.title[0].value == "Hasil monev"
    rekap = _tabel(at, "Lewat batas")
    assert rekap["Lewat batas"].sum() > 0
    lewat = _tabel(at, "Terlambat (hari)")
    assert (lewat["Terlambat (hari)"] > 0).all()
    assert lewat["Batas waktu"].str.match(r"^\d{1,2} [A-Z][a-z]+ \d{4}$").all()
    rapat = _tabel(at, "Kesimpulan dan keputusan")
    assert len(rapat) == 4 and rapat["Kesimpulan dan keputusan"].str.contains("percepatan").all()
    chart = at.get("plotly_chart")[0]
    assert '"separators":",."' in chart.proto.spec.replace(" ", "")

    _open_url(at, "rapat")  # read only: no new meeting, no edit forms
    assert at.selectbox(key="rapat_pilih").value != 0
    assert not any(b.label in ("Simpan temuan", "Finalkan notulen") for b in at.button)
    assert len(at.get("download_button")) == 3

    _open_url(at, "tindak-lanjut")  # read only too
    assert not any(b.label in ("Simpan progres", "Tutup (Selesai)") for b in at.button)
