"""Excel round trip: template download, good upload applied in one transaction, and every kind
of bad file refused with its problems listed and nothing applied."""

from __future__ import annotations

import io

import openpyxl
import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.pengumpulan import excel_entri
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.periode import layanan_periode as periode


@pytest.fixture
def ctx(demo_con):
    staf = pengguna.akses_untuk(demo_con, "staf.dep")
    pid = int(periode.periode_entri(demo_con, staf, staf.unit_id)["id"].iloc[0])
    data = realisasi.template_excel(demo_con, staf, pid, staf.unit_id)
    return demo_con, staf, pid, data


def _isi(data: bytes, fill) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[excel_entri.SHEET]
    fill(ws)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _target_fill(ws):
    for r in range(excel_entri.HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, 2).value:
            target = ws.cell(r, 11).value or 1  # Target TW III (column K)
            ws.cell(r, excel_entri.COL_NILAI + 1).value = target
            ws.cell(r, excel_entri.COL_CATATAN + 1).value = "sesuai rencana aksi"


def test_template_is_prefilled_protected_and_validated(ctx):
    _, _, _, data = ctx
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[excel_entri.SHEET]
    assert ws.protection.sheet
    header = [c.value for c in ws[excel_entri.HEADER_ROW]]
    assert header[1] == "Kode" and header[excel_entri.COL_NILAI].startswith("Realisasi Triwulan")
    first = excel_entri.HEADER_ROW + 1
    assert ws.cell(first, 2).value == "DEP.01" and ws.cell(first, 7).value == 400
    assert ws.cell(first, 12).value is not None  # TW I realisation prefilled
    assert ws.cell(first, excel_entri.COL_NILAI + 1).protection.locked is False
    assert ws.cell(first, 2).protection.locked is True
    assert ws.data_validations.dataValidation  # input checks inside Excel
    assert wb[excel_entri.META].sheet_state == "hidden"


def test_good_file_previewed_then_applied(ctx):
    con, staf, pid, data = ctx
    perubahan, masalah = realisasi.pratinjau_impor(
        con, staf, pid, staf.unit_id, _isi(data, _target_fill)
    )
    assert masalah == [] and len(perubahan) == 6
    assert realisasi.form_entri(con, staf, pid, staf.unit_id).baris.empty  # preview writes nothing
    assert realisasi.terapkan_impor(con, staf, pid, staf.unit_id, perubahan) == 6
    assert (
        con.execute("SELECT count(*) FROM realisasi_riwayat WHERE sumber = 'impor'").fetchone()[0]
        == 6
    )
    # a template downloaded now round-trips without changes
    again = realisasi.template_excel(con, staf, pid, staf.unit_id)
    perubahan, masalah = realisasi.pratinjau_impor(con, staf, pid, staf.unit_id, again)
    assert masalah == [] and perubahan.empty


def _problems(ctx, data):
    con, staf, pid, _ = ctx
    perubahan, masalah = realisasi.pratinjau_impor(con, staf, pid, staf.unit_id, data)
    assert masalah, "a bad file must be refused"
    assert realisasi.form_entri(con, staf, pid, staf.unit_id).baris.empty
    return masalah


def test_text_in_number_cells_and_formulas_listed_by_row_and_column(ctx):
    def fill(ws):
        _target_fill(ws)
        r = excel_entri.HEADER_ROW + 1
        ws.cell(r, excel_entri.COL_NILAI + 1).value = "banyak"
        ws.cell(r + 2, excel_entri.COL_NILAI + 1).value = "=1+1"

    masalah = _problems(ctx, _isi(ctx[3], fill))
    rows = {(m.baris, m.kolom) for m in masalah}
    first = excel_entri.HEADER_ROW + 1
    assert (first, "Realisasi Triwulan III (isi)") in rows
    assert (first + 2, "Realisasi Triwulan III (isi)") in rows
    assert any("Rumus" in m.pesan for m in masalah)
    assert any("bukan angka" in m.pesan for m in masalah)


