"""Antrian review: what waits for me (Pengelola Monev, Sekretaris, Kadis), the review view with
each indicator's note and evidence, approve or return with a reason, and bulk approve. Signing
and every bulk approval ask for confirmation first."""

from typing import Any

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import charts, formats, web
from dashboard.inti.ui import akses_halaman
from dashboard.review import alur
from dashboard.review import layanan_review as svc
from dashboard.review import tampilan_review as tampil

KONFIRMASI = "antrian_konfirmasi"  # {"aksi": "massal" | "sahkan", "ids": [...], ...}


def _batal() -> None:
    st.session_state.pop(KONFIRMASI, None)


akses = akses_halaman(globals())
st.title("Antrian review")
antrian = web.cached_read(svc.antrian)(akses)
langkah = tampil.langkah_saya(akses)
if antrian.empty:
    _batal()
    st.success("Tidak ada pengajuan yang menunggu Anda.", icon=":material/task_alt:")
    st.stop()
st.caption(
    f"{len(antrian)} pengajuan menunggu langkah Anda: {', '.join(langkah)}. Centang baris untuk "
    "memproses beberapa sekaligus, atau pilih satu untuk diperiksa."
)

tabel = tampil.tabel_antrian(antrian)
pilihan = st.dataframe(
    tabel,
    hide_index=True,
    column_config={
        "id": None,
        # widths add up to the 1366 px screen's main column (about 900 px): nothing clipped
        "Unit": st.column_config.TextColumn(width=335),
        "Periode": st.column_config.TextColumn(width=145),
        "Status": st.column_config.TextColumn(width=95),
        "Menunggu sejak": st.column_config.TextColumn(width=155),
        "Hari": st.column_config.TextColumn(width=50, help="Lama menunggu, dalam hari"),
        "Terlambat": st.column_config.TextColumn(width=80),
    },
    on_select="rerun",
    selection_mode="multi-row",
    key=tampil.kunci_tabel(tabel["id"]),
)
# positions into this table only (the key drops a selection of an earlier queue)
baris = [i for i in pilihan.selection.rows if 0 <= i < len(tabel)]
terpilih = [int(tabel.iloc[i]["id"]) for i in baris]
if terpilih:
    label_massal = tampil.label_massal(antrian.iloc[baris]["status"])
    if st.button(label_massal, type="primary", key="setujui_massal", icon=":material/done_all:"):
        st.session_state[KONFIRMASI] = {
            "aksi": "massal",
            "ids": terpilih,
            "label": label_massal,
            "pesan": tampil.pesan_massal(antrian.iloc[baris]["status"]),
        }

nama_pengajuan = tampil.nama_pengajuan(tabel)
label = tampil.label_pengajuan(tabel)
pid = st.selectbox("Periksa pengajuan", list(label), format_func=lambda k: label[k], key="periksa")
# cached like the queue: a review step, a return or a save in the instansi turns it cold
d = web.safe(web.cached_read(svc.detail))(akses, pid)
if d is None:
    st.stop()
info, nilai = d["info"], d["nilai"]
skala = web.cached_read(svc_capaian.skala_instansi)(akses, int(info["instansi_id"]))
tw = tampil.singkat_tw(info["triwulan"])
st.subheader(tampil.judul_pengajuan(info))
st.caption(tampil.keterangan_pengajuan(info))

rincian = tampil.tabel_nilai(nilai, tw)


def angka(lebar: int) -> Any:  # a TextColumn's config (Streamlit exports no name for its type)
    return st.column_config.TextColumn(width=lebar, alignment="right")


pilih_ind = st.dataframe(
    rincian.style.map(charts.gaya_kategori(skala), subset=["Kategori"]),
    hide_index=True,
    column_config={
        # about 900 px in all; the full name, note and evidence stand in the panel below
        "Kode": st.column_config.TextColumn(width=62),
        "Indikator": st.column_config.TextColumn(width=165),
        f"Realisasi {tw}": angka(108),
        f"Realisasi s.d. {tw}": angka(135),
        f"Target s.d. {tw}": angka(125),
        "Capaian": angka(75),
        "Kategori": st.column_config.TextColumn(width=130),
        "Bukti": st.column_config.TextColumn(width=65),
    },
    on_select="rerun",
    selection_mode="single-row",
    selection_default={"selection": {"rows": [0]}},
    key=f"rincian_{pid}",
)
st.caption(
    f"Realisasi {tw}: angka yang diisi unit untuk triwulan ini. Realisasi s.d. {tw}: akumulasi "
    "sesuai cara agregasi indikator. Klik satu baris untuk membaca catatan dan bukti dukungnya."
)

