"""Checks of one entry row: what blocks, what warns, the live capaian."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.capaian.skala import SKALA_BAKU
from dashboard.pengumpulan.entri import IndikatorEntri, Isian, belum_disimpan, periksa, sama_isian

SUM = IndikatorEntri(
    1,
    "A.01",
    "Jumlah pengunjung",
    "orang",
    target_tahunan=10000,
    target=(2000, 2500, 2500, 3000),
    realisasi=(1800, None, None, None),
    riwayat=(1900, 2100, 2400, 2600),
)
PERSEN = IndikatorEntri(
    2,
    "A.02",
    "Persentase dokumen",
    "%",
    cara_agregasi="LAST",
    target_tahunan=80,
    target=(20, 40, 60, 80),
    realisasi=(18, 41, None, None),
)


def test_live_capaian_and_category():
    h = periksa(SUM, 2, "2.600", None)
    assert h.nilai == 2600 and round(h.capaian, 2) == 97.78
    assert h.kategori == "Sangat Tinggi" and h.progres_tahunan == pytest.approx(44)
    assert h.boleh_disimpan and not h.peringatan


@pytest.mark.parametrize(("teks", "pesan"), [("dua ribu", "bukan angka"), ("58%", "bukan angka")])
def test_unreadable_value_cannot_be_stored(teks, pesan):
    h = periksa(SUM, 2, teks, "catatan")
    assert not h.boleh_disimpan and not h.boleh_diajukan and pesan in h.galat[0]


def test_a_note_too_long_cannot_be_stored():
    h = periksa(SUM, 2, "2.000", "x" * 2001)
    assert not h.boleh_disimpan and "terlalu panjang" in h.galat[0]


def test_negative_is_kept_in_the_draft_but_blocks_the_submission():
    h = periksa(SUM, 2, "-5", "catatan")
    assert h.nilai == -5 and h.boleh_disimpan and not h.boleh_diajukan
    assert "negatif" in h.penghalang[0] and not h.galat


def test_percentage_above_100_blocks_the_submission_only():
    h = periksa(PERSEN, 3, "100,5", "x")
    assert "lebih dari 100" in h.penghalang[0] and h.boleh_disimpan and not h.boleh_diajukan
    assert periksa(PERSEN, 3, "100", "x").boleh_diajukan


def test_red_category_requires_note_to_submit_not_to_save():
    h = periksa(SUM, 2, "100", "")  # (1800 + 100) / 4500 = 42 %
    assert h.kategori == "Sangat Rendah"
    assert any("catatan" in g for g in h.penghalang) and h.boleh_disimpan
    assert not h.boleh_diajukan
    assert periksa(SUM, 2, "100", "Anggaran terlambat cair").boleh_diajukan
    assert periksa(SUM, 2, "1.200", "").kategori == "Sedang"  # 66,7 %: no note needed


def test_negative_allowed_when_indicator_allows_it():
    ind = IndikatorEntri(
        3, "A.03", "Pertumbuhan", "poin", boleh_negatif=True, target_tahunan=2, target=(2, 2, 2, 2)
    )
    h = periksa(ind, 1, "-1", "turun")
    assert "negatif" not in " ".join(h.galat + h.penghalang) and h.boleh_diajukan


def test_warnings_do_not_block():
    h = periksa(PERSEN, 3, "35", "turun karena mutasi pegawai")
    assert any("lebih rendah" in w for w in h.peringatan) and h.boleh_diajukan
    h = periksa(SUM, 2, "99.000", "acara besar")
    assert h.peringatan and h.boleh_diajukan


# DEP.03 of the demo: "Persentase koleksi langka dalam kondisi rusak", lower is better.
RUSAK = IndikatorEntri(
    4,
    "DEP.03",
    "Persentase koleksi langka dalam kondisi rusak",
    "%",
    polaritas="negatif",
    cara_agregasi="LAST",
    rumus_negatif="B",
    target_tahunan=5,
    target=(6, 5.5, 5, 5),
    realisasi=(6.24, 6.39, None, None),
    riwayat=(6.2, 6.95, 5.7, 5.73, 6.13, 5.6, 5.09, 6.4),
)


def test_negatif_last_going_down_is_progress_not_a_warning():
    h = periksa(RUSAK, 3, "4,8", "konservasi rutin")
    assert h.peringatan == [] and h.boleh_diajukan


def test_negatif_last_going_up_warns_that_lower_is_better():
    h = periksa(RUSAK, 3, "7", "banjir di gudang")
    assert any("lebih tinggi" in w and "makin rendah makin baik" in w for w in h.peringatan)
    assert not any("lebih rendah" in w for w in h.peringatan)


def test_positif_last_going_up_does_not_warn():
    assert not any("triwulan sebelumnya" in w for w in periksa(PERSEN, 3, "55", "x").peringatan)


# DEP.02 of the demo: 374 in TW II; 1.234,5 typed for TW III is 3,3 times that.
LESTARI = IndikatorEntri(
    5,
    "DEP.02",
    "Jumlah bahan pustaka yang dilestarikan",
    "eksemplar",
    target_tahunan=1500,
    target=(375, 375, 375, 375),
    realisasi=(None, 374, None, None),
    riwayat=(238, 271, 308, 480, 283, 321, 338, 450),
)


def test_a_jump_of_three_times_the_previous_quarter_warns():
    h = periksa(LESTARI, 3, "1.234,5", None)
    assert h.nilai == 1234.5
    assert any("3,3 kali nilai triwulan sebelumnya (374)" in w for w in h.peringatan)
    assert h.boleh_diajukan  # a warning, never a block


def test_a_fall_to_a_third_of_the_previous_quarter_warns():
    assert any("sepertiga" in w for w in periksa(LESTARI, 3, "120", "x").peringatan)


@pytest.mark.parametrize("teks", ["374", "380", "900", "130"])
def test_an_ordinary_change_does_not_warn(teks):
    assert periksa(LESTARI, 3, teks, "x").peringatan == []


def test_no_jump_warning_without_a_previous_quarter_this_year():
    assert periksa(SUM, 1, "2.000", None).peringatan == []


def test_same_row_reads_the_same_whatever_the_typing():
    assert sama_isian(Isian("1234,5", " a ", ""), Isian("1.234,5", "a", ""))
    assert sama_isian(Isian("", "", ""), Isian())
    assert not sama_isian(Isian("1.234,5"), Isian("1.234,6"))
    assert not sama_isian(Isian("dua"), Isian(""))
    assert not sama_isian(Isian("1", "", "tautan"), Isian("1", "", ""))


def test_unsaved_rows_are_those_typed_differently():
    tersimpan = {1: Isian("10", "ok", ""), 2: Isian()}
    kini = {1: Isian("10,0", "ok ", ""), 2: Isian("5"), 3: Isian()}
    assert belum_disimpan(kini, tersimpan) == {2: Isian("5")}


def test_blank_is_not_an_error():
    h = periksa(SUM, 2, "", None)
    assert h.nilai is None and h.boleh_disimpan and h.status == "Belum Diisi"


@given(st.text(max_size=15), st.one_of(st.none(), st.text(max_size=10)))
def test_any_input_gives_a_result_not_an_exception(teks, catatan):
    h = periksa(SUM, 2, teks, catatan)
    assert h.nilai is not None or h.galat or teks.strip() == ""


def test_the_form_as_typed_names_what_a_save_sends_and_what_it_leaves():
    from dashboard.pengumpulan import tampilan_entri

    ind = [
        IndikatorEntri(1, "A.01", "Satu", "orang", target=(10, 20, 30, 40)),
        IndikatorEntri(2, "A.02", "Dua", "%", target=(10, 20, 30, 40)),
        IndikatorEntri(3, "A.03", "Tiga", "unit", target=(10, 20, 30, 40)),
    ]
    tersimpan = {1: Isian("30", "ok", ""), 2: Isian("", "", "")}
    kini = {1: Isian("30,0", " ok ", ""), 2: Isian("dua", "", ""), 3: Isian("12", "", "")}
    r = tampilan_entri.ringkas(ind, 3, kini, tersimpan, SKALA_BAKU)
    assert set(r.belum) == {2, 3}  # "30,0" with spaces around the note is what is stored
    assert r.tak_tersimpan == [2] and set(r.simpan) == {3} and set(r.sisa) == {2}
    assert (r.terisi, r.menghalangi) == (2, 2)  # A.02 unreadable, A.03 red without a note
    assert tampilan_entri.ringkas(ind, 3, kini, tersimpan, SKALA_BAKU, terkunci=True).belum == {}
    assert tampilan_entri.pesan_simpan(1, ["A.02"]) == (
        "Draf tersimpan (1 baris berubah). Belum tersimpan karena isinya tidak dapat dibaca: "
        "A.02; perbaiki lalu simpan lagi."
    )
    pesan = tampilan_entri.pesan_baris(r.hasil[2], berubah=True)
    assert pesan and "Baris ini tidak ikut disimpan." in pesan[0]
