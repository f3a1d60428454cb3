"""Every page through AppTest, per role: the role x page matrix and the main page contents."""

from __future__ import annotations

import pytest

from dashboard.inti import ui
from dashboard.pengumpulan import data_sah

from .apptest_bantu import minta_url
from .conftest import login, new_app, sandi_demo, sesi_baru, tombol

ROLE_USERS = {
    "admin": "admin",
    "kadis": "kadis",
    "sekretaris": "sekretaris",
    "pengelola_monev": "monev",
    "staf_bidang": "staf.lyn",
}


def _tabel(at, kolom: str):
    """The first table on the page that has a given column; a coloured Kategori label (a
    one-item list, beranda.tabel) read as its text."""
    df = next(d.value for d in at.dataframe if kolom in d.value.columns)
    return df.assign(Kategori=df["Kategori"].map(label)) if "Kategori" in df else df


def label(sel: object) -> str:
    """The text of a Kategori cell drawn as a coloured label (a list of one, or none)."""
    return "" if isinstance(sel, str) or len(sel) == 0 else str(sel[0])


def _tabel_dapat_diunduh(at) -> None:
    """Every table on the page has its Excel and CSV download (issue 7, item 7)."""
    ids = [b.proto.id for b in at.get("download_button")]
    assert sum("-xlsx_" in i for i in ids) == sum("-csv_" in i for i in ids) == len(at.dataframe)


def _open_url(at, url_path: str):
    """Open /<url_path> as a browser asking for it does, and run: a page the session's roles
    grant through the public `AppTest.switch_page` (its file, as the navigation registers it);
    any other URL (a page not granted, no session) through `apptest_bantu.minta_url`."""
    h = next((h for h in ui.HALAMAN if h.url == url_path), None)
    akses = at.session_state.get("akses")
    if h is not None and akses is not None and h in ui.halaman_untuk(akses.peran):
        return at.switch_page(ui.file_halaman(url_path)).run()
    return minta_url(at, url_path)


def _terdaftar(at) -> set[str]:
    """The URLs of the pages the last run's navigation registered from a file (a page not
    granted is a hidden message page, a callable): `switch_page` refuses any other file."""
    urls = set()
    for h in ui.HALAMAN:
        try:
            at.switch_page(ui.file_halaman(h.url))
        except ValueError:
            continue
        urls.add(h.url)
    return urls


@pytest.mark.parametrize("peran", list(ROLE_USERS))
def test_role_sees_exactly_its_pages(app_db, peran):
    at = login(ROLE_USERS[peran])
    granted = ui.halaman_untuk(frozenset({peran}))
    assert _terdaftar(at) == {h.url for h in granted}
    for h in ui.HALAMAN:
        _open_url(at, h.url)
        assert not at.exception, (peran, h.file, at.exception)
        if h in granted:
            assert at.title[0].value == h.judul
        else:  # an Indonesian message naming the page, never the page or a silent Beranda
            assert not any(h.judul == t.value for t in at.title), (peran, h.file)
            assert at.title[0].value == "Halaman tidak tersedia", (peran, h.file)
            assert f"Halaman **{h.judul}** tidak tersedia" in at.error[0].value


def test_no_session_sees_nothing_of_the_app(app_db):
    """Without a session (no cookie, or an ended one) a run shows only the way to the sign-in
    form, whatever page is asked for."""
    from dashboard.akun import auth

    for token in (None, "x" * 43):
        at = new_app()
        if token:
            at.session_state[auth.TOKEN_SESI] = token
        at.run()
        assert not at.exception
        assert at.title[0].value == "Monev Kinerja"
        assert "Sesi Anda telah berakhir" in at.info[0].value
        for url in ("beranda", "admin-pengguna"):
            _open_url(at, url)
            assert not at.dataframe and not at.text_input
            assert not any(t.value in ("Beranda", "Pengguna") for t in at.title)