pos = next((i for i in pilih_ind.selection.rows if 0 <= i < len(nilai)), 0)
ind = nilai.iloc[pos]
with st.container(border=True):
    st.markdown(tampil.ringkasan_indikator(ind, tw))
    kiri, kanan = st.columns([2, 3])
    with kiri:
        st.markdown("**Catatan unit**")
        catatan = ind["catatan"] if isinstance(ind["catatan"], str) else ""
        st.markdown(formats.md_aman(catatan) if catatan.strip() else "_Tidak ada catatan._")
    with kanan:
        st.markdown("**Bukti dukung**")
        ref = ind["bukti"] if isinstance(ind["bukti"], str) else ""
        if not ref:
            st.markdown("_Tidak ada bukti dukung._")
        elif isinstance(ind["bukti_jenis"], str):
            with web.cursor() as cur:
                berkas = web.safe(svc.berkas_bukti)(cur, akses, pid, int(ind["id"]))
            if berkas is None:
                st.warning(
                    "Berkas bukti tidak ditemukan di penyimpanan; minta unit mengunggah ulang."
                )
            else:
                nama_berkas, jenis, isi = berkas
                cara = tampil.cara_pratinjau(jenis)
                if cara == "pdf":
                    st.pdf(isi, height=480, alt=f"Bukti dukung {ind['kode']}")
                elif cara == "gambar":
                    st.image(isi, caption=nama_berkas)
                else:
                    st.caption(f"Berkas {jenis.upper()} tidak dapat ditampilkan di aplikasi.")
                st.download_button(
                    f"Unduh {nama_berkas}",
                    isi,
                    file_name=f"bukti_{ind['kode']}_TW{info['triwulan']}_{info['tahun']}.{jenis}",
                    key=f"unduh_bukti_{ind['id']}",
                    icon=":material/download:",
                    on_click="ignore",
                )
        else:
            st.markdown(formats.md_aman(ref))

with st.expander("Riwayat pengajuan"):
    st.dataframe(
        tampil.tabel_riwayat(d["riwayat"]),
        hide_index=True,
        column_config={
            "Waktu": st.column_config.TextColumn(width=150),
            "Oleh": st.column_config.TextColumn(width=220),
            "Peran": st.column_config.TextColumn(width=130),
            "Catatan": st.column_config.TextColumn(width="large"),
        },
    )

aksi = alur.PERAN_MENYETUJUI.get(info["status"])
setuju, kembali = st.columns(2, gap="large")
with setuju:
    if aksi and st.button(
        alur.LABEL_AKSI[aksi],
        type="primary",
        key="setujui",
        icon=":material/check:",
        width="stretch",
    ):
        if aksi == "sahkan":  # a signature: asked once more, in a dialog
            st.session_state[KONFIRMASI] = {"aksi": "sahkan", "ids": [pid], "versi": info["versi"]}
        else:
            web.tulis(
                svc.proses,
                akses,
                pid,
                "setujui",
                versi=info["versi"],  # as shown: a reviewer who acted meanwhile wins
                sukses=lambda s: f"Pengajuan {alur.LABEL_STATUS[s].lower()}.",
            )
with kembali:
    alasan = st.text_area(
        "Alasan pengembalian (wajib)",
        key=f"alasan_kembali_{pid}",
        height=90,
        placeholder="mis. Bukti dukung IKU 2 belum diunggah; catatan penghambat belum diisi.",
    )
    if st.button("Kembalikan ke unit", key="kembalikan", icon=":material/undo:", width="stretch"):
        if not alasan.strip():  # the message stands right under the field it is about
            st.error("Tuliskan alasan pengembalian; unit membacanya untuk memperbaiki data.")
        else:
            web.tulis(
                svc.proses,
                akses,
                pid,
                "kembalikan",
                alasan,
                versi=info["versi"],
                sukses="Pengajuan dikembalikan dengan alasan tercatat.",
            )


def _konfirmasi() -> None:
    """The pending signature or bulk approval, asked once more before it is done."""
    k = st.session_state[KONFIRMASI]
    ada = [i for i in k["ids"] if i in label]
    if not ada:  # the queue changed meanwhile: nothing left to confirm
        _batal()
        return
    if k["aksi"] == "sahkan":
        st.markdown(
            "Anda akan **mengesahkan** data kinerja "
            f"**{formats.md_aman(nama_pengajuan[ada[0]])}**. "
            "Pengesahan adalah tanda tangan Anda: data terkunci, dan perubahan sesudahnya "
            "hanya lewat permintaan perbaikan data."
        )
        tombol = "Ya, sahkan"
    else:
        st.markdown(f"**{k['label']}** berikut:")
        st.markdown("\n".join(f"- {formats.md_aman(nama_pengajuan[i])}" for i in ada))
        tombol = f"Ya, {k['label'][0].lower()}{k['label'][1:]}"
    ya, batal = st.columns(2)
    if ya.button(tombol, type="primary", key="konfirmasi_ya", width="stretch"):
        if k["aksi"] == "sahkan":
            web.tulis(
                svc.proses,
                akses,
                ada[0],
                "setujui",
                versi=k["versi"],
                setelah=_batal,
                sukses=lambda s: f"Pengajuan {alur.LABEL_STATUS[s].lower()}.",
            )
        else:
            web.tulis(
                svc.proses_massal,
                akses,
                ada,
                setelah=_batal,
                sukses=k["pesan"],
            )
    if batal.button("Batal", key="konfirmasi_batal", width="stretch"):
        _batal()
        st.rerun()


if KONFIRMASI in st.session_state:
    k = st.session_state[KONFIRMASI]
    judul = "Sahkan pengajuan ini?" if k["aksi"] == "sahkan" else f"{k['label']}?"
    st.dialog(judul, on_dismiss=_batal)(_konfirmasi)()
