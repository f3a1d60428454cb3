"""What the Rapat monev page shows, shaped from the service's reads (pure: no Streamlit, no
store): the meeting list and selector labels, the record's tables, the rows of the participant
and agenda editors, and the steps of SOP Monitoring Evaluasi Kinerja Secara Periodik a meeting
has been through; and the tables of the pages that read the meetings' outcome (Hasil monev,
Tindak lanjut). The pages only lay these out, so what they show is tested without a browser."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd

from dashboard.inti import bingkai, bukti, formats
from dashboard.rapat import agenda
from dashboard.rapat import tindak_lanjut as aturan_tl
from dashboard.rapat.notulen import periode, pukul

BARU = 0  # the selector's "new meeting" entry (no meeting has id 0)
LABEL_BARU = "+ Catat rapat baru"
TANPA_UNIT = "Tanpa unit (pimpinan, tamu)"
HARI_BATAS = 60  # a new follow-up is proposed due two months after it is set
JUDUL_ALASAN = "Alasan perubahan (wajib: notulen sudah final, perubahan menjadi revisi)"


def _status(status: str) -> str:
    return "Final" if status == "final" else "Draf"


def _tgl(nilai: object) -> str:
    return formats.tanggal(pd.Timestamp(nilai).date()) if pd.notna(nilai) else "–"


def tabel_daftar(daftar: pd.DataFrame) -> pd.DataFrame:
    """The meetings recorded, newest first, as the list at the top of the page."""
    return pd.DataFrame(
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
    )


def label_rapat(daftar: pd.DataFrame, boleh_baru: bool) -> dict[int, str]:
    """The selector's entries in order ("+ Catat rapat baru" first for whoever may record
    one); two meetings a user confirmed as distinct are told apart by their number."""
    label = {BARU: LABEL_BARU} if boleh_baru else {}
    for r in bingkai.baris(daftar):
        label[int(r.id)] = (
            f"{periode(r.tahun, r.triwulan)} · {r.judul} · "
            f"{formats.tanggal(pd.Timestamp(r.waktu).date())} ({_status(r.status)})"
        )
    teks = list(label.values())
    return {rid: f"{t} · no. {rid}" if teks.count(t) > 1 else t for rid, t in label.items()}


def rapat_terpilih(pilihan: list[int], *calon: object) -> int:
    """The meeting to open: the first candidate (the address, then the session's choice) that
    is one of the choices, else the newest meeting, else the new-meeting form."""
    for nilai in calon:
        try:
            rid = int(str(nilai))
        except ValueError:
            continue
        if rid in pilihan:
            return rid
    lama = [p for p in pilihan if p != BARU]
    return lama[0] if lama else BARU


def kunci_pemilih(label: dict[int, str]) -> str:
    """The selector's widget key, following its labels: after "Finalkan" or a new meeting the
    selector is drawn afresh with the new labels (a kept widget would hold the old label and
    lose the choice on the next click)."""
    return "rapat_pilih_" + hashlib.sha1("|".join(label.values()).encode()).hexdigest()[:10]


def periode_awal(terakhir: tuple[int, int] | None, hari_ini: dt.date) -> tuple[int, int]:
    """The period a new meeting is about: the latest with data, else this year's first."""
    return terakhir or (hari_ini.year, 1)


def kepala_baru(
    tahun: int, triwulan: int, kop: dict, notulis: str, hari_ini: dt.date
) -> dict[str, object]:
    """The header a new meeting starts with: the usual title, 09.00 today, the head of the
    instansi in the chair."""
    return {
        "tahun": int(tahun),
        "triwulan": int(triwulan),
        "judul": f"Rapat Monev Capaian Kinerja {periode(tahun, triwulan)}",
        "waktu": dt.datetime.combine(hari_ini, dt.time(9)),
        "tempat": "Ruang Rapat Kepala Dinas",
        "pimpinan": f"{kop['kepala_nama'] or ''}, {kop['kepala_jabatan'] or ''}".strip(", "),
        "notulis": notulis,
    }


def peserta_baru(kop: dict) -> pd.DataFrame:
    """A new meeting's participants: the head of the instansi, when known."""
    kepala = [kop["kepala_nama"]] if kop["kepala_nama"] else []
    return pd.DataFrame(
        {
            "nama": kepala,
            "jabatan": [kop["kepala_jabatan"]] * len(kepala),
            "unit_id": [None] * len(kepala),
        }
    )


def baris_peserta(peserta: pd.DataFrame, tanpa_unit: int) -> pd.DataFrame:
    """Participants as rows of the editor; a participant of no unit gets `tanpa_unit`."""
    return pd.DataFrame(
        {
            "nama": peserta["nama"].astype("object").fillna(""),
            "jabatan": peserta["jabatan"].astype("object").fillna(""),
            "unit_id": pd.to_numeric(peserta["unit_id"]).fillna(tanpa_unit).astype(int),
        }
    )


def item_usulan(usulan: list[agenda.ItemAgenda], **lain: object) -> list[dict]:
    """Agenda items proposed from the data, as editor items (`lain`: e.g. unticked)."""
    return [
        {
            "jenis": u.jenis,
            "uraian": u.uraian,
            "sumber": u.sumber,
            "objek": u.objek,
            "objek_id": u.objek_id,
            **lain,
        }
        for u in usulan
    ]


def item_agenda(ag: pd.DataFrame) -> list[dict]:
    """A recorded agenda as editor items."""
    return [
        {
            "jenis": r.jenis,
            "uraian": r.uraian,
            "sumber": r.sumber,
            "objek": r.objek if isinstance(r.objek, str) else None,
            "objek_id": int(r.objek_id) if pd.notna(r.objek_id) else None,
        }
        for r in bingkai.baris(ag)
    ]


def usulan_baru(items: list[dict], usulan: list[agenda.ItemAgenda]) -> list[agenda.ItemAgenda]:
    """Proposals from the data that the agenda does not hold yet (same kind and object)."""
    ada = {(i["jenis"], i["objek"], i["objek_id"]) for i in items}
    return [u for u in usulan if (u.jenis, u.objek, u.objek_id) not in ada]


def pesan_usulan_baru(jumlah: int) -> str:
    if jumlah:
        return (
            f"{formats.angka(jumlah, 0)} usulan baru dari data ditambahkan di bawah tanpa "
            "centang; centang **Bahas** untuk memasukkannya ke agenda."
        )
    return "Tidak ada usulan baru dari data: semua usulan sudah ada di agenda."


def baris_agenda(items: list[dict]) -> pd.DataFrame:
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


def pesan_ganda(ada: dict, tahun: int, triwulan: int) -> str:
    """The warning when a new meeting repeats one already recorded (docs/DOMAIN.md §7.3)."""
    status = "final" if ada["status"] == "final" else "draf"
    return (
        f"Rapat **{formats.md_aman(ada['judul'])}** untuk {periode(tahun, triwulan)} "
        f"pada {_tgl(ada['waktu'])} sudah tercatat ({status}). "
        "Rapat yang sama tidak perlu dicatat dua kali; simpan hanya bila ini memang rapat lain."
    )


def sudah_final(info: dict) -> bool:
    """Final minutes change only as revisions with a reason."""
    return info["status"] == "final"


def tabel_rincian(info: dict) -> pd.DataFrame:
    """The meeting's header as a two-column table."""
    w = pd.Timestamp(info["waktu"])
    return pd.DataFrame(
        {
            "Rincian": ["Judul", "Waktu", "Tempat", "Pimpinan rapat", "Notulis", "Status"],
            "Isi": [
                info["judul"],
                f"{formats.hari_tanggal(w.date())}, "
                + pukul(w.to_pydatetime()).replace("Pukul", "pukul"),
                info["tempat"] or "–",
                info["pimpinan"] or "–",
                info["notulis"] or "–",
                ("Final" if sudah_final(info) else "Draf")
                + (f", revisi ke-{int(info['revisi'])}" if info["revisi"] else ""),
            ],
        }
    )


def tabel_peserta(ps: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Nama": ps["nama"],
            "Jabatan": ps["jabatan"].fillna(""),
            # Kadis, Sekretaris, Pengelola Monev and guests belong to no unit: their jabatan
            # says where they sit
            "Unit": ps["unit"].where(ps["unit"].notna(), ps["jabatan"]).fillna("–"),
        }
    )


