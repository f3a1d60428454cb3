"""The plan an agency sets up in the app (issue 13, item 2): the planning tree (add, edit, move,
retire, refuse to delete what carries data), indicators linked to any node and flagged PK,
target checks (errors refuse, warnings need a confirmation), Renstra targets per year, budgets
typed or from Excel, and the reports grouping an admin-made indicator under its sasaran."""

from __future__ import annotations

import io

import openpyxl
import pytest

from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.inti import store
from dashboard.laporan import layanan_laporan as svc_laporan
from dashboard.laporan import renja as form_renja
from dashboard.laporan.data import Permintaan
from dashboard.rencana import layanan_indikator as admin
from dashboard.rencana import layanan_rencana as svc
from dashboard.rencana import rencana

KADIS = Akses("kadis", frozenset({"kadis"}), instansi_id=1)
ADMIN_LAIN = Akses("admin2", frozenset({"admin"}), instansi_id=2)


# ---------------------------------------------------------------- pure rules


@pytest.mark.parametrize(
    ("tingkat", "kode", "induk", "baik"),
    [
        ("Program", "1.01.01", None, True),
        ("Program", "X.XX.01", None, True),
        ("Program", "1.1.1", None, False),
        ("Kegiatan", "1.01.01.2.01", "1.01.01", True),
        ("Kegiatan", "1.01.02.2.01", "1.01.01", False),  # not under its program's code
        ("Kegiatan", "1.01.01.201", "1.01.01", False),
        ("Sub Kegiatan", "1.01.01.2.01.0001", "1.01.01.2.01", True),
        ("Sub Kegiatan", "1.01.01.2.01.001", "1.01.01.2.01", False),
        ("Sub Kegiatan", "1.01.01.2.02.0001", "1.01.01.2.01", False),
        ("Tujuan", "T1", None, True),
        ("Sasaran", "S 1", "T1", False),
    ],
)
def test_periksa_kode(tingkat, kode, induk, baik):
    assert (rencana.periksa_kode(tingkat, kode, induk) is None) is baik


@pytest.mark.parametrize(
    "cara,tahunan,triwulan,peringatan",
    [
        ("SUM", 100, [25, 25, 25, 25], False),
        ("SUM", 100, [25, 25, 25, 20], True),
        ("LAST", 100, [25, 50, 75, 100], False),
        ("LAST", 100, [25, 50, 75, 90], True),
        ("MAX", 90, [90, 80, 70, 90], False),
        ("AVG", 80, [70, 80, 80, 90], False),
        ("AVG", 80, [80, 80, 80, 90], True),
        ("SUM", 100, [25, None, 25, 25], False),  # quarters not all set: nothing to compare
    ],
)
def test_periksa_target_warns_when_quarters_do_not_aggregate(cara, tahunan, triwulan, peringatan):
    galat, hasil = rencana.periksa_target(cara, tahunan, triwulan)
    assert galat == [] and bool(hasil) is peringatan


@pytest.mark.parametrize(
    "args,pesan",
    [
        ((100, [25] * 4, 110, [None] * 4), "tidak boleh dicampur"),
        ((100, [25] * 4, 90, [30] * 4), "lebih kecil"),
        ((None, [None] * 4, 5, [None] * 4), "tanpa batas bawahnya"),
        ((1e16, [1, 2, 3, 4], None, [None] * 4), "di luar batas"),
        ((float("nan"), [1, 2, 3, 4], None, [None] * 4), "bukan angka"),
    ],
)
def test_periksa_target_refuses(args, pesan):
    tahunan, triwulan, atas, triwulan_atas = args
    galat, _ = rencana.periksa_target("SUM", tahunan, triwulan, atas, triwulan_atas)
    assert any(pesan in g for g in galat), galat


# ---------------------------------------------------------------- tree


