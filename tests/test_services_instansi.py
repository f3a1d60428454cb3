"""Instansi set-up by the admin and users tied to one instansi or to none (issue 13, item 2):
the services on a real demo store."""

from __future__ import annotations

import pytest

from dashboard.admin import layanan_instansi as instansi
from dashboard.akun import layanan_pengguna as pengguna
from dashboard.akun.akses import SISTEM, Akses, AksesDitolak
from dashboard.capaian import layanan_capaian as capaian
from dashboard.capaian import layanan_dasbor as dasbor
from dashboard.inti.batas import PANJANG_NAMA
from dashboard.rapat import layanan_rapat as rapat
from dashboard.rencana import layanan_indikator as admin
from dashboard.review import layanan_review as review

pytestmark = pytest.mark.dua_backend  # every store test on DuckDB and PostgreSQL

ADMIN_SATU = Akses("admin", frozenset({"admin"}), instansi_id=1)  # the demo admin
ADMIN_SEMUA = Akses("admin.pemda", frozenset({"admin"}))  # tied to no instansi

BARU = {
    "kode": "BAPPEDA",
    "nama": "Badan Perencanaan Pembangunan Daerah",
    "pemda": "Pemerintah Kabupaten Sukamaju",
    "alamat": "Jl. Merdeka No. 1",
    "kota": "Sukamaju",
    "kepala_nama": "Ir. Budi Santoso, M.T.",
    "kepala_jabatan": "Kepala Bappeda",
    "kepala_nip": "19700101 199003 1 001",
}


def _jumlah(cur, tabel: str) -> int:
    return cur.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]


def test_admin_of_none_creates_and_edits_an_instansi(demo_con):
    iid = instansi.simpan_instansi(demo_con, ADMIN_SEMUA, BARU)
    df = instansi.daftar_instansi(demo_con, ADMIN_SEMUA)
    row = df[df["id"] == iid].iloc[0]
    assert row["kepala_nip"] == "19700101 199003 1 001" and row["kota"] == "Sukamaju"
    assert len(df) == _jumlah(demo_con, "instansi")  # the demo's instansi and the new one
    instansi.simpan_instansi(
        demo_con, ADMIN_SEMUA, {**BARU, "kota": " ", "nama": "Bappeda Sukamaju"}, iid
    )
    row = instansi.daftar_instansi(demo_con, ADMIN_SEMUA).set_index("id").loc[iid]
    assert row["nama"] == "Bappeda Sukamaju" and row["kota"] is None  # empty is NULL
    assert instansi.id_dari_kode(demo_con, " BAPPEDA ") == iid
    ev = demo_con.execute(
        "SELECT jenis, pengguna FROM event WHERE objek = 'instansi' ORDER BY id"
    ).fetchall()
    assert ev == [("instansi_dibuat", "admin.pemda"), ("instansi_diubah", "admin.pemda")]


def test_admin_of_one_edits_only_its_own_and_adds_none(demo_con):
    assert list(instansi.daftar_instansi(demo_con, ADMIN_SATU)["id"]) == [1]
    iid = instansi.simpan_instansi(demo_con, ADMIN_SEMUA, BARU)
    assert list(instansi.daftar_instansi(demo_con, ADMIN_SATU)["id"]) == [1]
    sebelum = _jumlah(demo_con, "instansi")
    with pytest.raises(AksesDitolak, match="tidak terikat"):
        instansi.simpan_instansi(demo_con, ADMIN_SATU, {**BARU, "kode": "LAIN"})
    with pytest.raises(AksesDitolak):
        instansi.simpan_instansi(demo_con, ADMIN_SATU, {**BARU, "kode": "LAIN"}, iid)
    assert _jumlah(demo_con, "instansi") == sebelum
    kop = demo_con.execute("SELECT kode, nama FROM instansi WHERE id = 1").fetchone()
    instansi.simpan_instansi(
        demo_con, ADMIN_SATU, {**BARU, "kode": kop[0], "nama": kop[1], "kota": "Sukamaju"}, 1
    )  # its own, keeping its kode
    assert demo_con.execute("SELECT kota FROM instansi WHERE id = 1").fetchone()[0] == "Sukamaju"


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"kode": ""}, "Kode: wajib diisi"),
        ({"kode": "A B"}, "Kode: hanya huruf"),
        ({"nama": "x" * (PANJANG_NAMA + 1)}, "Nama instansi: terlalu panjang"),
        ({"pemda": ""}, "Pemerintah daerah: wajib diisi"),
        ({"kepala_jabatan": "x" * (PANJANG_NAMA + 1)}, "Jabatan kepala: terlalu panjang"),
        ({"kepala_nip": "1970 01"}, "NIP kepala: harus 18 angka"),
        ({"kepala_nip": "19700101199003100X"}, "NIP kepala: harus 18 angka"),
    ],
)
def test_instansi_validation_messages_nothing_saved(demo_con, ubah, pesan):
    sebelum = _jumlah(demo_con, "instansi"), _jumlah(demo_con, "event")
    with pytest.raises(ValueError, match=pesan):
        instansi.simpan_instansi(demo_con, ADMIN_SEMUA, {**BARU, **ubah})
    assert (_jumlah(demo_con, "instansi"), _jumlah(demo_con, "event")) == sebelum


