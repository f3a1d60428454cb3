"""What the user reads (issue 15, items 5, 8 and 9): key columns first, Indonesian words for
roles and events, Keluar always at the top of the page, a message for a page not granted."""

from __future__ import annotations

from dashboard.periode import ketepatan
from dashboard.periode.ketepatan import MENIT_HARI_KERJA
from dashboard.review import alur

from .conftest import login


def test_durations_and_actor_names_read_as_indonesian():
    assert ketepatan.uraian_menit(1371 * MENIT_HARI_KERJA + 120) == "1.371 hari 2 jam"
    assert ketepatan.nama_pelaksana("BIDANG") == "Bidang"
    assert ketepatan.nama_pelaksana("KEPALA DINAS, UPT") == "Kepala Dinas, UPT"
    assert ketepatan.nama_pelaksana("Fungsional") == "Fungsional"
    assert alur.label_peristiwa("transisi") == "Perubahan status"
    assert alur.label_peristiwa("rapat_dibuat") == "Rapat dibuat"
    assert alur.label_status("diverifikasi") == "Diverifikasi"
    assert alur.label_status(None) == "–"


def test_blank_required_field_says_wajib_diisi(demo_con):
    import pytest

    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.akun.akses import SISTEM

    data = {"username": "", "nama": "Budi Santoso", "peran": ["admin"], "instansi_id": 1}
    with pytest.raises(ValueError, match="Nama pengguna: wajib diisi"):
        pengguna.buat_pengguna(demo_con, SISTEM, data, "Sandi#Kuat2026x", rounds=4)
    with pytest.raises(ValueError, match=r"Nama pengguna: terlalu pendek \(minimal 3"):
        pengguna.buat_pengguna(demo_con, SISTEM, {**data, "username": "ab"}, "Sandi#Kuat2026x")


def test_keluar_is_at_the_top_of_the_page_not_in_the_sidebar(app_db):
    at = login("admin")
    assert not [b for b in at.sidebar.button if b.label == "Keluar"]
    keluar = at.button(key="tombol_keluar")
    assert keluar.label == "Keluar"
    # above the page's title: the first elements of the main area are the name row and Keluar
    assert "Administrator" in at.markdown[0].value


def test_pengguna_table_names_roles_and_shows_no_none(app_db):
    at = login("admin")
    at.switch_page("app_pages/admin_pengguna.py").run()
    tabel = at.dataframe[0].value
    assert list(tabel.columns[:4]) == ["Nama pengguna", "Nama", "Status", "Peran"]
    assert "Instansi" not in tabel.columns  # one instansi: no column that says nothing
    assert "Gagal masuk" in tabel.columns
    assert "Staf Bidang" in tabel["Peran"].tolist()
    assert not tabel["Peran"].str.contains("_").any()
    assert (tabel.loc[tabel["Nama pengguna"] == "kadis", "Unit"] == "–").all()
    assert at.multiselect[0].placeholder == "Pilih peran"


def test_monev_tables_lead_with_their_key_columns(app_db):
    at = login("kadis")
    at.switch_page("app_pages/tindak_lanjut.py").run()
    assert not at.exception
    tl = at.dataframe[0].value
    assert list(tl.columns[:3]) == ["Unit PIC", "Batas waktu", "Status"]

    at.switch_page("app_pages/hasil_monev.py").run()
    assert not at.exception
    lewat = next(d.value for d in at.dataframe if "Terlambat (hari)" in d.value.columns)
    assert list(lewat.columns[:2]) == ["Unit PIC", "Terlambat (hari)"]
    rapat = next(d.value for d in at.dataframe if "Judul" in d.value.columns)
    assert "Kesimpulan dan keputusan" not in rapat.columns  # read in full below the table
    assert at.selectbox(key="hasil_rapat").label == "Kesimpulan dan keputusan rapat"


def test_ketepatan_speaks_indonesian(app_db):
    at = login("kadis")
    at.switch_page("app_pages/ketepatan.py").run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert "Langkah diulang" in labels and not any("rework" in x.lower() for x in labels)
    langkah = at.dataframe[0].value
    assert list(langkah.columns[:6]) == [
        "No",
        "Aktivitas",
        "Pelaksana",
        "Standar",
        "Dalam standar",
        "Lewat",
    ]
    assert not langkah["Pelaksana"].str.fullmatch(r"[A-Z ]{5,}").any()  # no "BIDANG"


def test_daftar_sop_opens_on_the_agencys_own_sop(app_db):
    at = login("staf.lyn")
    at.switch_page("app_pages/sop.py").run()
    assert not at.exception
    pilih = at.selectbox(key="sop_kode")
    label = pilih.options[pilih.index]
    assert "contoh instansi lain" not in label, label  # the agency's own SOP comes first
    assert "contoh instansi lain" in pilih.options[-1]  # the library's examples follow
