"""Bad input: every parser and form model under hypothesis (only the documented Indonesian
error, never another exception), oversized and wrong-type uploads, user text with HTML, script
and markdown shown inertly on the pages, and formula injection neutralised in every export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import pandas as pd
import pytest
import xlsxwriter
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import SISTEM
from dashboard.capaian.skala import SKALA_BAKU
from dashboard.inti import bukti, config, dokumen, formats
from dashboard.pengumpulan import entri, excel_entri
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.periode import layanan_periode as periode
from dashboard.rencana import layanan_indikator as admin
from dashboard.sop import layanan_registri as sop_registry
from dashboard.sop import sop
from dashboard.sop.mutu_baku import parse_waktu

from .apptest_bantu import elemen
from .conftest import login

CEPAT = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
LAMBAT = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# every kind of value a form field or an Excel cell can bring
NILAI = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet="0123456789.,-+ e", max_size=15),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
PAYLOAD = (
    "<script>alert('x')</script><b>tebal</b> **md** [tautan](javascript:alert(1)) "
    "![g](http://contoh.invalid/g.png) :red[merah]"
)
RUMUS = ["=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x","klik")', "\t=1", "\r=1"]


# ---------------------------------------------------------------- parsers


@CEPAT
@given(NILAI)
def test_parse_angka_only_ever_raises_valueerror(v):
    try:
        hasil = formats.parse_angka(v)
    except ValueError as exc:
        assert str(exc)  # an Indonesian message
        return
    assert hasil is None or math.isfinite(hasil)


@CEPAT
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_parse_angka_reads_indonesian_and_dot_formats(d):
    x = float(d)
    assert formats.parse_angka(formats.angka(x, 2)) == pytest.approx(x, abs=0.006)
    assert formats.parse_angka(f"{x:.2f}") == pytest.approx(x, abs=0.006)


@CEPAT
@given(st.one_of(st.none(), st.text(max_size=60), st.integers(), st.floats()))
def test_parse_waktu_never_raises_and_keeps_the_text(v):
    w = parse_waktu(v)
    assert w.teks == ("" if v is None else str(v))
    if w.basis is None:
        assert w.hari is None and w.menit is None
    else:
        assert (w.hari or 0) >= 0 and (w.menit or 0) >= 0
    assert isinstance(w.uraian(), str)


@CEPAT
@given(st.integers(1, 500), st.sampled_from(["menit", "Menit", "jam", "hari", "hari kalender"]))
def test_parse_waktu_reads_simple_standards(n, satuan):
    w = parse_waktu(f"{n} {satuan}")
    assert w.ada_standar
    assert (w.menit if satuan.lower() in ("menit", "jam") else w.hari) == pytest.approx(
        n * (60 if satuan == "jam" else 1)
    )


@CEPAT
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_tanggal_is_indonesian(d):
    assert formats.tanggal(d) == f"{d.day} {formats.BULAN[d.month - 1]} {d.year}"


@LAMBAT
@given(st.lists(st.one_of(st.none(), st.tuples(NILAI, NILAI), NILAI), max_size=8))
def test_jam_kerja_setting_only_valueerror(demo_con, jam):
    """The working-hours setting is refused with a message or accepted, never a crash."""
    try:
        sop_registry.simpan_jam_kerja(demo_con, SISTEM, jam)
    except ValueError as exc:
        assert "Jam kerja" in str(exc)


def _sop_dasar() -> dict:
    return {
        "kode": "uji_sop",
        "nama": "SOP uji",
        "instansi": "Dinas Uji",
        "pelaksana": ["Staf"],
        "langkah": [{"no": "1", "aktivitas": "Menyusun", "pelaksana": ["Staf"], "waktu": "1 hari"}],
    }


@CEPAT
@given(st.text(max_size=300))
def test_sop_yaml_any_text_is_sop_or_soperror(teks):
    try:
        sop.parse_sop(teks, "acak.yaml")
    except sop.SopError as exc:
        assert str(exc).startswith("acak.yaml:")


@CEPAT
@given(
    st.sampled_from(
        [
            "kode",
            "nama",
            "instansi",
            "pelaksana",
            "langkah",
            "dasar_hukum",
            "tanggal_efektif",
            "peringatan",
        ]
    ),
    NILAI,
    st.sampled_from(["no", "aktivitas", "pelaksana", "waktu", "lain"]),
    NILAI,
)
def test_sop_yaml_mutated_fields_give_soperror_naming_the_file(kunci, nilai, kunci_l, nilai_l):
    import yaml

    data = _sop_dasar()
    data[kunci] = nilai
    if kunci != "langkah":
        data["langkah"][0][kunci_l] = nilai_l
    try:
        teks = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return
    try:
        sop.parse_sop(teks, "ubah.yaml")
    except sop.SopError as exc:
        assert "ubah.yaml" in str(exc)


# ---------------------------------------------------------------- form models


@CEPAT
@given(
    st.dictionaries(
        st.sampled_from(["instansi_id", "kode", "nama", "jenis", "aktif"]), NILAI, max_size=5
    )
)
def test_unit_form_valueerror_only(data):
    try:
        admin._model(admin.UnitInput, data)
    except ValueError as exc:
        assert ":" in str(exc)


@CEPAT
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "instansi_id",
                "unit_id",
                "kode",
                "nama",
                "jenis",
                "satuan",
                "polaritas",
                "cara_agregasi",
                "rumus_negatif",
                "baseline",
                "target_renstra",
            ]
        ),
        NILAI,
        max_size=11,
    ),
    st.dictionaries(
        st.sampled_from(["tahun", "tahunan", "tahunan_atas", "triwulan", "triwulan_atas"]),
        st.one_of(NILAI, st.lists(NILAI)),
        max_size=5,
    ),
)
def test_indicator_and_target_forms_valueerror_only(ind, tgt):
    for cls, data in ((admin.IndikatorInput, ind), (admin.TargetInput, tgt)):
        try:
            admin._model(cls, data)
        except ValueError as exc:
            assert str(exc)


@CEPAT
@given(
    st.dictionaries(
        st.sampled_from(["username", "nama", "email", "peran", "instansi_id", "unit_id", "aktif"]),
        st.one_of(NILAI, st.lists(st.sampled_from(["admin", "kadis", "x"]))),
        max_size=7,
    )
)
def test_user_form_valueerror_only(data):
    try:
        pengguna._validasi(data)
    except ValueError as exc:
        assert str(exc)


@CEPAT
@given(st.text(max_size=40))
def test_password_strength_valueerror_only(sandi):
    try:
        pengguna.cek_kekuatan_sandi(sandi)
    except ValueError:
        return
    assert len(sandi) >= 8


@CEPAT
@given(NILAI, st.one_of(st.none(), st.text(max_size=20)), st.integers(1, 4))
def test_entry_checks_never_raise(nilai, catatan, tw):
    ind = entri.IndikatorEntri(
        indikator_id=1,
        kode="A.1",
        nama="Uji",
        satuan="%",
        polaritas="positif",
        cara_agregasi="LAST",
        rumus_negatif="A",
        boleh_negatif=False,
        target_tahunan=80,
        target_tahunan_atas=None,
        target=(20, 40, 60, 80),
        target_atas=(None,) * 4,
        realisasi=(None,) * 4,
        riwayat=(10.0, 30.0),
    )
    h = entri.periksa(ind, tw, nilai, catatan, SKALA_BAKU)
    assert isinstance(h.galat, list) and isinstance(h.penghalang, list)
    if h.boleh_disimpan and h.nilai is not None:  # a draft holds only storable numbers
        assert abs(h.nilai) <= 1e15
    if h.boleh_diajukan and h.nilai is not None:  # a submission only a valid percentage
        assert 0 <= h.nilai <= 100


# ---------------------------------------------------------------- services with a store


@pytest.fixture
def dep(demo_con):
    staf = pengguna.akses_untuk(demo_con, "staf.dep")
    pid = int(periode.periode_entri(demo_con, staf, staf.unit_id)["id"].iloc[0])
    return demo_con, staf, pid


def _jumlah(con) -> tuple:
    return tuple(
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("realisasi", "realisasi_riwayat", "event", "pengajuan")
    )


@LAMBAT
@given(st.lists(NILAI, min_size=1, max_size=6))
def test_save_with_any_values_is_all_or_nothing(dep, nilai):
    con, staf, pid = dep
    form = realisasi.form_entri(con, staf, pid, staf.unit_id)
    baris = [
        realisasi.BarisSimpan(i.indikator_id, v, "catatan")
        for i, v in zip(form.indikator, nilai, strict=False)
    ]
    sebelum = _jumlah(con)
    try:
        realisasi.simpan(con, staf, pid, staf.unit_id, baris)
    except ValueError as exc:
        assert str(exc)
        assert _jumlah(con) == sebelum  # nothing half saved
        return
    # saved: every row is there with the parsed value
    simpan = realisasi.form_entri(con, staf, pid, staf.unit_id).baris.set_index("indikator_id")
    for b in baris:
        v = formats.parse_angka(b.nilai)
        if v is not None:
            assert simpan.loc[b.indikator_id, "nilai"] == pytest.approx(v)
    con.execute(
        "DELETE FROM realisasi WHERE tahun = ? AND triwulan = ? AND indikator_id IN "
        "(SELECT id FROM indikator WHERE unit_id = ?)",
        [form.periode["tahun"], form.periode["triwulan"], staf.unit_id],
    )


@pytest.fixture(scope="module")
def templat(demo_db, tmp_path_factory):
    """A DEP template and its form, built once (read-only use)."""
    from dashboard.inti import store

    path = tmp_path_factory.mktemp("tpl") / "t.duckdb"
    path.write_bytes(demo_db.read_bytes())
    con = store.connect(path)
    staf = pengguna.akses_untuk(con, "staf.dep")
    pid = int(periode.periode_entri(con, staf, staf.unit_id)["id"].iloc[0])
    form = realisasi.form_entri(con, staf, pid, staf.unit_id)
    data = realisasi.template_excel(con, staf, pid, staf.unit_id)
    con.close()
    return form, data


def _isi_sel(data: bytes, nilai: list) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[excel_entri.SHEET]
    for k, (v, c) in enumerate(nilai):
        r = excel_entri.HEADER_ROW + 1 + k
        ws.cell(r, excel_entri.COL_NILAI + 1).value = v
        ws.cell(r, excel_entri.COL_CATATAN + 1).value = c
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SEL = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.floats(-1e9, 1e9),
    st.text(max_size=12),
    st.sampled_from(["1.234,5", "abc", "=1+2", "12%", "-5", "1e400"]),
)


@LAMBAT
@given(st.lists(st.tuples(SEL, st.one_of(st.none(), st.text(max_size=20))), max_size=6))
def test_excel_import_any_cells_gives_rows_or_problems(templat, nilai):
    form, data = templat
    try:
        isi = _isi_sel(data, nilai)
    except Exception:  # noqa: BLE001 - openpyxl refuses control characters itself
        assume(False)
    rows, masalah = excel_entri.baca_template(isi, form, SKALA_BAKU)
    for m in masalah:
        assert m.baris >= 0 and m.pesan
    for r in rows:
        assert r.nilai is None or math.isfinite(r.nilai)


@CEPAT
@given(st.binary(max_size=2000))
def test_excel_import_random_bytes_refused(templat, isi):
    form, _ = templat
    rows, masalah = excel_entri.baca_template(isi, form, SKALA_BAKU)
    assert not rows and masalah


def test_excel_import_oversized_and_wrong_type_applies_nothing(dep):
    con, staf, pid = dep
    sebelum = _jumlah(con)
    besar = b"PK\x03\x04" + b"\0" * (excel_entri.MAX_BYTES + 1)
    _, masalah = realisasi.pratinjau_impor(con, staf, pid, staf.unit_id, besar)
    assert "terlalu besar" in masalah[0].pesan
    _, masalah = realisasi.pratinjau_impor(con, staf, pid, staf.unit_id, b"%PDF-1.4 bukan excel")
    assert "bukan Excel" in masalah[0].pesan
    assert _jumlah(con) == sebelum


def test_sop_excel_import_of_garbage_refused(demo_con):
    with pytest.raises(sop.SopError, match="bukan berkas Excel"):
        sop_registry.impor_excel(demo_con, SISTEM, b"\x00\x01bukan", "x.xlsx")


@pytest.fixture
def folder_bukti(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    return tmp_path


@CEPAT
@given(
    st.text(max_size=40),
    st.sampled_from(["pdf", "png", "jpg", "xlsx", "docx", "exe", "PDF", "", "html", "svg"]),
    st.sampled_from(
        [b"%PDF-1.7", b"\x89PNG", b"\xff\xd8\xff", b"PK\x03\x04", b"MZ", b"<svg>", b""]
    ),
)
def test_evidence_upload_type_checked_and_stays_in_folder(folder_bukti, nama, ext, awal):
    try:
        ref = bukti.simpan_berkas(3, 2026, 3, f"{nama}.{ext}" if ext else nama, awal + b"isi")
    except ValueError as exc:
        assert "berkas" in str(exc).lower() or "Berkas" in str(exc)
        return
    path = bukti.path_berkas(ref)
    assert path is not None and folder_bukti.resolve() in path.parents
    assert any((awal + b"isi").startswith(s) for s in bukti.JENIS[ext.lower()])


def test_evidence_upload_oversized_and_traversal(folder_bukti):
    with pytest.raises(ValueError, match="terlalu besar"):
        bukti.simpan_berkas(3, 2026, 3, "besar.pdf", b"%PDF" + b"0" * bukti.MAX_BYTES)
    ref = bukti.simpan_berkas(3, 2026, 3, "../../../etc/passwd.pdf", b"%PDF-1.4")
    assert folder_bukti.resolve() in bukti.path_berkas(ref).parents
    assert bukti.path_berkas("berkas:../../../../etc/passwd") is None


# ---------------------------------------------------------------- user text shown inertly


def _elemen(at):
    """(kind, text) of every element the page sends (protos), tables as their cells."""
    out = [(type(e.proto).__name__, str(e.proto)) for e in elemen(at)]
    out += [("Arrow", d.value.astype(str).to_csv()) for d in at.dataframe]
    return out


# elements whose content the browser shows as plain text (tables, st.text, select options)
INERT = ("Arrow", "Dataframe", "Text", "Selectbox")


def _literal_inert(at, teks: str) -> None:
    elemen = _elemen(at)
    inert = [t for k, t in elemen if k in INERT]
    assert any(teks in t for t in inert) or any(
        teks in str(d.value.to_numpy().tolist()) for d in at.dataframe
    ), "teks pengguna tidak tampil apa adanya"
    for kind, t in elemen:
        if kind in INERT:
            continue
        # markdown-rendering elements: never the raw markup, never HTML allowed
        assert "<script>" not in t and "](javascript" not in t and "![g](" not in t, (kind, t)
        assert "allow_html: true" not in t and "unsafe_allow_html: true" not in t, kind


def test_user_text_with_html_and_markdown_is_inert(app_db):
    from dashboard.inti import store

    con = store.connect(app_db)
    con.execute("UPDATE pengguna SET nama = ? WHERE username = 'monev'", [PAYLOAD])
    con.execute("UPDATE unit SET nama = ? WHERE kode = 'PKA'", ["Bidang " + PAYLOAD])
    con.execute(
        "UPDATE realisasi SET catatan = ? WHERE indikator_id IN (SELECT id FROM indikator WHERE "
        "unit_id = (SELECT id FROM unit WHERE kode = 'PKA')) AND tahun = 2026 AND triwulan = 3",
        [PAYLOAD],
    )
    con.execute("UPDATE periode SET catatan = ? WHERE tahun = 2026 AND triwulan = 3", [PAYLOAD])
    con.close()
    from .test_pages import _open_url

    at = login("monev")  # sidebar shows the name
    _open_url(at, "antrian")  # PKA's submission: unit name in the title, notes in the table
    assert not at.exception
    _literal_inert(at, PAYLOAD)
    at = login("staf.dep")
    _open_url(at, "entri")  # the period's note (Nota Dinas) above the form
    assert not at.exception
    elemen = _elemen(at)
    assert not any("<script>" in t for k, t in elemen if k not in INERT)
    nota = [c.value for c in at.caption if c.value.startswith(":material/mail:")]
    assert nota == [":material/mail: " + formats.md_aman(PAYLOAD)]  # shown, escaped
    # a typed number with markup: the error quotes it, escaped wherever it is shown
    with pytest.raises(ValueError) as err:
        formats.parse_angka("<b>1</b>")
    assert "<b>1</b>" in str(err.value) and "<b>" not in formats.md_aman(err.value)


# ---------------------------------------------------------------- formula injection in exports


@CEPAT
@given(st.text(max_size=30))
def test_aman_sel_never_leaves_a_formula(teks):
    v = dokumen.aman_sel(teks)
    assert not str(v).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert str(v).lstrip("'") == teks.lstrip("'") or str(v) == "'" + teks


def _tabel_bahaya() -> pd.DataFrame:
    return pd.DataFrame({"teks": RUMUS + [PAYLOAD], "angka": list(range(len(RUMUS) + 1))})


def test_csv_export_neutralised():
    isi = dokumen.csv_bytes(_tabel_bahaya()).decode("utf-8-sig")
    for row in list(csv.reader(io.StringIO(isi), delimiter=";"))[1:]:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r")), row


def _tanpa_rumus(data: bytes, netral: bool = False) -> None:
    """No formula cell; with `netral` also no text that would become one when edited (a
    round-trip file such as the entry template keeps texts as typed, in text cells)."""
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if netral and isinstance(c.value, str):
                    assert not c.value.startswith("="), (ws.title, c.coordinate, c.value)


def test_excel_sheet_export_neutralised():
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    dokumen.tulis_sheet(wb, "Uji", _tabel_bahaya(), judul=["=judul", "Laporan"])
    wb.close()
    _tanpa_rumus(buf.getvalue(), netral=True)


def test_excel_entry_template_has_no_formula_from_user_text(dep):
    con, staf, pid = dep
    con.execute("UPDATE unit SET nama = '=1+1' WHERE id = ?", [staf.unit_id])
    con.execute("UPDATE instansi SET nama = '=HYPERLINK(\"http://x\")'")
    ind = realisasi.form_entri(con, staf, pid, staf.unit_id).indikator
    con.execute(
        "UPDATE indikator SET nama = '=2+2', satuan = '@x' WHERE id = ?", [ind[0].indikator_id]
    )
    baris = [
        realisasi.BarisSimpan(i.indikator_id, i.target[2] or 1, r, r)
        for i, r in zip(ind, RUMUS, strict=False)
    ]
    realisasi.simpan(con, staf, pid, staf.unit_id, baris)
    data = realisasi.template_excel(con, staf, pid, staf.unit_id)
    _tanpa_rumus(data)
    assert not excel_entri.sel_rumus(data, excel_entri.SHEET)
    # and the same file reads back with the texts kept as typed
    form = realisasi.form_entri(con, staf, pid, staf.unit_id)
    rows, masalah = excel_entri.baca_template(data, form, SKALA_BAKU)
    assert not masalah
    assert {r.catatan for r in rows} >= set(RUMUS[: len(ind)]) - {"\t=1", "\r=1"}


def test_sop_excel_export_has_no_formula(demo_con):
    sop_id = int(sop_registry.daftar_sop(demo_con)["id"].iloc[0])
    header, langkah = sop_registry.detail(demo_con, sop_id)
    header = {**header, "peringatan": "=1+1", "disahkan_oleh": "+SUM(A1)"}
    langkah = langkah.copy()
    langkah.loc[0, "aktivitas"] = '=HYPERLINK("http://x","klik")'
    langkah.loc[0, "keterangan"] = "@SUM(A1)"
    _tanpa_rumus(sop_registry.ke_excel(header, langkah))
