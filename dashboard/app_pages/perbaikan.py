"""Perbaikan data: a Bidang asks to correct signed data (seeing the value it corrects);
reviewers read the reason and the evidence, then verify, initial and sign it (signing asks
first). Also the value history of an indicator and quarter."""

import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.pengumpulan import layanan_realisasi as svc_realisasi
from dashboard.rencana import layanan_indikator as svc_admin
from dashboard.review import alur
from dashboard.review import layanan_perbaikan as svc
from dashboard.review import layanan_review as svc_review
from dashboard.review import tampilan_review as tampil

KONFIRMASI = "perbaikan_konfirmasi"  # the id of the correction waiting to be signed


_periode = tampil.nama_periode


def _batal() -> None:
    st.session_state.pop(KONFIRMASI, None)


akses = akses_halaman(globals())
st.title("Perbaikan data")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
with web.cursor() as cur:
    daftar = svc.daftar(cur, akses, instansi_id)
    indikator = svc_admin.daftar_indikator(cur, akses, instansi_id)

st.subheader("Permintaan perbaikan")
label = tampil.label_perbaikan(daftar)
if daftar.empty:
    st.info("Belum ada permintaan perbaikan.")
else:
    st.dataframe(
        tampil.tabel_perbaikan(daftar),
        hide_index=True,
        column_config={
            # about 900 px: the 1366 px screen's main column; reason and evidence below
            "Periode": st.column_config.TextColumn(width=145),
            "Indikator": st.column_config.TextColumn(width=245),
            "Nilai lama": st.column_config.TextColumn(width=90, alignment="right"),
            "Nilai baru": st.column_config.TextColumn(width=90, alignment="right"),
            "Status": st.column_config.TextColumn(width=105),
            "Diajukan oleh": st.column_config.TextColumn(width=210),
        },
        height=min(38 + 35 * len(daftar), 260),
    )
    menunggu = tampil.menunggu_saya(daftar, akses)
    pilihan = menunggu if not menunggu.empty else daftar
    pid = st.selectbox(
        "Proses permintaan" if not menunggu.empty else "Baca permintaan",
        pilihan["id"].astype(int).tolist(),
        format_func=lambda k: label[k],
        key="perbaikan_pilih",
    )
    f = daftar.set_index("id").loc[pid]
    with st.container(border=True):
        judul, status = tampil.ringkasan_perbaikan(f)
        st.markdown(judul)
        st.caption(status)
        kiri, kanan = st.columns(2)
        kiri.markdown("**Alasan perbaikan**")
        kiri.markdown(formats.md_aman(f["alasan"]))
        kanan.markdown("**Bukti dukung**")
        ref = f["bukti"] if isinstance(f["bukti"], str) else ""
        kanan.markdown(formats.md_aman(ref) if ref.strip() else "_Tidak ada bukti dukung._")
        if ref.strip():
            kanan.caption(tampil.jenis_bukti(ref, None))

    aksi = tampil.boleh_proses(f["status"], akses)
    if aksi:
        setuju, kembali = st.columns(2, gap="large")
        if setuju.button(
            alur.LABEL_AKSI[aksi],
            type="primary",
            key="setujui_perbaikan",
            icon=":material/check:",
            width="stretch",
        ):
            if aksi == "sahkan":
                st.session_state[KONFIRMASI] = int(pid)
            else:
                web.tulis(
                    svc.proses,
                    akses,
                    int(pid),
                    "setujui",
                    sukses=lambda s: f"Permintaan {alur.LABEL_STATUS[s].lower()}.",
                )
        with kembali:
            alasan = st.text_area("Alasan pengembalian (wajib)", key=f"alasan_perbaikan_{pid}")
            if st.button("Kembalikan permintaan", key="kembalikan_perbaikan", width="stretch"):
                if not alasan.strip():
                    st.error("Tuliskan alasan pengembalian; unit membacanya.")
                else:
                    web.tulis(
                        svc.proses,
                        akses,
                        int(pid),
                        "kembalikan",
                        alasan,
                        sukses="Permintaan dikembalikan.",
                    )

