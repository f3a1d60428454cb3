"""The instansi's category scale through the services, on the demo store: saved by the admin in
one transaction with an event, and with other wording (Sangat Baik .. Sangat Kurang) every rule
that used to look for the names Rendah / Sangat Rendah still finds the same red indicators."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as svc
from dashboard.capaian import layanan_dasbor as dasbor
from dashboard.capaian.skala import PRESET
from dashboard.laporan import layanan_laporan as laporan
from dashboard.laporan.data import Permintaan
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan.layanan_realisasi import BarisSimpan, ValidasiEntri
from dashboard.periode import layanan_periode as periode
from dashboard.rapat import layanan_rapat as rapat

HARI = dt.date(2026, 11, 21)


def _a(con, username):
    return pengguna.akses_untuk(con, username)


def _preset(nama: str) -> dict:
    p = PRESET[nama]
    return {
        "nama": p.nama,
        "kategori": [
            {"nama": b.nama, "bawah": b.bawah, "warna": b.warna, "merah": p.merah(i)}
            for i, b in enumerate(p.kategori, start=1)
        ],
        "batas_skor": p.batas_skor,
    }


def _aturan_merah(con) -> dict:
    """What every red rule finds for the demo instansi in TW II 2026 (the
    agenda), keyed by indicator id / level, never by name."""
    kadis, monev, staf = _a(con, "kadis"), _a(con, "monev"), _a(con, "staf.dep")
    sk = svc.skala(con, 1)
    data = dasbor.data_periode(con, kadis, 1, 2026, 2)
    ind = data.indikator
    tl = dasbor.tindak_lanjut_terbuka(con, kadis, 1, hari_ini=HARI)
    perhatian = dasbor.perlu_perhatian(ind, tl)
    agenda = rapat.usulan_agenda(con, monev, 1, 2026, 2, hari_ini=HARI)
    bahan = rapat.bahan_rapat(con, monev, 1, 2026, 2, hari_ini=HARI)
    per_unit = data.per_unit
    lap = laporan.susun_laporan(con, kadis, Permintaan("triwulan", 1, 2026, 2))
    ringkasan = next(t for t in lap.tabel if t.nama == "Ringkasan")
    # the note-required rule: DEP (not entered yet) types 0 everywhere without a note
    pid = int(periode.periode_entri(con, staf, staf.unit_id)["id"].iloc[0])
    form = realisasi.form_entri(con, staf, pid, staf.unit_id)
    isi = form.baris.set_index("indikator_id")
    baris = [
        BarisSimpan(
            i.indikator_id,
            "0",
            "",
            versi=int(isi.loc[i.indikator_id, "versi"]) if i.indikator_id in isi.index else None,
        )
        for i in form.indikator
    ]
    realisasi.simpan(con, staf, pid, staf.unit_id, baris)  # a draft keeps them
    with pytest.raises(ValidasiEntri) as err:  # the submission refuses them
        realisasi.ajukan(con, staf, pid, staf.unit_id)
    wajib_catatan = {k for k, p in err.value.masalah if "isi catatan" in p}
    return {
        "skala": sk,
        "merah": set(ind.loc[ind["merah"], "id"]),
        "level": dict(zip(ind["id"], ind["level"].fillna(0), strict=True)),
        "peringatan": set(ind.loc[ind["alasan"].str.contains("Kategori"), "id"]),
        "alasan": set(ind["alasan"]),
        "perhatian": set(perhatian.loc[perhatian["merah"].eq(True), "id"]),
        "agenda": {i.objek_id for i in agenda if i.jenis == "indikator_rendah"},
        "agenda_teks": [i.uraian for i in agenda if i.jenis == "indikator_rendah"],
        "bahan": set(bahan.indikator["id"]),
        "hitung": per_unit[list(sk.urut)].sum().tolist(),
        "kolom_unit": list(per_unit.columns),
        "kolom_laporan": list(ringkasan.df.columns),
        "hitung_laporan": ringkasan.df[list(sk.urut)].iloc[-1].tolist(),
        "wajib_catatan": wajib_catatan,
        "pesan": [p for _, p in err.value.masalah],
    }


def test_other_wording_finds_the_same_red_indicators(demo_con):
    baku = _aturan_merah(demo_con)
    assert baku["merah"] and baku["agenda"] and baku["wajib_catatan"]  # the demo has red ones
    svc.simpan_skala(demo_con, _a(demo_con, "admin"), 1, _preset("baik"))
    baik = _aturan_merah(demo_con)
    assert baik["skala"].urut == ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang")
    for aturan in ("merah", "level", "peringatan", "perhatian", "agenda", "bahan"):
        assert baik[aturan] == baku[aturan], aturan
    assert baik["merah"] == baik["peringatan"] == baik["perhatian"]
    # per-category counts: the same numbers under the new names, in the report too
    assert baik["hitung"] == baku["hitung"] and sum(baik["hitung"]) > 0
    assert baik["hitung_laporan"] == baku["hitung_laporan"] and sum(baik["hitung_laporan"]) > 0
    assert {"Sangat Baik", "Sangat Kurang"} <= set(baik["kolom_unit"]) & set(baik["kolom_laporan"])
    assert "Sangat Rendah" not in baik["kolom_unit"] + baik["kolom_laporan"]
    # note required: the same rows refused, the message naming the agency's own band
    assert baik["wajib_catatan"] == baku["wajib_catatan"]
    assert any(p.startswith("Kategori Sangat Kurang") for p in baik["pesan"])
    assert not any("Rendah" in t for t in baik["agenda_teks"])
    assert all(
        t.endswith(("kategori Kurang", "kategori Sangat Kurang")) for t in baik["agenda_teks"]
    )
    assert any("Kategori Kurang" in a or "Kategori Sangat Kurang" in a for a in baik["alasan"])


def test_meeting_pack_heading_uses_the_red_band_names(demo_con):
    svc.simpan_skala(demo_con, _a(demo_con, "admin"), 1, _preset("baik"))
    monev = _a(demo_con, "monev")
    bahan = rapat.bahan_rapat(demo_con, monev, 1, 2026, 2, hari_ini=HARI)
    assert bahan.skala.label_merah == "Kurang / Sangat Kurang"
    pdf = rapat.bahan_rapat_pdf(demo_con, monev, 1, 2026, 2, hari_ini=HARI)
    teks = " ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf)).pages)
    assert "Indikator dengan capaian Kurang / Sangat Kurang" in " ".join(teks.split())
    assert "Rendah" not in teks


def test_save_replaces_the_setting_with_an_event_and_refuses_bad_input(demo_con):
    admin = _a(demo_con, "admin")
    lama = [["Baik", 80, None], ["Kurang", None, 80]]
    demo_con.execute("INSERT INTO pengaturan VALUES (1, 'kategori_bands', ?)", [json.dumps(lama)])
    assert svc.skala(demo_con, 1).urut == ("Baik", "Kurang")  # the old key is still read
    data = _preset("dibatasi_100")
    svc.simpan_skala(demo_con, admin, 1, data)
    assert svc.skala(demo_con, 1) == PRESET["dibatasi_100"]
    kunci = demo_con.execute(
        "SELECT kunci FROM pengaturan WHERE instansi_id = 1 ORDER BY kunci"
    ).fetchall()
    assert kunci == [("skala_kategori",)]
    ev = demo_con.execute(
        "SELECT pengguna, objek, objek_id, dari, ke, data FROM event "
        "WHERE jenis = 'skala_kategori_diubah'"
    ).fetchall()
    assert len(ev) == 1 and ev[0][:5] == ("admin", "instansi", "1", "Khusus", data["nama"])
    assert json.loads(ev[0][5])["baru"]["batas_skor"] == 100

    def jejak():
        return demo_con.execute(
            "SELECT (SELECT count(*) FROM event), (SELECT string_agg(nilai) FROM pengaturan)"
        ).fetchone()

    sebelum = jejak()
    salah = _preset("baik")
    salah["kategori"][1]["bawah"] = 91  # the same bound as the band above: an empty band
    with pytest.raises(ValueError, match="tumpang tindih"):
        svc.simpan_skala(demo_con, admin, 1, salah)
    salah = _preset("baik")
    salah["kategori"][0]["merah"] = True  # the top band red, the middle ones not
    with pytest.raises(ValueError, match="terbawah yang berurutan"):
        svc.simpan_skala(demo_con, admin, 1, salah)
    salah = _preset("baik")
    salah["kategori"][2]["bawah"] = "enam puluh"
    with pytest.raises(ValueError, match="Kategori ke-3, batas bawah: harus berupa angka"):
        svc.simpan_skala(demo_con, admin, 1, salah)
    with pytest.raises(AksesDitolak):
        svc.simpan_skala(demo_con, _a(demo_con, "kadis"), 1, _preset("baik"))
    assert jejak() == sebelum
    assert svc.skala(demo_con, 1) == PRESET["dibatasi_100"]


def test_bands_in_any_order_are_sorted_high_to_low(demo_con):
    data = _preset("baik")
    data["kategori"] = list(reversed(data["kategori"]))
    sk = svc.simpan_skala(demo_con, _a(demo_con, "admin"), 1, data)
    assert sk == PRESET["baik"]


def test_cap_changes_averages_and_predikat(demo_con):
    kadis = _a(demo_con, "kadis")
    tanpa = dasbor.data_periode(demo_con, kadis, 1, 2026, 2)
    svc.simpan_skala(demo_con, _a(demo_con, "admin"), 1, _preset("dibatasi_100"))
    cap = dasbor.data_periode(demo_con, kadis, 1, 2026, 2)
    assert (cap.per_unit["capaian"] <= tanpa.per_unit["capaian"] + 1e-9).all()
    assert (cap.per_unit["capaian"] <= 100 + 1e-9).all()
    assert (cap.per_unit["capaian"] < tanpa.per_unit["capaian"] - 1e-9).any()
    # the cross-instansi comparison caps in SQL with the same rule
    setda = Akses("setda", frozenset({"kadis"}), None)
    df = dasbor.perbandingan_instansi(demo_con, setda, 2026, 2).set_index("instansi_id")
    svc.simpan_skala(demo_con, _a(demo_con, "admin"), 1, _preset("permendagri"))
    tanpa_cap = dasbor.perbandingan_instansi(demo_con, setda, 2026, 2).set_index("instansi_id")
    nilai = cap.indikator["capaian"].dropna()
    assert tanpa_cap.loc[1, "capaian"] == pytest.approx(nilai.mean())
    assert df.loc[1, "capaian"] == pytest.approx(nilai.clip(upper=100).mean())
    assert df.loc[1, "capaian"] < tanpa_cap.loc[1, "capaian"]
