"""Rapat monev: the Pengelola Monev records a meeting whose agenda the data proposes, its
findings and follow-ups, makes the minutes final (later changes only as revisions with a
reason) and downloads the minutes and the meeting pack. Kadis, Sekretaris and admin read."""

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from dashboard import agenda, config, formats, tampilan_rapat, web
from dashboard.notulen import periode, pukul
from dashboard.services import admin as svc_admin
from dashboard.services import capaian as svc_capaian
from dashboard.services import rapat as svc
from dashboard.ui import akses_halaman, pilih_instansi

akses = akses_halaman(__file__)
st.title("Rapat monev")
instansi_id = pilih_instansi(akses, web.cached_read(svc_capaian.daftar_instansi)(akses))
boleh_ubah = akses.punya("pengelola_monev")
daftar = web.cached_read(svc.daftar_rapat)(akses, instansi_id)
units = web.cached_read(svc_admin.daftar_unit)(akses, instansi_id)
nama_unit = dict(zip(units["id"].astype(int), units["nama"], strict=True))


if daftar.empty:
    st.info("Belum ada rapat monev yang tercatat.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "Periode": [
                    periode(y, t) for y, t in zip(daftar["tahun"], daftar["triwulan"], strict=True)
                ],
                "Judul": daftar["judul"],
                "Waktu": daftar["waktu"].map(formats.waktu),
                "Status": daftar["status"].map({"draf": "Draf", "final": "Final"}),
                "Revisi": daftar["revisi"],
                "Temuan": daftar["temuan"],
                "Tindak lanjut terbuka": daftar["tindak_lanjut_terbuka"],
            }
        ),
        hide_index=True,
    )

BARU = 0
PILIH = "rapat_terpilih"  # the meeting shown, by id (BARU: the new-meeting form)
TUNDA = "_rapat_tunda"  # a new meeting held back until the user confirms it is no duplicate
ids = [int(i) for i in daftar["id"]]  # newest first
pilihan = ([BARU] if boleh_ubah else []) + ids
if not pilihan:
    st.stop()


def _label(r) -> str:
    status = "Final" if r.status == "final" else "Draf"
    w = pd.Timestamp(r.waktu)
    return f"{periode(r.tahun, r.triwulan)} · {r.judul} · {formats.tanggal(w.date())} ({status})"


label = {BARU: "+ Catat rapat baru"} | {int(r.id): _label(r) for r in daftar.itertuples()}
for rid_, teks in list(label.items()):  # a duplicate confirmed by the user: tell them apart
    if list(label.values()).count(teks) > 1:
        label[rid_] = f"{teks} · no. {rid_}"


def _id_sah(nilai: object) -> int | None:
    try:
        rid = int(str(nilai))
    except ValueError:
        return None
    return rid if rid in pilihan else None


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
terpilih = next(
    (
        rid
        for rid in (
            _id_sah(st.query_params.get("rapat")),
            _id_sah(st.session_state.get(PILIH)),
        )
        if rid is not None
    ),
    ids[0] if ids else BARU,
)
# the widget's key follows its labels: after "Finalkan" or a new meeting the selector is
# drawn afresh with the new labels (a kept widget would hold the old label and lose the
# choice on the next click), always on the meeting remembered in PILIH
kunci_pilih = "rapat_pilih_" + hashlib.sha1("|".join(label.values()).encode()).hexdigest()[:10]
if st.session_state.get(kunci_pilih) != terpilih:
    st.session_state[kunci_pilih] = terpilih
rapat_id = st.selectbox(
    "Rapat",
    pilihan,
    format_func=label.get,
    key=kunci_pilih,
    on_change=lambda: _pilih(st.session_state[kunci_pilih]),
)
_pilih(rapat_id)


