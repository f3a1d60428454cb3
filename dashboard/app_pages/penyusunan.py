"""Penyusunan laporan: the reporting procedures the app performs. The annual LKj drafted,
checked, initialled, signed and sent (each by the role its SOP names, the signed documents
kept); Balangan's semester and annual reports rolled up from the quarters; the period's signed
data exported for e-Kinerja and its entry confirmed (docs/DOMAIN.md §9.7-9.10)."""

import pandas as pd
import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.laporan import berkala, lkj
from dashboard.laporan import layanan_ekinerja as svc_ek
from dashboard.laporan import layanan_lkj as svc
from dashboard.laporan import tampilan_lkj as tampil
from dashboard.rapat import layanan_rapat as svc_rapat

akses = akses_halaman(globals())
st.title("Penyusunan laporan")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
tahun_list = web.cached_read(svc_capaian.tahun_tersedia, isian=False)(akses, instansi_id)
if not tahun_list:
    st.info("Instansi ini belum memiliki target kinerja.")
    st.stop()
kini = config.hari_ini().year
# the LKj reports a finished year: last year when it has targets, else the newest
bawaan = max([t for t in tahun_list if t < kini] or tahun_list)

tab_lkj, tab_berkala, tab_ek = st.tabs(
    ["Laporan Kinerja (LKj)", "Laporan semester dan tahunan", "e-Kinerja"]
)


def _unduh(label: str, ambil, nama: str, mime: str, kunci: str, ikon: str) -> None:
    st.download_button(
        label, ambil, file_name=nama, mime=mime, icon=ikon, key=kunci, on_click="ignore"
    )


PDF, XLSX = "application/pdf", svc.MIME["xlsx"]

with tab_lkj:
    st.caption(
        "SOP Penyusunan Laporan Kinerja: Pengelola Monev menyusun konsep, Sekretaris memeriksa "
        "kelengkapan dan memaraf, Kepala Dinas menandatangani, Pengelola Monev mengirim. "
        "Konsep memuat hanya realisasi yang telah disahkan."
    )
    tahun = st.selectbox(
        "Tahun LKj",
        tahun_list,
        index=tahun_list.index(bawaan),
        format_func=formats.nama_tahun,
        key="lkj_tahun",
    )
    rec = web.cached_read(svc.status_lkj)(akses, instansi_id, int(tahun))
    status = rec["status"] if rec else None
    dikembalikan = bool(rec["dikembalikan"]) if rec else False
    st.markdown(f"**Status: {lkj.LABEL_STATUS[status]}**")
    st.caption(tampil.jejak(tampil.langkah_lkj(status)))
    if rec and dikembalikan:
        st.warning(
            f"Dikembalikan oleh {rec['status_oleh']} pada {formats.waktu(rec['status_pada'])}: "
            f"{formats.md_aman(rec['alasan_kembali'])}",
            icon=":material/undo:",
        )
    if rec and status == "dikirim":
        st.success(
            f"Dikirim kepada {formats.md_aman(rec['tujuan'])} pada "
            f"{formats.waktu(rec['dikirim_pada'])}.",
            icon=":material/send:",
        )
    with st.container(horizontal=True):
        if status in ("ditandatangani", "dikirim"):
            _unduh(
                "LKj ditandatangani (PDF)",
                lambda: web.cached_read(svc.dokumen_lkj)(akses, instansi_id, int(tahun), "pdf").isi,
                f"lkj-{int(tahun)}-ditandatangani.pdf",
                PDF,
                "lkj_ttd_pdf",
                ":material/picture_as_pdf:",
            )
            _unduh(
                "LKj ditandatangani (Excel)",
                lambda: web.cached_read(svc.dokumen_lkj)(
                    akses, instansi_id, int(tahun), "xlsx"
                ).isi,
                f"lkj-{int(tahun)}-ditandatangani.xlsx",
                XLSX,
                "lkj_ttd_xlsx",
                ":material/table:",
            )
        else:
            _unduh(
                "Konsep LKj (PDF)",
                lambda: web.cached_read(svc.dokumen_konsep)(
                    akses, instansi_id, int(tahun), "pdf"
                ).isi,
                f"konsep-lkj-{int(tahun)}.pdf",
                PDF,
                "lkj_konsep_pdf",
                ":material/picture_as_pdf:",
            )
    aksi = lkj.aksi_tersedia(status, dikembalikan, akses.peran)
    versi = int(rec["versi"]) if rec else None
    if aksi:
        with st.form("lkj_aksi"):
            alasan = (
                st.text_area("Alasan pengembalian (wajib bila dikembalikan)", key="lkj_alasan")
                if "kembalikan" in aksi
                else None
            )
            tujuan = (
                st.text_input(
                    "Dikirim kepada",
                    value=lkj.tujuan_bawaan(
                        str(web.cached_read(svc_rapat.kop_instansi)(akses, instansi_id)["pemda"])
                    ),
                    key="lkj_tujuan",
                )
                if "kirim" in aksi
                else None
            )
            if "tandatangani" in aksi:
                st.caption(
                    "Menandatangani menyimpan PDF dan Excel LKj apa adanya; dokumen itulah yang "
                    "dikirim dan dapat diunduh kembali."
                )
            with st.container(horizontal=True):
                ditekan = [
                    st.form_submit_button(
                        lkj.LABEL_AKSI[a], type="secondary" if a == "kembalikan" else "primary"
                    )
                    for a in aksi
                ]
        for a, tekan in zip(aksi, ditekan, strict=True):
            if tekan:
                web.tulis(
                    svc.jalankan_lkj,
                    akses,
                    instansi_id,
                    int(tahun),
                    a,
                    versi,
                    alasan,
                    tujuan,
                    sukses=lambda ke: f"LKj kini berstatus {lkj.LABEL_STATUS[ke]}.",
                )
    elif status != "dikirim":
        st.caption("Tidak ada tindakan untuk peran Anda pada status ini.")
    riw = web.cached_read(svc.riwayat_lkj)(akses, instansi_id, int(tahun))
    if not riw.empty:
        st.markdown("**Riwayat**")
        st.dataframe(tampil.riwayat(riw), hide_index=True)

