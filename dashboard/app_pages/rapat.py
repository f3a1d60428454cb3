"""Rapat monev: the Pengelola Monev records a meeting whose agenda the data proposes, its
findings and follow-ups, makes the minutes final (later changes only as revisions with a
reason) and downloads the minutes and the meeting pack. Kadis, Sekretaris and admin read."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.capaian import layanan_capaian as svc_capaian
from dashboard.inti import bingkai, config, formats, web
from dashboard.inti.ui import akses_halaman, pilih_instansi
from dashboard.rapat import layanan_rapat as svc
from dashboard.rapat import tampilan_rapat as tampil
from dashboard.rapat.notulen import periode
from dashboard.rencana import layanan_indikator as svc_admin

akses = akses_halaman(globals())
st.title("Rapat monev")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
boleh_ubah = akses.punya("pengelola_monev")
daftar = web.cached_read(svc.daftar_rapat)(akses, instansi_id)
units = web.cached_read(svc_admin.daftar_unit)(akses, instansi_id)
nama_unit = tampil.nama_unit(units)


if daftar.empty:
    st.info("Belum ada rapat monev yang tercatat.")
else:
    st.dataframe(tampil.tabel_daftar(daftar), hide_index=True)

BARU = tampil.BARU
PILIH = "rapat_terpilih"  # the meeting shown, by id (BARU: the new-meeting form)
TUNDA = "_rapat_tunda"  # a new meeting held back until the user confirms it is no duplicate
label = tampil.label_rapat(daftar, boleh_ubah)
pilihan = list(label)  # the new-meeting form, then the meetings newest first
if not pilihan:
    st.stop()


def _pilih(rid: int) -> None:
    """Remember the meeting shown, in the session and in the address (?rapat=id), so every
    rerun (a save, a download, a reload) opens it again."""
    st.session_state[PILIH] = rid
    if rid == BARU:
        st.query_params.pop("rapat", None)
    else:
        st.query_params["rapat"] = str(rid)
        st.session_state.pop(TUNDA, None)  # a held-back new meeting is dropped on leaving


# the address first (a shared link), then this session's choice, then the newest meeting
terpilih = tampil.rapat_terpilih(pilihan, st.query_params.get("rapat"), st.session_state.get(PILIH))
# the widget's key follows its labels, always on the meeting remembered in PILIH
kunci_pilih = tampil.kunci_pemilih(label)
if st.session_state.get(kunci_pilih) != terpilih:
    st.session_state[kunci_pilih] = terpilih
rapat_id = st.selectbox(
    "Rapat",
    pilihan,
    format_func=lambda k: label[k],
    key=kunci_pilih,
    on_change=lambda: _pilih(st.session_state[kunci_pilih]),
)
_pilih(rapat_id)


def _kepala(awal: dict, kunci: str) -> dict:
    """The meeting's header fields, for a new meeting and for an edit."""
    a, b, c = st.columns(3)
    waktu = pd.Timestamp(awal["waktu"])
    tanggal = a.date_input("Tanggal", value=waktu.date(), format="DD/MM/YYYY", key=f"{kunci}_tgl")
    jam = b.time_input("Jam mulai", value=waktu.time(), step=900, key=f"{kunci}_jam")
    tempat = c.text_input("Tempat", value=awal["tempat"] or "", key=f"{kunci}_tempat")
    judul = st.text_input("Judul rapat", value=awal["judul"], key=f"{kunci}_judul")
    a, b = st.columns(2)
    pimpinan = a.text_input(
        "Pimpinan rapat (nama, jabatan)", value=awal["pimpinan"] or "", key=f"{kunci}_pimpinan"
    )
    notulis = b.text_input("Notulis", value=awal["notulis"] or "", key=f"{kunci}_notulis")
    return {
        "tahun": awal["tahun"],
        "triwulan": awal["triwulan"],
        "judul": judul,
        "waktu": dt.datetime.combine(tanggal, jam),
        "tempat": tempat,
        "pimpinan": pimpinan,
        "notulis": notulis,
    }


def _pembahasan(awal: dict, kunci: str) -> dict:
    ringkasan = st.text_area(
        "Ringkasan pembahasan", value=awal["ringkasan"] or "", key=f"{kunci}_ringkasan"
    )
    kesimpulan = st.text_area(
        "Kesimpulan dan keputusan", value=awal["kesimpulan"] or "", key=f"{kunci}_kesimpulan"
    )
    return {"ringkasan": ringkasan, "kesimpulan": kesimpulan}


