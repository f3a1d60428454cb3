"""Admin page "Skala kategori" through AppTest: a preset saved, a bad cap refused with nothing
saved, and the dashboard showing the new wording at once (cached reads cleared)."""

from __future__ import annotations

from dashboard.inti import store

from .conftest import login
from .test_pages import _open_url, _tabel


def _tombol(at, label: str):
    return next(b for b in at.button if b.label == label)


def _skala_tersimpan(app_db) -> list:
    con = store.connect(app_db)
    try:
        return con.execute(
            "SELECT kunci, nilai FROM pengaturan WHERE instansi_id IS NOT NULL"
        ).fetchall()
    finally:
        con.close()


def test_admin_saves_a_preset_and_the_dashboard_uses_it(app_db):
    at = login("admin")
    beranda = at.metric  # the default page first: its reads are cached now
    assert [m.label for m in beranda][:5] == [
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
    ]
    _open_url(at, "admin-skala")
    assert not at.exception and at.title[0].value == "Skala kategori"
    berlaku = at.dataframe[0].value
    assert berlaku["Kategori"].tolist()[0] == "Sangat Tinggi"
    assert berlaku["Capaian (dibulatkan 2 desimal)"].tolist()[0] == "≥ 91%"
    assert berlaku["Merah"].tolist() == ["", "", "", "Ya", "Ya"]
    at.selectbox(key="skala_mulai").select("baik").run()
    _tombol(at, "Simpan skala").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Skala kategori disimpan" in at.success[0].value
    assert at.dataframe[0].value["Kategori"].tolist() == [
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Kurang",
        "Sangat Kurang",
    ]
    _open_url(at, "beranda")
    assert not at.exception
    assert [m.label for m in at.metric][:5] == [
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Kurang",
        "Sangat Kurang",
    ]
    per_unit = next(d.value for d in at.dataframe if "Dinilai" in d.value.columns)
    assert "Sangat Baik" in " ".join(per_unit["Sebaran"])
    assert {k for sel in per_unit["Kategori"] for k in sel} <= {
        *("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"),
        *("Belum Diisi", "Belum Dapat Dinilai"),
    }


def test_bad_cap_is_refused_and_nothing_saved(app_db):
    at = login("admin")
    _open_url(at, "admin-skala")
    batas = next(t for t in at.text_input if t.label == "Batas skor (%)")
    batas.input("abc")
    _tombol(at, "Simpan skala").click().run()
    assert "Batas skor" in at.error[0].value and "bukan angka" in at.error[0].value
    batas = next(t for t in at.text_input if t.label == "Batas skor (%)")
    batas.input("50")
    _tombol(at, "Simpan skala").click().run()
    assert "tidak boleh di bawah batas bawah kategori teratas" in at.error[0].value
    assert _skala_tersimpan(app_db) == []
    batas = next(t for t in at.text_input if t.label == "Batas skor (%)")
    batas.input("100")
    _tombol(at, "Simpan skala").click().run()
    assert not at.error and at.success
    assert "Batas skor 100" in " ".join(c.value for c in at.caption)


STATUS = {"Belum Diisi", "Belum Dapat Dinilai"}


def _kategori(at) -> list[str]:
    """The category pills' names without their counts ("Rendah (4)" -> "Rendah")."""
    return [o.rsplit(" (", 1)[0] for o in at.pills(key="daftar_kategori").options]


def test_an_open_dashboard_follows_a_scale_saved_in_another_session(app_db):
    kadis = login("kadis")
    kadis.selectbox(key="tw").select(2).run()
    kadis.segmented_control(key="daftar").set_value("Indikator per kategori").run()
    pills = _kategori(kadis)  # the bands holding indicators, worst first
    lama = ["Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"]
    assert "Rendah" in pills and set(pills) <= {*lama, *STATUS}
    kadis.pills(key="daftar_kategori").set_value("Rendah").run()
    rendah = _tabel(kadis, "Realisasi s.d.")
    assert len(rendah) > 0
    admin = login("admin")
    _open_url(admin, "admin-skala")
    admin.selectbox(key="skala_mulai").select("baik").run()
    _tombol(admin, "Simpan skala").click().run()
    assert admin.success
    kadis.run()  # the next click of the open dashboard: cached reads were cleared
    assert not kadis.exception
    assert [m.label for m in kadis.metric][:5] == [
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Kurang",
        "Sangat Kurang",
    ]
    pills = _kategori(kadis)
    baru = ["Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"]
    assert "Kurang" in pills and set(pills) <= {*baru, *STATUS}
    assert [k for k in baru if k in pills] == [k for k in pills if k in baru]
    kadis.pills(key="daftar_kategori").set_value("Kurang").run()
    assert _tabel(kadis, "Realisasi s.d.")["Kode"].tolist() == rendah["Kode"].tolist()