TANPA_UNIT = "Tanpa unit (pimpinan, tamu)"


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
        f"ikon tempat sampah. Unit **{TANPA_UNIT}** untuk Kepala Dinas, Sekretaris, Pengelola "
        "Monev, narasumber atau tamu."
    )
    df = pd.DataFrame(
        {
            "nama": peserta["nama"].astype("object").fillna(""),
            "jabatan": peserta["jabatan"].astype("object").fillna(""),
            "unit_id": pd.to_numeric(peserta["unit_id"]).fillna(svc.TANPA_UNIT).astype(int),
        }
    )
    hasil = st.data_editor(
        df,
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
                format_func=lambda i: TANPA_UNIT if i == svc.TANPA_UNIT else nama_unit[i],
                default=svc.TANPA_UNIT,
            ),
        },
    )
    return hasil.to_dict("records")


def _baris_agenda(items: list[dict]) -> pd.DataFrame:
    """Agenda rows for the editor: what the user sees, and in hidden columns what the service
    keeps (jenis, sumber, what the item points at)."""
    return pd.DataFrame(
        {
            # typed even when there is no item yet (a new instansi without data): an empty
            # column would be float, which the editor's checkbox and text columns refuse
            "bahas": pd.array([bool(i.get("bahas", True)) for i in items], dtype="boolean"),
            "urutan": pd.array(list(range(1, len(items) + 1)), dtype="Int64"),
            "uraian": pd.array([i["uraian"] for i in items], dtype="object"),
            "jenis_tampil": [agenda.JENIS_AGENDA[i["jenis"]] for i in items],
            "sumber_tampil": [
                i.get("sumber_tampil") or agenda.SUMBER_AGENDA[i["sumber"]] for i in items
            ],
            "jenis": [i["jenis"] for i in items],
            "sumber": [i["sumber"] for i in items],
            "objek": [i.get("objek") for i in items],
            "objek_id": pd.array([i.get("objek_id") for i in items], dtype="Int64"),
        }
    )


def _usulan(usulan: list[agenda.ItemAgenda], **lain) -> list[dict]:
    return [
        {
            "jenis": u.jenis,
            "uraian": u.uraian,
            "sumber": agenda.USULAN,
            "objek": u.objek,
            "objek_id": u.objek_id,
            **lain,
        }
        for u in usulan
    ]