def tabel_agenda(ag: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "No": ag["urutan"],
            "Agenda": ag["uraian"],
            "Jenis": ag["jenis"].map(agenda.JENIS_AGENDA),
            "Sumber": ag["sumber"].map(agenda.SUMBER_AGENDA),
        }
    )


def tabel_temuan(temuan: pd.DataFrame, tl: pd.DataFrame) -> pd.DataFrame:
    """Each finding with its follow-ups, one row per follow-up (a finding without one: one
    row with the follow-up columns blank)."""
    gabung = temuan.merge(
        tl[["temuan_id", "uraian", "pic_unit", "batas_waktu", "status"]],
        left_on="id",
        right_on="temuan_id",
        how="left",
    )
    return pd.DataFrame(
        {
            "Unit": gabung["unit"],
            "Indikator": gabung["indikator_kode"].fillna("–"),
            "Permasalahan": gabung["permasalahan"],
            "Penyebab": gabung["penyebab"].fillna(""),
            "Rekomendasi": gabung["rekomendasi"].fillna(""),
            "Tindak lanjut": gabung["uraian"].fillna(""),
            "PIC": gabung["pic_unit"].fillna(""),
            "Batas waktu": gabung["batas_waktu"].map(_tgl),
            "Status": gabung["status"].fillna(""),
        }
    )


def tabel_revisi(rev: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Revisi": rev["revisi"],
            "Alasan": rev["alasan"],
            "Oleh": rev["oleh"],
            "Pada": rev["pada"].map(formats.waktu),
        }
    )


def nama_unit(units: pd.DataFrame) -> dict[int, str]:
    return dict(zip(units["id"].astype(int), units["nama"], strict=True))