def test_ended_session_loses_access_at_the_next_run(app_db):
    from dashboard.akun import layanan_pengguna as pengguna
    from dashboard.inti import store

    at = login("kadis")
    assert at.title[0].value == "Beranda"
    con = store.connect(app_db)
    try:  # logout elsewhere (another tab, another device): the same session ends in the store
        pengguna.akhiri_semua_sesi(con, pengguna.akses_untuk(con, "kadis"))
    finally:
        con.close()
    at.run()  # (AppTest runs the page script alone here: its guard looks the session up)
    assert at.session_state["akses"] is None
    assert not at.title or at.title[0].value != "Beranda"
    assert not at.dataframe


def test_a_session_is_looked_up_again_after_any_session_change_or_30_seconds(app_db):
    """Between changes to sessions or accounts a session found active is trusted for 30 s (no
    query per run); a session ended by SQL alone, bumping no version, shows the trust window:
    it still works until the `sesi` version moves or the window passes."""
    import datetime as dt

    from dashboard.akun import auth
    from dashboard.inti import config, store, versi_data

    at = login("kadis")
    con = store.connect(app_db)
    try:
        con.execute("UPDATE sesi SET berakhir_pada = now()")
        at.run()
        assert at.session_state["akses"] is not None  # trusted: nothing said sessions changed
        versi_data.sesi_berubah(con)
        at.run()
        assert at.session_state["akses"] is None
        # the window: a check older than 30 s is made again even when no version moved
        token = sesi_baru("kadis")
        at.session_state[auth.TOKEN_SESI] = token
        at.run()
        assert at.session_state["akses"] is not None
        con.execute("UPDATE sesi SET berakhir_pada = now()")
        d = at.session_state[auth._DIPERIKSA]
        lama = config.sekarang() - auth.PERIKSA_ULANG - dt.timedelta(seconds=1)
        at.session_state[auth._DIPERIKSA] = auth._Diperiksa(d.token, d.versi, lama, d.akses)
        at.run()
        assert at.session_state["akses"] is None
    finally:
        con.close()


def test_beranda_shows_capaian_per_bidang(app_db):
    at = login("kadis")
    assert at.title[0].value == "Beranda"
    assert [s.label for s in at.selectbox] == ["Tahun", "Triwulan", "Unit"]
    assert at.selectbox[0].value == 2026 and at.selectbox[1].value == 3
    table = _tabel(at, "Dinilai")
    assert len(table) == 6
    assert table["Capaian"].str.match(r"^\d{1,3}(\.\d{3})*(,\d{1,2})?%$|^–$").all()
    dep = table[table["Unit"].str.contains("Deposit")].iloc[0]
    assert dep["Sebaran"] == "6 Belum Diisi" and dep["Capaian"] == "–"
    assert dep["Kategori"] == "Belum Diisi"  # a coloured label, not a styled cell
    at.selectbox[1].select(2).run()
    assert not at.exception
    tw2 = _tabel(at, "Dinilai")
    assert tw2[tw2["Unit"].str.contains("Deposit")].iloc[0]["Capaian"] != "–"
    chart = at.get("plotly_chart")[0]
    assert '"separators":",."' in chart.proto.spec.replace(" ", "")


def test_beranda_for_staf_bidang_shows_only_its_unit(app_db):
    at = login("staf.lyn")
    table = _tabel(at, "Dinilai")
    assert table["Unit"].tolist() == ["Bidang Layanan dan Otomasi Perpustakaan"]
    assert [s.label for s in at.selectbox] == ["Tahun", "Triwulan"]  # no unit choice
    for bagian in ("Indikator", "Perlu perhatian", "Anggaran"):
        at.session_state["bagian"] = bagian
        at.run()
        assert not at.exception and not at.error, bagian
        for d in at.dataframe:
            if "Unit" in d.value.columns:
                assert set(d.value["Unit"]) <= {"Bidang Layanan dan Otomasi Perpustakaan"}


