"""Skala kategori in a real browser: the admin renames a band and sets a cap in the band editor
(a data grid AppTest cannot type into), saves, and the dashboard shows the new name at once.
Screenshots kept in test-artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import ARTIFACTS
from .test_login_browser import _buka, _heading, _login

pytestmark = pytest.mark.browser


def test_admin_edits_a_band_and_the_dashboard_follows(server, page: Page):
    _login(page, server["url"], "admin")
    expect(_heading(page, "Beranda")).to_be_visible()
    _buka(page, "Skala kategori")
    editor = page.locator('[data-testid="stDataFrame"]').nth(1)
    expect(editor).to_be_visible()
    # the grid is drawn on a canvas (its accessible table mirrors the cells, hidden): open the
    # editor of the 4th band's name (row 3 under a header row, rows 35 px)
    expect(editor.locator("[data-testid=glide-cell-1-3]")).to_have_text("Rendah")
    # the page's own run must be over first (a grid redrawn mid-click drops it): Streamlit
    # shows its status widget while a script runs
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    editor.scroll_into_view_if_needed()
    box = editor.bounding_box()
    assert box is not None
    sel = page.locator("textarea.gdg-input")  # the grid's cell editor
    sel_nama = editor.locator("[data-testid=glide-cell-1-3]")
    page.mouse.click(box["x"] + 120, box["y"] + 35 + 3 * 35 + 17)  # select the cell
    expect(sel_nama).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")  # and open its editor
    expect(sel).to_be_visible()
    expect(sel).to_have_value("Rendah")
    sel.fill("Perlu Perbaikan")
    expect(sel).to_have_value("Perlu Perbaikan")
    sel.press("Enter")
    expect(editor.locator("[data-testid=glide-cell-1-3]")).to_have_text("Perlu Perbaikan")
    page.get_by_role("textbox", name="Batas skor (%)").fill("100")
    page.get_by_role("button", name="Simpan skala").click()
    expect(page.get_by_text("Skala kategori disimpan").first).to_be_visible()
    berlaku = page.locator('[data-testid="stDataFrame"]').first
    expect(berlaku).to_contain_text("Perlu Perbaikan")
    expect(page.get_by_text("Batas skor 100").first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "skala-admin.png"), full_page=True)
    _buka(page, "Beranda")
    expect(page.get_by_text("Perlu Perbaikan").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "skala-dasbor.png"), full_page=True)
