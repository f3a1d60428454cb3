"""Dashboard services on hand-built data: headline lists, projection, follow-ups, findings on
the trend, drill-down, budget, warnings, the SQL comparison, and every scope denial."""

from __future__ import annotations

import datetime as dt
import inspect
import json

import pandas as pd
import pytest

from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.capaian import layanan_dasbor as dasbor
from dashboard.capaian import tabel_dasbor as tampil
from dashboard.capaian.skala import SKALA_BAKU
from dashboard.inti import charts

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL

HARI = dt.date(2026, 11, 21)
KADIS = Akses("kadis", frozenset({"kadis"}), 1)
STAF_A = Akses("staf.a", frozenset({"staf_bidang"}), 1, unit_id=1)
LAIN = Akses("kadis2", frozenset({"kadis"}), 2)
SETDA = Akses("setda", frozenset({"kadis"}), None)


@pytest.fixture
def db(con):
    """Instansi 1 with units A (id 1) and B (id 2), instansi 2 with unit C; 2026 TW II."""
    x = con.execute
    x(
        "INSERT INTO instansi (id, kode, nama, pemda) VALUES (1, 'D1', 'Dinas Satu', 'Kab X'), "
        "(2, 'D2', 'Dinas Dua', 'Kab X')"
    )
    x(
        "INSERT INTO unit (id, instansi_id, kode, nama, jenis) VALUES (1, 1, 'A', 'Bidang A', "
        "'Bidang'), (2, 1, 'B', 'Bidang B', 'Bidang'), (3, 2, 'C', 'Bidang C', 'Bidang')"
    )
    x("INSERT INTO tujuan (id, instansi_id, kode, uraian) VALUES (1, 1, 'T1', 'Tujuan')")
    x("INSERT INTO sasaran (id, tujuan_id, kode, uraian) VALUES (1, 1, 'S1', 'Sasaran')")
    x("INSERT INTO program (id, sasaran_id, kode, nama) VALUES (1, 1, '1.01', 'Program Satu')")
    x(
        "INSERT INTO kegiatan (id, program_id, unit_id, kode, nama) VALUES "
        "(1, 1, 1, '1.01.2.01', 'Kegiatan Satu')"
    )
    x(
        "INSERT INTO sub_kegiatan (id, kegiatan_id, unit_id, kode, nama) VALUES "
        "(1, 1, 1, '1.01.2.01.0001', 'Sub Satu')"
    )
    ind = [  # id, instansi, unit, kode, cara, polaritas, sub kegiatan
        (1, 1, 1, "A.01", "SUM", "positif", 1),
        (2, 1, 1, "A.02", "LAST", "positif", None),
        (3, 1, 2, "B.01", "SUM", "negatif", None),
        (4, 2, 3, "C.01", "SUM", "positif", None),
    ]
    for i, ins, u, kode, cara, pol, sk in ind:
        x(
            "INSERT INTO indikator (id, instansi_id, unit_id, kode, nama, jenis, satuan, "
            "cara_agregasi, polaritas, sub_kegiatan_id) VALUES ($1, $2, $3, $4, $5, 'IKK', "
            "'dokumen', $6, $7, $8)",
            [i, ins, u, kode, f"Indikator {kode}", cara, pol, sk],
        )
    targets = {
        1: [400, 100, 100, 100, 100],
        2: [80, 20, 40, 60, 80],
        3: [10, 3, 3, 2, 2],
        4: [100, 25, 25, 25, 25],
    }
    for i, t in targets.items():
        for tw, v in enumerate(t):
            x("INSERT INTO target VALUES ($1, 2026, $2, $3, NULL)", [i, tw, v])
    real = {1: [90, 60], 2: [18, 41], 3: [2, 8], 4: [25, 25]}
    for i, rs in real.items():
        for tw, v in enumerate(rs, start=1):
            x(
                "INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan) VALUES "
                "($1, 2026, $2, $3, $4)",
                [i, tw, v, "kendala SDM" if i == 1 else None],
            )
    x(
        "INSERT INTO periode (id, instansi_id, tahun, triwulan, tenggat) VALUES "
        "(1, 1, 2026, 2, DATE '2026-07-15'), (2, 2, 2026, 2, DATE '2026-07-15')"
    )
    x(
        "INSERT INTO pengajuan (id, periode_id, unit_id, status, diajukan_pada, terlambat) VALUES "
        "(1, 1, 1, 'disahkan', TIMESTAMP '2026-07-14 09:00', FALSE), "
        "(2, 2, 3, 'diajukan', TIMESTAMP '2026-07-20 09:00', TRUE)"
    )
    x(
        "INSERT INTO event (pengguna, peran, jenis, objek, objek_id, dari, ke) VALUES "
        "('kadis', 'kadis', 'transisi', 'pengajuan', '1', 'diparaf', 'disahkan')"
    )
    x(
        "INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, "
        "sumber, oleh) VALUES (1, 2026, 2, 50, 60, 'perbaikan', 'staf.a')"
    )
    x(
        "INSERT INTO rapat (id, instansi_id, tahun, triwulan, judul, waktu, status, dibuat_oleh) "
        "VALUES (1, 1, 2026, 1, 'Rapat monev TW I', TIMESTAMP '2026-05-10 09:00', 'final', 'monev')"
    )
    x(
        "INSERT INTO temuan (id, rapat_id, unit_id, indikator_id, permasalahan, dibuat_oleh) "
        "VALUES (1, 1, 1, 1, 'Realisasi di bawah target', 'monev'), "
        "(2, 1, 2, NULL, 'Data B terlambat', 'monev')"
    )
    x(
        "INSERT INTO tindak_lanjut (id, temuan_id, uraian, pic_unit_id, batas_waktu, status) "
        "VALUES "
        "(1, 1, 'Tambah tenaga teknis', 1, DATE '2026-06-30', 'Dalam Proses'), "
        "(2, 2, 'Percepat pengisian', 2, DATE '2026-12-31', 'Belum'), "
        "(3, 2, 'Sudah dibahas', 2, DATE '2026-06-01', 'Selesai')"
    )
    x("INSERT INTO anggaran VALUES (1, 2026, 1000000)")
    x(
        "INSERT INTO realisasi_anggaran VALUES (1, 2026, 1, 200000), (1, 2026, 2, 300000), "
        "(1, 2026, 3, 100000)"
    )
    return con


