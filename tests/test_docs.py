"""The docs keep up with the code: every setting the code reads and every command of
`python -m dashboard` is in docs/operasi.md, the README stays short, and no relative link in the
README or docs/ points to a missing file or heading."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from dashboard import cli
from dashboard.inti import config

ROOT = config.ROOT
OPERASI = ROOT / "docs" / "operasi.md"
README = ROOT / "README.md"
BATAS_README = 220
# Calls whose first argument names an environment variable: config.setting / config._bilangan,
# os.environ.get / os.getenv (os.environ[...] is a subscript, handled apart).
_PEMBACA = {"setting", "_bilangan", "get", "getenv"}
_ENV = re.compile(r"^[A-Z][A-Z0-9_]*$")
_MONEV = re.compile(r"^MONEV_[A-Z0-9_]+$")


def _konstanta(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "TEXT" assignments (e.g. ENV_SANDI_BARU = "MONEV_SANDI_BARU")."""
    nilai = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for t in node.targets:
                if isinstance(t, ast.Name) and isinstance(node.value.value, str):
                    nilai[t.id] = node.value.value
    return nilai


def _teks(node: ast.expr, konstanta: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return konstanta.get(node.id)
    return None


def _adalah_environ(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ"


def env_dibaca(path: Path) -> set[str]:
    """The environment variables a module reads: the first argument of config.setting /
    _bilangan, and of os.environ.get / os.getenv / os.environ[...]; and every "MONEV_..." text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    konstanta = _konstanta(tree)
    nama: set[str] = set()
    for node in ast.walk(tree):
        arg = None
        if isinstance(node, ast.Call) and node.args:
            f = node.func
            fungsi = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
            dari_environ = isinstance(f, ast.Attribute) and _adalah_environ(f.value)
            if fungsi in _PEMBACA and (fungsi != "get" or dari_environ):
                arg = node.args[0]
        elif isinstance(node, ast.Subscript) and _adalah_environ(node.value):
            arg = node.slice
        teks = _teks(arg, konstanta) if arg is not None else None
        if teks and _ENV.match(teks):
            nama.add(teks)
        # Any "MONEV_..." text too: a setting read through a helper this scan does not know.
        if isinstance(node, ast.Constant) and _MONEV.match(str(node.value)):
            nama.add(node.value)
    return nama


def semua_env() -> set[str]:
    return set().union(*(env_dibaca(p) for p in sorted((ROOT / "dashboard").rglob("*.py"))))


def perintah_cli() -> list[str]:
    """The subcommands of `python -m dashboard`, read from the parser cli.parser() builds:
    argparse lists subparsers only on the action add_subparsers returns (its `choices`), so
    that call is wrapped to keep the action."""
    tertangkap: list[argparse.Action] = []
    asli = argparse.ArgumentParser.add_subparsers

    def tangkap(self: argparse.ArgumentParser, **kwargs: object) -> argparse.Action:
        aksi = asli(self, **kwargs)
        tertangkap.append(aksi)
        return aksi

    argparse.ArgumentParser.add_subparsers = tangkap  # type: ignore[method-assign]
    try:
        cli.parser()
    finally:
        argparse.ArgumentParser.add_subparsers = asli  # type: ignore[method-assign]
    assert len(tertangkap) == 1, "cli.parser() membuat tepat satu kelompok subperintah"
    return sorted(tertangkap[0].choices)


def test_every_setting_the_code_reads_is_in_operasi():
    teks = OPERASI.read_text(encoding="utf-8")
    env = semua_env()
    assert {"MONEV_DB", "MONEV_SMTP_HOST", "MONEV_SANDI_BARU"} <= env  # the scan finds them
    hilang = sorted(e for e in env if f"`{e}`" not in teks)
    assert not hilang, f"docs/operasi.md tidak menyebut pengaturan: {hilang}"


def test_every_cli_command_is_in_operasi():
    teks = OPERASI.read_text(encoding="utf-8")
    perintah = perintah_cli()
    assert {"init", "backup", "restore", "layani"} <= set(perintah)
    hilang = [p for p in perintah if f"python -m dashboard {p}" not in teks]
    assert not hilang, f"docs/operasi.md tidak menyebut perintah: {hilang}"


def test_readme_is_short():
    baris = README.read_text(encoding="utf-8").count("\n")
    assert baris <= BATAS_README, f"README.md {baris} baris (paling banyak {BATAS_README})"


_TAUTAN = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _tanpa_kode(teks: str) -> str:
    return re.sub(r"```.*?```", "", teks, flags=re.DOTALL)


def jangkar(path: Path) -> set[str]:
    """The anchors of a Markdown file's headings, as GitHub makes them: lower case, punctuation
    dropped, spaces to hyphens."""
    judul = re.findall(r"^#+\s+(.+)$", _tanpa_kode(path.read_text(encoding="utf-8")), re.M)
    return {re.sub(r"[^\w\- ]", "", j.strip().lower()).replace(" ", "-") for j in judul}


def tautan_rusak(path: Path) -> list[str]:
    """Relative links (and image paths) of a Markdown file whose target file does not exist, or
    whose `#anchor` names no heading of a Markdown target. Code blocks are skipped."""
    rusak = []
    for target in _TAUTAN.findall(_tanpa_kode(path.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z]+:", target):
            continue  # http:, https:, mailto: ...
        berkas, _, anchor = target.partition("#")
        tujuan = path.parent / berkas if berkas else path
        ada = tujuan.exists()
        if not ada or (anchor and tujuan.suffix == ".md" and anchor not in jangkar(tujuan)):
            rusak.append(target)
    return rusak


MARKDOWN = [README, *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_point_to_existing_files(path: Path):
    assert not tautan_rusak(path), f"{path.relative_to(ROOT)}: {tautan_rusak(path)}"


def test_checks_can_fail(tmp_path: Path):
    """The scanners find what they look for: an env read, a broken link."""
    modul = tmp_path / "m.py"
    modul.write_text(
        'import os\nfrom dashboard import config\nK = "MONEV_K"\n'
        'a = config.setting("MONEV_A", "app", "a")\nb = os.environ.get(K)\n'
        'c = os.environ["MONEV_C"]\nd = os.getenv("MONEV_D")\ne = baca("MONEV_E")\n'
        'f = os.environ.get("HOME")\n',
        encoding="utf-8",
    )
    assert env_dibaca(modul) == {"MONEV_A", "MONEV_K", "MONEV_C", "MONEV_D", "MONEV_E", "HOME"}
    md = tmp_path / "x.md"
    md.write_text(
        "# Judul: Satu (dua)\n[ada](m.py) [tidak](hilang.md#a) [web](https://a.b) ![g](g.png)\n"
        "[sini](#judul-satu-dua) [salah](#tidak-ada) [diri](x.md#judul-satu-dua)\n"
        "```\n[kode](bukan.md)\n# bukan judul\n```\n",
        encoding="utf-8",
    )
    assert tautan_rusak(md) == ["hilang.md#a", "g.png", "#tidak-ada"]


def test_every_screenshot_is_shown_in_the_guide():
    """The browser suite's screenshots (tests/browser/test_panduan_gambar.py) are all used."""
    teks = "".join(p.read_text(encoding="utf-8") for p in MARKDOWN)
    gambar = sorted((ROOT / "docs" / "gambar").glob("*.png"))
    assert gambar
    tidak_dipakai = [g.name for g in gambar if f"gambar/{g.name})" not in teks]
    assert not tidak_dipakai, f"gambar tidak dirujuk di docs/: {tidak_dipakai}"
