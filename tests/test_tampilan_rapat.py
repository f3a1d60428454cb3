"""What the Rapat monev page shows, from hand-built service reads (pure view functions: no
Streamlit, no store): the list, the selector's labels and choice, the record's tables and the
rows of the participant and agenda editors."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.rapat import agenda
from dashboard.rapat import tampilan_rapat as tampil

DAFTAR = pd.DataFrame(
    {
        "id": [3, 2, 1],
        "tahun": [2026, 2026, 2026],
        "triwulan": [2, 1, 1],
        "judul": ["Rapat TW II", "Rapat TW I", "Rapat TW I"],
        "waktu": pd.to_datetime(["2026-07-29 09:00", "2026-04-29 09:00", "2026-04-29 09:00"]),
        "status": ["draf", "final", "final"],
        "revisi": [0, 1, 0],
        "temuan": [0, 2, 1],
        "tindak_lanjut_terbuka": [0, 1, 0],
    }
)


def test_list_in_indonesian():
    t = tampil.tabel_daftar(DAFTAR)
    assert list(t.columns) == [
        "Periode",
        "Judul",
        "Waktu",
        "Status",
        "Revisi",
        "Temuan",
        "Tindak lanjut terbuka",
    ]
    assert t["Periode"].tolist()[0] == "Triwulan II TA 2026"
    assert t["Status"].tolist() == ["Draf", "Final", "Final"]
    assert t["Waktu"].tolist()[0] == "29 Juli 2026 09.00"


def test_labels_tell_confirmed_duplicates_apart_and_new_only_for_monev():
    label = tampil.label_rapat(DAFTAR, boleh_baru=True)
    assert list(label) == [tampil.BARU, 3, 2, 1]
    assert label[tampil.BARU] == "+ Catat rapat baru"
    assert label[3] == "Triwulan II TA 2026 · Rapat TW II · 29 Juli 2026 (Draf)"
    assert label[2].endswith("(Final) · no. 2") and label[1].endswith("(Final) · no. 1")
    assert tampil.BARU not in tampil.label_rapat(DAFTAR, boleh_baru=False)
    assert tampil.label_rapat(DAFTAR.iloc[:0], boleh_baru=False) == {}


def test_meeting_opened_address_then_session_then_newest():
    pilihan = [tampil.BARU, 3, 2, 1]
    assert tampil.rapat_terpilih(pilihan, "2", 1) == 2
    assert tampil.rapat_terpilih(pilihan, "99", 1) == 1  # a stale link: the session's
    assert tampil.rapat_terpilih(pilihan, None, "x") == 3  # nothing valid: the newest
    assert tampil.rapat_terpilih(pilihan, None, tampil.BARU) == tampil.BARU
    assert tampil.rapat_terpilih([tampil.BARU], None, None) == tampil.BARU
    assert tampil.rapat_terpilih([3, 2], "0", None) == 3  # no form for a reader


def test_selector_key_changes_with_its_labels():
    a = tampil.kunci_pemilih({3: "A (Draf)"})
    assert a == tampil.kunci_pemilih({3: "A (Draf)"})
    assert a != tampil.kunci_pemilih({3: "A (Final)"})


def test_new_meeting_defaults():
    kop = {"kepala_nama": "Budi", "kepala_jabatan": "Kepala Dinas"}
    k = tampil.kepala_baru(2026, 3, kop, "Rina", dt.date(2026, 11, 21))
    assert k["judul"] == "Rapat Monev Capaian Kinerja Triwulan III TA 2026"
    assert k["waktu"] == dt.datetime(2026, 11, 21, 9, 0)
    assert k["pimpinan"] == "Budi, Kepala Dinas"
    tanpa = tampil.kepala_baru(
        2026, 3, {"kepala_nama": None, "kepala_jabatan": None}, "R", dt.date(2026, 1, 1)
    )
    assert tanpa["pimpinan"] == ""
    assert tampil.peserta_baru(kop).to_dict("records") == [
        {"nama": "Budi", "jabatan": "Kepala Dinas", "unit_id": None}
    ]
    assert tampil.peserta_baru({"kepala_nama": None, "kepala_jabatan": None}).empty
    assert tampil.periode_awal(None, dt.date(2026, 11, 21)) == (2026, 1)
    assert tampil.periode_awal((2026, 3), dt.date(2026, 11, 21)) == (2026, 3)
    assert tampil.batas_bawaan(dt.date(2026, 11, 21)) == dt.date(2027, 1, 20)


def test_participant_rows_without_unit_get_the_marker():
    ps = pd.DataFrame({"nama": ["Budi", "Siti"], "jabatan": [None, "Kabid"], "unit_id": [None, 4]})
    rows = tampil.baris_peserta(ps, -1).to_dict("records")
    assert rows == [
        {"nama": "Budi", "jabatan": "", "unit_id": -1},
        {"nama": "Siti", "jabatan": "Kabid", "unit_id": 4},
    ]


def test_agenda_rows_and_new_proposals():
    usulan = [
        agenda.ItemAgenda("indikator_rendah", "Indikator A.01", objek="indikator", objek_id=1),
        agenda.ItemAgenda("unit_terlambat", "Bidang B terlambat", objek="unit", objek_id=2),
    ]
    ada = pd.DataFrame(
        {
            "jenis": ["indikator_rendah", "lainnya"],
            "uraian": ["Indikator A.01", "Rencana aksi"],
            "sumber": ["usulan", "manual"],
            "objek": ["indikator", None],
            "objek_id": pd.array([1, None], dtype="Int64"),
        }
    )
    items = tampil.item_agenda(ada)
    assert items[1] == {
        "jenis": "lainnya",
        "uraian": "Rencana aksi",
        "sumber": "manual",
        "objek": None,
        "objek_id": None,
    }
    baru = tampil.usulan_baru(items, usulan)
    assert [u.objek_id for u in baru] == [2]
    items += tampil.item_usulan(baru, bahas=False, sumber_tampil="Usulan baru")
    rows = tampil.baris_agenda(items)
    assert rows["bahas"].tolist() == [True, True, False]
    assert rows["urutan"].tolist() == [1, 2, 3]
    assert rows["jenis_tampil"].tolist() == ["Capaian rendah", "Lainnya", "Penyampaian data"]
    assert rows["sumber_tampil"].tolist() == ["Usulan dari data", "Tambahan", "Usulan baru"]
    kosong = tampil.baris_agenda([])  # typed for the editor even without items
    assert str(kosong["bahas"].dtype) == "boolean" and str(kosong["urutan"].dtype) == "Int64"
    assert tampil.pesan_usulan_baru(0).startswith("Tidak ada usulan baru")
    assert tampil.pesan_usulan_baru(1).startswith("1 usulan baru")


def test_record_tables():
    info = {
        "judul": "Rapat TW I",
        "waktu": pd.Timestamp("2026-04-29 09:00"),
        "tempat": None,
        "pimpinan": "Budi",
        "notulis": "",
        "status": "final",
        "revisi": 2,
    }
    r = tampil.tabel_rincian(info)
    isi = dict(zip(r["Rincian"], r["Isi"], strict=True))
    assert isi["Waktu"].startswith("Rabu, 29 April 2026, pukul 09.00")
    assert isi["Tempat"] == "–" and isi["Notulis"] == "–"
    assert isi["Status"] == "Final, revisi ke-2"
    assert tampil.sudah_final(info) and not tampil.sudah_final({**info, "status": "draf"})

    ps = pd.DataFrame(
        {
            "nama": ["Budi", "Ani", "Tamu"],
            "jabatan": ["Kadis", None, None],
            "unit": [None, "B", None],
        }
    )
    assert tampil.tabel_peserta(ps)["Unit"].tolist() == ["Kadis", "B", "–"]

    ag = pd.DataFrame(
        {"urutan": [1], "uraian": ["Bahas"], "jenis": ["sop_langgar"], "sumber": ["manual"]}
    )
    assert tampil.tabel_agenda(ag).iloc[0].tolist() == [
        1,
        "Bahas",
        "Ketepatan waktu SOP",
        "Tambahan",
    ]

    temuan = pd.DataFrame(
        {
            "id": [1, 2],
            "unit": ["A", "B"],
            "indikator_kode": ["A.01", None],
            "permasalahan": ["Rendah", "Terlambat"],
            "penyebab": [None, "Operator"],
            "rekomendasi": [None, None],
        }
    )
    tl = pd.DataFrame(
        {
            "temuan_id": [1, 1],
            "uraian": ["Perbaiki", "Pantau"],
            "pic_unit": ["A", "A"],
            "batas_waktu": pd.to_datetime(["2026-06-01", "2026-07-01"]),
            "status": ["Belum", "Dalam Proses"],
        }
    )
    t = tampil.tabel_temuan(temuan, tl)
    assert len(t) == 3  # two follow-ups of the first, the second finding without one
    assert t["Batas waktu"].tolist() == ["1 Juni 2026", "1 Juli 2026", "–"]
    assert t.iloc[2][["Indikator", "Tindak lanjut", "Status"]].tolist() == ["–", "", ""]
    assert tampil.nama_temuan(temuan) == {1: "A: Rendah", 2: "B: Terlambat"}

    rev = pd.DataFrame(
        {
            "revisi": [1],
            "alasan": ["Salah"],
            "oleh": ["monev"],
            "pada": [pd.Timestamp("2026-05-02 10:30")],
        }
    )
    assert tampil.tabel_revisi(rev)["Pada"].tolist() == ["2 Mei 2026 10.30"]


def test_duplicate_warning_and_late_invitation():
    ada = {"judul": "Rapat *TW I*", "status": "final", "waktu": pd.Timestamp("2026-04-29 09:00")}
    pesan = tampil.pesan_ganda(ada, 2026, 1)
    assert "Triwulan I TA 2026 pada 29 April 2026 sudah tercatat (final)" in pesan
    assert "*TW I*" not in pesan  # the title cannot format the warning
    sekarang = dt.datetime(2026, 5, 1, 8, 0)
    assert tampil.undangan_terlambat({"nomor": None}, "2026-04-29 09:00", sekarang)
    assert not tampil.undangan_terlambat({"nomor": "005/1"}, "2026-04-29 09:00", sekarang)
    assert not tampil.undangan_terlambat({"nomor": None}, "2026-05-02 09:00", sekarang)


def test_sop_steps_in_words():
    und = {"nomor": "005/1", "tanggal": dt.date(2026, 7, 3), "diarsipkan_pada": None}
    assert tampil.langkah_sop(und, True) == (
        "✓ Undangan dikirim (nomor 005/1, 3 Juli 2026) → ✓ Notulen final → ○ Belum diarsipkan"
    )
    assert tampil.langkah_sop({"nomor": None}, False).startswith("○ Undangan belum dikirim")


TINDAK_LANJUT = pd.DataFrame(
    {
        "id": [11, 12, 13],
        "pic_unit": ["Bidang A", "Bidang B", "Bidang A"],
        "batas_waktu": pd.to_datetime(["2026-06-30", "2026-05-31", None]),
        "status": ["Belum", "Dalam Proses", "Selesai"],
        "terlambat": [True, True, False],
        "minta_tutup": [True, False, True],  # the closed one's old request is not shown
        "uraian": ["Perbaiki data", "Pantau realisasi", "Rapat koordinasi"],
        "permasalahan": ["Rendah", "Terlambat", "Belum rapat"],
        "catatan_progres": [None, "Sudah 50%", None],
        "bukti": [None, "berkas:tl/12.pdf", "https://contoh.go.id/notulen"],
        "catatan_monev": [None, None, "Tuntas"],
        "tahun": [2026, 2026, 2026],
        "triwulan": [1, 2, 1],
    }
)


def test_hasil_monev_overdue_longest_first_counted_to_today():
    t = tampil.tabel_lewat_batas(TINDAK_LANJUT, dt.date(2026, 7, 10))
    assert list(t.columns) == [
        "Unit PIC",
        "Terlambat (hari)",
        "Batas waktu",
        "Status",
        "Rapat",
        "Tindak lanjut",
    ]
    assert t["Unit PIC"].tolist() == ["Bidang B", "Bidang A"]  # the longest overdue first
    assert t["Terlambat (hari)"].tolist() == [40, 10]
    assert t["Batas waktu"].tolist() == ["31 Mei 2026", "30 Juni 2026"]
    assert t["Rapat"].tolist() == ["Triwulan II TA 2026", "Triwulan I TA 2026"]
    assert t["Tindak lanjut"].tolist() == ["Pantau realisasi", "Perbaiki data"]
    kosong = tampil.tabel_lewat_batas(TINDAK_LANJUT.iloc[2:], dt.date(2026, 7, 10))
    assert kosong.empty and "Terlambat (hari)" in kosong.columns


def test_hasil_monev_meetings_and_unit_counts():
    t = tampil.tabel_hasil_rapat(DAFTAR)
    assert list(t.columns) == [
        "Tanggal",
        "Periode",
        "Status",
        "Temuan",
        "Tindak lanjut terbuka",
        "Judul",
    ]
    assert t.iloc[0].tolist() == [
        "29 Juli 2026",
        "Triwulan II TA 2026",
        "Draf",
        0,
        0,
        "Rapat TW II",
    ]
    assert t["Status"].tolist() == ["Draf", "Final", "Final"]

    rekap = pd.DataFrame(
        {
            "pic_unit": ["Bidang A"],
            "jumlah": [3],
            "terbuka": [2],
            "terlambat": [1],
            "minta_tutup": [1],
            "selesai": [1],
        }
    )
    assert list(tampil.tabel_rekap_unit(rekap).columns) == [
        "Unit PIC",
        "Jumlah",
        "Belum selesai",
        "Lewat batas",
        "Minta ditutup",
        "Selesai",
    ]


def test_tindak_lanjut_list_in_words():
    t = tampil.tabel_tindak_lanjut(TINDAK_LANJUT)
    assert list(t.columns) == [
        "Unit PIC",
        "Batas waktu",
        "Status",
        "Lewat batas",
        "Minta ditutup",
        "Tindak lanjut",
        "Permasalahan",
        "Catatan progres",
        "Bukti",
        "Catatan Pengelola Monev",
        "Rapat",
    ]
    assert t["Batas waktu"].tolist() == ["30 Juni 2026", "31 Mei 2026", "–"]
    assert t["Lewat batas"].tolist() == ["Lewat batas", "Lewat batas", ""]
    assert t["Minta ditutup"].tolist() == ["Ya", "", ""]  # a closed one asks no more
    assert t["Catatan progres"].tolist() == ["", "Sudah 50%", ""]
    # an uploaded file by its label (its storage path stays internal), a link as typed
    assert t["Bukti"].tolist() == ["", "berkas terunggah", "https://contoh.go.id/notulen"]
    assert t["Catatan Pengelola Monev"].tolist() == ["", "", "Tuntas"]
    assert t["Rapat"].tolist() == [
        "Triwulan I TA 2026",
        "Triwulan II TA 2026",
        "Triwulan I TA 2026",
    ]