def test_indicators_with_projection_notes_and_quarters(db):
    ind = dasbor.indikator_tahun(db, KADIS, 1, 2026, 2).set_index("kode")
    assert list(ind.index) == ["A.01", "A.02", "B.01"]
    a1 = ind.loc["A.01"]
    assert a1["capaian"] == pytest.approx(75) and a1["kategori"] == "Sedang"
    assert a1["proyeksi_capaian"] == pytest.approx(75) and a1["laju"] == pytest.approx(125)
    assert a1["catatan"] == "kendala SDM"
    assert a1["c1"] == pytest.approx(90) and pd.isna(a1["c3"]) and a1["s3"] == "Belum Diisi"
    assert "Kategori Sedang" not in a1["alasan"] and "Proyeksi" in a1["alasan"]
    assert ind.loc["A.02", "proyeksi_realisasi"] == pytest.approx(87)
    assert ind.loc["A.02", "alasan"] == ""
    # negatif SUM: 10 to-date against 6 -> rumus A (12 - 10) / 6
    assert ind.loc["B.01", "capaian"] == pytest.approx(200 / 6)
    assert ind.loc["B.01", "kategori"] == "Sangat Rendah"


def test_heat_map_and_unit_summary(db):
    ind = dasbor.indikator_tahun(db, KADIS, 1, 2026, 2)
    peta = dasbor.peta_capaian(ind)
    a = peta[peta["unit"] == "Bidang A"].set_index("triwulan")
    assert a.loc[1, "capaian"] == pytest.approx((90 + 90) / 2)
    assert pd.isna(a.loc[3, "capaian"]) and a.loc[3, "kategori"] is None
    data = dasbor.data_periode(db, KADIS, 1, 2026, 2, 2)
    assert data.per_unit["unit"].tolist() == ["Bidang B"]
    assert data.per_unit["Sangat Rendah"].tolist() == [1]
    assert set(data.peta["unit"]) == {"Bidang B"}


