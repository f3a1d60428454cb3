"""Collection periods on screen: the next period the Pengelola Monev is offered to open, and what
Isi realisasi tells a unit whose period closed before it submitted (with the way to ask for a
reopen). Streamlit widgets here, the rules in dashboard/periode/layanan_periode.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.akun.akses import Akses
from dashboard.inti import bingkai, formats, web
from dashboard.periode import layanan_periode as svc


def usulan_periode_baru(
    ada: Iterable[tuple[int, int]], hari_ini: dt.date
) -> tuple[int, int, dt.date]:
    """(tahun, triwulan, tenggat) offered by "Buka periode baru": the quarter after the newest
    period (the agency's current quarter when there is none), so the default is never one that
    exists; the tenggat is the 15th of the month after that quarter, or two weeks from today
    when that date has passed."""
    ada = list(ada)
    if ada:
        tahun, triwulan = max(ada)
        tahun, triwulan = (tahun + 1, 1) if triwulan == 4 else (tahun, triwulan + 1)
    else:
        tahun, triwulan = hari_ini.year, (hari_ini.month - 1) // 3 + 1
    bulan = 3 * triwulan + 1
    tenggat = dt.date(tahun + 1, 1, 15) if bulan == 13 else dt.date(tahun, bulan, 15)
    return tahun, triwulan, max(tenggat, hari_ini + dt.timedelta(days=14))


def periode_ditutup(akses: Akses) -> None:
    """On Isi realisasi: each closed period the unit has not submitted, said plainly, with its
    reopen request (sent, waiting, or refused with the reason) or the form to send one."""
    if akses.unit_id is None or not akses.punya("staf_bidang"):
        return
    # no entered value: a draft save leaves it warm (docs/DOMAIN.md §13.6)
    daftar = web.safe(web.cached_read(svc.periode_ditutup_unit, isian=False))(akses, akses.unit_id)
    if daftar is None or daftar.empty:
        return
    for r in bingkai.baris(daftar):
        nama = f"{formats.nama_triwulan(r.triwulan)} {formats.nama_tahun(r.tahun)}"
        keadaan = "masih berupa draf" if pd.notna(r.pengajuan_id) else "belum diisi"
        with st.container(border=True):
            st.warning(
                f"Periode **{nama}** sudah ditutup ({formats.waktu(r.ditutup_pada)}) sebelum "
                f"data unit Anda diajukan; data periode itu {keadaan} dan tidak dapat diubah "
                "lagi. Minta Pengelola Monev membukanya kembali untuk unit Anda.",
                icon=":material/lock_clock:",
            )
            if r.permintaan_status == "menunggu":
                st.info(
                    f"Permintaan dikirim {formats.waktu(r.permintaan_pada)}; menunggu jawaban "
                    "Pengelola Monev.",
                    icon=":material/hourglass_top:",
                )
                continue
            if r.permintaan_status == "ditolak":
                st.warning(
                    f"Permintaan sebelumnya ditolak: {formats.md_aman(r.permintaan_jawaban)}",
                    icon=":material/block:",
                )
            _form_permintaan(akses, int(r.id), nama)


def _form_permintaan(akses: Akses, periode_id: int, nama: str) -> None:
    alasan = st.text_area(
        f"Alasan meminta {nama} dibuka kembali",
        key=f"alasan_buka_{periode_id}",
        height=80,
        placeholder="mis. Data kunjungan September baru diterima dari UPT pada 20 Oktober.",
    )
    if st.button(
        "Minta dibuka kembali",
        key=f"minta_buka_{periode_id}",
        icon=":material/send:",
    ):
        web.tulis(
            svc.minta_buka_kembali,
            akses,
            periode_id,
            akses.unit_id,
            alasan,
            sukses="Permintaan dikirim ke Pengelola Monev; jawabannya tampil di halaman ini.",
        )


# --- the Periode pengumpulan page's tables (pure: the page only lays them out) ---

_MENUNGGU = "menunggu"  # a reopen request not answered yet
DIBUKA, DITUTUP = "dibuka", "ditutup"  # a period's status


def nama_periode(tahun: int, triwulan: int) -> str:
    """ "Triwulan III TA 2026"."""
    return f"{formats.nama_triwulan(int(triwulan))} {formats.nama_tahun(int(tahun))}"


def _nama_baris(df: pd.DataFrame) -> list[str]:
    return [nama_periode(y, t) for y, t in zip(df["tahun"], df["triwulan"], strict=True)]


def label_periode(periode: pd.DataFrame) -> dict[int, str]:
    """Period id -> its name, in the list's order (newest first)."""
    return dict(zip(periode["id"].astype(int), _nama_baris(periode), strict=True))


def dengan_status(periode: pd.DataFrame, status: str) -> pd.DataFrame:
    """The periods open (DIBUKA) or closed (DITUTUP)."""
    return periode[periode["status"] == status]


def tabel_periode(periode: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Periode": _nama_baris(periode),
            "Tenggat": periode["tenggat"].map(formats.tanggal),
            "Status": periode["status"].map({DIBUKA: "Dibuka", DITUTUP: "Ditutup"}),
            "Unit mengajukan": periode["diajukan"],
            "Disahkan": periode["disahkan"],
            "Terlambat": periode["terlambat"],
            "Catatan": periode["catatan"].fillna(""),
        }
    )


def permintaan_menunggu(permintaan: pd.DataFrame, menunggu: bool = True) -> pd.DataFrame:
    """The reopen requests waiting for an answer (or, menunggu=False, those answered)."""
    return permintaan[(permintaan["status"] == _MENUNGGU) == menunggu]


def tabel_permintaan(menunggu: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Unit": menunggu["unit"],
            "Periode": _nama_baris(menunggu),
            "Alasan unit": menunggu["alasan"],
            "Diminta": menunggu["pada"].map(formats.waktu),
        }
    )


def label_permintaan(menunggu: pd.DataFrame) -> dict[int, str]:
    return {
        int(r.id): f"{r.unit} · {nama_periode(r.tahun, r.triwulan)}"
        for r in bingkai.baris(menunggu)
    }


def tabel_terjawab(terjawab: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Unit": terjawab["unit"],
            "Periode": _nama_baris(terjawab),
            "Jawaban": terjawab["status"].map(
                {"dikabulkan": "Dibuka kembali", "ditolak": "Ditolak"}
            ),
            "Catatan": terjawab["jawaban"].fillna(""),
            "Dijawab": terjawab["diproses_pada"].map(formats.waktu),
        }
    )


def label_surat(surat: pd.DataFrame) -> dict[int, str]:
    """A request letter per period: "Triwulan III TA 2026 · Nomor ..."."""
    return {
        int(r.periode_id): f"{nama_periode(r.tahun, r.triwulan)} · Nomor {r.nomor}"
        for r in bingkai.baris(surat)
    }


def _status_belum(r: Any) -> str:
    if pd.isna(r.pengajuan_id) and r.terisi == 0:
        return "Belum mengisi"
    return "Dikembalikan, belum diajukan ulang" if r.dikembalikan else "Draf"


def tabel_belum(belum: pd.DataFrame) -> pd.DataFrame:
    """The units that have not submitted, named before a period is closed."""
    return pd.DataFrame(
        {
            "Unit": belum["unit"],
            "Status pengajuan": [_status_belum(r) for r in bingkai.baris(belum)],
            "Indikator terisi": [f"{r.terisi} dari {r.indikator}" for r in bingkai.baris(belum)],
        }
    )