def _tabel_agenda(items: list[dict], kunci: str) -> list[dict]:
    """The agenda as an editable table: untick Bahas to drop an item, change No to reorder,
    add rows at the bottom; the service keeps the ticked rows in the order of No."""
    st.markdown("**Agenda rapat**")
    st.caption(
        "Hapus centang **Bahas** untuk agenda yang tidak dibahas, ubah **No** untuk mengatur "
        "urutan, dan tulis agenda lain di baris kosong paling bawah."
    )
    hasil = st.data_editor(
        _baris_agenda(items),
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
    return hasil.to_dict("records")


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
    status = "final" if ada["status"] == "final" else "draf"
    per = periode(data["tahun"], data["triwulan"])
    st.warning(
        f"Rapat **{formats.md_aman(ada['judul'])}** untuk {per} "
        f"pada {formats.tanggal(pd.Timestamp(ada['waktu']).date())} sudah tercatat ({status}). "
        "Rapat yang sama tidak perlu dicatat dua kali; simpan hanya bila ini memang rapat lain.",
        icon=":material/content_copy:",
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
    akhir = web.cached_read(svc_capaian.periode_terakhir)(akses, instansi_id) or (
        config.sekarang().date().year,
        1,
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
            {
                "tahun": int(tahun),
                "triwulan": int(triwulan),
                "judul": f"Rapat Monev Capaian Kinerja {periode(tahun, triwulan)}",
                "waktu": dt.datetime.combine(config.sekarang().date(), dt.time(9)),
                "tempat": "Ruang Rapat Kepala Dinas",
                "pimpinan": f"{kop['kepala_nama'] or ''}, {kop['kepala_jabatan'] or ''}".strip(
                    ", "
                ),
                "notulis": akses.nama or akses.username,
            },
            "baru",
        )
        kepala = [kop["kepala_nama"]] if kop["kepala_nama"] else []
        peserta = _tabel_peserta(
            pd.DataFrame(
                {
                    "nama": kepala,
                    "jabatan": [kop["kepala_jabatan"]] * len(kepala),
                    "unit_id": [None] * len(kepala),
                }
            ),
            "baru_peserta",
        )
        ag = _tabel_agenda(_usulan(usulan), f"baru_agenda_{tahun}_{triwulan}")
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
final = info["status"] == "final"
st.subheader(periode(info["tahun"], info["triwulan"]))
st.dataframe(
    pd.DataFrame(
        {
            "Rincian": [
                "Judul",
                "Waktu",
                "Tempat",
                "Pimpinan rapat",
                "Notulis",
                "Status",
            ],
            "Isi": [
                info["judul"],
                f"{formats.hari_tanggal(pd.Timestamp(info['waktu']).date())}, "
                + pukul(pd.Timestamp(info["waktu"]).to_pydatetime()).replace("Pukul", "pukul"),
                info["tempat"] or "–",
                info["pimpinan"] or "–",
                info["notulis"] or "–",
                ("Final" if final else "Draf")
                + (f", revisi ke-{int(info['revisi'])}" if info["revisi"] else ""),
            ],
        }
    ),
    hide_index=True,
)

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

with st.container(border=True):
    # SOP Monev periodik: invitation sent to the participants, the meeting, its minutes made
    # final, the record archived (docs/DOMAIN.md §9.8)
    und = web.cached_read(svc.status_undangan)(akses, rapat_id)
    st.markdown("**Undangan dan arsip rapat**")
    st.caption(formats.md_aman(tampilan_rapat.langkah_sop(und, final)))
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
                lambda jenis=jenis: web.cached_read(svc.undangan)(akses, rapat_id, jenis, nomor),
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
    if not und["nomor"] and pd.Timestamp(info["waktu"]) < pd.Timestamp(config.sekarang()):
        st.caption("Waktu rapat ini sudah lewat; undangan biasanya dikirim sebelum rapat.")

tab = st.tabs(["Peserta dan agenda", "Pembahasan", "Temuan dan tindak lanjut", "Revisi"])
with tab[0]:
    ps = d["peserta"]
    st.dataframe(
        pd.DataFrame(
            {
                "Nama": ps["nama"],
                "Jabatan": ps["jabatan"].fillna(""),
                # Kadis, Sekretaris, Pengelola Monev and guests belong to no unit: their
                # jabatan says where they sit
                "Unit": ps["unit"].where(ps["unit"].notna(), ps["jabatan"]).fillna("–"),
            }
        ),
        hide_index=True,
    )
    st.dataframe(
        pd.DataFrame(
            {
                "No": d["agenda"]["urutan"],
                "Agenda": d["agenda"]["uraian"],
                "Jenis": d["agenda"]["jenis"].map(agenda.JENIS_AGENDA),
                "Sumber": d["agenda"]["sumber"].map(agenda.SUMBER_AGENDA),
            }
        ),
        hide_index=True,
    )
with tab[1]:
    st.caption("Ringkasan pembahasan")
    st.text(info["ringkasan"] or "–")
    st.caption("Kesimpulan dan keputusan")
    st.text(info["kesimpulan"] or "–")
with tab[2]:
    tl = d["tindak_lanjut"]
    temuan = d["temuan"]
    if temuan.empty:
        st.info("Belum ada temuan.")
    else:
        gabung = temuan.merge(
            tl[["temuan_id", "uraian", "pic_unit", "batas_waktu", "status"]],
            left_on="id",
            right_on="temuan_id",
            how="left",
        )
        st.dataframe(
            pd.DataFrame(
                {
                    "Unit": gabung["unit"],
                    "Indikator": gabung["indikator_kode"].fillna("–"),
                    "Permasalahan": gabung["permasalahan"],
                    "Penyebab": gabung["penyebab"].fillna(""),
                    "Rekomendasi": gabung["rekomendasi"].fillna(""),
                    "Tindak lanjut": gabung["uraian"].fillna(""),
                    "PIC": gabung["pic_unit"].fillna(""),
                    "Batas waktu": gabung["batas_waktu"].map(
                        lambda b: formats.tanggal(pd.Timestamp(b).date()) if pd.notna(b) else "–"
                    ),
                    "Status": gabung["status"].fillna(""),
                }
            ),
            hide_index=True,
        )
with tab[3]:
    rev = d["revisi"]
    if rev.empty:
        st.caption("Belum ada revisi.")
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    "Revisi": rev["revisi"],
                    "Alasan": rev["alasan"],
                    "Oleh": rev["oleh"],
                    "Pada": rev["pada"].map(formats.waktu),
                }
            ),
            hide_index=True,
        )