def test_heat_map_keeps_two_units_of_one_name_apart(db):
    """Two units named alike once crashed the heat map (one label, two rows per quarter)."""
    ind = dasbor.indikator_tahun(db, KADIS, 1, 2026, 2)
    ind.loc[ind["unit_nama"] == "Bidang B", "unit_nama"] = "Bidang A"
    peta = dasbor.peta_capaian(ind)
    assert sorted(set(peta["unit"])) == ["Bidang A", "Bidang A (2)"]
    assert len(peta) == 8
    charts.peta_capaian(peta, "Peta", SKALA_BAKU)


def test_submissions_complete_on_time_late(db):
    k = dasbor.pengajuan(db, KADIS, 1, 2026, 2, hari_ini=HARI).set_index("unit_kode")
    assert k.loc["A", "pengiriman"] == "Tepat waktu" and bool(k.loc["A", "lengkap"])
    assert k.loc["B", "pengiriman"] == "Terlambat"  # not submitted, due date passed
    assert k.loc["B", "terisi"] == 1 and bool(k.loc["B", "lengkap"])
    assert k.loc["A", "keadaan"] == "Disahkan" and k.loc["B", "keadaan"] == "Draf"
    assert bool(k.loc["A", "sudah_diajukan"]) and not bool(k.loc["B", "sudah_diajukan"])
    early = dasbor.pengajuan(db, KADIS, 1, 2026, 2, hari_ini=dt.date(2026, 7, 1))
    assert early.set_index("unit_kode").loc["B", "pengiriman"] == "Belum diajukan"


def _kembalikan_b(db) -> None:
    """Unit B submitted, then the Pengelola Monev returned it with a reason."""
    db.execute(
        "INSERT INTO pengajuan (id, periode_id, unit_id, status, diajukan_pada, terlambat) "
        "VALUES (3, 1, 2, 'draf', TIMESTAMP '2026-07-10 09:00', FALSE)"
    )
    db.execute(
        "INSERT INTO event (waktu, pengguna, peran, jenis, objek, objek_id, dari, ke, catatan) "
        "VALUES (TIMESTAMP '2026-07-10 09:00', 'staf.b', 'staf_bidang', 'transisi', "
        "'pengajuan', '3', 'draf', 'diajukan', NULL), (TIMESTAMP '2026-07-11 10:30', 'monev', "
        "'pengelola_monev', 'transisi', 'pengajuan', '3', 'diajukan', 'draf', "
        "'Lampirkan berita acara')"
    )


def test_a_quarter_without_a_period_lists_every_unit_as_not_filled(db):
    """The Triwulan selector offers quarters whose period was never opened (crashed with
    'boolean value of NA is ambiguous')."""
    k = dasbor.pengajuan(db, KADIS, 1, 2026, 4, hari_ini=HARI)
    assert len(k) > 0 and not k["sudah_diajukan"].any()
    assert set(k["keadaan"]) == {"Belum diisi"}