def _tabel_peserta(peserta: pd.DataFrame, kunci: str) -> list[dict]:
    """Participants as an editable table; the unit is one of the instansi's units or none (a
    participant from outside the units). The service checks every row."""
    st.markdown("**Peserta rapat**")
    st.caption(
        "Tambah peserta di baris kosong paling bawah; untuk menghapus, pilih barisnya lalu tekan "
        f"ikon tempat sampah. Unit **{tampil.TANPA_UNIT}** untuk Kepala Dinas, Sekretaris, "
        "Pengelola Monev, narasumber atau tamu."
    )

    def _nama_unit(i: Any) -> str:
        return tampil.TANPA_UNIT if i == svc.TANPA_UNIT else nama_unit[int(i)]

    baris: pd.DataFrame = tampil.baris_peserta(peserta, svc.TANPA_UNIT)
    hasil = st.data_editor(
        baris,
        key=kunci,
        num_rows="dynamic",
        hide_index=True,
        column_config={
            # a new row starts blank (not "None")
            "nama": st.column_config.TextColumn("Nama", width="medium", max_chars=150, default=""),
            "jabatan": st.column_config.TextColumn(
                "Jabatan", width="medium", max_chars=150, default=""
            ),
            "unit_id": st.column_config.SelectboxColumn(
                "Unit",
                width="medium",
                options=[svc.TANPA_UNIT, *nama_unit],
                format_func=_nama_unit,
                default=svc.TANPA_UNIT,
            ),
        },
    )
    return bingkai.baris_dict(hasil)


def _tabel_agenda(items: list[dict], kunci: str) -> list[dict]:
    """The agenda as an editable table: untick Bahas to drop an item, change No to reorder,
    add rows at the bottom; the service keeps the ticked rows in the order of No."""
    st.markdown("**Agenda rapat**")
    st.caption(
        "Hapus centang **Bahas** untuk agenda yang tidak dibahas, ubah **No** untuk mengatur "
        "urutan, dan tulis agenda lain di baris kosong paling bawah."
    )
    hasil = st.data_editor(
        tampil.baris_agenda(items),
        key=kunci,
        num_rows="dynamic",
        hide_index=True,
        column_order=["bahas", "urutan", "uraian", "jenis_tampil", "sumber_tampil"],
        disabled=["jenis_tampil", "sumber_tampil"],
        column_config={
            "bahas": st.column_config.CheckboxColumn("Bahas", default=True, width="small"),
            "urutan": st.column_config.NumberColumn(
                "No", min_value=1, step=1, format="%d", width="small"
            ),
            "uraian": st.column_config.TextColumn("Agenda", width="large", max_chars=1000),
            "jenis_tampil": st.column_config.TextColumn("Jenis", width="medium"),
            "sumber_tampil": st.column_config.TextColumn("Sumber", width="small"),
        },
    )
    return bingkai.baris_dict(hasil)


def _simpan_baru(data: dict, peserta: list[dict], ag: list[dict], ganda: bool = False) -> None:
    """Record the new meeting and open it."""

    def _buat(cur, *args):
        rid = svc.buat_rapat(cur, *args, boleh_ganda=ganda)
        _pilih(rid)
        return rid

    web.tulis(
        _buat,
        akses,
        instansi_id,
        data,
        peserta,
        ag,
        sukses="Rapat tersimpan sebagai draf. Tambahkan temuan dan tindak lanjutnya.",
        setelah=lambda: st.session_state.pop(TUNDA, None),
    )


def _konfirmasi_ganda(tunda: dict) -> None:
    """The meeting just submitted repeats one already recorded: open that one, record this as
    a separate meeting, or go back to the form."""
    data = tunda["data"]
    kembar = web.cached_read(svc.rapat_serupa)(
        akses, instansi_id, data["tahun"], data["triwulan"], data["waktu"].date(), data["judul"]
    )
    if kembar.empty:  # removed meanwhile: nothing to confirm
        st.session_state.pop(TUNDA, None)
        return
    ada = kembar.iloc[0]
    st.warning(
        tampil.pesan_ganda(ada, data["tahun"], data["triwulan"]), icon=":material/content_copy:"
    )
    with st.container(horizontal=True):
        if st.button("Buka rapat yang sudah ada", type="primary", key="ganda_buka"):
            st.session_state.pop(TUNDA, None)
            _pilih(int(ada["id"]))
            st.rerun()
        if st.button("Tetap simpan sebagai rapat terpisah", key="ganda_simpan"):
            _simpan_baru(data, tunda["peserta"], tunda["agenda"], ganda=True)
        if st.button("Batal", key="ganda_batal"):
            st.session_state.pop(TUNDA, None)
            st.rerun()


