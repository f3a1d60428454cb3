"""What the review queue shows, as pure functions: the queue and its labels, the bulk button's
words for the caller's step, the table's identity, a submission's values and history, and how a
piece of evidence is shown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from dashboard.akun.akses import NAMA_PERAN, Akses
from dashboard.inti import bingkai, bukti, formats
from dashboard.review import alur

# the ordering of the steps, for a caller holding several reviewer roles
_URUTAN = list(alur.PERAN_MENYETUJUI)


def label_massal(status: Iterable[str]) -> str:
    """The bulk button names the step it takes: "Paraf 2 pengajuan" for the Sekretaris, "Sahkan
    2 pengajuan" for the Kepala Dinas; a mix (a caller holding several roles) counts each step."""
    per_status = Counter(status)
    jumlah = sum(per_status.values())
    if len(per_status) == 1:
        (s,) = per_status
        return f"{alur.LABEL_AKSI[alur.PERAN_MENYETUJUI[s]]} {jumlah} pengajuan"
    rincian = ", ".join(
        f"{alur.LABEL_AKSI[alur.PERAN_MENYETUJUI[s]].lower()} {per_status[s]}"
        for s in sorted(per_status, key=_URUTAN.index)
    )
    return f"Proses {jumlah} pengajuan ({rincian})"


def kunci_tabel(ids: Iterable[int]) -> str:
    """The queue table's widget key, made of the rows it shows: once an approval changes the
    queue, the old selection (row positions into the old table) is dropped, never applied to
    other rows or past the end."""
    return "tabel_antrian_" + "_".join(str(int(i)) for i in ids)


JENIS_GAMBAR = frozenset({"png", "jpg", "jpeg"})


def jenis_bukti(label: object, jenis: object) -> str:
    """A short word for the evidence column: the file type of an upload, a link, a typed note,
    or a dash for none (the full text and the file itself stand in the detail panel)."""
    if label == bukti.LABEL_BERKAS and isinstance(jenis, str):
        return "Gambar" if jenis in JENIS_GAMBAR else jenis.upper()
    if not isinstance(label, str) or not label.strip():
        return "–"
    teks = label.strip().lower()
    return "Tautan" if teks.startswith(("http://", "https://", "www.")) else "Teks"


def cara_pratinjau(jenis: str) -> str:
    """How the app opens an uploaded file: a PDF in the viewer, an image as an image, any other
    type (XLSX, DOCX) as a download."""
    if jenis == "pdf":
        return "pdf"
    return "gambar" if jenis in JENIS_GAMBAR else "unduh"


def pesan_massal(status: Iterable[str]) -> str:
    """The message after a bulk approval: "2 pengajuan diparaf." (or "diproses" for a mix)."""
    per_status = Counter(status)
    jumlah = sum(per_status.values())
    if len(per_status) == 1:
        (s,) = per_status
        ke = alur.langkah(s, alur.PERAN_MENYETUJUI[s]).ke
        return f"{jumlah} pengajuan {alur.LABEL_STATUS[ke].lower()}."
    return f"{jumlah} pengajuan diproses."


def nama_periode(tahun: int, triwulan: int) -> str:
    return f"{formats.nama_triwulan(int(triwulan))} {formats.nama_tahun(int(tahun))}"


def langkah_saya(akses: Akses) -> list[str]:
    """The review steps the caller's roles take: "paraf (Sekretaris)"."""
    return [
        f"{alur.LABEL_AKSI[alur.PERAN_MENYETUJUI[s]].lower()} ({NAMA_PERAN[p]})"
        for p, s in alur.ANTRIAN.items()
        if akses.punya(p)
    ]


def tabel_antrian(antrian: pd.DataFrame) -> pd.DataFrame:
    """The queue; the hidden `id` column says which submission a selected row is."""
    return pd.DataFrame(
        {
            "id": antrian["id"],
            "Unit": antrian["unit"],
            "Periode": [
                nama_periode(y, t)
                for y, t in zip(antrian["tahun"], antrian["triwulan"], strict=True)
            ],
            "Status": antrian["status"].map(alur.LABEL_STATUS),
            "Menunggu sejak": antrian["status_sejak"].map(formats.waktu),
            "Hari": antrian["menunggu_hari"].map(lambda x: formats.angka(x, 1)),
            "Terlambat": antrian["terlambat"].map({True: "Terlambat", False: ""}),
        }
    )


def nama_pengajuan(tabel: pd.DataFrame) -> dict[int, str]:
    """Submission id -> "Unit · Periode", from the queue table."""
    return {int(r.id): f"{r.Unit} · {r.Periode}" for r in bingkai.baris(tabel)}


def label_pengajuan(tabel: pd.DataFrame) -> dict[int, str]:
    """The "Periksa pengajuan" choices: "Unit · Periode · Status"."""
    nama = nama_pengajuan(tabel)
    return {i: f"{n} · {s}" for (i, n), s in zip(nama.items(), tabel["Status"], strict=True)}


def singkat_tw(triwulan: int) -> str:
    """ "TW III", as the value columns are headed."""
    return formats.nama_triwulan(triwulan).replace("Triwulan", "TW")


def judul_pengajuan(info: dict) -> str:
    """ "Bidang A: Triwulan III TA 2026"."""
    return f"{formats.md_aman(info['unit_nama'])}: {nama_periode(info['tahun'], info['triwulan'])}"