@pytest.fixture
def toko(con):
    """An empty store with two instansi, a unit each, and a small plan for instansi 1 made
    through the service: T1 > S1 > 1.01.01 > 1.01.01.2.01 (unit U) > 1.01.01.2.01.0001."""
    con.execute("INSERT INTO instansi (id, kode, nama, pemda) VALUES (1, 'D1', 'Dinas Satu', 'K')")
    con.execute("INSERT INTO instansi (id, kode, nama, pemda) VALUES (2, 'D2', 'Dinas Dua', 'K')")
    u = admin.simpan_unit(
        con, SISTEM, {"instansi_id": 1, "kode": "U", "nama": "Bidang U", "jenis": "Bidang"}
    )
    admin.simpan_unit(
        con, SISTEM, {"instansi_id": 2, "kode": "V", "nama": "Bidang V", "jenis": "Bidang"}
    )
    ids = {"unit": u}
    ids["T1"] = svc.simpan_node(con, SISTEM, 1, "Tujuan", {"kode": "T1", "nama": "Tujuan satu"})
    ids["S1"] = svc.simpan_node(
        con, SISTEM, 1, "Sasaran", {"kode": "S1", "nama": "Sasaran satu", "induk_id": ids["T1"]}
    )
    ids["P"] = svc.simpan_node(
        con, SISTEM, 1, "Program", {"kode": "1.01.01", "nama": "Program A", "induk_id": ids["S1"]}
    )
    ids["K"] = svc.simpan_node(
        con,
        SISTEM,
        1,
        "Kegiatan",
        {"kode": "1.01.01.2.01", "nama": "Kegiatan A", "induk_id": ids["P"], "unit_id": u},
    )
    ids["SK"] = svc.simpan_node(
        con,
        SISTEM,
        1,
        "Sub Kegiatan",
        {"kode": "1.01.01.2.01.0001", "nama": "Sub kegiatan A", "induk_id": ids["K"]},
    )
    return con, ids


def _node(cur, tingkat, node_id):
    df = svc.pohon(cur, SISTEM, 1)
    return df[(df["tingkat"] == tingkat) & (df["id"] == node_id)].iloc[0]


def test_tree_add_and_edit(toko):
    cur, ids = toko
    df = svc.pohon(cur, SISTEM, 1)
    assert list(df["tingkat"]) == list(rencana.TINGKAT)
    assert _node(cur, "Kegiatan", ids["K"])["unit_id"] == ids["unit"]
    assert _node(cur, "Program", ids["P"])["n_anak"] == 1
    svc.simpan_node(
        cur,
        SISTEM,
        1,
        "Program",
        {"kode": "1.01.01", "nama": "Program A (ubah)", "induk_id": ids["S1"]},
        node_id=ids["P"],
    )
    assert _node(cur, "Program", ids["P"])["nama"] == "Program A (ubah)"
    jenis = [r[0] for r in cur.execute("SELECT jenis FROM event ORDER BY id").fetchall()]
    assert jenis.count("rencana_dibuat") == 5 and "rencana_diubah" in jenis


@pytest.mark.parametrize(
    ("tingkat", "data", "pesan"),
    [
        ("Program", {"kode": "101", "nama": "Program B"}, "format"),
        ("Kegiatan", {"kode": "1.01.02.2.01", "nama": "Kegiatan B"}, "diawali"),
        ("Program", {"kode": "1.01.01", "nama": "Program dobel"}, "sudah dipakai"),
        ("Sasaran", {"kode": "S2", "nama": "Tanpa induk", "induk_id": None}, "Pilih tujuan"),
        ("Tingkat X", {"kode": "Z", "nama": "Tak dikenal"}, "Tingkat"),
    ],
)
def test_tree_refuses_bad_input_and_saves_nothing(toko, tingkat, data, pesan):
    cur, ids = toko
    induk = {"Program": ids["S1"], "Kegiatan": ids["P"]}.get(tingkat)
    data = {"induk_id": induk, **data}
    sebelum = len(svc.pohon(cur, SISTEM, 1))
    with pytest.raises(ValueError, match=pesan):
        svc.simpan_node(cur, SISTEM, 1, tingkat, data)
    assert len(svc.pohon(cur, SISTEM, 1)) == sebelum


