"""Beranda, the Kadis dashboard: how every unit is doing in a period and why, down to the source.

Filters live in the URL (bind="query-params": shareable, kept across page switches); each tab
runs only when open, and its own selections redraw only its fragment.
"""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import charts, dokumen, formats, tampilan_pengajuan, web
from dashboard import tabel_dasbor as tampil
from dashboard.services import capaian as svc_capaian
from dashboard.services import dasbor as svc
from dashboard.ui import akses_halaman

akses = akses_halaman(__file__)
daftar_instansi = web.cached_read(svc_capaian.daftar_instansi)
periode_terakhir = web.cached_read(svc_capaian.periode_terakhir)
tahun_tersedia = web.cached_read(svc_capaian.tahun_tersedia)
daftar_unit = web.cached_read(svc.daftar_unit)
data_periode = web.cached_read(svc.data_periode)
pengajuan = web.cached_read(svc.pengajuan)
tindak_lanjut = web.cached_read(svc.tindak_lanjut_terbuka)
pelanggaran_sop = web.cached_read(svc.pelanggaran_sop)
anggaran = web.cached_read(svc.anggaran)
rincian = web.cached_read(svc.rincian)
perbandingan = web.cached_read(svc.perbandingan_instansi)


def tabel(
    df: pd.DataFrame,
    nama: str,
    judul: str,
    gaya: Callable[[object], str] | None = None,
    tinggi: str = "auto",
) -> None:
    """A table (category cells styled by `gaya`, e.g. charts.gaya_kategori(skala);
    `tinggi="content"`: every row shown) with its Excel and CSV downloads, built only when
    clicked."""
    df = df.fillna("")  # an empty cell stays empty (Streamlit would print "None")
    st.dataframe(
        df.style.map(gaya, subset=["Kategori"]) if gaya else df,
        hide_index=True,
        height=tinggi,
    )
    with st.container(horizontal=True):
        st.download_button(
            "Unduh Excel",
            lambda: dokumen.excel_tabel(df, nama, judul=[judul]),
            file_name=f"{nama}.xlsx",
            icon=":material/table_view:",
            on_click="ignore",
            key=f"xlsx_{nama}",
        )
        st.download_button(
            "Unduh CSV",
            lambda: dokumen.csv_bytes(df),
            file_name=f"{nama}.csv",
            icon=":material/download:",
            on_click="ignore",
            key=f"csv_{nama}",
        )


def grafik(fig, nama: str) -> None:
    st.plotly_chart(fig, key=f"grafik_{nama}", config=charts.unduh_png(nama))


st.title("Beranda")
tampilan_pengajuan.kotak_dikembalikan_unit(akses)  # a Staf Bidang's returned submission
instansi = daftar_instansi(akses)
if instansi.empty:
    st.info("Belum ada data instansi. Administrator menambahkannya di halaman Instansi.")
    if akses.punya("admin"):
        st.page_link("app_pages/admin_instansi.py", label="Tambah instansi", icon=":material/add:")
    st.stop()

# ---------------------------------------------------------------- filters (in the URL)
kolom = st.columns([3, 1, 1, 2], vertical_alignment="bottom")
nama_instansi = dict(zip(instansi["id"].astype(int), instansi["nama"], strict=True))
if len(instansi) > 1:
    instansi_id = kolom[0].selectbox(
        "Instansi",
        list(nama_instansi),
        format_func=nama_instansi.get,
        key="instansi",
        bind="query-params",
    )
else:
    instansi_id = int(instansi["id"].iloc[0])
    kolom[0].text(nama_instansi[instansi_id])
terakhir = periode_terakhir(akses, instansi_id)
tahun_list = tahun_tersedia(akses, instansi_id)
if not tahun_list:
    st.info("Instansi ini belum memiliki target kinerja.")
    st.stop()