def test_other_units_indicator_and_wrong_sheet_and_columns(ctx):
    def foreign(ws):
        _target_fill(ws)
        ws.cell(excel_entri.HEADER_ROW + 1, 2).value = "LYN.01"

    assert any("bukan milik unit" in m.pesan for m in _problems(ctx, _isi(ctx[3], foreign)))

    def rename(ws):
        ws.title = "Lembar1"

    assert "tidak ada" in _problems(ctx, _isi(ctx[3], rename))[0].pesan

    def columns(ws):
        ws.cell(excel_entri.HEADER_ROW, 2).value = "Kode indikator"

    assert "Kolom tidak sesuai" in _problems(ctx, _isi(ctx[3], columns))[0].pesan


def test_other_units_template_refused(ctx):
    con, _, pid, _ = ctx
    lyn = pengguna.akses_untuk(con, "staf.lyn")
    other = realisasi.template_excel(con, lyn, pid, lyn.unit_id)
    masalah = _problems(ctx, other)
    assert any("unit lain" in m.pesan for m in masalah)


def test_closed_period_refused(ctx):
    con, staf, pid, data = ctx
    periode.tutup_periode(con, pengguna.akses_untuk(con, "monev"), pid)
    assert any("ditutup" in m.pesan for m in _problems(ctx, _isi(data, _target_fill)))


def test_huge_and_non_excel_files_refused(ctx):
    assert "terlalu besar" in _problems(ctx, b"x" * (excel_entri.MAX_BYTES + 1))[0].pesan
    assert "bukan Excel" in _problems(ctx, b"PK\x03\x04 bukan xlsx")[0].pesan

    def many(ws):
        for r in range(
            excel_entri.HEADER_ROW + 1, excel_entri.HEADER_ROW + excel_entri.MAX_BARIS + 10
        ):
            ws.cell(r, 2).value = "DEP.01"

    assert "Terlalu banyak baris" in _problems(ctx, _isi(ctx[3], many))[0].pesan


def test_stale_file_is_a_conflict(ctx):
    con, staf, pid, data = ctx
    realisasi.terapkan_impor(
        con,
        staf,
        pid,
        staf.unit_id,
        realisasi.pratinjau_impor(con, staf, pid, staf.unit_id, _isi(data, _target_fill))[0],
    )

    # the old template (versions from before the import) changes the notes again
    def fill(ws):
        _target_fill(ws)
        ws.cell(excel_entri.HEADER_ROW + 1, excel_entri.COL_CATATAN + 1).value = "lain"

    perubahan, masalah = realisasi.pratinjau_impor(con, staf, pid, staf.unit_id, _isi(data, fill))
    assert not masalah
    with pytest.raises(realisasi.KonflikData):
        realisasi.terapkan_impor(con, staf, pid, staf.unit_id, perubahan)


def test_a_row_that_only_blocks_the_submission_is_imported_and_named(ctx):
    """Like a draft typed on the page: a red row without a note is taken, its reason shown in
    the preview; the submission will refuse it."""
    con, staf, pid, data = ctx

    def fill(ws):
        _target_fill(ws)
        r = excel_entri.HEADER_ROW + 1  # DEP.01, far below its target, no note
        ws.cell(r, excel_entri.COL_NILAI + 1).value = 10
        ws.cell(r, excel_entri.COL_CATATAN + 1).value = None

    perubahan, masalah = realisasi.pratinjau_impor(con, staf, pid, staf.unit_id, _isi(data, fill))
    assert masalah == []
    baris = perubahan.set_index("kode")
    assert "Kategori Rendah: isi catatan" in baris.loc["DEP.01", "penghalang"]
    assert baris["penghalang"].isna().sum() == len(baris) - 1
    realisasi.terapkan_impor(con, staf, pid, staf.unit_id, perubahan)
    with pytest.raises(ValueError, match="DEP.01: Kategori Rendah"):
        realisasi.ajukan(con, staf, pid, staf.unit_id)