@pytest.mark.parametrize("peran", ["admin", "kadis", "sekretaris", "pengelola_monev"])
def test_dasbor_every_tab_per_role(app_db, peran):
    at = login(ROLE_USERS[peran])
    assert [m.label for m in at.metric][:5] == list(
        ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
    )
    metrik = {m.label: m.value for m in at.metric}
    # PAR (returned to draft) and DEP (nothing entered) have not submitted
    assert metrik["Belum Diisi"] == "6" and metrik["Sudah diajukan"] == "4 dari 6"
    assert metrik["Disahkan"] == "1 dari 6"
    assert metrik["Terlambat"] == "3"  # PBP late, PAR returned to draft and DEP: due date passed
    # the data the numbers count is said next to them, with the switch at its shared default
    assert at.toggle(key="sah").value is (not data_sah.TERMASUK_BELUM_SAH_BAWAAN)
    assert any(c.value.startswith("Data: semua realisasi") for c in at.caption)
    peta = at.get("plotly_chart")[1].proto
    assert '"type":"heatmap"' in peta.spec.replace(" ", "")
    assert '"filename":"peta_capaian_2026"' in peta.config.replace(" ", "")
    for bagian, judul in (
        ("Indikator", "Semua indikator: progres dan proyeksi"),
        ("Perlu perhatian", None),
        ("Anggaran", None),
    ):
        at.session_state["bagian"] = bagian
        at.run()
        assert not at.exception and not at.error, (peran, bagian)
        if judul:
            assert judul in [h.value for h in at.subheader]
        _tabel_dapat_diunduh(at)
    at.session_state["bagian"] = "Perlu perhatian"
    at.run()
    w = _tabel(at, "Belum ada")
    assert {"No.", "Catatan unit", "Tindak lanjut terbuka", "Alasan"} <= set(w.columns)
    assert w["No."].tolist() == list(range(1, len(w) + 1))
    assert "Sangat Tinggi" not in set(w["Kategori"])  # doing fine: not listed
    assert w["Alasan"].nunique() == len(w)  # each row its own reason
    assert not (
        w["Kategori"].isin(["Belum Diisi", "Belum Dapat Dinilai"])
        & w["Alasan"].str.startswith("Capaian")
    ).any()


@pytest.mark.parametrize("peran", list(ROLE_USERS))
def test_beranda_first_screen_per_role(app_db, peran):
    """The Ringkasan opens on the chart of capaian per unit with each unit's submission state,
    then the indicators that most need attention; a reviewer sees what waits for their step."""
    at = login(ROLE_USERS[peran])
    assert not at.exception and not at.error
    chart = at.get("plotly_chart")[0].proto.spec
    assert '"orientation":"h"' in chart.replace(" ", "")
    teks = " ".join(m.value for m in at.markdown)
    assert "Capaian rata-rata per unit" in teks
    if peran == "staf_bidang":
        assert "Diparaf" in chart  # its own unit's state on the bar
    else:
        assert "Dikembalikan" in chart and "Belum diisi" in chart
    teratas = _tabel(at, "Alasan")
    assert len(teratas) <= 3 and list(teratas.columns) == [
        "No.",
        "Indikator",
        "Unit",
        "Alasan",
        "Catatan unit",
    ]
    if peran == "kadis":
        assert "Menunggu pengesahan Anda:" in teks and "Bidang Layanan" in teks
    if peran == "sekretaris":
        assert "menunggu paraf Anda" in " ".join(c.value for c in at.caption) or (
            "Menunggu paraf Anda:" in teks
        )


def test_beranda_tab_is_in_the_url_and_a_shared_link_opens_it(app_db):
    from dashboard.akun import auth

    # (the browser's address follows a tab switch: tests/browser/test_dasbor_browser.py)
    tautan = new_app()
    tautan.query_params.update({"bagian": "Anggaran", "tw": "Triwulan II"})
    tautan.session_state[auth.TOKEN_SESI] = sesi_baru("kadis")
    tautan.run()
    assert not tautan.exception
    anggaran = _tabel(tautan, "Pagu")
    assert anggaran["Program / kegiatan"].iloc[-1] == "Jumlah"
    assert not any("Capaian rata-rata per unit" in m.value for m in tautan.markdown)