if rapat_id == BARU:
    st.subheader("Catat rapat baru")
    kop = web.cached_read(svc.kop_instansi)(akses, instansi_id)
    akhir = tampil.periode_awal(
        web.cached_read(svc_capaian.periode_terakhir)(akses, instansi_id), config.hari_ini()
    )
    a, b = st.columns(2)
    tahun = a.number_input("Tahun", 2000, 2100, value=akhir[0], key="baru_tahun")
    triwulan = b.selectbox(
        "Triwulan",
        [1, 2, 3, 4],
        index=akhir[1] - 1,
        format_func=formats.nama_triwulan,
        key="baru_triwulan",
    )
    usulan = web.cached_read(svc.usulan_agenda)(akses, instansi_id, int(tahun), int(triwulan))
    with st.form("rapat_baru"):
        data = _kepala(
            tampil.kepala_baru(
                tahun, triwulan, kop, akses.nama or akses.username, config.hari_ini()
            ),
            "baru",
        )
        peserta = _tabel_peserta(tampil.peserta_baru(kop), "baru_peserta")
        ag = _tabel_agenda(tampil.item_usulan(usulan), f"baru_agenda_{tahun}_{triwulan}")
        if not usulan:
            st.caption("Data periode ini tidak memunculkan usulan agenda; tulis agendanya.")
        data |= _pembahasan({"ringkasan": "", "kesimpulan": ""}, "baru")
        simpan = st.form_submit_button("Simpan rapat (draf)", type="primary")
    if simpan:
        st.session_state.pop(TUNDA, None)
        kembar = web.safe(web.cached_read(svc.rapat_serupa))(
            akses, instansi_id, data["tahun"], data["triwulan"], data["waktu"].date(), data["judul"]
        )
        if kembar is not None and not kembar.empty:  # ask first (docs/DOMAIN.md §7.3)
            st.session_state[TUNDA] = {"data": data, "peserta": peserta, "agenda": ag}
        else:
            _simpan_baru(data, peserta, ag)
    if TUNDA in st.session_state:
        _konfirmasi_ganda(st.session_state[TUNDA])
    st.stop()

d = web.cached_read(svc.detail_rapat)(akses, rapat_id)
info = d["info"]
final = tampil.sudah_final(info)
st.subheader(periode(info["tahun"], info["triwulan"]))
st.dataframe(tampil.tabel_rincian(info), hide_index=True)

unduh = st.columns(3)
unduh[0].download_button(
    "Notulen (PDF)",
    lambda: web.cached_read(svc.notulen)(akses, rapat_id, "pdf"),
    file_name=f"notulen-rapat-{rapat_id}.pdf",
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    key="unduh_pdf",
    on_click="ignore",  # a download changes nothing on the page
)
unduh[1].download_button(
    "Notulen (DOCX)",
    lambda: web.cached_read(svc.notulen)(akses, rapat_id, "docx"),
    file_name=f"notulen-rapat-{rapat_id}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/description:",
    key="unduh_docx",
    on_click="ignore",  # a download changes nothing on the page
)
unduh[2].download_button(
    "Bahan rapat (PDF)",
    lambda: web.cached_read(svc.bahan_rapat_pdf)(
        akses, instansi_id, int(info["tahun"]), int(info["triwulan"])
    ),
    file_name=f"bahan-rapat-{int(info['tahun'])}-tw{int(info['triwulan'])}.pdf",
    mime="application/pdf",
    icon=":material/summarize:",
    key="unduh_bahan",
    on_click="ignore",  # a download changes nothing on the page
)


def _undangan(jenis: str, nomor: str) -> Callable[[], bytes]:
    """The invitation file, made when its button is clicked (not on every run)."""
    return lambda: web.cached_read(svc.undangan)(akses, rapat_id, jenis, nomor)


