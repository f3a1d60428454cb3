"""Users, login bookkeeping and admin services: every denial and validation, on a real store."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import Akses, AksesDitolak
from dashboard.alat.demo_katalog import PENGGUNA
from dashboard.inti import store
from dashboard.rencana import layanan_indikator as admin

from .conftest import sandi_demo

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL

ADMIN = Akses("admin", frozenset({"admin"}), instansi_id=1)
KADIS = Akses("kadis", frozenset({"kadis"}), instansi_id=1)
STAF = Akses("staf.lyn", frozenset({"staf_bidang"}), instansi_id=1, unit_id=2)


def _events(con, jenis):
    return con.execute("SELECT count(*) FROM event WHERE jenis = ?", [jenis]).fetchone()[0]


SAAT = dt.datetime(2026, 11, 21, 9, 0)


def _masuk(con, user, sandi=None, alamat="10.0.0.1", detik=0):
    return pengguna.masuk(
        con, user, sandi or sandi_demo(user), alamat, "uji", SAAT + dt.timedelta(seconds=detik)
    )


def test_demo_users_exist_for_every_role(demo_con):
    rows = demo_con.execute(
        "SELECT p.username, p.password_hash, r.peran FROM pengguna p "
        "JOIN peran_pengguna r ON r.pengguna_id = p.id"
    ).fetchall()
    assert {r[2] for r in rows} == {
        "admin",
        "kadis",
        "sekretaris",
        "pengelola_monev",
        "staf_bidang",
    }
    staf_units = demo_con.execute(
        "SELECT count(DISTINCT unit_id) FROM pengguna p JOIN peran_pengguna r "
        "ON r.pengguna_id = p.id WHERE r.peran = 'staf_bidang'"
    ).fetchone()[0]
    assert (
        staf_units
        == demo_con.execute("SELECT count(*) FROM unit WHERE instansi_id = 1").fetchone()[0]
    )
    assert all(r[1].startswith(f"$2b${pengguna.BCRYPT_ROUNDS}$") for r in rows)  # one cost
    for username, nama, _, _, sandi in PENGGUNA:  # the README's demo passwords obey the rules
        pengguna.cek_kekuatan_sandi(sandi, username, nama)


@pytest.mark.parametrize(
    ("sandi", "pesan"),
    [
        ("Ab#12345x", "minimal 10"),
        ("password1", "minimal 10"),
        ("aaaaaaa1", "minimal 10"),
        ("12345678a", "minimal 10"),
        ("password123", "terlalu umum"),
        ("qwertyuiop1", "terlalu umum"),
        ("1234567890", "terlalu umum"),
        ("aaaaaaaaaaaa", "terlalu umum"),
        ("Kadis#2026xyz", "memuat nama pengguna"),
        ("budi.santoso99", "memuat nama pengguna"),
        ("Santoso#2026!", "memuat nama pengguna"),
    ],
)
def test_password_rules_name_the_rule_that_failed(sandi, pesan):
    user = "kadis" if "Kadis" in sandi else "budi.santoso"
    with pytest.raises(ValueError, match=pesan):
        pengguna.cek_kekuatan_sandi(sandi, user, "Budi Santoso")


def test_good_passwords_pass():
    for sandi in ("Pohon#Mangga#Tua77", "kursi jati coklat enam", "Bidang#Kerja26"):
        pengguna.cek_kekuatan_sandi(sandi, "budi.santoso", "Budi Santoso")
    assert len({pengguna.sandi_acak() for _ in range(5)}) == 5


def test_sign_in_creates_a_session_storing_only_its_hash(demo_con):
    hasil = _masuk(demo_con, "kadis")
    assert hasil.token and len(hasil.token) >= 40
    rows = demo_con.execute("SELECT token_hash, alamat, agen FROM sesi").fetchall()
    assert rows == [(hashlib.sha256(hasil.token.encode()).hexdigest(), "10.0.0.1", "uji")]
    assert hasil.token not in str(demo_con.execute("SELECT * FROM sesi").fetchall())
    akses = pengguna.akses_sesi(demo_con, hasil.token, SAAT)
    assert akses.username == "kadis" and akses.peran == {"kadis"}
    assert pengguna.akses_sesi(demo_con, hasil.token[:-1] + "x", SAAT) is None
    assert pengguna.akses_sesi(demo_con, None) is None
    assert _events(demo_con, "login") == 1


def test_session_lookup_reads_no_password_hash(demo_con):
    """Each script run looks its session up by the token hash (the primary key; DuckDB picks an
    index or a filtered scan by size); the query never reads a password hash (the old login
    read every user's hash on every run)."""
    token = _masuk(demo_con, "kadis").token
    th = pengguna.hash_token(token)
    plan = " ".join(
        str(r)
        for r in demo_con.execute(
            "EXPLAIN " + store.sql("sesi_cari"),
            {"token_hash": th, "terakhir_pada": SAAT, "dibuat_pada": SAAT},
        ).fetchall()
    )
    assert "password_hash" not in plan and "s.token_hash = $token_hash" in store.sql("sesi_cari")


def test_idle_and_absolute_lifetimes(demo_con, monkeypatch):
    monkeypatch.setenv("MONEV_SESI_IDLE_MENIT", "30")
    monkeypatch.setenv("MONEV_SESI_MAKS_JAM", "2")
    token = _masuk(demo_con, "monev").token
    menit = lambda m: SAAT + dt.timedelta(minutes=m)  # noqa: E731
    assert pengguna.akses_sesi(demo_con, token, menit(29)) is not None  # touches last-seen
    assert pengguna.akses_sesi(demo_con, token, menit(58)) is not None  # 29 min after the touch
    assert pengguna.akses_sesi(demo_con, token, menit(89)) is None  # idle for 31 minutes
    token = _masuk(demo_con, "monev").token
    for m in range(20, 120, 20):  # busy all the time ...
        assert pengguna.akses_sesi(demo_con, token, menit(m)) is not None
    assert pengguna.akses_sesi(demo_con, token, menit(121)) is None  # ... but 2 hours is the end


def _aktif(con, token):
    return pengguna.akses_sesi(con, token) is not None


def test_every_event_that_must_end_sessions_ends_them(demo_con, monkeypatch):
    monkeypatch.setattr(pengguna.config, "sekarang", lambda: SAAT)
    satu, dua = _masuk(demo_con, "kadis").token, _masuk(demo_con, "kadis", alamat="10.0.0.2").token
    lain = _masuk(demo_con, "monev").token
    pengguna.akhiri_sesi(demo_con, satu)  # Keluar: this session only
    assert not _aktif(demo_con, satu) and _aktif(demo_con, dua)
    assert _events(demo_con, "logout") == 1
    tiga = _masuk(demo_con, "kadis").token
    kadis = pengguna.akses_untuk(demo_con, "kadis")
    assert len(pengguna.daftar_sesi(demo_con, kadis, tiga)) == 2
    assert sorted(pengguna.daftar_sesi(demo_con, kadis, tiga)["ini"]) == [False, True]
    pengguna.akhiri_semua_sesi(demo_con, kadis)  # Keluar dari semua perangkat
    assert not _aktif(demo_con, dua) and not _aktif(demo_con, tiga) and _aktif(demo_con, lain)

    token = _masuk(demo_con, "kadis").token  # password change
    pengguna.ganti_sandi(
        demo_con, kadis, sandi_demo("kadis"), "Pohon#Mangga#Tua77", "Pohon#Mangga#Tua77"
    )
    assert not _aktif(demo_con, token)
    assert _masuk(demo_con, "kadis").token is None  # the old password is gone
    token = _masuk(demo_con, "kadis", "Pohon#Mangga#Tua77").token
    pengguna.reset_sandi(demo_con, ADMIN, "kadis")  # admin reset
    assert not _aktif(demo_con, token)

    token = _masuk(demo_con, "monev").token  # deactivation
    pengguna.ubah_pengguna(
        demo_con,
        ADMIN,
        "monev",
        {"nama": "Rina", "peran": ["pengelola_monev"], "aktif": False, "instansi_id": 1},
    )
    assert not _aktif(demo_con, token) and not _aktif(demo_con, lain)
    pengguna.ubah_pengguna(
        demo_con,
        ADMIN,
        "monev",
        {"nama": "Rina", "peran": ["pengelola_monev"], "aktif": True, "instansi_id": 1},
    )
    assert not _aktif(demo_con, token)  # reactivating does not bring a session back


def test_lock_is_for_a_while_ends_sessions_and_admin_unlocks_earlier(demo_con, monkeypatch):
    monkeypatch.setenv("MONEV_MAX_GAGAL_LOGIN", "3")
    monkeypatch.setenv("MONEV_LAMA_KUNCI_MENIT", "15")
    monkeypatch.setattr(pengguna.config, "sekarang", lambda: SAAT)
    token = _masuk(demo_con, "kadis").token
    for i in range(3):  # three failures from three addresses (no address is slowed down)
        assert _masuk(demo_con, "kadis", "SalahSekali1", f"10.1.0.{i}", detik=i * 10).token is None
    assert _events(demo_con, "akun_terkunci") == 1
    assert not _aktif(demo_con, token)  # a lock ends the sessions
    # locked: the right password fails with the same message
    hasil = _masuk(demo_con, "kadis", alamat="10.2.0.1", detik=60)
    assert hasil.token is None and hasil.pesan == pengguna.PESAN_LOGIN_GAGAL
    # ... until the lock's time is over
    assert _masuk(demo_con, "kadis", alamat="10.2.0.2", detik=16 * 60).token
    for i in range(3):
        _masuk(demo_con, "kadis", "SalahSekali1", f"10.3.0.{i}", detik=17 * 60 + i * 10)
    with pytest.raises(AksesDitolak):
        pengguna.buka_kunci(demo_con, KADIS, "kadis")
    pengguna.buka_kunci(demo_con, ADMIN, "kadis")  # an admin (or the CLI) unlocks earlier
    assert _masuk(demo_con, "kadis", alamat="10.4.0.1", detik=18 * 60).token


def test_failed_sign_ins_slow_down_per_username_and_per_address(demo_con):
    for i in range(pengguna.BEBAS_PER_PENGGUNA):  # the first few: no wait
        hasil = _masuk(demo_con, "admin", "SalahSekali1", f"10.5.0.{i}", detik=i)
        assert hasil.tunggu == 0 and hasil.pesan == pengguna.PESAN_LOGIN_GAGAL
    jeda = []
    detik = pengguna.BEBAS_PER_PENGGUNA - 1  # the time of the last failure
    for i in range(4):  # then 1, 2, 4, 8 seconds after the last failure, even the right password
        hasil = _masuk(demo_con, "admin", alamat=f"10.6.0.{i}", detik=detik)
        assert hasil.token is None and hasil.tunggu > 0 and "Coba lagi" in hasil.pesan
        jeda.append(hasil.tunggu)
        detik += hasil.tunggu
        _masuk(demo_con, "admin", "SalahSekali1", f"10.6.1.{i}", detik=detik)
    assert jeda == [1, 2, 4, 8]
    # an unknown username is slowed down the same way (no hint that it does not exist)
    for i in range(pengguna.BEBAS_PER_PENGGUNA):
        _masuk(demo_con, "tidak.ada", "SalahSekali1", f"10.7.0.{i}")
    assert _masuk(demo_con, "tidak.ada", "x", "10.7.1.1").tunggu == 1
    # per address: many usernames from one address
    for i in range(pengguna.BEBAS_PER_ALAMAT):
        _masuk(demo_con, f"coba{i}", "SalahSekali1", "10.9.9.9", detik=100)
    hasil = _masuk(demo_con, "monev", alamat="10.9.9.9", detik=100)
    assert hasil.token is None and hasil.tunggu == 1
    assert _masuk(demo_con, "monev", alamat="10.9.9.8", detik=100).token  # others go on


def test_failure_costs_one_full_bcrypt_check_for_an_unknown_user_as_for_a_real_one(
    demo_con, monkeypatch
):
    """No timing: every failed attempt runs exactly one bcrypt check at the accounts' cost,
    so an unknown username cannot be told apart by the time it takes."""
    dicek: list[bytes] = []
    asli = pengguna.bcrypt.checkpw
    monkeypatch.setattr(
        pengguna.bcrypt, "checkpw", lambda sandi, h: dicek.append(h) or asli(sandi, h)
    )
    nanti = SAAT + dt.timedelta(days=3)  # clear of the throttle windows of the tests above
    for i, user in enumerate(["sekretaris", "tidak.ada.sama.sekali"]):
        hasil = pengguna.masuk(demo_con, user, "SalahSekali1", f"10.8.8.{i}", "uji", nanti)
        assert hasil.token is None and hasil.tunggu == 0
    assert len(dicek) == 2
    assert all(h.startswith(f"$2b${pengguna.BCRYPT_ROUNDS}$".encode()) for h in dicek)


@pytest.mark.parametrize("caller", [KADIS, STAF])
def test_only_admin_manages_users(demo_con, caller):
    with pytest.raises(AksesDitolak):
        pengguna.daftar_pengguna(demo_con, caller)
    with pytest.raises(AksesDitolak):
        pengguna.buat_pengguna(
            demo_con,
            caller,
            {"username": "x1", "nama": "X Satu", "peran": ["admin"]},
            "Baru#Sekali27",
        )
    with pytest.raises(AksesDitolak):
        pengguna.ubah_pengguna(demo_con, caller, "kadis", {"nama": "X", "peran": ["admin"]})
    with pytest.raises(AksesDitolak):
        pengguna.reset_sandi(demo_con, caller, "kadis")
    with pytest.raises(AksesDitolak):
        admin.simpan_unit(
            demo_con, caller, {"instansi_id": 1, "kode": "X", "nama": "Unit X", "jenis": "Bidang"}
        )
    with pytest.raises(AksesDitolak):
        admin.simpan_indikator(demo_con, caller, {})
    assert (
        demo_con.execute("SELECT count(*) FROM pengguna WHERE username = 'x1'").fetchone()[0] == 0
    )


def test_admin_user_lifecycle(demo_con):
    pengguna.buat_pengguna(
        demo_con,
        ADMIN,
        {"username": " Budi.S ", "nama": "Budi S", "peran": ["staf_bidang"], "unit_id": 3},
        "Baru#Sekali27",
        rounds=4,
    )
    me = pengguna.akses_untuk(demo_con, "budi.s")
    assert me.unit_id == 3 and me.instansi_id == 1 and me.peran == {"staf_bidang"}
    with pytest.raises(ValueError, match="sudah dipakai"):
        pengguna.buat_pengguna(
            demo_con,
            ADMIN,
            {"username": "budi.s", "nama": "Budi", "peran": ["kadis"], "instansi_id": 1},
            "Baru#Sekali27",
            rounds=4,
        )
    with pytest.raises(ValueError, match="wajib memilih unit"):
        pengguna.ubah_pengguna(
            demo_con, ADMIN, "budi.s", {"nama": "Budi", "peran": ["staf_bidang"]}
        )
    pengguna.ubah_pengguna(
        demo_con,
        ADMIN,
        "budi.s",
        {"nama": "Budi", "peran": ["sekretaris", "staf_bidang"], "unit_id": 3, "aktif": False},
    )
    assert pengguna.akses_untuk(demo_con, "budi.s") is None  # deactivated
    sementara = pengguna.reset_sandi(demo_con, ADMIN, "budi.s")
    hashed = demo_con.execute(
        "SELECT password_hash FROM pengguna WHERE username = 'budi.s'"
    ).fetchone()[0]
    assert pengguna.cocok_sandi(sementara, hashed)
    with pytest.raises(ValueError, match="akun sendiri"):
        pengguna.ubah_pengguna(
            demo_con, ADMIN, "admin", {"nama": "Adm", "peran": ["kadis"], "instansi_id": 1}
        )


def test_user_input_validation_messages(demo_con):
    with pytest.raises(ValueError) as err:
        pengguna.buat_pengguna(demo_con, ADMIN, {"username": "a b", "nama": "", "peran": []}, "x")
    msg = str(err.value)
    assert "Nama pengguna" in msg and "Nama lengkap" in msg and "Peran" in msg
    with pytest.raises(ValueError, match="minimal 10"):
        pengguna.buat_pengguna(
            demo_con,
            ADMIN,
            {"username": "abc", "nama": "Abc", "peran": ["kadis"], "instansi_id": 1},
            "x1",
        )
    with pytest.raises(ValueError, match="tidak ada"):
        pengguna.buat_pengguna(
            demo_con,
            ADMIN,
            {"username": "abc", "nama": "Abc", "peran": ["staf_bidang"], "unit_id": 999},
            "Baru#Sekali27",
        )


def _indikator(**kw):
    data = {
        "instansi_id": 1,
        "unit_id": 2,
        "kode": "BARU.01",
        "nama": "Jumlah kegiatan baru",
        "jenis": "kegiatan",
        "satuan": "kegiatan",
        "polaritas": "negatif",
        "cara_agregasi": "LAST",
        "rumus_negatif": "B",
    }
    data.update(kw)
    return data


def test_indicator_with_range_and_quarterly_targets(demo_con):
    target = {
        "tahun": 2027,
        "tahunan": 80,
        "tahunan_atas": 90,
        "triwulan": [0, 0, 80, 80],
        "triwulan_atas": [0, 0, 90, 90],  # all range targets: mixing is refused (rencana.py)
    }
    iid = admin.simpan_indikator(demo_con, ADMIN, _indikator(), target)
    got = admin.target_indikator(demo_con, ADMIN, iid, 2027)
    assert got == {
        "tahun": 2027,
        "tahunan": 80,
        "tahunan_atas": 90,
        "triwulan": [0, 0, 80, 80],
        "triwulan_atas": [0, 0, 90, 90],
    }
    row = demo_con.execute(
        "SELECT polaritas, cara_agregasi, rumus_negatif FROM indikator WHERE id = ?", [iid]
    ).fetchone()
    assert row == ("negatif", "LAST", "B")
    # edit in place, including targets replaced for that year
    admin.simpan_indikator(
        demo_con,
        ADMIN,
        _indikator(nama="Jumlah kegiatan diubah"),
        {**target, "tahunan_atas": None, "triwulan_atas": [None] * 4},
        indikator_id=iid,
    )
    assert admin.target_indikator(demo_con, ADMIN, iid, 2027)["tahunan_atas"] is None


def test_indicator_save_is_all_or_nothing(demo_con):
    before = demo_con.execute("SELECT count(*) FROM indikator").fetchone()[0]
    with pytest.raises(ValueError, match="batas atas harus"):
        admin.simpan_indikator(
            demo_con,
            ADMIN,
            _indikator(),
            {
                "tahun": 2027,
                "tahunan": 10,
                "triwulan": [1, 2, 3, 4],
                "triwulan_atas": [0.5, None, None, None],
            },
        )
    with pytest.raises(ValueError, match="Polaritas"):
        admin.simpan_indikator(demo_con, ADMIN, _indikator(polaritas="naik"))
    with pytest.raises(ValueError, match="bukan bagian"):
        admin.simpan_indikator(demo_con, ADMIN, _indikator(unit_id=999))
    with pytest.raises(ValueError, match="sudah dipakai"):
        admin.simpan_indikator(demo_con, ADMIN, _indikator(kode="SEK.01"))
    assert demo_con.execute("SELECT count(*) FROM indikator").fetchone()[0] == before


def test_staf_reads_only_own_unit_indicators_and_targets(demo_con):
    own = admin.daftar_indikator(demo_con, STAF, 1)
    assert set(own["unit_id"]) == {2}
    other = demo_con.execute("SELECT id FROM indikator WHERE unit_id = 3 LIMIT 1").fetchone()[0]
    with pytest.raises(AksesDitolak):
        admin.target_indikator(demo_con, STAF, other, 2026)
    assert list(admin.daftar_unit(demo_con, STAF, 1)["id"]) == [2]


def test_units_create_and_edit(demo_con):
    uid = admin.simpan_unit(
        demo_con,
        ADMIN,
        {"instansi_id": 1, "kode": "UPT1", "nama": "UPT Perpustakaan Keliling", "jenis": "UPT"},
    )
    admin.simpan_unit(
        demo_con,
        ADMIN,
        {
            "instansi_id": 1,
            "kode": "UPT1",
            "nama": "UPT Perpustakaan Keliling Wilayah I",
            "jenis": "UPT",
            "aktif": False,
        },
        unit_id=uid,
    )
    assert demo_con.execute("SELECT nama, aktif FROM unit WHERE id = ?", [uid]).fetchone() == (
        "UPT Perpustakaan Keliling Wilayah I",
        False,
    )
    with pytest.raises(ValueError, match="Jenis"):
        admin.simpan_unit(
            demo_con, ADMIN, {"instansi_id": 1, "kode": "X", "nama": "Unit X", "jenis": "Dinas"}
        )
    with pytest.raises(ValueError, match="sudah dipakai"):
        admin.simpan_unit(
            demo_con, ADMIN, {"instansi_id": 1, "kode": "SEK", "nama": "Lagi", "jenis": "Bagian"}
        )
    other = Akses("admin2", frozenset({"admin"}), instansi_id=2)
    with pytest.raises(AksesDitolak):
        admin.simpan_unit(
            demo_con, other, {"instansi_id": 1, "kode": "Y", "nama": "Unit Y", "jenis": "Bidang"}
        )