def test_headline_agrees_with_the_list_behind_it(db):
    """'Sudah diajukan n dari m' counts exactly the rows marked Ya in the list it opens: a
    draft or a returned unit is never counted (issue 15: '5 dari 6' counted a draft)."""
    _kembalikan_b(db)
    kirim = dasbor.pengajuan(db, KADIS, 1, 2026, 2, hari_ini=HARI)
    ind = dasbor.indikator_tahun(db, KADIS, 1, 2026, 2)
    tl = dasbor.tindak_lanjut_terbuka(db, KADIS, 1, hari_ini=HARI)
    _, _, proses = tampil.headline(ind, kirim, tl, pd.DataFrame(), SKALA_BAKU)
    angka = {a.label: a.nilai for a in proses}
    daftar = tampil.pengajuan(kirim).set_index("Unit")
    assert angka["Sudah diajukan"] == f"{(daftar['Sudah diajukan'] == 'Ya').sum()} dari 2"
    assert angka["Sudah diajukan"] == "1 dari 2"
    assert angka["Disahkan"] == f"{(daftar['Keadaan'] == 'Disahkan').sum()} dari 2"
    assert angka["Terlambat"] == str((daftar["Pengiriman"] == "Terlambat").sum())
    b = daftar.loc["Bidang B"]
    assert (b["Keadaan"], b["Sudah diajukan"]) == ("Dikembalikan", "Belum")
    assert b["Keterangan"] == (
        "Dikembalikan oleh monev, 11 Juli 2026 10.30: Lampirkan berita acara"
    )


def test_signed_only_switch_one_default_everywhere(db):
    """The dashboard, the report service and the report request share one default
    (dashboard/pengumpulan/data_sah.py); signed-only leaves unsigned values and their notes out."""
    from dashboard.laporan import layanan_laporan as laporan
    from dashboard.laporan.data import Permintaan
    from dashboard.pengumpulan import data_sah

    bawaan = data_sah.TERMASUK_BELUM_SAH_BAWAAN
    for fungsi in (
        dasbor.indikator_tahun,
        dasbor.data_periode,
        dasbor.anggaran,
        laporan.indikator_laporan,
    ):
        assert inspect.signature(fungsi).parameters["termasuk_belum_sah"].default is bawaan
    assert Permintaan("triwulan", 1, 2026, 2).termasuk_belum_sah is bawaan

    semua = dasbor.data_periode(db, KADIS, 1, 2026, 2, termasuk_belum_sah=True)
    sah = dasbor.data_periode(db, KADIS, 1, 2026, 2, termasuk_belum_sah=False)
    a, b = semua.indikator.set_index("kode"), sah.indikator.set_index("kode")
    # unit A's TW II is disahkan, its TW I never was; unit B never submitted
    assert a.loc["A.01", "capaian"] == pytest.approx(75)  # (90 + 60) / 200
    assert b.loc["A.01", "capaian"] == pytest.approx(30)  # 60 / 200: TW I left out
    assert a.loc["B.01", "kategori"] == "Sangat Rendah"
    assert b.loc["B.01", "status"] == "Belum Diisi"
    assert semua.n_belum_sah == sah.n_belum_sah == 1
    assert semua.keterangan == (
        "Data: semua realisasi, termasuk yang belum disahkan (1 nilai belum disahkan ikut "
        "dihitung)."
    )
    assert sah.keterangan.startswith("Data: hanya realisasi yang sudah disahkan (1 nilai")
    # the report counts what the dashboard counts, in either position of the switch
    for termasuk, data in ((True, semua), (False, sah)):
        lap = laporan.indikator_laporan(db, KADIS, 1, 2026, 2, None, termasuk).set_index("kode")
        d = data.indikator.set_index("kode")
        for kode in ("A.01", "A.02", "B.01"):
            assert str(lap.loc[kode, "status"]) == str(d.loc[kode, "status"]), (termasuk, kode)


def test_the_drill_down_trail_has_the_draft_saves_of_the_period_and_unit(db):
    """Events written under the period-and-unit key (a draft save before the submission row
    existed) are part of the unit's trail, oldest first; another unit's are not."""
    from dashboard.inti import store
    from dashboard.review import alur

    unit_id = int(db.execute("SELECT unit_id FROM indikator WHERE id = 1").fetchone()[0])
    per = int(
        db.execute(
            "SELECT id FROM periode WHERE instansi_id = 1 AND tahun = 2026 AND triwulan = 2"
        ).fetchone()[0]
    )
    for u in (unit_id, unit_id + 1000):
        store.log_event(
            db, "realisasi_disimpan", objek="pengajuan", objek_id=alur.objek_periode_unit(per, u)
        )
    r = dasbor.rincian(db, KADIS, 1, 2026, 2)
    assert r.event["jenis"].tolist().count("realisasi_disimpan") == 1
    assert r.event["waktu"].is_monotonic_increasing
    assert "disahkan" in r.event["ke"].tolist()