with st.container(border=True):
    # SOP Monev periodik: invitation sent to the participants, the meeting, its minutes made
    # final, the record archived (docs/DOMAIN.md §9.8)
    und = web.cached_read(svc.status_undangan)(akses, rapat_id)
    st.markdown("**Undangan dan arsip rapat**")
    st.caption(formats.md_aman(tampil.langkah_sop(und, final)))
    nomor = und["nomor"] or ""
    if boleh_ubah and not und["nomor"]:
        nomor = st.text_input(
            "Nomor surat undangan", key=f"und_nomor_{rapat_id}", placeholder="005/123/Sekr"
        )
    with st.container(horizontal=True):
        for jenis, mime, ikon in (
            ("pdf", "application/pdf", ":material/picture_as_pdf:"),
            (
                "docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ":material/description:",
            ),
        ):
            st.download_button(
                f"Undangan ({jenis.upper()})",
                _undangan(jenis, nomor),
                file_name=f"undangan-rapat-{rapat_id}.{jenis}",
                mime=mime,
                icon=ikon,
                key=f"unduh_undangan_{jenis}",
                on_click="ignore",
            )
        if boleh_ubah:
            if st.button(
                "Kirim ulang undangan" if und["nomor"] else "Kirim undangan ke peserta",
                key="kirim_undangan",
                icon=":material/send:",
                type="secondary" if und["nomor"] else "primary",
            ):
                web.tulis(
                    svc.kirim_undangan,
                    akses,
                    rapat_id,
                    nomor,
                    sukses=f"Undangan terkirim kepada {len(d['peserta'])} peserta.",
                )
            if (
                final
                and und["diarsipkan_pada"] is None
                and st.button("Arsipkan rapat", key="arsipkan_rapat", icon=":material/inventory_2:")
            ):
                web.tulis(svc.arsipkan_rapat, akses, rapat_id, sukses="Rapat diarsipkan.")
    if tampil.undangan_terlambat(und, info["waktu"], config.sekarang()):
        st.caption("Waktu rapat ini sudah lewat; undangan biasanya dikirim sebelum rapat.")

tab = st.tabs(["Peserta dan agenda", "Pembahasan", "Temuan dan tindak lanjut", "Revisi"])
with tab[0]:
    st.dataframe(tampil.tabel_peserta(d["peserta"]), hide_index=True)
    st.dataframe(tampil.tabel_agenda(d["agenda"]), hide_index=True)
with tab[1]:
    st.caption("Ringkasan pembahasan")
    st.text(info["ringkasan"] or "–")
    st.caption("Kesimpulan dan keputusan")
    st.text(info["kesimpulan"] or "–")
with tab[2]:
    temuan = d["temuan"]
    if temuan.empty:
        st.info("Belum ada temuan.")
    else:
        st.dataframe(tampil.tabel_temuan(temuan, d["tindak_lanjut"]), hide_index=True)
with tab[3]:
    if d["revisi"].empty:
        st.caption("Belum ada revisi.")
    else:
        st.dataframe(tampil.tabel_revisi(d["revisi"]), hide_index=True)

if not boleh_ubah:
    st.stop()

st.divider()
alasan_label = tampil.JUDUL_ALASAN

with st.expander("Tambah temuan dan tindak lanjut", expanded=not final and temuan.empty):
    indikator = web.cached_read(svc_admin.daftar_indikator)(akses, instansi_id)
    nama_ind = tampil.nama_indikator(indikator)
    with st.form("temuan_baru"):
        a, b = st.columns(2)
        unit_id = a.selectbox(
            "Unit", list(nama_unit), format_func=lambda k: nama_unit[k], key="tm_unit"
        )
        ind_id = b.selectbox(
            "Indikator (opsional)", list(nama_ind), format_func=lambda k: nama_ind[k], key="tm_ind"
        )
        permasalahan = st.text_area("Permasalahan", key="tm_masalah")
        penyebab = st.text_area("Penyebab", key="tm_sebab")
        rekomendasi = st.text_area("Rekomendasi", key="tm_rekomendasi")
        st.markdown("**Tindak lanjut**")
        uraian = st.text_input("Uraian tindak lanjut", key="tl_uraian")
        a, b = st.columns(2)
        pic = a.selectbox(
            "Unit PIC",
            [0, *nama_unit],
            format_func=lambda i: "sama dengan unit temuan" if i == 0 else nama_unit[i],
            key="tl_pic",
        )
        batas = b.date_input(
            "Batas waktu",
            value=tampil.batas_bawaan(config.hari_ini()),
            format="DD/MM/YYYY",
            key="tl_batas",
        )
        alasan = st.text_input(alasan_label, key="tm_alasan") if final else None
        if st.form_submit_button("Simpan temuan", type="primary"):
            web.tulis(
                svc.tambah_temuan,
                akses,
                rapat_id,
                {
                    "unit_id": unit_id,
                    "indikator_id": ind_id or None,
                    "permasalahan": permasalahan,
                    "penyebab": penyebab,
                    "rekomendasi": rekomendasi,
                },
                [{"uraian": uraian, "pic_unit_id": pic or None, "batas_waktu": batas}],
                alasan,
                sukses="Temuan dan tindak lanjutnya tersimpan.",
            )