def test_instansi_name_of_exactly_the_bound_is_accepted(demo_con):
    iid = instansi.simpan_instansi(demo_con, ADMIN_SEMUA, {**BARU, "nama": "N" * PANJANG_NAMA})
    assert demo_con.execute("SELECT length(nama) FROM instansi WHERE id = ?", [iid]).fetchone()[
        0
    ] == (PANJANG_NAMA)


def test_duplicate_instansi_kode_refused(demo_con):
    kode = demo_con.execute("SELECT kode FROM instansi WHERE id = 1").fetchone()[0]
    with pytest.raises(ValueError, match="sudah dipakai"):
        instansi.simpan_instansi(demo_con, ADMIN_SEMUA, {**BARU, "kode": kode})
    iid = instansi.simpan_instansi(demo_con, ADMIN_SEMUA, BARU)
    with pytest.raises(ValueError, match="sudah dipakai"):
        instansi.simpan_instansi(demo_con, ADMIN_SEMUA, {**BARU, "kode": kode}, iid)


def test_only_admins_manage_instansi(demo_con):
    for akses in (
        Akses("kadis", frozenset({"kadis"})),
        Akses("staf", frozenset({"staf_bidang"}), instansi_id=1, unit_id=2),
    ):
        with pytest.raises(AksesDitolak):
            instansi.daftar_instansi(demo_con, akses)
        with pytest.raises(AksesDitolak):
            instansi.simpan_instansi(demo_con, akses, BARU)


def test_unit_name_bound(demo_con):
    data = {"instansi_id": 1, "kode": "UPT9", "jenis": "UPT"}
    with pytest.raises(ValueError, match="Nama: terlalu panjang"):
        admin.simpan_unit(demo_con, ADMIN_SATU, {**data, "nama": "U" * (PANJANG_NAMA + 1)})
    admin.simpan_unit(demo_con, ADMIN_SATU, {**data, "nama": "U" * PANJANG_NAMA})


def test_admin_of_none_adds_units_to_any_instansi(demo_con):
    iid = instansi.simpan_instansi(demo_con, ADMIN_SEMUA, BARU)
    uid = admin.simpan_unit(
        demo_con,
        ADMIN_SEMUA,
        {"instansi_id": iid, "kode": "SEK", "nama": "Sekretariat", "jenis": "Sekretariat"},
    )
    assert list(admin.daftar_unit(demo_con, ADMIN_SEMUA, iid)["id"]) == [uid]
    with pytest.raises(AksesDitolak):
        admin.simpan_unit(
            demo_con,
            ADMIN_SATU,
            {"instansi_id": iid, "kode": "B", "nama": "Bidang B", "jenis": "Bidang"},
        )


# ---------------------------------------------------------------- users tied to none


def _setda(cur, oleh: Akses = ADMIN_SEMUA, **lain) -> str:
    data = {"username": "setda", "nama": "Sekretariat Daerah", "peran": ["kadis"], **lain}
    pengguna.buat_pengguna(cur, oleh, data, "Rahasia2026", rounds=4)
    return "setda"


