"""The eight seed SOPs load; a bad file is refused whole; every waktu text parses as expected."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from dashboard.inti import config
from dashboard.sop import sop
from dashboard.sop.mutu_baku import HARI_KALENDER, HARI_KERJA, MENIT_KERJA, parse_waktu

EXPECTED = {
    "setda_tapin_pengumpulan_data_kinerja": 8,
    "dpk_kalbar_penyusunan_laporan_kinerja": 8,
    "dpk_kalbar_pengumpulan_data_kinerja": 11,
    "dpk_kalbar_perbaikan_data_kinerja": 10,
    "dpk_kalbar_e_kinerja": 7,
    "dpk_kalbar_monev_kinerja_periodik": 10,
    "dpk_balangan_pengumpulan_data_kinerja": 9,
    "diskominfotik_anambas_pengumpulan_data_kinerja": 5,
}


def test_eight_sops_load_with_their_steps():
    lib = {s.kode: s for s in sop.load_library()}
    assert {k: len(s.langkah) for k, s in lib.items()} == EXPECTED
    tapin = lib["setda_tapin_pengumpulan_data_kinerja"]
    assert tapin.langkah[0].waktu == "30 Menit"
    assert tapin.langkah[0].keterangan.startswith("Januari, April, Juni, Oktober")
    # duplicates and gaps in step numbers are kept as written
    nos = [s.no for s in lib["dpk_kalbar_pengumpulan_data_kinerja"].langkah]
    assert nos.count("10") == 2
    monev = [s.no for s in lib["dpk_kalbar_monev_kinerja_periodik"].langkah]
    assert "5" not in monev and "12" in monev


def test_every_seed_waktu_parses():
    seen = {}
    for s in sop.load_library():
        for step in s.langkah:
            if step.waktu is not None:
                seen[step.waktu] = parse_waktu(step.waktu)
    assert seen["30 Menit"].menit == 30 and seen["30 Menit"].basis == MENIT_KERJA
    assert seen["3 Jam"].menit == 180
    assert seen["2 hari"].hari == 2 and seen["2 hari"].basis == HARI_KERJA
    assert seen["120 Hari"].hari == 120
    assert not seen["Sesuai jadwal yang telah ditentukan"].ada_standar
    no_standard = [t for t, w in seen.items() if not w.ada_standar]
    assert no_standard == ["Sesuai jadwal yang telah ditentukan"]


@pytest.mark.parametrize(
    ("teks", "hari", "menit", "basis"),
    [
        ("30 Menit", None, 30, MENIT_KERJA),
        ("1 x 24 jam", 1, None, HARI_KERJA),
        ("2 x 24 Jam", 2, None, HARI_KERJA),
        ("122 Hari 3 jam", 122, 180, HARI_KERJA),
        ("5 hari kalender", 5, None, HARI_KALENDER),
        ("1 minggu", 5, None, HARI_KERJA),
        ("1,5 jam", None, 90, MENIT_KERJA),
        ("Sesuai jadwal yang telah ditentukan", None, None, None),
        ("", None, None, None),
        ("segera", None, None, None),
    ],
)
def test_parse_waktu(teks, hari, menit, basis):
    w = parse_waktu(teks)
    assert (w.hari, w.menit, w.basis) == (hari, menit, basis)
    assert w.teks == teks


@given(st.text(max_size=40))
def test_parse_waktu_never_raises(teks):
    w = parse_waktu(teks)
    assert w.teks == teks


def _write(tmp_path: Path, data: dict) -> Path:
    p = tmp_path / "rusak.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def _good() -> dict:
    return yaml.safe_load(
        (config.SOP_DIR / "setda_tapin_pengumpulan_data_kinerja.yaml").read_text("utf-8")
    )


def test_bad_step_field_named(tmp_path):
    data = _good()
    data["langkah"][2]["aktivitas"] = ""
    with pytest.raises(sop.SopError) as err:
        sop.load_file(_write(tmp_path, data))
    msg = str(err.value)
    assert "rusak.yaml" in msg and "langkah ke-3" in msg and "aktivitas" in msg


def test_unknown_pelaksana_and_numeric_step_refused(tmp_path):
    data = _good()
    data["langkah"][0]["pelaksana"] = ["Bupati"]
    with pytest.raises(sop.SopError, match="Bupati"):
        sop.load_file(_write(tmp_path, data))
    data = _good()
    data["langkah"][1]["no"] = 2
    with pytest.raises(sop.SopError, match="langkah ke-2.*no"):
        sop.load_file(_write(tmp_path, data))


def test_bad_yaml_and_missing_keys(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("kode: [tidak ditutup", encoding="utf-8")
    with pytest.raises(sop.SopError, match="x.yaml: YAML tidak valid"):
        sop.load_file(p)
    data = _good()
    del data["nama"]
    with pytest.raises(sop.SopError, match="nama"):
        sop.load_file(_write(tmp_path, data))


def test_library_refused_whole_when_one_file_is_bad(tmp_path, con):
    for p in config.SOP_DIR.glob("*.yaml"):
        (tmp_path / p.name).write_text(p.read_text("utf-8"), encoding="utf-8")
    data = _good()
    data["kode"] = "zz_rusak"
    data["langkah"][0]["pelaksana"] = []
    (tmp_path / "zz_rusak.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(sop.SopError):
        sop.load_library_into(con, tmp_path)
    assert con.execute("SELECT count(*) FROM sop").fetchone()[0] == 0


def test_loaded_into_store_with_parsed_waktu(con):
    assert sop.load_library_into(con) == 8
    assert sop.load_library_into(con) == 0  # idempotent
    rows = con.execute(
        "SELECT l.waktu, l.waktu_hari, l.waktu_menit, l.waktu_basis FROM sop s "
        "JOIN sop_langkah l ON l.sop_id = s.id "
        "WHERE s.kode = 'dpk_balangan_pengumpulan_data_kinerja'"
        " ORDER BY l.urutan"
    ).fetchall()
    assert rows[0] == ("15 Menit", None, 15.0, "menit_kerja")
    assert rows[6] == ("120 Hari", 120.0, None, "hari_kerja")
    # a new revision keeps the earlier one readable
    s = sop.load_library()[0]
    sop.save_sop(con, s)
    assert con.execute("SELECT max(revisi) FROM sop WHERE kode = ?", [s.kode]).fetchone()[0] == 2
