"""Monev pages through AppTest: the Pengelola Monev records a meeting with the proposed agenda
and a finding, a Bidang updates its follow-up, the Pengelola Monev closes it, the Kadis reads
meetings, decisions and what is overdue. Typed text is shown inert."""

from __future__ import annotations

import json
import re

import duckdb

from dashboard.inti import web

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


def _pemilih(at):
    """The meeting selector (its key follows its labels)."""
    return next(s for s in at.selectbox if s.label == "Rapat")


def _label(pemilih) -> str:
    """The selected option as the user reads it."""
    return pemilih.options[pemilih.index]


def _terbaru(app_db) -> int:
    return _db(app_db, "SELECT id FROM rapat ORDER BY waktu DESC, id DESC LIMIT 1")[0][0]


def _pilih_tl(at):
    """The follow-up selector (its key follows its labels: ui.pilih_berlabel)."""
    return next(s for s in at.selectbox if s.label == "Pilih tindak lanjut")


def test_monev_records_meeting_with_proposed_agenda_and_finding(app_db):
    at = login("monev")
    _open_url(at, "rapat")
    assert not at.exception and at.title[0].value == "Rapat monev"
    assert "Triwulan II TA 2026" in _tabel(at, "Judul")["Periode"].tolist()
    assert _pemilih(at).value == _terbaru(app_db)  # opens on the latest meeting
    _pemilih(at).set_value(0).run()  # + Catat rapat baru
    editor = at.data_editor(key="baru_agenda_2026_3")
    assert editor.editing_mode == "dynamic"
    usulan = editor.value
    assert "Penyampaian data" in set(usulan["jenis_tampil"])
    assert any("belum menyampaikan data" in u for u in usulan["uraian"])
    assert usulan["bahas"].all() and list(usulan["urutan"]) == list(range(1, len(usulan) + 1))
    peserta = at.data_editor(key="baru_peserta").value
    assert peserta["nama"].tolist() == [_db(app_db, "SELECT kepala_nama FROM instansi")[0][0]]
    unit_lyn = _db(app_db, "SELECT id FROM unit WHERE kode = 'LYN'")[0][0]
    # the tables as a person edits them: first proposal unticked, the last moved to the top,
    # an item added; a Bidang head added with the unit picked from the list
    terakhir = len(usulan) - 1
    at.session_state["baru_agenda_2026_3"] = {
        "edited_rows": {0: {"bahas": False}, terakhir: {"urutan": 1}},
        "added_rows": [{"uraian": "Rencana aksi triwulan IV"}],
        "deleted_rows": [],
    }
    at.session_state["baru_peserta"] = {
        "edited_rows": {},
        "added_rows": [{"nama": "Kabid Layanan", "jabatan": "Kepala Bidang", "unit_id": unit_lyn}],
        "deleted_rows": [],
    }
    at.text_area(key="baru_ringkasan").input(JAHAT)
    _tombol(at, "Simpan rapat (draf)").click().run()
    assert not at.exception
    assert any("Rapat tersimpan sebagai draf" in s for s in _sukses(at)), [
        e.value for e in at.error
    ]
    rid = _pemilih(at).value
    assert rid != 0 and rid == _terbaru(app_db) and at.query_params["rapat"] == str(rid)
    agenda = _db(
        app_db, "SELECT uraian, sumber FROM rapat_agenda WHERE rapat_id = $1 ORDER BY urutan", [rid]
    )
    assert agenda[0] == (usulan["uraian"][terakhir], "usulan")
    assert agenda[-1] == ("Rencana aksi triwulan IV", "manual")
    assert len(agenda) == len(usulan) and usulan["uraian"][0] not in [a[0] for a in agenda]
    assert _db(
        app_db, "SELECT nama, unit_id FROM rapat_peserta WHERE rapat_id = $1 ORDER BY urutan", [rid]
    ) == [(peserta["nama"][0], None), ("Kabid Layanan", unit_lyn)]

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

    # still a draft: the dropped proposal comes back when the data is read again, unticked;
    # ticking it and saving puts it on the agenda, with no revision
    _tombol(at, "Usulkan ulang agenda dari data").click().run()
    versi = _db(app_db, "SELECT versi FROM rapat WHERE id = $1", [rid])[0][0]
    kunci = f"ubah{rid}v{versi}_agenda_1"
    tabel = at.data_editor(key=kunci).value
    baru = tabel[tabel["sumber_tampil"] == "Usulan baru"]
    assert baru["uraian"].tolist() == [usulan["uraian"][0]] and not baru["bahas"].any()
    at.session_state[kunci] = {
        "edited_rows": {int(baru.index[0]): {"bahas": True, "urutan": 1}},
        "added_rows": [],
        "deleted_rows": [],
    }
    _tombol(at, "Simpan perubahan").click().run()
    assert any("Perubahan rapat tersimpan" in s for s in _sukses(at)), [e.value for e in at.error]
    agenda = _db(
        app_db, "SELECT uraian FROM rapat_agenda WHERE rapat_id = $1 ORDER BY urutan", [rid]
    )
    assert agenda[0][0] == usulan["uraian"][0] and len(agenda) == len(usulan) + 1
    assert _db(app_db, "SELECT count(*) FROM rapat_revisi WHERE rapat_id = $1", [rid]) == [(0,)]