if not temuan.empty:
    with st.expander("Tindak lanjut tambahan atau hapus temuan"):
        nama_tm = tampil.nama_temuan(temuan)
        tid = st.selectbox(
            "Temuan", list(nama_tm), format_func=lambda k: nama_tm[k], key="tm_pilih"
        )
        with st.form("tl_tambah"):
            uraian2 = st.text_input("Uraian tindak lanjut", key="tl2_uraian")
            a, b = st.columns(2)
            pic2 = a.selectbox(
                "Unit PIC", list(nama_unit), format_func=lambda k: nama_unit[k], key="tl2_pic"
            )
            batas2 = b.date_input(
                "Batas waktu",
                value=tampil.batas_bawaan(config.hari_ini()),
                format="DD/MM/YYYY",
                key="tl2_batas",
            )
            alasan2 = st.text_input(alasan_label, key="tl2_alasan") if final else None
            if st.form_submit_button("Tambah tindak lanjut"):
                web.tulis(
                    svc.tambah_tindak_lanjut,
                    akses,
                    tid,
                    {"uraian": uraian2, "pic_unit_id": pic2, "batas_waktu": batas2},
                    alasan2,
                    sukses="Tindak lanjut ditambahkan.",
                )
        alasan3 = st.text_input(alasan_label, key="hapus_alasan") if final else None
        if st.button("Hapus temuan ini beserta tindak lanjutnya", key="hapus_temuan"):
            web.tulis(svc.hapus_temuan, akses, tid, alasan3, sukses="Temuan dihapus.")

# after the findings: a draft is made final once its findings are in
if not final and st.button("Finalkan notulen", type="primary", key="finalkan"):
    web.tulis(
        svc.finalkan_rapat,
        akses,
        rapat_id,
        int(info["versi"]),
        sukses="Notulen final; perubahan berikutnya dicatat sebagai revisi.",
    )

with st.expander(
    "Ubah data rapat, peserta dan agenda" + (" (sebagai revisi)" if final else ""),
    key=f"ubah_buka_{rapat_id}",
):
    ulang = f"_usul_ulang_{rapat_id}"
    if st.button(
        "Usulkan ulang agenda dari data",
        icon=":material/refresh:",
        key="usul_ulang",
        help="Baca lagi data periode ini; usulan yang belum ada di agenda ditambahkan tanpa "
        "centang Bahas.",
    ):
        st.session_state[ulang] = st.session_state.get(ulang, 0) + 1
    items = tampil.item_agenda(d["agenda"])
    if st.session_state.get(ulang):
        usulan = web.cached_read(svc.usulan_agenda)(
            akses, instansi_id, int(info["tahun"]), int(info["triwulan"]), None, rapat_id
        )
        baru = tampil.usulan_baru(items, usulan)
        items += tampil.item_usulan(baru, bahas=False, sumber_tampil="Usulan baru")
        st.caption(tampil.pesan_usulan_baru(len(baru)))
    kunci = f"ubah{rapat_id}v{int(info['versi'])}"
    with st.form("ubah_rapat"):
        data = _kepala(info, kunci)
        peserta = _tabel_peserta(d["peserta"], f"{kunci}_peserta")
        ag = _tabel_agenda(items, f"{kunci}_agenda_{st.session_state.get(ulang, 0)}")
        data |= _pembahasan(info, kunci)
        alasan4 = st.text_input(alasan_label, key=f"{kunci}_alasan") if final else None
        if st.form_submit_button("Simpan perubahan", type="primary"):
            web.tulis(
                svc.ubah_rapat,
                akses,
                rapat_id,
                int(info["versi"]),
                data,
                peserta,
                ag,
                alasan4,
                sukses="Perubahan rapat tersimpan." + (" Revisi tercatat." if final else ""),
                setelah=lambda: st.session_state.pop(ulang, None),
            )