def test_beranda_signed_only_switch_changes_the_numbers_and_says_so(app_db):
    at = login("kadis")
    semua = {m.label: m.value for m in at.metric}
    at.toggle(key="sah").set_value(True).run()
    assert not at.exception
    sah = {m.label: m.value for m in at.metric}
    assert int(sah["Belum Diisi"]) > int(semua["Belum Diisi"])
    assert any(c.value.startswith("Data: hanya realisasi yang sudah disahkan") for c in at.caption)


def test_dasbor_headline_opens_lists_and_filters_reach_the_url(app_db):
    at = login("kadis")
    at.segmented_control(key="daftar").set_value("Pengajuan per unit").run()
    kirim = _tabel(at, "Pengiriman")
    assert len(kirim) == 6 and "Terlambat" in set(kirim["Pengiriman"])
    at.segmented_control(key="daftar").set_value("Indikator per kategori").run()
    at.pills(key="daftar_kategori").set_value("Belum Diisi").run()
    assert len(_tabel(at, "Realisasi s.d.")) == 6
    at.selectbox(key="unit").select(2).run()  # Bidang Layanan ...
    assert not at.exception
    assert _tabel(at, "Dinilai")["Unit"].tolist() == ["Bidang Layanan dan Otomasi Perpustakaan"]


def test_dasbor_shared_link_opens_the_same_filters(app_db):
    from dashboard.akun import auth

    at = new_app()
    at.query_params.update({"tw": "Triwulan II", "unit": "Bidang Pengelolaan Arsip"})
    at.session_state[auth.TOKEN_SESI] = sesi_baru("sekretaris")
    at.run()
    assert at.selectbox(key="tw").value == 2
    assert _tabel(at, "Dinilai")["Unit"].tolist() == ["Bidang Pengelolaan Arsip"]
    assert at.query_params["tw"] == "Triwulan II"


def test_dasbor_drill_down_shows_findings_and_history(app_db):
    import duckdb

    c = duckdb.connect(str(app_db))
    ind = c.execute("SELECT id FROM indikator WHERE kode = 'LYN.01'").fetchone()[0]
    c.execute(
        "INSERT INTO rapat (id, instansi_id, tahun, triwulan, judul, waktu, status, dibuat_oleh)"
        " VALUES (900, 1, 2026, 2, 'Rapat monev TW II', TIMESTAMP '2026-08-10 09:00', 'final', "
        "'monev')"
    )
    c.execute(
        "INSERT INTO temuan (id, rapat_id, unit_id, indikator_id, permasalahan, dibuat_oleh) "
        "VALUES (900, 900, 2, $1, '=Tenaga teknis kurang', 'monev')",
        [ind],
    )
    c.close()
    at = login("kadis")
    at.session_state["bagian"] = "Indikator"
    at.run()
    at.selectbox(key="ind").set_value(ind).run()
    assert not at.exception
    temuan = _tabel(at, "Permasalahan")
    assert temuan["Permasalahan"].tolist() == ["=Tenaga teknis kurang"]  # shown inertly
    tren = next(c for c in at.get("plotly_chart") if "Temuan rapat monev" in c.proto.spec)
    assert "2026-08-10" in tren.proto.spec
    rincian = _tabel(at, "Aspek").set_index("Aspek")["Nilai"]
    assert rincian["Perhitungan"].startswith("Capaian")
    _tabel_dapat_diunduh(at)


def test_change_own_password_then_login_with_it(app_db):
    at = login("sekretaris")
    _open_url(at, "akun")
    lama = sandi_demo("sekretaris")
    for baru, pesan in (
        ("pendek", "minimal 10"),
        ("Sekretaris#2027", "memuat nama pengguna"),
        ("password123", "terlalu umum"),
    ):
        at.text_input[0].input(lama)
        at.text_input[1].input(baru)
        at.text_input[2].input(baru)
        at.button(key="simpan_sandi").click().run()
        assert pesan in at.error[0].value, (baru, at.error)
    at.text_input[0].input(lama)
    at.text_input[1].input("Pohon#Mangga#Tua77")
    at.text_input[2].input("Pohon#Mangga#Tua77")
    at.button(key="simpan_sandi").click().run()
    assert at.success and "berhasil" in at.success[0].value
    at.run()  # the change ended this session too
    assert at.session_state["akses"] is None
    assert login("sekretaris").session_state["akses"] is None  # old password refused
    assert login("sekretaris", "Pohon#Mangga#Tua77").title[0].value == "Beranda"


