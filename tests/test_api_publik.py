"""Public Streamlit APIs only (issue 19, item 6): the product, its tools and its tests open
pages with `AppTest.switch_page` and read the public element tree; the one private use left is
`minta_url` in tests/apptest_bantu.py, which says why."""

from __future__ import annotations

import ast
from pathlib import Path

from dashboard.inti import config

# written in pieces so that this file does not match itself
PRIVAT = (
    "._" + "page_hash",
    "_registered" + "_pages",
    "._" + "tree",
    "calc" + "_hash",
    "streamlit" + ".runtime",
)
BANTU = config.ROOT / "tests" / "apptest_bantu.py"


def _berkas() -> list[Path]:
    root = config.ROOT
    berkas = []
    for folder in ("dashboard", "tests"):
        berkas += sorted((root / folder).rglob("*.py"))
    return berkas


def _baris_izin() -> set[int]:
    """The lines of `minta_url`, the one function allowed a private use."""
    fungsi = next(
        n
        for n in ast.parse(BANTU.read_text(encoding="utf-8")).body
        if isinstance(n, ast.FunctionDef) and n.name == "minta_url"
    )
    assert fungsi.end_lineno is not None
    return set(range(fungsi.lineno, fungsi.end_lineno + 1))


def temuan(berkas: list[Path]) -> list[str]:
    """Each private use as "path:line: pattern", outside minta_url."""
    izin = _baris_izin()
    hasil = []
    for path in berkas:
        for no, baris in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if path == BANTU and no in izin:
                continue
            hasil += [f"{path}:{no}: {p}" for p in PRIVAT if p in baris]
    return hasil


def test_no_private_streamlit_api_outside_the_one_helper():
    assert temuan(_berkas()) == []


def test_the_check_finds_a_private_use(tmp_path):
    """The check can fail: a file with every private use is reported once per pattern."""
    contoh = tmp_path / "contoh.py"
    contoh.write_text("\n".join(f"x{p} = 1" for p in PRIVAT), encoding="utf-8")
    assert len(temuan([contoh])) == len(PRIVAT)
    assert BANTU in _berkas() and len(_baris_izin()) > 3