with tab_berkala:
    st.caption(
        "Mekanisme pengumpulan data kinerja (Balangan): dua laporan triwulan direkap menjadi "
        "laporan semester, dua laporan semester menjadi laporan tahunan. Triwulan dihitung "
        "siap bila pengajuan semua unit telah disahkan."
    )
    tahun_b = st.selectbox(
        "Tahun",
        tahun_list,
        index=tahun_list.index(max(tahun_list)),
        format_func=formats.nama_tahun,
        key="berkala_tahun",
    )
    tw = web.cached_read(svc.status_triwulan)(akses, instansi_id, int(tahun_b))
    ada = web.cached_read(svc.daftar_berkala)(akses, instansi_id, int(tahun_b))
    st.dataframe(tampil.tabel_berkala(tw, ada), hide_index=True)
    tersusun = set(ada["bagian"])
    for b in berkala.BAGIAN:
        nama = berkala.LABEL_BAGIAN[b]
        with st.container(horizontal=True, vertical_alignment="center"):
            if akses.punya(svc.PERAN_BERKALA) and st.button(
                f"{'Susun ulang' if b in tersusun else 'Susun'} laporan {nama}",
                key=f"berkala_susun_{b}",
                disabled=bool(berkala.kurang(b, tw, tersusun)),
            ):
                web.tulis(
                    svc.susun_berkala,
                    akses,
                    instansi_id,
                    int(tahun_b),
                    b,
                    sukses=f"Laporan {nama} {formats.nama_tahun(int(tahun_b))} tersusun.",
                )
            if b in tersusun:
                for fmt, mime, ikon in (
                    ("pdf", PDF, ":material/picture_as_pdf:"),
                    ("xlsx", XLSX, ":material/table:"),
                ):
                    _unduh(
                        f"{nama} ({'PDF' if fmt == 'pdf' else 'Excel'})",
                        lambda b=b, fmt=fmt: web.cached_read(svc.dokumen_berkala)(
                            akses, instansi_id, int(tahun_b), b, fmt
                        ).isi,
                        f"laporan-{b.lower()}-{int(tahun_b)}.{fmt}",
                        mime,
                        f"berkala_{b}_{fmt}",
                        ikon,
                    )

with tab_ek:
    st.caption(
        "SOP e-Kinerja: data capaian periode yang telah disahkan diekspor dalam susunan isian "
        "aplikasi e-Kinerja (indikator, satuan, target, realisasi, capaian, keterangan), "
        "lalu Pengelola Monev mengonfirmasi bahwa data sudah dientri."
    )
    per = web.cached_read(svc_ek.daftar_periode)(akses, instansi_id)
    if per.empty:
        st.info("Belum ada periode pengumpulan.")
    else:
        label = tampil.label_periode_ekinerja(per)
        # the newest period with signed data: what e-Kinerja can take
        awal = tampil.periode_ekinerja_awal(per)
        periode_id = st.selectbox(
            "Periode", list(label), index=awal, format_func=lambda k: label[k], key="ek_periode"
        )
        semua = web.cached_read(svc_ek.daftar)(akses, instansi_id)
        baris = semua[semua["periode_id"] == periode_id]
        st.caption(tampil.keadaan_ekinerja(baris))
        df = web.cached_read(svc_ek.tabel)(akses, periode_id)
        st.dataframe(tampil.tabel_ekinerja(df), hide_index=True)
        if akses.punya(svc_ek.PERAN_TULIS):
            simpan = f"_ek_berkas_{periode_id}"
            if st.button(
                "Ekspor Excel untuk e-Kinerja",
                type="primary",
                key="ek_ekspor",
                icon=":material/download:",
            ):
                ok, hasil = web.tulis(
                    svc_ek.ekspor,
                    akses,
                    periode_id,
                    rerun=False,
                    sukses="Data periode ini diekspor untuk e-Kinerja.",
                )
                if ok:
                    st.session_state[simpan] = hasil
            if simpan in st.session_state:
                dok = st.session_state[simpan]
                _unduh(
                    "Unduh Excel e-Kinerja",
                    dok.isi,
                    dok.nama_berkas,
                    dok.mime,
                    "ek_unduh",
                    ":material/table:",
                )
            if not baris.empty and pd.isna(baris["dientri_pada"].iloc[0]):
                with st.form("ek_entri"):
                    catatan = st.text_input("Catatan (opsional)", key="ek_catatan")
                    if st.form_submit_button("Konfirmasi data sudah dientri ke e-Kinerja"):
                        web.tulis(
                            svc_ek.konfirmasi_entri,
                            akses,
                            periode_id,
                            catatan,
                            sukses="Entri e-Kinerja periode ini tercatat.",
                        )
