"""Beranda, the Kadis dashboard: how every unit is doing in a period and why, down to the source.

Filters, the data switch (signed only or all) and the open tab live in the URL
(bind="query-params": shareable, kept across page switches); each tab runs only when open, and
its own selections redraw only its fragment. Clicking a unit (bar, table row, heat-map cell) or
an indicator (table row) opens its drill-down on the Indikator tab.
"""

from collections.abc import Callable
from functools import partial
from typing import Any, Literal

import pandas as pd
import pyarrow as pa
import streamlit as st
from pandas.io.formats.style import Styler

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.capaian import layanan_dasbor as svc
from dashboard.capaian import tabel_dasbor as tampil
from dashboard.inti import bingkai, charts, dokumen, formats, web
from dashboard.inti.ui import akses_halaman, saklar_data
from dashboard.pengumpulan import tampilan_pengajuan
from dashboard.review import alur

akses = akses_halaman(globals())
# Every read and view of this page looks at its caller only through the services' checks of
# its reach (Akses.lingkup_unit): one value for the Kadis, the Sekretaris and the Pengelola
# Monev of a Dinas (docs/DOMAIN.md §13.9).
baca = partial(web.cached_read, bersama=True)
tampilan = partial(web.cached_view, bersama=True)
daftar_instansi = baca(svc_capaian.daftar_instansi, isian=False)
periode_terakhir = baca(svc_capaian.periode_terakhir)
tahun_tersedia = baca(svc_capaian.tahun_tersedia, isian=False)  # years with targets
daftar_unit = baca(svc.daftar_unit, isian=False)
_data_instansi = baca(svc.data_periode)
_pengajuan_instansi = baca(svc.pengajuan)
tindak_lanjut = baca(svc.tindak_lanjut_terbuka, isian=False)
pelanggaran_sop = baca(svc.pelanggaran_sop, isian=False)  # DOMAIN 13.6
anggaran = baca(svc.anggaran)
rincian = baca(svc.rincian)
perbandingan = baca(svc.perbandingan_instansi)


# ---------------------------------------------------------------- one unit: the instansi's reads
# filtered (dasbor.data_periode_unit), so a Kadis going through the units runs no query and
# stays warm; a staf's reads are its own unit's already (the services scope them).
@tampilan
def data_periode(akses, instansi_id: int, tahun: int, triwulan: int, unit_id, termasuk: bool):
    semua = _data_instansi(akses, instansi_id, tahun, triwulan, None, termasuk)
    return semua if unit_id is None else svc.data_periode_unit(semua, unit_id)


@tampilan
def pengajuan(akses, instansi_id: int, tahun: int, triwulan: int, unit_id=None):
    semua = _pengajuan_instansi(akses, instansi_id, tahun, triwulan)
    return semua if unit_id is None else svc.pengajuan_unit(semua, unit_id)