def test_tree_move_under_another_parent(toko):
    cur, ids = toko
    s2 = svc.simpan_node(
        cur, SISTEM, 1, "Sasaran", {"kode": "S2", "nama": "Sasaran dua", "induk_id": ids["T1"]}
    )
    svc.simpan_node(
        cur,
        SISTEM,
        1,
        "Program",
        {"kode": "1.01.01", "nama": "Program A", "induk_id": s2},
        node_id=ids["P"],
    )
    assert _node(cur, "Program", ids["P"])["induk_id"] == s2
    assert cur.execute("SELECT count(*) FROM event WHERE jenis = 'rencana_dipindah'").fetchone()[0]


def test_tree_move_refused_to_wrong_level_or_other_instansi(toko):
    cur, ids = toko
    t2 = cur.execute(
        "INSERT INTO tujuan (instansi_id, kode, uraian) VALUES (2, 'T1', 'Lain') RETURNING id"
    ).fetchone()[0]
    s_lain = cur.execute(
        "INSERT INTO sasaran (tujuan_id, kode, uraian) VALUES (?, 'S9', 'Lain') RETURNING id",
        [t2],
    ).fetchone()[0]
    for induk in (s_lain, ids["P"]):  # another instansi's sasaran; a program id as a sasaran
        with pytest.raises(ValueError, match="tidak ditemukan"):
            svc.simpan_node(
                cur,
                SISTEM,
                1,
                "Program",
                {"kode": "1.01.01", "nama": "Program A", "induk_id": induk + 100},
                node_id=ids["P"],
            )
    assert _node(cur, "Program", ids["P"])["induk_id"] == ids["S1"]


def test_retire_cascades_and_reactivate_needs_active_parent(toko):
    cur, ids = toko
    assert svc.atur_aktif(cur, SISTEM, 1, "Program", ids["P"], False) == 3
    df = svc.pohon(cur, SISTEM, 1)
    assert df.set_index("tingkat")["aktif"].to_dict() == {
        "Tujuan": True,
        "Sasaran": True,
        "Program": False,
        "Kegiatan": False,
        "Sub Kegiatan": False,
    }
    with pytest.raises(ValueError, match="Aktifkan dulu program"):
        svc.atur_aktif(cur, SISTEM, 1, "Kegiatan", ids["K"], True)
    with pytest.raises(ValueError, match="nonaktif"):
        svc.simpan_node(
            cur,
            SISTEM,
            1,
            "Kegiatan",
            {"kode": "1.01.01.2.02", "nama": "Kegiatan baru", "induk_id": ids["P"]},
        )
    svc.atur_aktif(cur, SISTEM, 1, "Program", ids["P"], True)
    svc.atur_aktif(cur, SISTEM, 1, "Kegiatan", ids["K"], True)
    assert _node(cur, "Kegiatan", ids["K"])["aktif"]


def test_delete_refused_when_node_has_data(toko):
    cur, ids = toko
    with pytest.raises(ValueError, match="1 turunan. Nonaktifkan saja"):
        svc.hapus_node(cur, SISTEM, 1, "Program", ids["P"])
    svc.simpan_anggaran(cur, SISTEM, 1, 2026, [{"sub_kegiatan_id": ids["SK"], "pagu": 1000}])
    with pytest.raises(ValueError, match="baris anggaran"):
        svc.hapus_node(cur, SISTEM, 1, "Sub Kegiatan", ids["SK"])
    _indikator(cur, ids, "Sasaran", ids["S1"])
    with pytest.raises(ValueError, match="1 indikator"):
        svc.hapus_node(cur, SISTEM, 1, "Sasaran", ids["S1"])
    assert len(svc.pohon(cur, SISTEM, 1)) == 5
    kosong = svc.simpan_node(cur, SISTEM, 1, "Tujuan", {"kode": "T2", "nama": "Salah buat"})
    svc.hapus_node(cur, SISTEM, 1, "Tujuan", kosong)
    assert len(svc.pohon(cur, SISTEM, 1)) == 5


def test_tree_only_admin_of_the_instansi(toko):
    cur, ids = toko
    for akses in (KADIS, ADMIN_LAIN):
        with pytest.raises(AksesDitolak):
            svc.simpan_node(cur, akses, 1, "Tujuan", {"kode": "T5", "nama": "Tidak boleh"})
        with pytest.raises(AksesDitolak):
            svc.hapus_node(cur, akses, 1, "Program", ids["P"])