tahun_awal = terakhir[0] if terakhir else tahun_list[0]
tahun = kolom[1].selectbox(
    "Tahun",
    tahun_list,
    index=tahun_list.index(tahun_awal),
    format_func=formats.nama_tahun,
    key="tahun",
    bind="query-params",
)
tw_awal = terakhir[1] if terakhir and terakhir[0] == tahun else 4
triwulan = kolom[2].selectbox(
    "Triwulan",
    [1, 2, 3, 4],
    index=tw_awal - 1,
    format_func=formats.nama_triwulan,
    key="tw",
    bind="query-params",
)
unit_df = daftar_unit(akses, instansi_id)
nama_unit = dict(zip(unit_df["id"].astype(int), unit_df["nama"], strict=True))
if akses.seluruh_instansi:
    unit_id = (
        kolom[3].selectbox(
            "Unit",
            [0, *nama_unit],
            format_func=lambda u: nama_unit.get(u, "Semua unit"),
            key="unit",
            bind="query-params",
        )
        or None
    )
else:  # a staf_bidang: the same dashboard, its own unit only (the services enforce it)
    unit_id = None
    kolom[3].text(" · ".join(nama_unit.values()))
tahun, triwulan = int(tahun), int(triwulan)
periode = f"{formats.nama_triwulan(triwulan)} {formats.nama_tahun(tahun)}"
berkas = f"{tahun}_tw{triwulan}"

data = web.safe(data_periode)(akses, instansi_id, tahun, triwulan, unit_id)
if data is None:
    st.stop()
ind, skala = data.indikator, data.skala
if ind.empty:
    st.info("Tidak ada indikator untuk periode ini.")
    st.stop()

BAGIAN = ["Ringkasan", "Indikator", "Perlu perhatian", "Anggaran"]
if akses.instansi_id is None and len(instansi) > 1:
    BAGIAN.append("Antar instansi")
tab = dict(zip(BAGIAN, st.tabs(BAGIAN, key="bagian", on_change="rerun"), strict=True))


# ---------------------------------------------------------------- Ringkasan
@st.fragment
def ringkasan() -> None:
    kirim = pengajuan(akses, instansi_id, tahun, triwulan, unit_id)
    tl = tindak_lanjut(akses, instansi_id, unit_id)
    sop = pelanggaran_sop(akses, instansi_id, tahun, triwulan, unit_id)
    st.caption(f"{periode}: {formats.angka(len(ind), 0)} indikator")
    for baris in tampil.headline(ind, kirim, tl, sop, skala):
        with st.container(horizontal=True):
            for a in baris:
                st.metric(a.label, a.nilai, help=a.bantuan)

    daftar = st.segmented_control(
        "Buka daftar di balik angka",
        ["Indikator per kategori", "Pengajuan per unit", "Tindak lanjut", "Pelanggaran SOP"],
        key="daftar",
    )
    if daftar == "Indikator per kategori":
        pilihan = st.pills(
            "Kategori",
            tampil.pilihan_kategori(skala),
            key="daftar_kategori",
            default=skala.urut[-1],
        )
        tabel(
            tampil.indikator_kategori(ind, pilihan),
            f"indikator_{pilihan}_{berkas}".replace(" ", "_").lower(),
            f"Indikator {pilihan}, {periode}",
        )
    elif daftar == "Pengajuan per unit":
        tabel(tampil.pengajuan(kirim), f"pengajuan_{berkas}", f"Pengajuan per unit, {periode}")
    elif daftar == "Tindak lanjut":
        tabel(tampil.tindak_lanjut(tl), "tindak_lanjut_terbuka", "Tindak lanjut terbuka")
    elif daftar == "Pelanggaran SOP":
        if sop.empty:
            st.info("Tidak ada langkah SOP yang melewati standar pada periode ini.")
        else:
            tabel(
                tampil.pelanggaran_sop(sop),
                f"pelanggaran_sop_{berkas}",
                f"Pelanggaran SOP, {periode}",
            )

    st.subheader("Capaian per unit")
    tabel(
        tampil.per_unit(data.per_unit, skala),
        f"capaian_unit_{berkas}",
        f"Capaian per unit, {periode}",
        gaya=charts.gaya_kategori(skala),
    )
    grafik(
        charts.peta_capaian(
            data.peta, f"Capaian per unit per triwulan, {formats.nama_tahun(tahun)}", skala
        ),
        f"peta_capaian_{tahun}",
    )
    st.caption(
        "Capaian rata-rata hanya dari indikator yang dapat dinilai"
        + (
            f", tiap capaian dibatasi {formats.angka(skala.batas_skor)}%"
            if skala.batas_skor is not None
            else ""
        )
        + ". Indikator Belum Diisi dan Belum Dapat Dinilai dihitung terpisah dan tidak pernah "
        "dianggap merah. Kategori ditentukan dari capaian yang dibulatkan ke dua desimal "
        f"(skala {skala.nama}: "
        + "; ".join(f"{k} {skala.rentang(i, '%')}" for i, k in enumerate(skala.urut, 1))
        + ")."
    )