if not boleh_ubah:
    st.stop()

st.divider()
alasan_label = "Alasan perubahan (wajib: notulen sudah final, perubahan menjadi revisi)"

with st.expander("Tambah temuan dan tindak lanjut", expanded=not final and temuan.empty):
    indikator = web.cached_read(svc_admin.daftar_indikator)(akses, instansi_id)
    nama_ind = {0: "— tanpa indikator —"} | {
        int(r.id): f"{r.kode} {r.nama}" for r in indikator.itertuples()
    }
    with st.form("temuan_baru"):
        a, b = st.columns(2)
        unit_id = a.selectbox("Unit", list(nama_unit), format_func=nama_unit.get, key="tm_unit")
        ind_id = b.selectbox(
            "Indikator (opsional)", list(nama_ind), format_func=nama_ind.get, key="tm_ind"
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
            value=config.sekarang().date() + dt.timedelta(days=60),
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
                [{"uraian": uraian, "pic_unit_id": pic or unit_id, "batas_waktu": batas}],
                alasan,
                sukses="Temuan dan tindak lanjutnya tersimpan.",
            )

if not temuan.empty:
    with st.expander("Tindak lanjut tambahan atau hapus temuan"):
        nama_tm = {int(r.id): f"{r.unit}: {r.permasalahan[:70]}" for r in temuan.itertuples()}
        tid = st.selectbox("Temuan", list(nama_tm), format_func=nama_tm.get, key="tm_pilih")
        with st.form("tl_tambah"):
            uraian2 = st.text_input("Uraian tindak lanjut", key="tl2_uraian")
            a, b = st.columns(2)
            pic2 = a.selectbox(
                "Unit PIC", list(nama_unit), format_func=nama_unit.get, key="tl2_pic"
            )
            batas2 = b.date_input(
                "Batas waktu",
                value=config.sekarang().date() + dt.timedelta(days=60),
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
    items = [
        {
            "jenis": r.jenis,
            "uraian": r.uraian,
            "sumber": r.sumber,
            "objek": r.objek if isinstance(r.objek, str) else None,
            "objek_id": int(r.objek_id) if pd.notna(r.objek_id) else None,
        }
        for r in d["agenda"].itertuples(index=False)
    ]
    if st.session_state.get(ulang):
        ada = {(i["jenis"], i["objek"], i["objek_id"]) for i in items}
        baru = [
            u
            for u in web.cached_read(svc.usulan_agenda)(
                akses, instansi_id, int(info["tahun"]), int(info["triwulan"]), None, rapat_id
            )
            if (u.jenis, u.objek, u.objek_id) not in ada
        ]
        items += _usulan(baru, bahas=False, sumber_tampil="Usulan baru")
        st.caption(
            f"{formats.angka(len(baru), 0)} usulan baru dari data ditambahkan di bawah tanpa "
            "centang; centang **Bahas** untuk memasukkannya ke agenda."
            if baru
            else "Tidak ada usulan baru dari data: semua usulan sudah ada di agenda."
        )
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