# ---------------------------------------------------------------- indicators and targets


def _indikator(cur, ids, tingkat, node_id, kode="I1", target=None, **kw):
    return admin.simpan_indikator(
        cur,
        SISTEM,
        {
            "instansi_id": 1,
            "unit_id": ids["unit"],
            "kode": kode,
            "nama": f"Indikator {kode} uji",
            "jenis": "IKU",
            "satuan": "dokumen",
            "tingkat": tingkat,
            "node_id": node_id,
            "pk": True,
        },
        target,
        **kw,
    )


def test_indicator_linked_to_node_and_pk(toko):
    cur, ids = toko
    i = _indikator(cur, ids, "Kegiatan", ids["K"])
    row = cur.execute(
        "SELECT tujuan_id, sasaran_id, program_id, kegiatan_id, sub_kegiatan_id, pk "
        "FROM indikator WHERE id = ?",
        [i],
    ).fetchone()
    assert row == (None, None, None, ids["K"], None, True)
    # relinked to the tujuan: exactly one column set
    _indikator(cur, ids, "Tujuan", ids["T1"], indikator_id=i)
    row = cur.execute("SELECT tujuan_id, kegiatan_id FROM indikator WHERE id = ?", [i]).fetchone()
    assert row == (ids["T1"], None)
    # a node of another instansi is refused
    t2 = cur.execute(
        "INSERT INTO tujuan (instansi_id, kode, uraian) VALUES (2, 'TX', 'Lain') RETURNING id"
    ).fetchone()[0]
    with pytest.raises(ValueError, match="bukan bagian dari rencana"):
        _indikator(cur, ids, "Tujuan", t2, kode="I2")


def test_indicator_not_linked_to_a_retired_node(toko):
    cur, ids = toko
    i = _indikator(cur, ids, "Program", ids["P"])
    svc.atur_aktif(cur, SISTEM, 1, "Program", ids["P"], False)
    _indikator(cur, ids, "Program", ids["P"], indikator_id=i)  # already there: kept
    with pytest.raises(ValueError, match="sudah nonaktif"):
        _indikator(cur, ids, "Kegiatan", ids["K"], indikator_id=i)
    with pytest.raises(ValueError, match="sudah nonaktif"):
        _indikator(cur, ids, "Program", ids["P"], kode="I2")
    assert cur.execute("SELECT kegiatan_id FROM indikator WHERE id = ?", [i]).fetchone() == (None,)


def test_target_warning_needs_confirmation(toko):
    cur, ids = toko
    target = {"tahun": 2026, "tahunan": 100, "triwulan": [10, 20, 30, 30]}  # SUM 90
    with pytest.raises(admin.PerluKonfirmasi, match="jumlah target TW I-IV") as e:
        _indikator(cur, ids, "Sasaran", ids["S1"], target=target)
    assert e.value.peringatan
    assert cur.execute("SELECT count(*) FROM indikator").fetchone()[0] == 0
    i = _indikator(cur, ids, "Sasaran", ids["S1"], target=target, konfirmasi=True)
    assert cur.execute("SELECT count(*) FROM target WHERE indikator_id = ?", [i]).fetchone()[0] == 5
    assert (
        "dikonfirmasi"
        in cur.execute("SELECT catatan FROM event ORDER BY id DESC LIMIT 1").fetchone()[0]
    )


@pytest.mark.parametrize(
    ("target", "pesan"),
    [
        (
            {"tahun": 2026, "tahunan": 80, "tahunan_atas": 90, "triwulan": [80, 80, 80, 80]},
            "tidak boleh dicampur",
        ),
        ({"tahun": 2026, "tahunan": 1e16, "triwulan": [None] * 4}, "di luar batas"),
    ],
)
def test_target_errors_refuse_even_with_confirmation(toko, target, pesan):
    cur, ids = toko
    with pytest.raises(ValueError, match=pesan):
        _indikator(cur, ids, "Sasaran", ids["S1"], target=target, konfirmasi=True)
    assert cur.execute("SELECT count(*) FROM indikator").fetchone()[0] == 0


