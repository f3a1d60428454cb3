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
    # editor of the 4th band's name (row 3 under a header row, rows 35 px) by double-click
    expect(editor.locator("[data-testid=glide-cell-1-3]")).to_have_text("Rendah")
    editor.scroll_into_view_if_needed()
    box = editor.bounding_box()
    assert box is not None
    sel = page.locator("textarea.gdg-input")  # the grid's cell editor
    for _ in range(3):  # a double-click during the page's own rerun can be dropped
        page.mouse.dblclick(box["x"] + 120, box["y"] + 35 + 3 * 35 + 17)
        try:
            expect(sel).to_be_visible(timeout=4_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    expect(sel).to_have_value("Rendah")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Perlu Perbaikan")
    page.keyboard.press("Enter")
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