def test_open_follow_ups_and_overdue(db):
    tl = dasbor.tindak_lanjut_terbuka(db, KADIS, 1, hari_ini=HARI).set_index("id")
    assert sorted(tl.index) == [1, 2]  # Selesai left out
    assert bool(tl.loc[1, "terlambat"]) and not bool(tl.loc[2, "terlambat"])
    own = dasbor.tindak_lanjut_terbuka(db, STAF_A, 1, hari_ini=HARI)
    assert own["id"].tolist() == [1]


def test_trend_has_meeting_marker_and_drill_down(db):
    tren = dasbor.tren_indikator(db, KADIS, 1)
    assert len(tren.nilai) == 4 and tren.temuan["permasalahan"].tolist() == [
        "Realisasi di bawah target"
    ]
    assert tren.temuan["rapat_waktu"].iloc[0] == pd.Timestamp("2026-05-10 09:00")
    r = dasbor.rincian(db, KADIS, 1, 2026, 2)
    assert r.perhitungan == "Capaian = R / T × 100 = 150 / 200 × 100 = 75%"
    assert r.entri["nilai"].tolist() == [90, 60]
    assert r.event["ke"].tolist() == ["disahkan"]
    assert r.riwayat["nilai_baru"].tolist() == [60]
    assert r.tren.temuan["tindak_lanjut"].tolist() == ["Tambah tenaga teknis"]
    assert dasbor.tren_indikator(db, KADIS, 2).temuan.empty


def test_warnings_mark_missing_note_or_follow_up(db):
    ind = dasbor.indikator_tahun(db, KADIS, 1, 2026, 2)
    w = dasbor.perlu_perhatian(ind, dasbor.tindak_lanjut_terbuka(db, KADIS, 1)).set_index("kode")
    assert set(w.index) == {"A.01", "B.01"}
    assert w.loc["A.01", "tindak_lanjut"] == "Tambah tenaga teknis" and w.loc["A.01", "tanpa"] == ""
    assert w.loc["B.01", "tanpa"] == "catatan, tindak lanjut"


def test_warnings_ranked_by_severity_each_with_its_own_reason(db):
    ind = dasbor.indikator_tahun(db, KADIS, 1, 2026, 2)
    kirim = dasbor.pengajuan(db, KADIS, 1, 2026, 2, hari_ini=HARI)
    tl = dasbor.tindak_lanjut_terbuka(db, KADIS, 1, hari_ini=HARI)
    w = dasbor.perlu_perhatian(ind, tl, kirim, 2)
    # the red band first (B.01 Sangat Rendah), then A.01 (Sedang, projected at 75%)
    assert w["kode"].tolist() == ["B.01", "A.01"] and w["peringkat"].tolist() == [1, 2]
    alasan = dict(zip(w["kode"], w["alasan"], strict=True))
    assert alasan["A.01"] == (
        "Capaian 75% (Sedang), turun dari 90% di TW I; proyeksi akhir tahun 75% dari target"
    )
    assert alasan["B.01"].startswith("Capaian 33,33% (Sangat Rendah)")
    assert alasan["B.01"].endswith("belum diajukan, tenggat lewat")  # unit B is late
    assert len(set(alasan.values())) == len(alasan)
    # a row in the top band is fine and never listed, whatever its projection
    atas = ind.copy()
    atas.loc[atas["kode"] == "A.02", "alasan"] = "Proyeksi akhir tahun di bawah target"
    assert "A.02" not in set(dasbor.perlu_perhatian(atas, tl, kirim, 2)["kode"])
    assert ind.set_index("kode").loc["A.02", "kategori"] == "Sangat Tinggi"
    # the lower band ranks first among the assessed, the larger gap next
    dua = ind.copy()
    dua.loc[dua["kode"] == "B.01", ["merah", "level"]] = [False, 3]
    dua.loc[dua["kode"] == "B.01", "proyeksi_capaian"] = 90.0
    urut = dasbor.perlu_perhatian(dua, tl, kirim, 2)["kode"].tolist()
    assert urut == ["A.01", "B.01"]  # same band (3): A.01's gap (25) beats B.01's (10)


