"""Helpers over Streamlit's AppTest. `minta_url` is the one place the tests use a private part
of it (tests/test_api_publik.py checks that no other code of the product, its tools or its
tests does)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest


def elemen(at: AppTest) -> list[Any]:
    """Every element of the last run (not the containers), in page order, through the public
    element tree: iterating an AppTest yields every node under main, sidebar and the toasts,
    each container before its children."""
    return [n for n in at if not hasattr(n, "children") and getattr(n, "proto", None) is not None]


def minta_url(at: AppTest, url_path: str) -> AppTest:
    """Ask for /<url_path> the way a browser does, and run.

    Why private: the public `AppTest.switch_page` opens only a page the navigation registered
    from a file. A browser can ask for any URL: a page the caller's roles do not grant (our
    navigation answers it with a hidden message page, a callable without a file) or any page
    without a session (only "Masuk" is registered). The tests that the answer is the message
    and nothing of the page need the URL itself; `st.Page` keys a URL by Streamlit's
    `calc_hash(url_path)`, which AppTest carries in `_page_hash`. Pages a session may open go
    through `switch_page` (tests/test_pages.py `_open_url`)."""
    from streamlit.util import calc_hash

    at._page_hash = calc_hash(url_path)
    return at.run()
