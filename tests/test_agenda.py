"""Agenda proposal and follow-up rules on hand-built frames (pure, no store)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.rapat import agenda

HARI_INI = dt.date(2026, 11, 21)


def _ind():
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "kode": ["A.01", "A.02", "B.01", "B.02"],
            "nama": ["Kunjungan", "Koleksi", "Arsip", "Indeks"],
            "unit_nama": ["Bidang A", "Bidang A", "Bidang B", "Bidang B"],
            "capaian": [40.0, 60.5, 95.0, None],
            "kategori": ["Sangat Rendah", "Rendah", "Sangat Tinggi", None],
            "merah": [True, True, False, False],
        }
    )


def _unit():
    return pd.DataFrame(
        {
            "unit_id": [10, 11, 12, 13],
            "nama": ["Bidang A", "Bidang B", "Bidang C", "Bidang D"],
            "status": [None, "draf", "disahkan", "diajukan"],
            "terlambat": [None, False, True, False],
            "diajukan_pada": [pd.NaT, pd.NaT, pd.Timestamp("2026-10-19 10:00"), pd.NaT],
        }
    )


def _tl():
    return pd.DataFrame(
        {
            "id": [100, 101, 102, 103],
            "uraian": ["Susun jadwal", "Lengkapi bukti", "Revisi rencana", "Bersurat"],
            "pic_unit": ["Bidang A", "Bidang B", "Bidang A", "Bidang C"],
            "batas_waktu": pd.to_datetime(["2026-10-01", "2026-11-21", "2026-12-31", "2026-09-01"]),
            "status": ["Belum", "Dalam Proses", "Dalam Proses", "Selesai"],
            "minta_tutup": [False, False, True, False],
        }
    )


def _sop():
    return pd.DataFrame(
        {
            "run_id": [1, 2, 3, 4],
            "urutan": [3, 3, 5, 6],
            "no": ["3", "3", "5", "6"],
            "aktivitas": ["Menyampaikan data", "Menyampaikan data", "Verifikasi", "Rekap"],
            "unit": ["Bidang A", "Bidang B", "Bidang A", None],
            "dalam_standar": [False, False, True, None],
            "kelebihan_menit": [600.0, 30.0, 0.0, None],
        }
    )


def test_overdue_rule_due_day_itself_is_on_time():
    tl = _tl()
    assert agenda.lewat_batas(tl["batas_waktu"], tl["status"], HARI_INI).tolist() == [
        True,
        False,  # due today
        False,
        False,  # Selesai is never overdue
    ]


def test_proposal_from_every_source_in_order():
    items = agenda.usulan(_ind(), _unit(), _tl(), _sop(), HARI_INI)
    jenis = [i.jenis for i in items]
    assert jenis == [
        "indikator_rendah",
        "indikator_rendah",
        "unit_terlambat",
        "unit_terlambat",
        "unit_terlambat",
        "tindak_lanjut",
        "tindak_lanjut",
        "tindak_lanjut",
        "sop_langgar",
    ]
    # lowest capaian first, Indonesian percent
    assert items[0].objek == "indikator" and items[0].objek_id == 1
    assert "40%" in items[0].uraian and "Sangat Rendah" in items[0].uraian
    assert "60,5%" in items[1].uraian
    # no submission, still draft, late (with the date); a submitted one on time is not proposed
    unit = [i.uraian for i in items if i.jenis == "unit_terlambat"]
    assert unit[0] == "Bidang A: belum menyampaikan data"
    assert unit[1] == "Bidang B: belum menyampaikan data"
    assert unit[2] == "Bidang C: menyampaikan data terlambat (19 Oktober 2026)"
    # open follow-ups only, overdue first
    tl = [i for i in items if i.jenis == "tindak_lanjut"]
    assert [i.objek_id for i in tl] == [100, 101, 102]
    assert "lewat batas waktu" in tl[0].uraian and "1 Oktober 2026" in tl[0].uraian
    assert "lewat batas" not in tl[1].uraian
    # SOP breaches grouped per step: twice, two units, 10 jam 30 menit of excess
    sop = items[-1]
    assert sop.objek == "sop_langkah" and sop.objek_id == 3
    assert "2 kali" in sop.uraian and "Bidang A, Bidang B" in sop.uraian
    assert "1 hari 2 jam" in sop.uraian  # 630 working minutes


def test_nothing_to_propose():
    kosong_sop = _sop().iloc[0:0]
    items = agenda.usulan(_ind().iloc[2:], _unit().iloc[3:], _tl().iloc[3:], kosong_sop, HARI_INI)
    assert items == []
    assert agenda.sop_langgar(kosong_sop).empty


def test_rekap_per_unit_overdue_first():
    r = agenda.rekap_per_unit(_tl(), HARI_INI)
    assert r.iloc[0].to_dict() == {
        "pic_unit": "Bidang A",
        "jumlah": 2,
        "terbuka": 2,
        "terlambat": 1,
        "minta_tutup": 1,
        "selesai": 0,
    }
    assert set(r["pic_unit"]) == {"Bidang A", "Bidang B", "Bidang C"}
    assert agenda.rekap_per_unit(_tl().iloc[0:0], HARI_INI).empty