if tab["Ringkasan"].open is not False:
    with tab["Ringkasan"]:
        ringkasan()


# ---------------------------------------------------------------- Indikator: charts, drill-down
@st.fragment
def indikator() -> None:
    judul_ind = f"Target dan realisasi per indikator, {periode}"
    grafik(charts.capaian_indikator(ind, judul_ind, skala), f"capaian_indikator_{berkas}")
    label = tampil.label_indikator(ind)
    a, b = st.columns([3, 1])
    ind_id = a.selectbox("Indikator", list(label), format_func=label.get, key="ind")
    tw = b.selectbox(
        "Triwulan rincian",
        [1, 2, 3, 4],
        index=triwulan - 1,
        format_func=formats.nama_triwulan,
        key="ind_tw",
    )
    r = web.safe(rincian)(akses, int(ind_id), tahun, int(tw))
    if r is None:
        return
    info = r.tren.info
    kode, satuan = info["kode"], str(info["satuan"])
    baris = ind[ind["id"] == ind_id].iloc[0]
    kiri, kanan = st.columns(2)
    with kiri:
        grafik(
            charts.tren_indikator(r.tren.nilai, r.tren.temuan, satuan, f"Tren {kode}", skala),
            f"tren_{kode}",
        )
    with kanan:
        grafik(
            charts.progres_tahunan(
                r.tren.nilai[r.tren.nilai["tahun"] == tahun],
                triwulan,
                svc_capaian.angka_atau_none(baris["t0"]),
                svc_capaian.angka_atau_none(baris["proyeksi_realisasi"]),
                satuan,
                f"Progres tahunan {kode}, {formats.nama_tahun(tahun)}",
            ),
            f"progres_{kode}_{tahun}",
        )
    with st.container(horizontal=True):
        st.metric("Progres tahunan", formats.persen(baris["progres_tahunan"]))
        st.metric("Proyeksi capaian akhir tahun", formats.persen(baris["proyeksi_capaian"]))
        st.metric(f"Laju dibutuhkan ({baris['arti_laju']})", tampil.laju(baris, satuan))
    st.caption(
        "Proyeksi: SUM meneruskan rata-rata triwulan yang sudah terisi; LAST dan MAX meneruskan "
        "garis lurus triwulan terisi; AVG mempertahankan rata-ratanya. Laju: yang masih "
        "dibutuhkan tiap triwulan tersisa agar target tahunan tercapai."
    )

    st.subheader(f"Rincian {formats.nama_triwulan(int(tw))} {formats.nama_tahun(tahun)}")
    st.text(f"{kode} · {info['nama']} ({info['unit_nama']})\n{r.perhitungan}")
    rinci = f"{kode}_{tahun}_tw{int(tw)}"
    judul_rinci = f"{kode} {formats.nama_triwulan(int(tw))} {formats.nama_tahun(tahun)}"
    tabel(
        tampil.perhitungan(info, r.hasil, r.perhitungan),
        f"perhitungan_{rinci}",
        f"Perhitungan capaian {judul_rinci}",
        tinggi="content",
    )
    st.markdown("**Nilai, catatan dan bukti dukung tahun ini**")
    tabel(
        tampil.nilai_tahun(r.entri), f"nilai_{kode}_{tahun}", f"{kode} {formats.nama_tahun(tahun)}"
    )
    c1, c2 = st.columns(2)
    with c1:
        st.markdown("**Peristiwa review pengajuan unit**")
        if r.event.empty:
            st.caption("Belum ada peristiwa review untuk periode ini.")
        else:
            tabel(tampil.review(r.event), f"review_{rinci}", f"Peristiwa review {judul_rinci}")
    with c2:
        st.markdown("**Riwayat nilai**")
        if r.riwayat.empty:
            st.caption("Nilai triwulan ini belum pernah diubah.")
        else:
            tabel(tampil.riwayat(r.riwayat), f"riwayat_{rinci}", f"Riwayat nilai {judul_rinci}")
    st.markdown("**Temuan monev atas indikator ini**")
    if r.tren.temuan.empty:
        st.caption("Belum ada temuan rapat monev atas indikator ini.")
    else:
        tabel(tampil.temuan(r.tren.temuan), f"temuan_{kode}", f"Temuan monev {kode}")

    st.subheader("Semua indikator: progres dan proyeksi")
    tabel(
        tampil.semua_indikator(ind),
        f"indikator_{berkas}",
        f"Indikator, {periode}",
        gaya=charts.gaya_kategori(skala),
    )


