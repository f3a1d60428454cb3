"""Admin: instansi (kode, nama, pemda, letterhead, head). An admin tied to one instansi edits only
that one; an admin tied to none sees and adds every instansi."""

import streamlit as st

from dashboard.admin import layanan_instansi as svc
from dashboard.inti import web
from dashboard.inti.batas import PANJANG_CATATAN, PANJANG_NAMA
from dashboard.inti.ui import akses_halaman

akses = akses_halaman(globals())
st.title("Instansi")

with web.cursor() as cur:
    daftar = web.safe(svc.daftar_instansi)(cur, akses)
if daftar is None:
    st.stop()

KOLOM = {
    "kode": "Kode",
    "nama": "Nama",
    "pemda": "Pemerintah daerah",
    "kota": "Kota",
    "kepala_nama": "Kepala",
    "kepala_jabatan": "Jabatan kepala",
}
if daftar.empty and akses.instansi_id is not None:
    st.error("Instansi akun Anda tidak ditemukan. Hubungi administrator pemerintah daerah.")
    st.stop()
if daftar.empty:
    st.info("Belum ada instansi. Tambahkan instansi pertama dengan formulir di bawah.")
else:
    st.dataframe(daftar[list(KOLOM)].fillna("–").rename(columns=KOLOM), hide_index=True)

boleh_tambah = akses.instansi_id is None
nama = dict(zip(daftar["id"].astype(int), daftar["kode"] + " · " + daftar["nama"], strict=True))
opsi: list[int | None] = ([None] if boleh_tambah else []) + list(nama)
pilih = st.selectbox(
    "Instansi yang diubah",
    opsi,
    format_func=lambda i: "(instansi baru)" if i is None else nama[i],
    key="instansi_pilih",
)
if not boleh_tambah:
    st.caption("Akun Anda terikat pada satu instansi: Anda hanya dapat mengubah instansi ini.")
awal = daftar[daftar["id"] == pilih].iloc[0].to_dict() if pilih is not None else {}


def _teks(label: str, kunci: str, batas: int = PANJANG_NAMA, **kw) -> str:
    return st.text_input(
        label, value=awal.get(kunci) or "", max_chars=batas, key=f"inst_{pilih}_{kunci}", **kw
    )


def _kosongkan_baru() -> None:
    """After a save the "(instansi baru)" form starts empty again."""
    for k in [k for k in st.session_state if str(k).startswith("inst_None_")]:
        del st.session_state[k]


with st.form(f"instansi_{pilih}"):
    kiri, kanan = st.columns(2)
    with kiri:
        kode = _teks("Kode", "kode", 30, help="Kode singkat yang unik, mis. DISPERPUSIP.")
        nama_inst = _teks("Nama instansi", "nama")
        pemda = _teks("Pemerintah daerah", "pemda", placeholder="Pemerintah Kabupaten ...")
        kota = _teks("Kota (tempat tanda tangan)", "kota")
    with kanan:
        kepala_nama = _teks("Nama kepala", "kepala_nama")
        kepala_jabatan = _teks("Jabatan kepala", "kepala_jabatan", placeholder="Kepala Dinas")
        kepala_nip = _teks("NIP kepala", "kepala_nip", 40, help="18 angka; spasi boleh.")
    alamat = st.text_area(
        "Alamat", value=awal.get("alamat") or "", max_chars=PANJANG_CATATAN, key=f"inst_{pilih}_al"
    )
    if st.form_submit_button("Simpan instansi", type="primary"):
        web.tulis(
            svc.simpan_instansi,
            akses,
            {
                "kode": kode,
                "nama": nama_inst,
                "pemda": pemda,
                "alamat": alamat,
                "kota": kota,
                "kepala_nama": kepala_nama,
                "kepala_jabatan": kepala_jabatan,
                "kepala_nip": kepala_nip,
            },
            instansi_id=pilih,
            sukses=f"Instansi {kode.strip()} disimpan.",
            setelah=_kosongkan_baru,
        )