def keterangan_pengajuan(info: dict) -> str:
    """Under the submission's heading: its status, who submitted it when, late or not, due."""
    return (
        f"Status **{alur.LABEL_STATUS[info['status']]}** · diajukan oleh "
        f"{formats.md_aman(info['diajukan_oleh_nama'] or '–')} "
        f"pada {formats.waktu(info['diajukan_pada'])}"
        + (" · **terlambat**" if info["terlambat"] else "")
        + f" · tenggat {formats.tanggal(info['tenggat'])}"
    )


def tabel_nilai(nilai: pd.DataFrame, tw: str) -> pd.DataFrame:
    """A submission's values per indicator; Kategori falls back to the status of a value that
    has no category (no target, not filled)."""
    return pd.DataFrame(
        {
            "Kode": nilai["kode"],
            "Indikator": nilai["nama"],
            f"Realisasi {tw}": nilai["realisasi_tw"].map(formats.angka),
            f"Realisasi s.d. {tw}": nilai["realisasi_sd"].map(formats.angka),
            f"Target s.d. {tw}": nilai["target_sd"].map(formats.angka),
            "Capaian": nilai["capaian"].map(formats.persen),
            "Kategori": nilai["kategori"].fillna(nilai["status"]),
            "Bukti": [
                jenis_bukti(b, j) for b, j in zip(nilai["bukti"], nilai["bukti_jenis"], strict=True)
            ],
        }
    )


def ringkasan_indikator(ind: pd.Series, tw: str) -> str:
    """The selected indicator's values in one line, above its note and evidence."""
    return (
        f"**{formats.md_aman(ind['kode'])} · {formats.md_aman(ind['nama'])}** "
        f"({formats.md_aman(ind['satuan'])}): realisasi {tw} "
        f"**{formats.angka(ind['realisasi_tw'])}**, target {tw} "
        f"{formats.angka(ind['target_tw'])}; s.d. {tw} "
        f"{formats.angka(ind['realisasi_sd'])} dari {formats.angka(ind['target_sd'])} "
        f"(capaian {formats.persen(ind['capaian'])})"
    )


def tabel_riwayat(r: pd.DataFrame) -> pd.DataFrame:
    """A submission's history: who moved it from which state to which, when, and why."""
    return pd.DataFrame(
        {
            "Waktu": r["waktu"].map(formats.waktu),
            "Oleh": r["nama"],
            "Peran": r["peran"].map(lambda p: NAMA_PERAN.get(p, "") if isinstance(p, str) else ""),
            "Dari": r["dari"].map(alur.LABEL_STATUS).fillna(""),
            "Ke": r["ke"].map(alur.LABEL_STATUS).fillna(""),
            "Catatan": r["catatan"].fillna(""),
        }
    )


# --- Perbaikan data (a correction follows the same review chain) ---


def menunggu_saya(daftar: pd.DataFrame, akses: Akses) -> pd.DataFrame:
    """The rows in a state that waits for one of the caller's reviewer roles."""
    return daftar[daftar["status"].isin([s for p, s in alur.ANTRIAN.items() if akses.punya(p)])]


def boleh_proses(status: str, akses: Akses) -> str | None:
    """The step the caller takes on a row in `status` (verifikasi, paraf, sahkan), or None
    when the row does not wait for one of the caller's roles."""
    aksi = alur.PERAN_MENYETUJUI.get(status)
    peran = {s: p for p, s in alur.ANTRIAN.items()}.get(status)
    return aksi if aksi and peran and akses.punya(peran) else None


def label_perbaikan(daftar: pd.DataFrame) -> dict[int, str]:
    return {
        int(r.id): f"{r.kode} {r.indikator} · {nama_periode(r.tahun, r.triwulan)} · "
        f"{alur.LABEL_STATUS[r.status]}"
        for r in bingkai.baris(daftar)
    }


def tabel_perbaikan(daftar: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Periode": [
                nama_periode(y, t) for y, t in zip(daftar["tahun"], daftar["triwulan"], strict=True)
            ],
            "Indikator": daftar["kode"] + " " + daftar["indikator"],
            "Nilai lama": daftar["nilai_lama"].map(formats.angka),
            "Nilai baru": daftar["nilai_baru"].map(formats.angka),
            "Status": daftar["status"].map(alur.LABEL_STATUS),
            "Diajukan oleh": daftar["diajukan_oleh_nama"],
        }
    )


def ringkasan_perbaikan(f: pd.Series) -> tuple[str, str]:
    """A correction in two lines (markdown): what changes from what to what, and its status."""
    judul = (
        f"**{formats.md_aman(f['kode'])} · {formats.md_aman(f['indikator'])}** "
        f"({formats.md_aman(f['unit'])}), {nama_periode(f['tahun'], f['triwulan'])}: "
        f"{formats.angka(f['nilai_lama'])} → **{formats.angka(f['nilai_baru'])}** "
        f"{formats.md_aman(f['satuan'] or '')}"
    )
    status = (
        f"Status **{alur.LABEL_STATUS[f['status']]}** · diajukan oleh "
        f"{formats.md_aman(f['diajukan_oleh_nama'])} pada {formats.waktu(f['diajukan_pada'])}"
    )
    return judul, status


def tabel_riwayat_nilai(riwayat: pd.DataFrame, nama: dict[str, str]) -> pd.DataFrame:
    """Every change of one value: when, by whom (their name), from where, old and new."""
    return pd.DataFrame(
        {
            "Waktu": riwayat["pada"].map(formats.waktu),
            "Oleh": riwayat["oleh"].map(lambda u: nama.get(u, u)),
            "Sumber": riwayat["sumber"],
            "Nilai lama": riwayat["nilai_lama"].map(formats.angka),
            "Nilai baru": riwayat["nilai_baru"].map(formats.angka),
        }
    )