def test_bidang_updates_follow_up_and_monev_closes_it(app_db):
    at = login("staf.lyn")
    _open_url(at, "tindak-lanjut")
    assert not at.exception and at.title[0].value == "Tindak lanjut"
    assert set(_tabel(at, "Unit PIC")["Unit PIC"]) == {"Bidang Layanan dan Otomasi Perpustakaan"}
    tl_id = _pilih_tl(at).value
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
    _pilih_tl(at).set_value(tl_id).run()
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
    rapat = _tabel(at, "Judul")  # the decisions are read in full below the table
    assert len(rapat) == 4 and "Kesimpulan dan keputusan" not in rapat.columns
    assert any("percepatan" in m.value for m in at.markdown)
    chart = at.get("plotly_chart")[0]
    assert '"separators":",."' in chart.proto.spec.replace(" ", "")

    _open_url(at, "rapat")  # read only: no new meeting, no edit forms; the latest one open
    assert _pemilih(at).value == _terbaru(app_db) and 0 not in _pemilih(at).options
    # the head of the agency sits in no unit: her jabatan stands there, never "None"
    peserta = _tabel(at, "Jabatan")
    kadis = _db(app_db, "SELECT kepala_nama, kepala_jabatan FROM instansi")[0]
    baris = peserta[peserta["Nama"] == kadis[0]].iloc[0]
    assert baris["Unit"] == baris["Jabatan"] != ""
    assert not peserta.isin(["None", "— di luar unit kerja —"]).any(axis=None)
    assert not any(b.label in ("Simpan temuan", "Finalkan notulen") for b in at.button)
    assert [b.label for b in at.get("download_button")] == [
        "Notulen (PDF)",
        "Notulen (DOCX)",
        "Bahan rapat (PDF)",
        "Undangan (PDF)",  # the invitation the demo sent, as sent (read only)
        "Undangan (DOCX)",
    ]
    assert not any(b.label in ("Kirim ulang undangan", "Arsipkan rapat") for b in at.button)

    _open_url(at, "tindak-lanjut")  # read only too
    assert not any(b.label in ("Simpan progres", "Tutup (Selesai)") for b in at.button)


def test_selected_meeting_kept_through_finalising_and_reruns(app_db):
    """An older draft picked from the list stays open after a finding is added, after
    "Finalkan" (its label turns Final) and after a rerun without a change (a download click);
    "Finalkan notulen" comes after the findings form; the address holds the meeting."""
    rid = _db(app_db, "SELECT id FROM rapat ORDER BY waktu LIMIT 1")[0][0]
    _db(app_db, "UPDATE rapat SET status = 'draf', revisi = 0 WHERE id = $1", [rid])
    web.kosongkan_cache()  # cached reads of an earlier test's store
    at = login("monev")
    _open_url(at, "rapat")
    assert rid != _terbaru(app_db)
    _pemilih(at).set_value(rid).run()
    assert _label(_pemilih(at)).endswith("(Draf)")
    label = [b.label for b in at.button]
    assert label.index("Finalkan notulen") > label.index("Simpan temuan")
    at.text_area(key="tm_masalah").input("Data belum lengkap disampaikan")
    at.text_input(key="tl_uraian").input("Melengkapi data dan bukti dukung")
    _tombol(at, "Simpan temuan").click().run()
    assert any("Temuan dan tindak lanjutnya tersimpan" in s for s in _sukses(at))
    assert _pemilih(at).value == rid
    _tombol(at, "Finalkan notulen").click().run()
    assert not at.error, [e.value for e in at.error]
    assert _db(app_db, "SELECT status FROM rapat WHERE id = $1", [rid]) == [("final",)]
    assert _pemilih(at).value == rid and _label(_pemilih(at)).endswith("(Final)")
    at.run()  # what a download click does at most: a rerun
    assert _pemilih(at).value == rid and at.query_params["rapat"] == str(rid)
    assert not any(s.value == "Catat rapat baru" for s in at.subheader)


def test_duplicate_meeting_asks_before_saving(app_db):
    """The same new meeting submitted twice: the second time the page names the meeting that
    exists and saves nothing until "Tetap simpan sebagai rapat terpisah"; "Buka rapat yang
    sudah ada" opens that one instead. A participant row added blank starts empty."""
    at = login("monev")
    _open_url(at, "rapat")
    _pemilih(at).set_value(0).run()
    kolom = json.loads(at.data_editor(key="baru_peserta").proto.columns)
    assert kolom["nama"]["default"] == "" and kolom["jabatan"]["default"] == ""
    _tombol(at, "Simpan rapat (draf)").click().run()
    assert any("Rapat tersimpan sebagai draf" in s for s in _sukses(at)), [
        e.value for e in at.error
    ]
    pertama = _pemilih(at).value
    n = _db(app_db, "SELECT count(*) FROM rapat")[0][0]

    _pemilih(at).set_value(0).run()
    _tombol(at, "Simpan rapat (draf)").click().run()
    assert not at.exception
    assert any("sudah tercatat" in w.value for w in at.warning), [w.value for w in at.warning]
    assert _db(app_db, "SELECT count(*) FROM rapat")[0][0] == n
    _tombol(at, "Buka rapat yang sudah ada").click().run()
    assert _pemilih(at).value == pertama and not at.warning

    _pemilih(at).set_value(0).run()
    _tombol(at, "Simpan rapat (draf)").click().run()
    _tombol(at, "Tetap simpan sebagai rapat terpisah").click().run()
    assert any("Rapat tersimpan sebagai draf" in s for s in _sukses(at)), [
        e.value for e in at.error
    ]
    kedua = _pemilih(at).value
    assert kedua not in (0, pertama) and _db(app_db, "SELECT count(*) FROM rapat")[0][0] == n + 1
    # the two are told apart in the selector
    assert len(set(_pemilih(at).options)) == len(_pemilih(at).options)