def test_budget_serapan_capaian_efficiency(db):
    ang = dasbor.anggaran(db, KADIS, 1, 2026, 2).set_index("tingkat")
    assert ang.loc["Program", "pagu"] == 1_000_000 and ang.loc["Program", "realisasi"] == 500_000
    assert ang.loc["Kegiatan", "serapan"] == pytest.approx(50)
    # A.01 hangs on the sub kegiatan: not the kegiatan's own indicator (§5.2), so the
    # kegiatan and the program have no capaian kinerja and no efficiency
    assert pd.isna(ang.loc["Kegiatan", "capaian"])
    assert pd.isna(ang.loc["Program", "indeks_efisiensi"])
    assert ang.loc["Program", "efisien"] is None  # not "Tidak efisien"
    # hung on the kegiatan itself: its progres tahunan 150 / 400
    db.execute("UPDATE indikator SET sub_kegiatan_id = NULL, kegiatan_id = 1 WHERE id = 1")
    ang = dasbor.anggaran(db, KADIS, 1, 2026, 2).set_index("tingkat")
    assert ang.loc["Kegiatan", "capaian"] == pytest.approx(37.5)
    assert ang.loc["Kegiatan", "indeks_efisiensi"] == pytest.approx(0.75)
    assert not ang.loc["Kegiatan", "efisien"]
    assert dasbor.anggaran(db, KADIS, 1, 2026, 2, 2).empty


def test_staf_bidang_sees_only_its_unit(db):
    ind = dasbor.indikator_tahun(db, STAF_A, 1, 2026, 2)
    assert set(ind["unit_id"]) == {1}
    assert dasbor.pengajuan(db, STAF_A, 1, 2026, 2)["unit_id"].tolist() == [1]
    assert dasbor.daftar_unit(db, STAF_A, 1)["id"].tolist() == [1]
    with pytest.raises(AksesDitolak):
        dasbor.indikator_tahun(db, STAF_A, 1, 2026, 2, 2)
    with pytest.raises(AksesDitolak):
        dasbor.rincian(db, STAF_A, 3, 2026, 2)
    with pytest.raises(AksesDitolak):
        dasbor.tren_indikator(db, STAF_A, 3)


def test_other_instansi_and_foreign_unit_refused(db):
    for fn, args in [
        (dasbor.indikator_tahun, (1, 2026, 2)),
        (dasbor.pengajuan, (1, 2026, 2)),
        (dasbor.tindak_lanjut_terbuka, (1,)),
        (dasbor.pelanggaran_sop, (1, 2026, 2)),
        (dasbor.anggaran, (1, 2026, 2)),
        (dasbor.daftar_unit, (1,)),
    ]:
        with pytest.raises(AksesDitolak):
            fn(db, LAIN, *args)
    with pytest.raises(AksesDitolak):
        dasbor.indikator_tahun(db, KADIS, 1, 2026, 2, 3)  # unit of instansi 2
    with pytest.raises(AksesDitolak):
        dasbor.rincian(db, LAIN, 1, 2026, 2)
    with pytest.raises(AksesDitolak):
        dasbor.perbandingan_instansi(db, KADIS, 2026, 2)
    with pytest.raises(AksesDitolak):
        dasbor.perbandingan_instansi(db, Akses("s", frozenset({"staf_bidang"}), None, 1), 2026, 2)


def test_comparison_across_instansi(db):
    df = dasbor.perbandingan_instansi(db, SETDA, 2026, 2).set_index("kode")
    assert df.loc["D1", "capaian"] == pytest.approx((75 + 102.5 + 200 / 6) / 3)
    assert df.loc["D2", "capaian"] == pytest.approx(100)
    assert df.loc["D1", "persen_tepat_waktu"] == pytest.approx(50)
    assert df.loc["D2", "persen_tepat_waktu"] == 0
    assert df.loc["D2", "kategori"] == "Sangat Tinggi"


