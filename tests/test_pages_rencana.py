"""The admin pages of issue 13 item 2 through AppTest: Rencana kinerja, Anggaran, and the plan
link, PK flag and Renstra targets on Indikator dan target."""

from __future__ import annotations

from dashboard.inti import store

from .conftest import login, tombol
from .test_pages import _open_url


def _db(app_db):
    return store.connect(app_db)


def test_rencana_page_adds_a_tujuan_and_refuses_delete_of_a_node_with_data(app_db):
    at = login("admin")
    _open_url(at, "admin-rencana")
    assert not at.exception
    assert at.title[0].value == "Rencana kinerja"
    tabel = at.dataframe[0].value
    assert "2.23.01.2.01.0001" in tabel["Kode"].tolist()
    kode, nama = at.text_input[0], at.text_input[1]
    kode.input("T9")
    nama.input("Tujuan baru dari halaman")
    tombol(at).click().run()
    assert not at.exception
    assert "Tujuan disimpan" in at.success[0].value, [e.value for e in at.error]
    assert "T9" in at.dataframe[0].value["Kode"].tolist()
    # a program with kegiatan under it: no delete button, the reason instead
    at.selectbox(key="rencana_tingkat").select("Program").run()
    at.selectbox(key="rencana_pilih_Program").select_index(1).run()
    assert not any(b.label == "Hapus" for b in at.button)
    assert any("Tidak dapat dihapus" in c.value for c in at.caption)
    # a bad code is refused with the format
    at.text_input[0].input("2.23")
    tombol(at).click().run()
    assert "tidak sesuai format" in at.error[0].value


def test_rencana_page_retires_a_node(app_db):
    at = login("admin")
    _open_url(at, "admin-rencana")
    at.selectbox(key="rencana_tingkat").select("Sub Kegiatan").run()
    at.selectbox(key="rencana_pilih_Sub Kegiatan").select_index(1).run()
    at.button(key="rencana_nonaktifkan").click().run()
    assert "1 simpul dinonaktifkan" in at.success[0].value
    con = _db(app_db)
    try:
        assert con.execute("SELECT count(*) FROM sub_kegiatan WHERE NOT aktif").fetchone()[0] == 1
    finally:
        con.close()


def test_anggaran_page_shows_and_saves(app_db):
    at = login("admin")
    _open_url(at, "admin-anggaran")
    assert not at.exception
    assert at.title[0].value == "Anggaran"
    assert at.metric[0].value.startswith("Rp ")
    at.number_input(key="anggaran_tahun").set_value(2026).run()
    at.button(key="anggaran_simpan").click().run()
    assert "0 sub kegiatan berubah" in at.success[0].value, [e.value for e in at.error]


def test_indikator_page_links_node_pk_and_renstra(app_db):
    at = login("admin")
    _open_url(at, "admin-indikator")
    tabel = at.dataframe[0].value
    assert {"Kedudukan", "PK"} <= set(tabel.columns)
    assert "belum ditautkan" not in tabel["Kedudukan"].tolist()
    at.selectbox[0].select_index(1).run()
    kedudukan = next(s for s in at.selectbox if s.label == "Kedudukan dalam rencana")
    tujuan = next(o for o in kedudukan.options if o.startswith("Tujuan T2"))
    kedudukan.select(tujuan)
    tombol(at).click().run()
    assert at.success, [e.value for e in at.error]
    # Renstra targets: five years shown, a mix of single and range refused
    renstra = [t for t in at.text_input if t.key and t.key.startswith("rs_2")]
    assert len(renstra) == 5 and all(t.value for t in renstra)
    next(t for t in at.text_input if t.key == "rs_atas_2024").input("999")
    next(b for b in at.button if b.label == "Simpan target Renstra").click().run()
    assert "tidak boleh dicampur" in at.error[0].value
    con = _db(app_db)
    try:
        assert (
            con.execute("SELECT count(*) FROM indikator WHERE tujuan_id IS NOT NULL").fetchone()[0]
            == 1
        )
    finally:
        con.close()
