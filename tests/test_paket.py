"""The package installs (issue 19, deliverable 5): the wheel built from this checkout, installed
into a fresh virtual environment outside it, gives a working `python -m dashboard init --demo`
and a server that answers, with the queries, migrations, pages and SOP library read from the
installed package (config.PAKET), never from the checkout.

The fresh environment gets the wheel only (`--no-deps`); its dependencies are this test
environment's site-packages, added by a `.pth` line (a plain path: the editable install's own
hooks there are not run, so `dashboard` can come only from the wheel)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import urllib.request
from pathlib import Path

import pytest

from dashboard.inti import config, serve


@pytest.fixture(scope="module")
def venv_terpasang(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the wheel of this checkout installed; returns its python."""
    kerja = tmp_path_factory.mktemp("paket")
    sumber = kerja / "sumber"  # a copy: building in the checkout would leave build/ there
    sumber.mkdir()
    shutil.copy(config.ROOT / "pyproject.toml", sumber / "pyproject.toml")
    shutil.copytree(
        config.PAKET, sumber / "dashboard", ignore=shutil.ignore_patterns("__pycache__")
    )
    roda = kerja / "roda"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(roda), str(sumber)],
        check=True,
        timeout=600,
    )
    (berkas,) = roda.glob("monev_dashboard-*.whl")
    venv = kerja / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
        + [str(berkas)],
        check=True,
        timeout=600,
    )
    situs = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(situs) / "uji_dependensi.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def _env() -> dict[str, str]:
    """No MONEV_* setting and no path into the checkout: the installed package alone."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("MONEV_") and k not in {"PYTHONPATH", "VIRTUAL_ENV"}
    } | {"MONEV_NOTIFIKASI_MENIT": "0"}


def test_the_wheel_carries_queries_pages_and_data(venv_terpasang: Path, tmp_path: Path):
    kode = (
        "from dashboard.inti import config\n"
        "print(config.PAKET)\n"
        "print(len(list(config.QUERIES_DIR.glob('*.sql'))))\n"
        "print(len(list(config.MIGRATIONS_DIR.glob('*.sql'))))\n"
        "print(len(list(config.SOP_DIR.glob('*.yaml'))))\n"
        "print(len(list((config.PAKET / 'app_pages').glob('*.py'))))\n"
        "print(config.ROOT)\n"
    )
    keluar = subprocess.run(
        [str(venv_terpasang), "-c", kode],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    paket, n_query, n_migrasi, n_sop, n_halaman, root = keluar[:6]
    assert Path(paket).is_relative_to(venv_terpasang.parent.parent), paket
    assert int(n_query) == len(list(config.QUERIES_DIR.glob("*.sql")))
    assert int(n_migrasi) == len(list(config.MIGRATIONS_DIR.glob("*.sql")))
    assert int(n_sop) == len(list(config.SOP_DIR.glob("*.yaml"))) > 0
    assert int(n_halaman) == len(list((config.PAKET / "app_pages").glob("*.py"))) > 0
    assert Path(root) == tmp_path  # the agency's data folder is where the app is started


def test_init_demo_and_the_server_from_the_installed_package(venv_terpasang: Path, tmp_path: Path):
    init = subprocess.run(
        [str(venv_terpasang), "-m", "dashboard", "init", "--demo"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert init.returncode == 0, init.stdout + init.stderr
    assert "data demo dimuat" in init.stdout
    assert (tmp_path / "data" / "monev.duckdb").is_file()

    port = serve.free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(venv_terpasang), "-m", "dashboard", "jalankan", "--port", str(port)],
            cwd=tmp_path,
            env=_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            process_group=0,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        serve.tunggu_siap(proc, url, log, timeout=120)
        with urllib.request.urlopen(f"{url}/masuk", timeout=10) as r:
            assert r.status == 200
            assert "Masuk" in r.read().decode("utf-8")
    finally:
        serve.berhenti(proc)


def test_the_app_never_imports_the_tools():
    """dashboard/alat/ (demo generator, bench, load harness) is not the product: only the CLI
    commands that run them and the demo load import it, inside the function that needs it."""
    import ast

    boleh = {config.PAKET / "cli.py", config.PAKET / "inti" / "bootstrap.py"}
    salah = []
    for path in sorted(config.PAKET.rglob("*.py")):
        if "alat" in path.relative_to(config.PAKET).parts:
            continue
        pohon = ast.parse(path.read_text(encoding="utf-8"))
        atas = {id(n) for n in pohon.body}
        for node in ast.walk(pohon):
            alat = isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "dashboard.alat"
            )
            if alat and (path not in boleh or id(node) in atas):
                salah.append(f"{path.relative_to(config.PAKET)}:{node.lineno}")
    assert not salah, f"modul aplikasi mengimpor dashboard.alat: {salah}"
