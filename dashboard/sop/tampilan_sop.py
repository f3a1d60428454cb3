"""What the Daftar SOP page shows, shaped from the service's reads (pure: no Streamlit, no
store): the library list with the caller's own SOPs first, the revision labels, the document's
header and step table, the sum of the standard times, and the SOPs an instansi runs."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.inti import bingkai, formats
from dashboard.periode import ketepatan


def urut_milik(
    daftar: pd.DataFrame, nama_instansi: Iterable[str], dipakai: set[str]
) -> pd.DataFrame:
    """The caller's own SOPs first (those of the caller's instansi, and those the app's flows
    run), then the library's other agencies' SOPs, marked `lain` (shown as examples)."""
    sendiri = {n.casefold() for n in nama_instansi}
    milik = daftar["instansi"].str.casefold().isin(sendiri) | daftar["kode"].isin(dipakai)
    return daftar.assign(lain=~milik).sort_values(["lain", "nama"], kind="stable")


def tabel_daftar(daftar: pd.DataFrame) -> pd.DataFrame:
    return daftar[["nama", "instansi", "nomor", "revisi", "langkah"]].rename(
        columns={
            "nama": "Nama SOP",
            "instansi": "Instansi",
            "nomor": "Nomor",
            "revisi": "Revisi",
            "langkah": "Langkah",
        }
    )


def label_sop(daftar: pd.DataFrame) -> dict[str, str]:
    """SOP code -> "Nama (Instansi)", another agency's marked as an example."""
    return {
        r.kode: f"{r.nama} ({r.instansi.title()})" + (" · contoh instansi lain" if r.lain else "")
        for r in bingkai.baris(daftar)
    }


def nama_sop(daftar: pd.DataFrame) -> dict[str, str]:
    """SOP code -> "Nama (Instansi)", for choosing the one an instansi runs."""
    return dict(
        zip(
            daftar["kode"],
            daftar["nama"] + " (" + daftar["instansi"].str.title() + ")",
            strict=True,
        )
    )


def label_revisi(revisi: pd.DataFrame) -> dict[int, str]:
    """Revisions newest first; the first is the one in force."""
    return {
        int(r.id): f"Revisi {r.revisi}"
        + (" (berlaku)" if i == 0 else "")
        + (f": {r.catatan_revisi}" if isinstance(r.catatan_revisi, str) else "")
        for i, r in enumerate(bingkai.baris(revisi))
    }


def kepala(header: dict) -> tuple[str, str]:
    """The document's header in two columns (markdown): who issued it, and its dates."""
    kiri = (
        f"**Instansi:** {formats.md_aman(header['instansi'])}  \n"
        f"**Nomor SOP:** {formats.md_aman(header['nomor'] or '-')}  \n"
        f"**Disahkan oleh:** {formats.md_aman(header['disahkan_oleh'] or '-')}"
    )
    kanan = (
        f"**Tanggal pembuatan:** {header['tanggal_pembuatan'] or '-'}  \n"
        f"**Tanggal revisi:** {header['tanggal_revisi'] or '-'}  \n"
        f"**Tanggal efektif:** {header['tanggal_efektif'] or '-'}"
    )
    return kiri, kanan


def tabel_langkah(pelaksana: list[str], langkah: pd.DataFrame) -> pd.DataFrame:
    """The step table as the documents lay it out: one narrow ✓ column per actor, then the
    requirements, time, the standard as read, output and notes."""
    tabel = pd.DataFrame({"No": langkah["no"], "Aktivitas": langkah["aktivitas"]})
    for p in pelaksana:
        tabel[ketepatan.nama_pelaksana(p)] = ["✓" if p in ps else "" for ps in langkah["pelaksana"]]
    tabel["Kelengkapan"] = langkah["kelengkapan"].fillna("")
    tabel["Waktu"] = langkah["waktu"].fillna("")
    tabel["Standar terbaca"] = [w.uraian() for w in langkah["standar"]]
    tabel["Output"] = langkah["output"].fillna("")
    tabel["Keterangan"] = langkah["keterangan"].fillna("")
    return tabel


def jumlah_standar(langkah: pd.DataFrame) -> str:
    """The sum of the steps' standard times; a step without a standard counts nothing."""
    hari = sum((w.hari or 0) for w in langkah["standar"])
    menit = sum((w.menit or 0) for w in langkah["standar"])
    return (
        f"Jumlah standar waktu: {formats.angka(hari)} hari kerja dan "
        f"{formats.angka(menit)} menit kerja; langkah tanpa standar tidak dihitung."
    )


def tabel_adopsi(adopsi: pd.DataFrame) -> pd.DataFrame:
    """Per procedure, the SOP the instansi runs and who chose it (or the app's default)."""
    return pd.DataFrame(
        {
            "Prosedur": adopsi["prosedur_nama"],
            "SOP": adopsi["sop_nama"].fillna("Belum dipilih"),
            "Revisi berlaku": adopsi["revisi"].map(
                lambda r: "–" if pd.isna(r) else formats.angka(r, 0)
            ),
            "Keterangan": [
                "bawaan aplikasi" if b else f"dipilih oleh {o}"
                for b, o in zip(adopsi["bawaan"], adopsi["diadopsi_oleh"], strict=True)
            ],
        }
    )


def baris_ubah(langkah: pd.DataFrame) -> pd.DataFrame:
    """The steps as rows of the revision editor; the actors joined by "; "."""
    edit = langkah[
        ["no", "aktivitas", "pelaksana", "kelengkapan", "waktu", "output", "keterangan"]
    ].copy()
    edit["pelaksana"] = edit["pelaksana"].map("; ".join)
    return edit


def baris_peta(peta: pd.DataFrame, kolom_teks: list[str]) -> pd.DataFrame:
    """The step-to-event mapping as editor rows: a blank text cell is "", not None."""
    peta = peta.copy()
    peta[kolom_teks] = peta[kolom_teks].astype(object).where(peta[kolom_teks].notna(), "")
    return peta


def opsi_peta(jenis_event: dict, status_ke: dict) -> tuple[list[str], list[str]]:
    """The mapping editor's choices: every object an event is about, every status it reaches."""
    objek = sorted({o for v in jenis_event.values() for o in v})
    status = sorted({k for v in status_ke.values() for k in v})
    return objek, status