def nama_indikator(indikator: pd.DataFrame) -> dict[int, str]:
    """The finding form's indicator choices; 0 = no indicator."""
    return {0: "— tanpa indikator —"} | {
        int(r.id): f"{r.kode} {r.nama}" for r in bingkai.baris(indikator)
    }


def nama_temuan(temuan: pd.DataFrame) -> dict[int, str]:
    return {int(r.id): f"{r.unit}: {r.permasalahan[:70]}" for r in bingkai.baris(temuan)}


def batas_bawaan(hari_ini: dt.date) -> dt.date:
    return hari_ini + dt.timedelta(days=HARI_BATAS)


def undangan_terlambat(und: dict, waktu: object, sekarang: dt.datetime) -> bool:
    """No invitation sent and the meeting time has passed."""
    return not und["nomor"] and pd.Timestamp(waktu) < pd.Timestamp(sekarang)


def langkah_sop(und: dict, final: bool) -> str:
    """ "✓ Undangan dikirim (nomor ..., 3 Juli 2026) → ✓ Notulen final → ○ Diarsipkan"."""
    if und.get("nomor"):
        kirim = (
            f"✓ Undangan dikirim (nomor {und['nomor']}, "
            f"{formats.tanggal(pd.Timestamp(und['tanggal']).date())})"
        )
    else:
        kirim = "○ Undangan belum dikirim"
    notulen = "✓ Notulen final" if final else "○ Notulen masih draf"
    if und.get("diarsipkan_pada") is not None:
        arsip = f"✓ Diarsipkan {formats.waktu(und['diarsipkan_pada'])}"
    else:
        arsip = "○ Belum diarsipkan"
    return f"{kirim} → {notulen} → {arsip}"


def tabel_rekap_unit(rekap: pd.DataFrame) -> pd.DataFrame:
    """Hasil monev: the follow-ups counted per PIC unit, under Indonesian headings."""
    return rekap.rename(
        columns={
            "pic_unit": "Unit PIC",
            "jumlah": "Jumlah",
            "terbuka": "Belum selesai",
            "terlambat": "Lewat batas",
            "minta_tutup": "Minta ditutup",
            "selesai": aturan_tl.SELESAI,
        }
    )


def tabel_lewat_batas(tl: pd.DataFrame, hari_ini: dt.date) -> pd.DataFrame:
    """Hasil monev: the overdue follow-ups, the longest overdue first, with the days late
    counted to `hari_ini` (config.hari_ini(): the agency's date). The short key columns come
    first, the long description last (the page gives it the widest column)."""
    lewat = tl[tl["terlambat"]].sort_values("batas_waktu")
    return pd.DataFrame(
        {
            "Unit PIC": lewat["pic_unit"],
            "Terlambat (hari)": lewat["batas_waktu"].map(
                lambda b: (pd.Timestamp(hari_ini) - pd.Timestamp(b)).days
            ),
            "Batas waktu": lewat["batas_waktu"].map(
                lambda b: formats.tanggal(pd.Timestamp(b).date())
            ),
            "Status": lewat["status"],
            "Rapat": [
                periode(y, t) for y, t in zip(lewat["tahun"], lewat["triwulan"], strict=True)
            ],
            "Tindak lanjut": lewat["uraian"],
        }
    )


def tabel_hasil_rapat(rapat: pd.DataFrame) -> pd.DataFrame:
    """Hasil monev: the meetings with their counts; the title last and the decisions left out
    (a paragraph, read in full below the table)."""
    return pd.DataFrame(
        {
            "Tanggal": rapat["waktu"].map(lambda w: formats.tanggal(pd.Timestamp(w).date())),
            "Periode": [
                periode(y, t) for y, t in zip(rapat["tahun"], rapat["triwulan"], strict=True)
            ],
            "Status": rapat["status"].map({"draf": "Draf", "final": "Final"}),
            "Temuan": rapat["temuan"],
            "Tindak lanjut terbuka": rapat["tindak_lanjut_terbuka"],
            "Judul": rapat["judul"],
        }
    )


def tabel_tindak_lanjut(tl: pd.DataFrame) -> pd.DataFrame:
    """Tindak lanjut: the follow-ups chosen. The key columns first (PIC, deadline and status in
    view at 1366 px); the long texts follow and are read in full in the panel below."""
    return pd.DataFrame(
        {
            "Unit PIC": tl["pic_unit"],
            "Batas waktu": tl["batas_waktu"].map(_tgl),
            "Status": tl["status"],
            "Lewat batas": tl["terlambat"].map({True: "Lewat batas", False: ""}),
            "Minta ditutup": (tl["minta_tutup"].astype(bool) & aturan_tl.terbuka(tl["status"])).map(
                {True: "Ya", False: ""}
            ),
            "Tindak lanjut": tl["uraian"],
            "Permasalahan": tl["permasalahan"],
            "Catatan progres": tl["catatan_progres"].fillna(""),
            "Bukti": tl["bukti"].map(bukti.label),
            "Catatan Pengelola Monev": tl["catatan_monev"].fillna(""),
            "Rapat": [periode(y, t) for y, t in zip(tl["tahun"], tl["triwulan"], strict=True)],
        }
    )