if tab["Indikator"].open:
    with tab["Indikator"]:
        indikator()


# ---------------------------------------------------------------- Perlu perhatian
@st.fragment
def perhatian() -> None:
    w = svc.perlu_perhatian(ind, tindak_lanjut(akses, instansi_id, unit_id))
    if w.empty:
        st.success("Tidak ada indikator yang perlu perhatian pada periode ini.")
        return
    st.caption(tampil.ringkasan_perhatian(w, skala))
    tabel(
        tampil.perhatian(w),
        f"perlu_perhatian_{berkas}",
        f"Perlu perhatian, {periode}",
        gaya=charts.gaya_kategori(skala),
    )


if tab["Perlu perhatian"].open:
    with tab["Perlu perhatian"]:
        perhatian()


# ---------------------------------------------------------------- Anggaran
@st.fragment
def bagian_anggaran() -> None:
    ang = anggaran(akses, instansi_id, tahun, triwulan, unit_id)
    if ang.empty:
        st.info("Belum ada anggaran untuk tahun ini.")
        return
    judul = f"Serapan anggaran dan capaian kinerja, {periode}"
    grafik(charts.anggaran_kinerja(ang, judul), f"anggaran_{berkas}")
    tabel(tampil.anggaran(ang), f"anggaran_{berkas}", judul)
    st.caption(
        "Serapan = realisasi s.d. triwulan / pagu tahunan; capaian kinerja = rata-rata progres "
        "tahunan indikator program/kegiatan; indeks efisiensi = capaian / serapan (efisien "
        "bila >= 1)."
    )


if tab["Anggaran"].open:
    with tab["Anggaran"]:
        bagian_anggaran()


# ---------------------------------------------------------------- Antar instansi
@st.fragment
def antar_instansi() -> None:
    df = web.safe(perbandingan)(akses, tahun, triwulan)
    if df is None:
        return
    tabel(
        tampil.antar_instansi(df),
        f"antar_instansi_{berkas}",
        f"Perbandingan antar instansi, {periode}",
        gaya=charts.gaya_warna(
            dict(zip(df["kategori"].dropna(), df["warna"].dropna(), strict=True))
        ),
    )
    st.caption(
        "Kepatuhan SOP dihitung per hari kerja (standar di bawah satu hari: selesai pada hari "
        "kerja yang sama); rincian menit kerja ada di halaman Ketepatan waktu SOP."
    )


if "Antar instansi" in tab and tab["Antar instansi"].open:
    with tab["Antar instansi"]:
        antar_instansi()
