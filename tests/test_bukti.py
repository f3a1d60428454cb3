"""Evidence files: type and size limits, contents checked against the extension, stored under
the data folder and found again only there."""

from __future__ import annotations

import pytest

from dashboard.inti import bukti, config

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture(autouse=True)
def _folder(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)


def test_stored_and_found_again(tmp_path):
    ref = bukti.simpan_berkas(3, 2026, 3, "Laporan kegiatan (final).pdf", PDF)
    assert ref.startswith(bukti.PREFIX) and "/2026-TW3/" in ref
    path = bukti.path_berkas(ref)
    assert path is not None and path.read_bytes() == PDF
    assert tmp_path in path.parents
    assert " " not in path.name and "(" not in path.name


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("skrip.exe", b"MZ....", "Jenis berkas tidak diterima"),
        ("tanpa_ekstensi", PDF, "Jenis berkas tidak diterima"),
        ("palsu.pdf", b"<html>bukan pdf</html>", "tidak sesuai"),
        ("gambar.png", PDF, "tidak sesuai"),
        ("kosong.pdf", b"", "tidak sesuai"),
        ("besar.pdf", b"%PDF" + b"0" * bukti.MAX_BYTES, "terlalu besar"),
    ],
)
def test_refused(nama, isi, pesan, tmp_path):
    with pytest.raises(ValueError, match=pesan):
        bukti.simpan_berkas(1, 2026, 1, nama, isi)
    assert not (tmp_path / "bukti").exists()


def test_references_outside_the_folder_are_not_served(tmp_path):
    (tmp_path / "rahasia.txt").write_text("x")
    assert bukti.path_berkas("berkas:../rahasia.txt") is None
    assert bukti.path_berkas("https://contoh.go.id/bukti.pdf") is None
    assert bukti.path_berkas(None) is None


def test_folder_bersama_dari_lingkungan(tmp_path, monkeypatch):
    """Several processes or machines read one folder (MONEV_BUKTI_DIR, docs/operasi.md)."""
    bersama = tmp_path / "bersama"
    monkeypatch.setenv("MONEV_BUKTI_DIR", str(bersama))
    ref = bukti.simpan_berkas(3, 2026, 3, "bukti.pdf", PDF)
    path = bukti.path_berkas(ref, 3)
    assert path is not None and bersama in path.parents
    monkeypatch.setenv("MONEV_BUKTI_DIR", "data/bersama")
    assert bukti.folder() == config.ROOT / "data" / "bersama"
    assert bukti.path_berkas(ref, 3) is None  # another folder: not found there
