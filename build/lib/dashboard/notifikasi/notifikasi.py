"""Notification rules (docs/DOMAIN.md §14), pure: which reminder is due on which day, the
deduplication keys, the retry schedule of a failed email and the texts.

Deadline and follow-up reminders count calendar days (the tenggat of a Nota Dinas and the
batas waktu of a follow-up are calendar dates): 3 days before, 1 day before, then overdue.
A reminder that the command did not get to on its exact day goes out on the next run inside
its window (H-3 also on H-2, H-1 also on the due day), each once. A reviewer's queue is
measured like the SOP step it belongs to: in working time against the step's mutu baku.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.inti import formats

# jenis of the notifications, with their labels in the inbox
JENIS = {
    "periode_dibuka": "Periode dibuka",
    "tenggat_h3": "Tenggat 3 hari lagi",
    "tenggat_h1": "Tenggat besok",
    "terlambat": "Melewati tenggat",
    "dikembalikan": "Dikembalikan",
    "antrian_lewat": "Antrian melewati standar",
    "tindak_lanjut_jatuh_tempo": "Tindak lanjut jatuh tempo",
    "tindak_lanjut_terlambat": "Tindak lanjut terlambat",
}

# the retry schedule of a failed email: 5 minutes, doubling, at most one day
JEDA_AWAL_MENIT = 5
JEDA_MAKS_MENIT = 24 * 60
# a claimed email is due again after this long if its sender stopped half-way
LAMA_KLAIM = dt.timedelta(minutes=10)


def jenis_tenggat(tenggat: dt.date, hari_ini: dt.date) -> str | None:
    """The deadline reminder due on `hari_ini` for a unit that has not submitted: 'tenggat_h3'
    three or two days before, 'tenggat_h1' one day before or on the day, 'terlambat' after it;
    None earlier."""
    sisa = (tenggat - hari_ini).days
    if sisa < 0:
        return "terlambat"
    if sisa <= 1:
        return "tenggat_h1"
    if sisa <= 3:
        return "tenggat_h3"
    return None


def jenis_tindak_lanjut(batas: dt.date, hari_ini: dt.date) -> str | None:
    """'tindak_lanjut_jatuh_tempo' from three days before the batas waktu to the day itself,
    'tindak_lanjut_terlambat' after it; None earlier."""
    sisa = (batas - hari_ini).days
    if sisa < 0:
        return "tindak_lanjut_terlambat"
    if sisa <= 3:
        return "tindak_lanjut_jatuh_tempo"
    return None


def jeda_coba_lagi(percobaan: int) -> dt.timedelta:
    """Wait after the `percobaan`-th failed attempt (1, 2, ...): 5, 10, 20 ... minutes, at most a
    day, so a mail server down for a weekend is retried without flooding it."""
    menit = JEDA_AWAL_MENIT * 2 ** max(0, min(percobaan - 1, 20))
    return dt.timedelta(minutes=min(menit, JEDA_MAKS_MENIT))


def kunci(jenis: str, *bagian: object) -> str:
    """The deduplication key of one notification: jenis and what makes it unique."""
    return ":".join([jenis, *(str(b) for b in bagian)])


@dataclass(frozen=True)
class Pesan:
    """One notification before it has recipients."""

    jenis: str
    judul: str
    isi: str
    halaman: str | None = None
    objek: str | None = None
    objek_id: str | None = None


def _tw(tahun: int, triwulan: int) -> str:
    return f"{formats.nama_triwulan(int(triwulan))} {int(tahun)}"


def pesan_periode_dibuka(
    tahun: int, triwulan: int, tenggat: dt.date, nomor: str, periode_id: int
) -> Pesan:
    return Pesan(
        "periode_dibuka",
        f"Permintaan data kinerja {_tw(tahun, triwulan)}",
        f"Periode pengumpulan data kinerja {_tw(tahun, triwulan)} telah dibuka dengan Nota "
        f"Dinas nomor {nomor}. Sampaikan realisasi indikator unit Anda beserta bukti dukungnya "
        f"paling lambat {formats.tanggal(tenggat)} melalui halaman Isi realisasi.",
        "entri",
        "periode",
        str(periode_id),
    )


def pesan_tenggat(
    jenis: str, tahun: int, triwulan: int, tenggat: dt.date, unit: str, periode_id: int
) -> Pesan:
    tw, tgl = _tw(tahun, triwulan), formats.tanggal(tenggat)
    if jenis == "terlambat":
        judul = f"Data {tw} melewati tenggat"
        isi = (
            f"Tenggat penyampaian data kinerja {tw} ({tgl}) telah lewat dan {unit} belum "
            "mengajukan datanya. Segera lengkapi dan ajukan melalui halaman Isi realisasi."
        )
    else:
        kapan = "besok" if jenis == "tenggat_h1" else "3 hari lagi"
        judul = f"Tenggat data {tw} {kapan}"
        isi = (
            f"Tenggat penyampaian data kinerja {tw} jatuh pada {tgl}. {unit} belum mengajukan "
            "datanya; lengkapi dan ajukan melalui halaman Isi realisasi."
        )
    return Pesan(jenis, judul, isi, "entri", "periode", str(periode_id))


def pesan_dikembalikan(
    tahun: int, triwulan: int, unit: str, alasan: str, pengajuan_id: int, halaman: str
) -> Pesan:
    return Pesan(
        "dikembalikan",
        f"Data {_tw(tahun, triwulan)} dikembalikan",
        f"Pengajuan data kinerja {_tw(tahun, triwulan)} {unit} dikembalikan untuk diperbaiki. "
        f"Alasan: {alasan}",
        halaman,
        "pengajuan",
        str(pengajuan_id),
    )


def pesan_antrian(
    tahun: int, triwulan: int, unit: str, status: str, standar: str, pengajuan_id: int
) -> Pesan:
    return Pesan(
        "antrian_lewat",
        f"Pengajuan {unit} menunggu melewati standar",
        f"Pengajuan data kinerja {_tw(tahun, triwulan)} {unit} berstatus {status} dan telah "
        f"menunggu lebih lama dari mutu baku waktu langkahnya ({standar}). Proses di halaman "
        "Antrian review.",
        "antrian",
        "pengajuan",
        str(pengajuan_id),
    )


def pesan_tindak_lanjut(jenis: str, uraian: str, batas: dt.date, tl_id: int) -> Pesan:
    if jenis == "tindak_lanjut_terlambat":
        judul = "Tindak lanjut melewati batas waktu"
        isi = f"Tindak lanjut \u201c{uraian}\u201d melewati batas waktu {formats.tanggal(batas)}."
    else:
        judul = "Tindak lanjut segera jatuh tempo"
        isi = f"Tindak lanjut \u201c{uraian}\u201d jatuh tempo pada {formats.tanggal(batas)}."
    isi += " Perbarui progres dan buktinya di halaman Tindak lanjut."
    return Pesan(jenis, judul, isi, "tindak-lanjut", "tindak_lanjut", str(tl_id))


def isi_surel(p: Pesan, nama: str, url_dasar: str | None) -> str:
    """The body of the email of one notification: greeting, text, link when the app's address
    is known (MONEV_URL)."""
    baris = [f"Yth. {nama},", "", p.isi, ""]
    if url_dasar and p.halaman:
        baris += [f"Buka: {url_dasar.rstrip('/')}/{p.halaman}", ""]
    baris += ["Pesan ini dikirim otomatis oleh aplikasi Monev Kinerja.", _CARA_BERHENTI]
    return "\n".join(baris)


_CARA_BERHENTI = "Surel pemberitahuan dapat dimatikan di halaman Akun saya."


def isi_ringkasan(nama: str, butir: list[tuple[str, str]], url_dasar: str | None) -> str:
    """The daily digest: the unread items of the last day, newest first."""
    baris = [f"Yth. {nama},", "", f"Ada {len(butir)} pemberitahuan yang belum Anda baca:", ""]
    baris += [f"- {judul}: {isi}" for judul, isi in butir]
    baris.append("")
    if url_dasar:
        baris += [f"Kotak masuk: {url_dasar.rstrip('/')}/kotak-masuk", ""]
    baris += ["Ringkasan harian dapat dimatikan di halaman Akun saya."]
    return "\n".join(baris)