def test_admin_of_none_creates_a_user_who_sees_every_instansi(demo_con):
    iid = instansi.simpan_instansi(demo_con, ADMIN_SEMUA, BARU)
    setda = pengguna.akses_untuk(demo_con, _setda(demo_con, instansi_id=None))
    assert setda.instansi_id is None  # saved as chosen, not narrowed to anyone's instansi
    semua = {r[0] for r in demo_con.execute("SELECT id FROM instansi").fetchall()}
    assert iid in semua and len(semua) > 2  # the demo's several instansi and the new one
    assert set(capaian.daftar_instansi(demo_con, setda)["id"]) == semua
    assert not capaian.capaian_indikator(demo_con, setda, 1, 2026, 3).empty
    assert capaian.capaian_indikator(demo_con, setda, iid, 2026, 3).empty  # allowed, no data
    assert capaian.periode_terakhir(demo_con, setda, 1)
    assert not rapat.daftar_rapat(demo_con, setda, 1).empty
    assert set(dasbor.perbandingan_instansi(demo_con, setda, 2026, 3)["instansi_id"]) >= {1}
    antrian = review.antrian(demo_con, setda)  # every instansi's queue
    kadis1 = pengguna.akses_untuk(demo_con, "kadis")
    assert len(antrian) == len(review.antrian(demo_con, kadis1)) > 0
    with pytest.raises(AksesDitolak):  # the instansi-bound kadis still cannot read another
        capaian.capaian_indikator(demo_con, kadis1, iid, 2026, 3)


def test_admin_of_one_cannot_make_a_user_of_none_and_is_not_silently_narrowed(demo_con):
    sebelum = _jumlah(demo_con, "pengguna")
    with pytest.raises(AksesDitolak, match="semua instansi"):
        _setda(demo_con, ADMIN_SATU, instansi_id=None)
    with pytest.raises(AksesDitolak, match="semua instansi"):
        pengguna.ubah_pengguna(
            demo_con,
            ADMIN_SATU,
            "kadis",
            {"nama": "Kadis", "peran": ["kadis"], "instansi_id": None},
        )
    assert _jumlah(demo_con, "pengguna") == sebelum
    assert pengguna.akses_untuk(demo_con, "kadis").instansi_id == 1
    _setda(demo_con, ADMIN_SATU, instansi_id=1)  # its own instansi is fine
    assert pengguna.akses_untuk(demo_con, "setda").instansi_id == 1


def test_admin_of_none_moves_a_user_to_every_instansi_and_back(demo_con):
    pengguna.ubah_pengguna(
        demo_con, ADMIN_SEMUA, "kadis", {"nama": "Kadis", "peran": ["kadis"], "instansi_id": None}
    )
    assert pengguna.akses_untuk(demo_con, "kadis").instansi_id is None
    assert ADMIN_SATU.username not in pengguna.daftar_pengguna(demo_con, ADMIN_SATU)["username"]
    assert "kadis" not in set(pengguna.daftar_pengguna(demo_con, ADMIN_SATU)["username"])
    with pytest.raises(AksesDitolak):  # out of the instansi admin's reach now
        pengguna.reset_sandi(demo_con, ADMIN_SATU, "kadis")
    pengguna.ubah_pengguna(
        demo_con, ADMIN_SEMUA, "kadis", {"nama": "Kadis", "peran": ["kadis"], "instansi_id": 1}
    )
    assert pengguna.akses_untuk(demo_con, "kadis").instansi_id == 1


def test_staf_of_none_takes_its_units_instansi(demo_con):
    pengguna.buat_pengguna(
        demo_con,
        ADMIN_SEMUA,
        {"username": "op.3", "nama": "Operator", "peran": ["staf_bidang"], "unit_id": 3},
        "Rahasia2026",
        rounds=4,
    )
    assert pengguna.akses_untuk(demo_con, "op.3").instansi_id == 1


def test_ada_administrator(con, demo_con):
    assert pengguna.ada_administrator(con) is False  # an empty store
    assert pengguna.ada_administrator(demo_con) is True
    demo_con.execute("UPDATE pengguna SET aktif = FALSE WHERE username = 'admin'")
    assert pengguna.ada_administrator(demo_con) is False
    pengguna.buat_pengguna(
        demo_con,
        SISTEM,
        {"username": "adm2", "nama": "Admin", "peran": ["admin"]},
        "Rahasia2026",
        4,
    )
    assert pengguna.ada_administrator(demo_con) is True