opsi = {int(r.id): f"{r.kode} {r.nama}" for r in bingkai.baris(indikator)}
if not opsi:
    st.stop()
st.subheader("Riwayat nilai")
a, b, c = st.columns([3, 1, 1])
ind = a.selectbox("Indikator", list(opsi), format_func=lambda k: opsi[k], key="riwayat_ind")
tahun = b.number_input(
    "Tahun", min_value=2000, max_value=2100, value=config.sekarang().year, key="riwayat_th"
)
tw = c.selectbox("Triwulan", [1, 2, 3, 4], format_func=formats.nama_triwulan, key="riwayat_tw")
with web.cursor() as cur:
    riwayat = svc_realisasi.riwayat_nilai(cur, akses, ind, int(tahun), int(tw))
    nama = svc_review.nama_pengguna(cur, riwayat["oleh"].tolist())
if riwayat.empty:
    st.caption("Belum ada perubahan tercatat untuk nilai ini.")
else:
    st.dataframe(
        tampil.tabel_riwayat_nilai(riwayat, nama),
        hide_index=True,
    )

if akses.punya("staf_bidang"):
    with web.cursor() as cur:
        kini = web.safe(svc.nilai_saat_ini)(cur, akses, ind, int(tahun), int(tw))
    with st.form("ajukan_perbaikan"):
        st.subheader("Ajukan perbaikan data yang sudah disahkan")
        if kini is not None:
            nilai_kini = formats.angka(kini["nilai"])
            if kini["status"] == alur.DISAHKAN:
                st.markdown(
                    f"Nilai yang diperbaiki: **{formats.md_aman(opsi[ind])}**, "
                    f"{_periode(int(tahun), int(tw))}: nilai saat ini (disahkan) "
                    f"**{nilai_kini}**."
                )
            else:
                st.info(
                    f"Nilai {formats.md_aman(opsi[ind])} {_periode(int(tahun), int(tw))} saat "
                    f"ini {nilai_kini}, status "
                    f"{alur.LABEL_STATUS.get(kini['status'], 'belum diajukan').lower()}: belum "
                    "disahkan, jadi diubah lewat Isi realisasi, bukan lewat permintaan perbaikan."
                )
            if kini["perbaikan_berjalan"]:
                st.warning("Permintaan perbaikan untuk nilai ini sedang diproses.")
        nilai = st.text_input("Nilai baru", placeholder="mis. 1.234,5")
        alasan = st.text_area("Alasan perbaikan")
        bukti = st.text_input("Bukti dukung (tautan atau keterangan)")
        if st.form_submit_button("Ajukan perbaikan", type="primary"):
            web.tulis(
                svc.ajukan,
                akses,
                ind,
                int(tahun),
                int(tw),
                nilai,
                alasan,
                bukti,
                sukses="Permintaan perbaikan diajukan ke Pengelola Monev.",
            )


def _konfirmasi() -> None:
    pid = st.session_state[KONFIRMASI]
    if pid not in label:
        _batal()
        return
    st.markdown(
        f"Anda akan **mengesahkan** perbaikan **{formats.md_aman(label[pid])}**. Nilai baru "
        "langsung berlaku; nilai lama tetap tercatat di riwayat nilai."
    )
    ya, batal = st.columns(2)
    if ya.button("Ya, sahkan", type="primary", key="konfirmasi_ya", width="stretch"):
        web.tulis(
            svc.proses,
            akses,
            pid,
            "setujui",
            setelah=_batal,
            sukses=lambda s: f"Permintaan {alur.LABEL_STATUS[s].lower()}.",
        )
    if batal.button("Batal", key="konfirmasi_batal", width="stretch"):
        _batal()
        st.rerun()


if KONFIRMASI in st.session_state:
    st.dialog("Sahkan perbaikan ini?", on_dismiss=_batal)(_konfirmasi)()
