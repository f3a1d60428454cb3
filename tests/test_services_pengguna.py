"""Users, login bookkeeping and admin services: every denial and validation, on a real store."""

from __future__ import annotations

import pytest

from dashboard.akses import Akses, AksesDitolak
from dashboard.services import admin, pengguna

ADMIN = Akses("admin", frozenset({"admin"}), instansi_id=1)
KADIS = Akses("kadis", frozenset({"kadis"}), instansi_id=1)
STAF = Akses("staf.lyn", frozenset({"staf_bidang"}), instansi_id=1, unit_id=2)


def _events(con, jenis):
    return con.execute("SELECT count(*) FROM event WHERE jenis = ?", [jenis]).fetchone()[0]


def test_demo_users_exist_for_every_role(demo_con):
    creds = pengguna.credentials(demo_con)["usernames"]
    roles = {r for u in creds.values() for r in u["roles"]}
    assert roles == {"admin", "kadis", "sekretaris", "pengelola_monev", "staf_bidang"}
    staf_units = demo_con.execute(
        "SELECT count(DISTINCT unit_id) FROM pengguna p JOIN peran_pengguna r "
        "ON r.pengguna_id = p.id WHERE r.peran = 'staf_bidang'"
    ).fetchone()[0]
    assert staf_units == demo_con.execute("SELECT count(*) FROM unit").fetchone()[0]
    assert all(u["password"].startswith("$2b$") for u in creds.values())
    assert pengguna.cocok_sandi("Admin#2026", creds["admin"]["password"])


def test_lockout_after_limit_and_unlock(demo_con, monkeypatch):
    monkeypatch.setenv("MONEV_MAX_GAGAL_LOGIN", "3")
    assert [pengguna.catat_login_gagal(demo_con, "kadis") for _ in range(3)] == [False, False, True]
    assert _events(demo_con, "akun_terkunci") == 1
    assert pengguna.akses_untuk(demo_con, "kadis") is None
    blocked = pengguna.credentials(demo_con)["usernames"]["kadis"]["password"]
    assert not pengguna.cocok_sandi("Kadis#2026", blocked)  # locked: right password fails too
    with pytest.raises(AksesDitolak):
        pengguna.buka_kunci(demo_con, KADIS, "kadis")
    pengguna.buka_kunci(demo_con, ADMIN, "kadis")
    assert pengguna.akses_untuk(demo_con, "kadis") is not None
    assert _events(demo_con, "akun_dibuka") == 1


def test_unknown_user_failure_logged_without_counting(demo_con):
    assert pengguna.catat_login_gagal(demo_con, "tidak.ada") is False
    row = demo_con.execute("SELECT catatan FROM event WHERE jenis = 'login_gagal'").fetchone()
    assert row[0] == "pengguna tidak dikenal"


def test_login_resets_counter_and_is_logged(demo_con):
    pengguna.catat_login_gagal(demo_con, "monev")
    pengguna.catat_login(demo_con, "monev")
    assert (
        demo_con.execute("SELECT gagal_login FROM pengguna WHERE username = 'monev'").fetchone()[0]
        == 0
    )
    assert _events(demo_con, "login") == 1


def test_change_own_password(demo_con):
    me = pengguna.akses_untuk(demo_con, "sekretaris")
    with pytest.raises(ValueError, match="lama salah"):
        pengguna.ganti_sandi(demo_con, me, "keliru", "BaruSekali1", "BaruSekali1")
    with pytest.raises(ValueError, match="tidak sama"):
        pengguna.ganti_sandi(demo_con, me, "Sekretaris#2026", "BaruSekali1", "BaruSekali2")
    with pytest.raises(ValueError, match="huruf dan angka"):
        pengguna.ganti_sandi(demo_con, me, "Sekretaris#2026", "hanyahuruf", "hanyahuruf")
    pengguna.ganti_sandi(demo_con, me, "Sekretaris#2026", "BaruSekali1", "BaruSekali1")
    hashed = demo_con.execute(
        "SELECT password_hash FROM pengguna WHERE username = 'sekretaris'"
    ).fetchone()[0]
    assert hashed.startswith("$2b$") and pengguna.cocok_sandi("BaruSekali1", hashed)
    assert "BaruSekali1" not in hashed
    assert _events(demo_con, "ganti_sandi") == 1


@pytest.mark.parametrize("caller", [KADIS, STAF])
def test_only_admin_manages_users(demo_con, caller):
    with pytest.raises(AksesDitolak):
        pengguna.daftar_pengguna(demo_con, caller)
    with pytest.raises(AksesDitolak):
        pengguna.buat_pengguna(
            demo_con, caller, {"username": "x1", "nama": "X Satu", "peran": ["admin"]}, "Rahasia123"
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
        "Rahasia123",
        rounds=4,
    )
    me = pengguna.akses_untuk(demo_con, "budi.s")
    assert me.unit_id == 3 and me.instansi_id == 1 and me.peran == {"staf_bidang"}
    with pytest.raises(ValueError, match="sudah dipakai"):
        pengguna.buat_pengguna(
            demo_con,
            ADMIN,
            {"username": "budi.s", "nama": "Budi", "peran": ["kadis"], "instansi_id": 1},
            "Rahasia123",
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
    with pytest.raises(ValueError, match="minimal 8"):
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
            "Rahasia123",
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