def test_target_save_is_version_safe(toko):
    cur, ids = toko
    target = {"tahun": 2026, "tahunan": 10, "triwulan": [1, 2, 3, 4]}
    i = _indikator(cur, ids, "Sasaran", ids["S1"], target=target)
    dimuat = admin.target_indikator(cur, SISTEM, i, 2026)
    _indikator(  # someone else saves first
        cur,
        ids,
        "Sasaran",
        ids["S1"],
        target={**target, "tahunan": 10, "triwulan": [4, 3, 2, 1]},
        indikator_id=i,
    )
    with pytest.raises(store.KonflikData):
        _indikator(
            cur,
            ids,
            "Sasaran",
            ids["S1"],
            target={**target, "tahunan": 12, "triwulan": [3, 3, 3, 3]},
            indikator_id=i,
            target_awal=dimuat,
        )
    assert admin.target_indikator(cur, SISTEM, i, 2026)["triwulan"] == [4, 3, 2, 1]


def test_renstra_per_year(toko):
    cur, ids = toko
    i = _indikator(cur, ids, "Sasaran", ids["S1"])
    baris = [{"tahun": 2025 + k, "nilai": 10.0 + k} for k in range(5)]
    assert admin.simpan_target_renstra(cur, SISTEM, i, baris, []) == 5
    df = admin.target_renstra(cur, SISTEM, i)
    assert list(df["tahun"]) == [2025, 2026, 2027, 2028, 2029]
    assert cur.execute("SELECT target_renstra FROM indikator WHERE id = ?", [i]).fetchone()[0] == 14
    with pytest.raises(ValueError, match="tidak boleh dicampur"):
        admin.simpan_target_renstra(
            cur, SISTEM, i, [*baris[:4], {"tahun": 2029, "nilai": 14, "nilai_atas": 16}]
        )
    with pytest.raises(ValueError, match="di luar batas"):
        admin.simpan_target_renstra(cur, SISTEM, i, [{"tahun": 2025, "nilai": 2e15}])
    with pytest.raises(store.KonflikData):
        admin.simpan_target_renstra(cur, SISTEM, i, baris, awal=[])  # loaded before the save
    assert len(admin.target_renstra(cur, SISTEM, i)) == 5


def test_indicator_from_admin_service_appears_under_its_sasaran(toko):
    """The bug of issue 13: an indicator made on "Indikator dan target" landed under "Tanpa
    sasaran". Linked to a kegiatan (or a tujuan) it is grouped under its sasaran (tujuan)."""
    cur, ids = toko
    target = {"tahun": 2026, "tahunan": 10, "triwulan": [1, 2, 3, 4]}
    _indikator(cur, ids, "Sub Kegiatan", ids["SK"], kode="I1", target=target)
    _indikator(cur, ids, "Tujuan", ids["T1"], kode="I2", target=target)
    lap = svc_laporan.susun_laporan(cur, SISTEM, Permintaan("triwulan", 1, 2026, 1))
    df = lap.tabel[0].df
    assert list(df["Sasaran"]) == ["S1 Sasaran satu", "Tujuan T1 Tujuan satu"]
    assert not df["Sasaran"].str.contains("Tanpa sasaran", na=False).any()
    renja = svc_laporan.susun_laporan(cur, SISTEM, Permintaan("renja", 1, 2026, 1)).tabel[0].df
    sasaran = renja[form_renja.SASARAN].dropna().tolist()  # E.81 column (2)
    assert "Tujuan T1 Tujuan satu" in sasaran and "S1 Sasaran satu" in sasaran
    uraian = renja[form_renja.URAIAN].dropna().astype(str).str.strip().tolist()
    assert not any("di luar program" in u for u in uraian)


# ---------------------------------------------------------------- budgets


