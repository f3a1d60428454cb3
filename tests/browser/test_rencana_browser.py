"""The budget page in a real browser: a pagu typed in the editable table, then the Excel
template downloaded, filled and uploaded (AppTest can neither edit a data editor nor upload)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from .conftest import ARTIFACTS
from .test_login_browser import _heading, _login

pytestmark = pytest.mark.browser


def test_anggaran_typed_and_uploaded(server, page: Page, tmp_path):
    url = server["url"]
    page.set_viewport_size({"width": 1366, "height": 768})
    _login(page, url, "admin")
    expect(_heading(page, "Beranda")).to_be_visible()
    page.goto(f"{url}/admin-anggaran")
    expect(_heading(page, "Anggaran")).to_be_visible()
    expect(page.get_by_text("Rp 11.562.100.000").first).to_be_visible()

    # first row, column Pagu (Kode 140 px + Sub kegiatan 205 px, then Pagu)
    grid = page.locator('[data-testid="stDataFrame"]').first
    kotak = grid.bounding_box()
    assert kotak is not None
    page.mouse.click(kotak["x"] + 140 + 205 + 50, kotak["y"] + 35 + 17)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")  # open the cell editor with the current value
    page.wait_for_timeout(300)
    page.keyboard.press("Control+A")
    page.keyboard.type("2.000.000", delay=30)
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Simpan anggaran").click()
    expect(page.get_by_text("1 sub kegiatan berubah").first).to_be_visible()
    expect(page.get_by_text("Rp 10.334.300.000").first).to_be_visible()

    tombol = page.get_by_role("button", name="Unduh templat Excel")
    page.wait_for_timeout(1500)  # let the rerun after the save settle
    with page.expect_download() as unduhan:
        tombol.click()
    wb = openpyxl.load_workbook(io.BytesIO(unduhan.value.path().read_bytes()))
    ws = wb["Anggaran"]
    assert ws["D2"].value == 2_000_000
    ws["D2"] = "3.000.000"
    berkas = tmp_path / "anggaran.xlsx"
    buf = io.BytesIO()
    wb.save(buf)
    berkas.write_bytes(buf.getvalue())
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(berkas))
    expect(page.get_by_text("1 sub kegiatan berubah.").first).to_be_visible()
    page.get_by_role("button", name="Terapkan impor").click()
    expect(page.get_by_text("Impor anggaran").first).to_be_visible()
    expect(page.get_by_text("Rp 10.335.300.000").first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "anggaran-admin.png"))