def tabel(
    df: pd.DataFrame,
    nama: str,
    judul: str,
    warna: dict[str, str] | None = None,
    tinggi: int | Literal["auto", "content", "stretch"] = "auto",
    kolom: dict[str, dict] | None = None,
    pilih: Callable[[int], None] | None = None,
    bungkus: bool | int = False,
    tebal_akhir: bool = False,
    urutan: list[str] | None = None,
) -> None:
    """A table (the Kategori column as labels coloured by `warna`, charts.warna_kategori;
    `tinggi="content"`: every row shown; `kolom`: widths and alignment, tampil.KOLOM;
    `bungkus`: taller rows (True, or a height in px above 64) so long texts wrap; `tebal_akhir`:
    a bold total row; `urutan`: the columns shown, all of them downloaded) with its Excel and
    CSV downloads, built only when clicked. With `pilih`, clicking a row calls
    `pilih(row position)`."""

    # A pandas Styler only where a cell is styled, and over the shown columns only: Streamlit
    # renders every cell of a Styler through its HTML translation, a third of a warm Beranda
    # run's CPU when every table was one.
    def tampak() -> pd.DataFrame:
        isi = df.fillna("")  # an empty cell stays empty (Streamlit would print "None")
        isi = isi[urutan] if urutan else isi
        if warna:  # the category as a coloured label, not a styled cell (see above)
            isi = isi.assign(Kategori=[[k] if k else [] for k in isi["Kategori"]])
        return isi

    # Plain dicts of column settings (tampil.KOLOM) and a MultiselectColumn's result: Any,
    # as Streamlit's ColumnConfig TypedDict they both are is not public.
    konfigurasi: dict[str, Any] = dict(kolom or {})
    if warna:
        lain = {k: "#e4e7eb" for k in df["Kategori"].fillna("") if k and k not in warna}
        peta = {**warna, **lain}
        konfigurasi["Kategori"] = st.column_config.MultiselectColumn(
            **konfigurasi.get("Kategori", {}), options=list(peta), color=list(peta.values())
        )
    data: pd.DataFrame | Styler | pa.Table
    if tebal_akhir:
        data = tampak().style.apply(
            lambda r: ["font-weight: bold" if r.name == df.index[-1] else "" for _ in r], axis=1
        )
    else:  # a shared frame (a cached view's) is converted to Arrow once, not on every run
        data = web.arrow_sekali(df, (tuple(urutan or ()), bool(warna)), tampak)
    kunci = f"tabel_{nama}"
    tinggi_baris = (80 if bungkus is True else int(bungkus)) if bungkus else None
    if pilih is None:  # no selection: st.dataframe's other overload (it returns no state)
        st.dataframe(
            data,
            hide_index=True,
            height=tinggi,
            column_config=konfigurasi,
            row_height=tinggi_baris,
            column_order=urutan,
        )
    else:
        st.dataframe(
            data,
            hide_index=True,
            height=tinggi,
            column_config=konfigurasi,
            row_height=tinggi_baris,
            column_order=urutan,
            key=kunci,
            on_select=lambda: _pilih_baris(kunci, pilih),
            selection_mode=["single-row", "single-cell"],
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


def _pilih_baris(kunci: str, pilih: Callable[[int], None]) -> None:
    """A click on a row's checkbox selects the row, a click on any of its cells the cell:
    either opens the row."""
    pilihan = st.session_state[kunci].selection
    baris = list(pilihan.rows) or [sel[0] for sel in pilihan.cells]
    if baris:
        pilih(int(baris[0]))


def grafik(fig, nama: str, pilih: Callable[[dict], None] | None = None) -> None:
    """A chart with its PNG download; with `pilih`, clicking a point calls `pilih(point)`."""
    kunci = f"grafik_{nama}"
    if pilih is None:
        st.plotly_chart(fig, key=kunci, config=charts.unduh_png(nama))
        return

    def klik() -> None:
        titik = st.session_state[kunci].selection.points
        if titik:
            pilih(titik[0])

    st.plotly_chart(
        fig, key=kunci, config=charts.unduh_png(nama), on_select=klik, selection_mode="points"
    )


# ---------------------------------------------------------------- drill-down from a click
# A click inside a tab's fragment runs its callback first: it sets the drill-down's widgets and
# asks for a whole-page run (a fragment run cannot switch the tab or the filters).
def buka_indikator(ind_id: int) -> None:
    st.session_state["ind"] = int(ind_id)
    st.session_state["bagian"] = "Indikator"
    st.session_state["_beranda_pindah"] = True


def buka_unit(unit_id: int, tw: int | None = None) -> None:
    if akses.seluruh_instansi and int(unit_id) in nama_unit:
        st.session_state["unit"] = int(unit_id)
    if tw:
        st.session_state["tw"] = int(tw)
    st.session_state["bagian"] = "Indikator"
    st.session_state["_beranda_pindah"] = True


def buka_bagian(bagian: str) -> None:
    st.session_state["bagian"] = bagian
    st.session_state["_beranda_pindah"] = True


def pindah_bila_diminta() -> None:
    """Inside a fragment: after a click asked for another tab, run the whole page."""
    if st.session_state.pop("_beranda_pindah", False):
        st.rerun(scope="app")


st.title("Beranda")
tampilan_pengajuan.kotak_dikembalikan_unit(akses)  # a Staf Bidang's returned submission
instansi = daftar_instansi(akses)
if instansi.empty:
    st.info("Belum ada data instansi. Administrator menambahkannya di halaman Instansi.")
    if akses.punya("admin"):
        st.page_link("app_pages/admin_instansi.py", label="Tambah instansi", icon=":material/add:")
    st.stop()

# (room for the Staf Bidang's own first screen)

# ---------------------------------------------------------------- filters (in the URL)
kolom = st.columns([3, 1, 1, 2], vertical_alignment="bottom")
nama_instansi = dict(zip(instansi["id"].astype(int), instansi["nama"], strict=True))
if len(instansi) > 1:
    instansi_id = kolom[0].selectbox(
        "Instansi",
        list(nama_instansi),
        format_func=lambda i: nama_instansi[i],
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

# ---------------------------------------------------------------- which data (in the URL)
termasuk, baris_data = saklar_data("sah", di_url=True)

dibaca = web.safe(data_periode)(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
if dibaca is None:
    st.stop()
data = dibaca  # not None, also inside the tabs' functions (mypy narrows no global there)
ind, skala = data.indikator, data.skala
baris_data.caption(data.keterangan)
if ind.empty:
    st.info("Tidak ada indikator untuk periode ini.")
    st.stop()

BAGIAN = ["Ringkasan", "Indikator", "Perlu perhatian", "Anggaran"]
if akses.instansi_id is None and len(instansi) > 1:
    BAGIAN.append("Antar instansi")
tab = dict(zip(BAGIAN, st.tabs(BAGIAN, key="bagian", bind="query-params"), strict=True))


# ---------------------------------------------------------------- Ringkasan
def _keadaan_unit(kirim: pd.DataFrame) -> dict[int, str]:
    """unit_id -> its submission state and lateness, for the bar labels."""
    return {
        int(r.unit_id): r.keadaan + (" · Terlambat" if r.pengiriman == "Terlambat" else "")
        for r in bingkai.baris(kirim)
    }


def _menunggu_saya(kirim: pd.DataFrame) -> None:
    """What waits for the caller's own review step in this period (the Kadis: signature)."""
    for peran, status in alur.ANTRIAN.items():
        if not akses.punya(peran):
            continue
        unit = kirim.loc[kirim["status"] == status, "unit"].tolist()
        langkah = {"pengelola_monev": "verifikasi", "sekretaris": "paraf", "kadis": "pengesahan"}
        with st.container(horizontal=True, vertical_alignment="center"):
            if unit:
                st.markdown(
                    f"**Menunggu {langkah[peran]} Anda:** {formats.angka(len(unit), 0)} "
                    f"pengajuan ({', '.join(unit)})"
                )
                st.page_link(
                    "app_pages/antrian.py", label="Buka antrian review", icon=":material/inbox:"
                )
            else:
                st.caption(f"Tidak ada pengajuan {periode} yang menunggu {langkah[peran]} Anda.")


# ---------------------------------------------------------------- views built once per data
# version (web.cached_view, bersama: keyed like the cached reads they are built from, shared, never
# changed in place): a plotly figure costs tens of ms to build and validate on every run.
@tampilan
def _perlu_perhatian(
    akses, instansi_id: int, tahun: int, triwulan: int, unit_id: int | None, termasuk: bool
) -> pd.DataFrame:
    d = data_periode(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
    kirim = pengajuan(akses, instansi_id, tahun, triwulan, unit_id)
    return svc.perlu_perhatian(
        d.indikator, tindak_lanjut(akses, instansi_id, unit_id), kirim, triwulan
    )


@tampilan
def _grafik_unit(akses, instansi_id: int, tahun: int, triwulan: int, unit_id, termasuk: bool):
    d = data_periode(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
    kirim = pengajuan(akses, instansi_id, tahun, triwulan, unit_id)
    return charts.capaian_per_unit(d.per_unit, None, d.skala, _keadaan_unit(kirim))


@tampilan
def _tabel_unit(akses, instansi_id: int, tahun: int, triwulan: int, unit_id, termasuk: bool):
    d = data_periode(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
    kirim = pengajuan(akses, instansi_id, tahun, triwulan, unit_id)
    return tampil.per_unit(d.per_unit, d.skala, kirim)


@tampilan
def _grafik_peta(akses, instansi_id: int, tahun: int, triwulan: int, unit_id, termasuk: bool):
    d = data_periode(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
    judul = f"Capaian per unit per triwulan, {formats.nama_tahun(tahun)}"
    return charts.peta_capaian(d.peta, judul, d.skala)


@tampilan
def _indikator_semua(
    akses, instansi_id: int, tahun: int, triwulan: int, unit_id, termasuk: bool, judul: str
):
    """The Indikator tab's table of every indicator and its chart."""
    d = data_periode(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
    return (
        tampil.semua_indikator(d.indikator),
        charts.capaian_indikator(d.indikator, judul, d.skala),
    )


@tampilan
def _grafik_rincian(
    akses,
    instansi_id: int,
    tahun: int,
    triwulan: int,
    unit_id,
    termasuk: bool,
    ind_id: int,
    tw: int,
):
    """The drill-down's trend and this year's progress of one indicator."""
    d = data_periode(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
    r = rincian(akses, ind_id, tahun, tw)
    info = r.tren.info
    kode, satuan = info["kode"], str(info["satuan"])
    baris = d.indikator[d.indikator["id"] == ind_id].iloc[0]
    return (
        charts.tren_indikator(r.tren.nilai, r.tren.temuan, satuan, f"Tren {kode}", d.skala),
        charts.progres_tahunan(
            r.tren.nilai[r.tren.nilai["tahun"] == tahun],
            triwulan,
            svc_capaian.angka_atau_none(baris["t0"]),
            svc_capaian.angka_atau_none(baris["proyeksi_realisasi"]),
            satuan,
            f"Progres tahunan {kode}, {formats.nama_tahun(tahun)}",
        ),
    )


dipilih = (akses, instansi_id, tahun, triwulan, unit_id, termasuk)  # what every view is of


@st.fragment
def ringkasan() -> None:
    pindah_bila_diminta()
    kirim = pengajuan(akses, instansi_id, tahun, triwulan, unit_id)
    tl = tindak_lanjut(akses, instansi_id, unit_id)
    sop = pelanggaran_sop(akses, instansi_id, tahun, triwulan, unit_id)
    per_unit = data.per_unit

    # the Kadis's question first: which unit is behind, and why
    st.markdown(f"**Capaian rata-rata per unit, {periode}** (pilih batang untuk rinciannya)")
    grafik(
        _grafik_unit(*dipilih),
        f"capaian_unit_{berkas}",
        pilih=lambda t: buka_unit(t["customdata"][0]) if t.get("customdata") else None,
    )
    w = _perlu_perhatian(*dipilih)
    if w.empty:
        st.success("Tidak ada indikator yang perlu perhatian pada periode ini.")
    else:
        with st.container(horizontal=True, vertical_alignment="bottom"):
            st.markdown(f"**Paling perlu perhatian** ({formats.angka(len(w), 0)} indikator)")
            st.button(
                "Lihat semua",
                key="lihat_perhatian",
                on_click=buka_bagian,
                args=("Perlu perhatian",),
                type="tertiary",
                icon=":material/arrow_forward:",
            )
        teratas = w.head(3)
        tabel(
            tampil.perhatian(teratas)[["No.", "Indikator", "Unit", "Alasan", "Catatan unit"]],
            f"perhatian_teratas_{berkas}",
            f"Paling perlu perhatian, {periode}",
            kolom=tampil.KOLOM["perhatian"],
            pilih=lambda i: buka_indikator(teratas["id"].iloc[i]),
            bungkus=True,
        )
    _menunggu_saya(kirim)

    st.subheader("Angka kunci")
    st.caption(f"{periode}: {formats.angka(len(ind), 0)} indikator. {data.keterangan}")
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
        opsi = tampil.pilihan_kategori(ind, skala)
        if st.session_state.get("daftar_kategori") not in opsi:
            st.session_state["daftar_kategori"] = next(iter(opsi))
        pilihan = st.pills(
            "Kategori",
            list(opsi),
            key="daftar_kategori",
            format_func=lambda k: f"{k} ({formats.angka(opsi[k], 0)})",
            required=True,
        )
        if pilihan is not None:  # required, and its value is set above: None is not expected
            daftar_ind = ind[tampil.label_kategori(ind) == pilihan]
            tabel(
                tampil.indikator_kategori(ind, pilihan),
                f"indikator_{pilihan}_{berkas}".replace(" ", "_").lower(),
                f"Indikator {pilihan}, {periode}",
                kolom=tampil.KOLOM["indikator_kategori"],
                pilih=lambda i: buka_indikator(daftar_ind["id"].iloc[i]),
            )
    elif daftar == "Pengajuan per unit":
        st.caption(tampil.BANTUAN_DIAJUKAN)
        tabel(
            tampil.pengajuan(kirim),
            f"pengajuan_{berkas}",
            f"Pengajuan per unit, {periode}",
            kolom=tampil.KOLOM["pengajuan"],
            pilih=lambda i: buka_unit(kirim["unit_id"].iloc[i]),
        )
    elif daftar == "Tindak lanjut":
        if tl.empty:
            st.info("Tidak ada tindak lanjut yang masih terbuka.")
        else:
            tabel(
                tampil.tindak_lanjut(tl),
                "tindak_lanjut_terbuka",
                "Tindak lanjut terbuka",
                kolom=tampil.KOLOM["tindak_lanjut"],
            )
    elif daftar == "Pelanggaran SOP":
        if sop.empty:
            st.info("Tidak ada langkah SOP yang melewati standar pada periode ini.")
        else:
            tabel(
                tampil.pelanggaran_sop(sop),
                f"pelanggaran_sop_{berkas}",
                f"Pelanggaran SOP, {periode}",
                kolom=tampil.KOLOM["pelanggaran_sop"],
            )

    st.subheader("Capaian per unit")
    st.caption("Pilih satu baris atau satu sel peta untuk membuka indikator unit tersebut.")
    tabel(
        _tabel_unit(*dipilih),
        f"capaian_unit_{berkas}",
        f"Capaian per unit, {periode}",
        warna=charts.warna_kategori(skala),
        kolom=tampil.KOLOM["per_unit"],
        pilih=lambda i: buka_unit(per_unit["unit_id"].iloc[i]),
        urutan=tampil.TAMPIL_PER_UNIT,
        bungkus=66,
        tinggi="content",
    )
    id_unit = dict(zip(data.peta["unit"], data.peta["unit_id"], strict=False))
    nomor_tw = {formats.nama_triwulan(n): n for n in range(1, 5)}
    grafik(
        _grafik_peta(*dipilih),
        f"peta_capaian_{tahun}",
        pilih=lambda t: buka_unit(id_unit[t["y"]], nomor_tw.get(t.get("x", "")))
        if t.get("y") in id_unit
        else None,
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


# ---------------------------------------------------------------- Indikator: drill-down, charts
@st.fragment
def indikator() -> None:
    pindah_bila_diminta()
    label = tampil.label_indikator(ind)
    if st.session_state.get("ind") not in label:
        st.session_state.pop("ind", None)
    a, b = st.columns([3, 1])
    ind_id = a.selectbox("Indikator", list(label), format_func=lambda i: label[i], key="ind")
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
    st.text(f"{kode} · {info['nama']} ({info['unit_nama']})\n{r.perhitungan}")
    tren, progres = _grafik_rincian(*dipilih, int(ind_id), int(tw))
    kiri, kanan = st.columns(2)
    with kiri:
        grafik(tren, f"tren_{kode}")
    with kanan:
        grafik(progres, f"progres_{kode}_{tahun}")
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
    rinci = f"{kode}_{tahun}_tw{int(tw)}"
    judul_rinci = f"{kode} {formats.nama_triwulan(int(tw))} {formats.nama_tahun(tahun)}"
    tabel(
        tampil.perhitungan(info, r.hasil, r.perhitungan),
        f"perhitungan_{rinci}",
        f"Perhitungan capaian {judul_rinci}",
        tinggi="content",
        kolom={"Aspek": {"width": 200}, "Nilai": {"width": 680}},
    )
    st.markdown("**Nilai, catatan dan bukti dukung tahun ini**")
    tabel(
        tampil.nilai_tahun(r.entri),
        f"nilai_{kode}_{tahun}",
        f"{kode} {formats.nama_tahun(tahun)}",
        kolom={"Catatan": {"width": 330}, "Bukti dukung": {"width": 200}},
        bungkus=True,
    )
    st.markdown("**Peristiwa review pengajuan unit**")
    if r.event.empty:
        st.caption("Belum ada peristiwa review untuk periode ini.")
    else:
        tabel(
            tampil.review(r.event),
            f"review_{rinci}",
            f"Peristiwa review {judul_rinci}",
            kolom=tampil.KOLOM["review"],
        )
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

    judul_ind = f"Target dan realisasi per indikator, {periode}"
    semua, grafik_semua = _indikator_semua(*dipilih, judul_ind)
    st.subheader("Semua indikator: progres dan proyeksi")
    st.caption("Pilih satu baris untuk membuka rincian indikatornya di atas.")
    tabel(
        semua,
        f"indikator_{berkas}",
        f"Indikator, {periode}",
        warna=charts.warna_kategori(skala),
        kolom={"Kode": {"width": 70}, "Indikator": {"width": 260}, "Unit": {"width": 170}},
        pilih=lambda i: buka_indikator(ind["id"].iloc[i]),
    )
    grafik(
        grafik_semua,
        f"capaian_indikator_{berkas}",
        pilih=lambda t: buka_indikator(t["customdata"][4]) if t.get("customdata") else None,
    )


if tab["Indikator"].open:
    with tab["Indikator"]:
        indikator()


# ---------------------------------------------------------------- Perlu perhatian
@st.fragment
def perhatian() -> None:
    pindah_bila_diminta()
    w = _perlu_perhatian(*dipilih)
    if w.empty:
        st.success("Tidak ada indikator yang perlu perhatian pada periode ini.")
        return
    st.caption(tampil.ringkasan_perhatian(w, skala))
    tabel(
        tampil.perhatian(w),
        f"perlu_perhatian_{berkas}",
        f"Perlu perhatian, {periode}",
        warna=charts.warna_kategori(skala),
        kolom=tampil.KOLOM["perhatian"],
        pilih=lambda i: buka_indikator(w["id"].iloc[i]),
        bungkus=True,
    )


if tab["Perlu perhatian"].open:
    with tab["Perlu perhatian"]:
        perhatian()


# ---------------------------------------------------------------- Anggaran
@st.fragment
def bagian_anggaran() -> None:
    ang = anggaran(akses, instansi_id, tahun, triwulan, unit_id, termasuk)
    if ang.empty:
        st.info("Belum ada anggaran untuk tahun ini.")
        return
    judul = f"Serapan anggaran dan capaian kinerja, {periode}"
    grafik(charts.anggaran_kinerja(ang, judul), f"anggaran_{berkas}")
    st.caption(
        "Batang abu-abu: serapan anggaran. Batang berwarna: capaian kinerja, hijau bila efisien "
        "(indeks efisiensi, IE, paling sedikit 1), oranye bila belum. Angka IE di ujung batang."
    )
    tabel(
        tampil.anggaran(ang),
        f"anggaran_{berkas}",
        judul,
        kolom=tampil.KOLOM["anggaran"],
        tebal_akhir=True,
        tinggi="content",
        bungkus=66,
    )
    st.caption(
        "Serapan = realisasi s.d. triwulan / pagu tahunan; capaian kinerja = rata-rata progres "
        "tahunan indikator program/kegiatan; indeks efisiensi (IE) = capaian / serapan "
        "(efisien bila >= 1). Baris Jumlah: rupiah dijumlahkan, serapan dari jumlahnya; "
        "persentase tidak pernah dijumlahkan."
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
        warna=dict(zip(df["kategori"].dropna(), df["warna"].dropna(), strict=True)),
    )
    st.caption(
        "Kepatuhan SOP dihitung per hari kerja (standar di bawah satu hari: selesai pada hari "
        "kerja yang sama); rincian menit kerja ada di halaman Ketepatan waktu SOP."
    )


if "Antar instansi" in tab and tab["Antar instansi"].open:
    with tab["Antar instansi"]:
        antar_instansi()