def test_budget_typed(toko):
    cur, ids = toko
    baris = [{"sub_kegiatan_id": ids["SK"], "pagu": "1.000.000", "rp1": 250000, "rp2": None}]
    assert svc.simpan_anggaran(cur, SISTEM, 1, 2026, baris, []) == 1
    df = svc.anggaran_tahun(cur, SISTEM, 1, 2026)
    assert df.loc[0, "pagu"] == 1_000_000 and df.loc[0, "rp1"] == 250_000
    assert svc.simpan_anggaran(cur, SISTEM, 1, 2026, baris) == 0  # nothing changed
    awal = df.to_dict("records")
    svc.simpan_anggaran(cur, SISTEM, 1, 2026, [{**baris[0], "rp2": 10}])  # another user
    with pytest.raises(store.KonflikData):
        svc.simpan_anggaran(cur, SISTEM, 1, 2026, [{**baris[0], "rp2": 20}], awal)


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        ({"pagu": -5}, "tidak boleh negatif"),
        ({"pagu": 2e15}, "di luar batas"),
        ({"pagu": "satu juta"}, "bukan angka"),
        ({"pagu": None, "rp1": 5}, "isi pagu"),
    ],
)
def test_budget_refused_nothing_saved(toko, baris, pesan):
    cur, ids = toko
    with pytest.raises(ValueError, match=pesan):
        svc.simpan_anggaran(cur, SISTEM, 1, 2026, [{"sub_kegiatan_id": ids["SK"], **baris}])
    assert cur.execute("SELECT count(*) FROM anggaran").fetchone()[0] == 0


def test_budget_other_instansi_refused(toko):
    cur, ids = toko
    with pytest.raises(AksesDitolak):
        svc.simpan_anggaran(cur, ADMIN_LAIN, 1, 2026, [{"sub_kegiatan_id": ids["SK"], "pagu": 1}])
    with pytest.raises(ValueError, match="bukan milik"):
        svc.simpan_anggaran(cur, SISTEM, 2, 2026, [{"sub_kegiatan_id": ids["SK"], "pagu": 1}])


def _isi(data: bytes, isi: dict[str, object]) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[svc.SHEET_ANGGARAN]
    for sel, v in isi.items():
        ws[sel] = v
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_budget_excel_round_trip(toko):
    cur, ids = toko
    templat = svc.templat_anggaran(cur, SISTEM, 1, 2026)
    data = _isi(templat, {"D2": 5_000_000, "E2": "1.250.000,5", "H2": 100})
    baris = svc.baca_anggaran_excel(cur, SISTEM, 1, 2026, data)
    assert baris == [
        {
            "sub_kegiatan_id": ids["SK"],
            "pagu": 5_000_000,
            "rp1": 1_250_000.5,
            "rp2": None,
            "rp3": None,
            "rp4": 100,
        }
    ]
    svc.simpan_anggaran(cur, SISTEM, 1, 2026, baris)
    assert svc.anggaran_tahun(cur, SISTEM, 1, 2026).loc[0, "rp4"] == 100


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ({"D2": "=1+1"}, "rumus tidak diterima"),
        ({"C2": 2025}, "kolom Tahun"),
        ({"A3": "9.99.99.9.99.9999", "C3": 2026}, "tidak dikenal"),
        ({"D2": -1}, "tidak boleh negatif"),
        ({"D1": "Anggaran"}, "kolom tidak sesuai"),
    ],
)
def test_budget_excel_refused(toko, isi, pesan):
    cur, ids = toko
    data = _isi(svc.templat_anggaran(cur, SISTEM, 1, 2026), isi)
    with pytest.raises(ValueError, match=pesan):
        svc.baca_anggaran_excel(cur, SISTEM, 1, 2026, data)
    assert cur.execute("SELECT count(*) FROM anggaran").fetchone()[0] == 0


def test_budget_excel_not_excel_or_too_big(toko):
    cur, _ = toko
    with pytest.raises(ValueError, match="bukan Excel"):
        svc.baca_anggaran_excel(cur, SISTEM, 1, 2026, b"bukan berkas excel")
    with pytest.raises(ValueError, match="terlalu besar"):
        svc.baca_anggaran_excel(cur, SISTEM, 1, 2026, b"0" * (6 * 1024 * 1024))