def test_admin_creates_user_with_validation(app_db):
    at = login("admin")
    _open_url(at, "admin-pengguna")
    at.text_input(key="baru_username").input("budi")
    at.text_input(key="baru_nama").input("Budi Santoso")
    at.multiselect(key="baru_peran").select("staf_bidang")
    at.text_input(key="baru_sandi").input("Budi#Rahasia2026")
    tombol(at).click().run()
    assert "wajib memilih unit" in at.error[0].value
    at.selectbox(key="baru_unit").select(2)
    tombol(at).click().run()
    assert "memuat nama pengguna" in at.error[0].value
    at.text_input(key="baru_sandi").input("Kursi#Jati#Coklat61")
    tombol(at).click().run()
    assert "budi ditambahkan" in at.success[0].value
    assert "budi" in at.dataframe[0].value["Nama pengguna"].tolist()
    assert login("budi", "Kursi#Jati#Coklat61").session_state["akses"].unit_id == 2


def test_admin_edits_indicator_and_targets(app_db):
    at = login("admin")
    _open_url(at, "admin-indikator")
    assert not at.exception
    at.selectbox[0].select(1).run()  # first indicator
    inputs = {t.label: t for t in at.text_input}
    inputs["Tahunan (PK)"].input("abc")
    tombol(at).click().run()
    assert "bukan angka" in at.error[0].value
    inputs = {t.label: t for t in at.text_input}
    inputs["Tahunan (PK)"].input("1.500")
    tombol(at).click().run()
    # the quarters no longer aggregate to 1.500: a warning, nothing saved until confirmed
    assert "tidak sama dengan" in at.warning[0].value and not at.success
    next(c for c in at.checkbox if c.label.startswith("Simpan walaupun")).check()
    tombol(at).click().run()
    assert at.success, [e.value for e in at.error]


# Isi realisasi: tests/test_pages_entri.py


def test_queue_pages_per_reviewer(app_db):
    expected = {"monev": "Diajukan", "sekretaris": "Diverifikasi", "kadis": "Diparaf"}
    for user, status in expected.items():
        at = login(user)
        _open_url(at, "antrian")
        assert not at.exception
        queue = at.dataframe[0].value
        assert set(queue["Status"]) == {status}, user
        assert queue["Hari"].str.match(r"^\d+(,\d)?$").all()


def test_period_and_correction_pages(app_db):
    at = login("monev")
    _open_url(at, "periode")
    assert not at.exception
    table = at.dataframe[0].value
    assert "Triwulan III TA 2026" in table["Periode"].tolist()
    assert "Dibuka" in table["Status"].tolist()
    _open_url(at, "perbaikan")
    assert not at.exception and at.title[0].value == "Perbaikan data"


def test_kalender_survives_an_added_cuti_bersama(app_db):
    """Adding a cuti bersama crashed Kalender kerja on every load (Timestamp vs date)."""
    import datetime as dt

    from dashboard.akun.akses import Akses
    from dashboard.inti import store
    from dashboard.sop import layanan_registri as sop_registry

    con = store.connect(app_db)
    try:
        sop_registry.tambah_libur(
            con.cursor(),
            Akses("admin", frozenset({"admin"})),
            dt.date(2026, 12, 24),
            "Cuti bersama Natal",
            "cuti_bersama",
        )
    finally:
        con.close()
    at = login("admin")
    _open_url(at, "admin-kalender")
    assert not at.exception, at.exception
    semua = _tabel(at, "Jenis")
    assert "Cuti bersama" in semua["Jenis"].tolist()