def test_comparison_sql_matches_the_engine(demo_con):
    """The SQL capaian of the comparison equals the engine's mean on the demo data."""
    for tw in (1, 2, 3):
        ind = svc_capaian.capaian_indikator(demo_con, KADIS, 1, 2026, tw)
        df = dasbor.perbandingan_instansi(demo_con, SETDA, 2026, tw)
        df = df[df["instansi_id"] == 1]  # the demo agency (the others run only SOPs)
        assert df["capaian"].iloc[0] == pytest.approx(ind["capaian"].mean())
        assert df["dinilai"].iloc[0] == ind["capaian"].notna().sum()
    assert df["langkah_sop"].iloc[0] > 0


def test_sop_breaches_of_the_period(demo_con):
    sop = dasbor.pelanggaran_sop(demo_con, KADIS, 1, 2026, 3)
    assert len(sop) > 0 and not sop["dalam_standar"].any()
    assert set(sop["triwulan"]) == {3}
    staf = Akses("staf.lyn", frozenset({"staf_bidang"}), 1, unit_id=2)
    assert set(dasbor.pelanggaran_sop(demo_con, staf, 1, 2026, 3)["unit_id"]) <= {2}


@pytest.mark.parametrize("unit_id", [1, 2, 3])
def test_a_unit_drill_down_is_the_instansi_read_filtered(db, unit_id):
    """data_periode_unit / pengajuan_unit of the instansi's read give what reading the unit
    gives (a unit of another instansi: no row), so the page's drill-down needs no query."""
    semua = dasbor.data_periode(db, KADIS, 1, 2026, 2)
    satu = dasbor.data_periode_unit(semua, unit_id)
    if unit_id == 3:
        assert satu.indikator.empty and satu.per_unit.empty
        return
    baca = dasbor.data_periode(db, KADIS, 1, 2026, 2, unit_id)
    pd.testing.assert_frame_equal(satu.indikator, baca.indikator)
    pd.testing.assert_frame_equal(satu.per_unit, baca.per_unit)
    pd.testing.assert_frame_equal(satu.peta, baca.peta)
    kirim = dasbor.pengajuan(db, KADIS, 1, 2026, 2, hari_ini=HARI)
    pd.testing.assert_frame_equal(
        dasbor.pengajuan_unit(kirim, unit_id),
        dasbor.pengajuan(db, KADIS, 1, 2026, 2, unit_id, hari_ini=HARI),
        check_dtype=False,  # a column with another unit's NULL is nullable (Int32)
    )


def test_a_chart_carries_streamlit_theme_without_the_styles_of_unused_trace_types(db):
    """charts._template_ringan: the theme's colour sequence unchanged, per-type styling only for
    the trace types the charts draw, no colour scale (every figure carries a copy)."""
    import plotly.io as pio

    data = dasbor.data_periode(db, KADIS, 1, 2026, 2, 2)
    for fig in (
        charts.capaian_per_unit(data.per_unit, None, SKALA_BAKU),
        charts.peta_capaian(data.peta, "Peta", SKALA_BAKU),
    ):
        assert {t.type for t in fig.data} <= set(charts.JENIS_JEJAK)
        tema = fig.layout.template
        assert set(tema.data.to_plotly_json()) <= set(charts.JENIS_JEJAK)
        tema_streamlit = pio.templates["streamlit"].layout.to_plotly_json()
        assert tema.layout.colorway == tuple(tema_streamlit["colorway"])
        # no colour scale a chart does not use (the map brings its own)
        assert not set(tema.layout.to_plotly_json()) & set(charts.SKALA_WARNA)
        assert "colorscale" not in json.dumps(tema.data.to_plotly_json())
    assert fig.data[0].colorscale is not None  # the map's own scale
