"""One OS process of the two-process check (tests/test_postgres.py): sign in as a Staf Bidang,
load the quarter's form, pass the service's checks, then wait at a barrier (files) so that both
processes write at the same moment. Prints MENANG (saved) or KONFLIK (told someone else saved).

    python -m tests.pg_simpan_proses URL USERNAME NILAI FOLDER NAMA
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.inti import store
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.pengumpulan.layanan_realisasi import BarisSimpan, KonflikData
from dashboard.periode import layanan_periode as periode


def _tunggu(berkas: Path, batas: float = 120.0) -> None:
    akhir = time.monotonic() + batas
    while not berkas.exists():
        if time.monotonic() > akhir:
            raise TimeoutError(f"{berkas} tidak muncul")
        time.sleep(0.01)


def main(url: str, username: str, nilai: str, folder: str, nama: str) -> int:
    f = Path(folder)
    con = store.connect(url)
    try:
        akses = pengguna.akses_untuk(con, username)
        pid = int(periode.periode_entri(con, akses, akses.unit_id)["id"].iloc[0])
        form = realisasi.form_entri(con, akses, pid, akses.unit_id)
        versi = form.baris.set_index("indikator_id")["versi"]
        baris = [
            BarisSimpan(
                i.indikator_id,
                float(nilai),
                f"dari {nama}",
                versi=int(versi.loc[i.indikator_id]) if i.indikator_id in versi.index else None,
            )
            for i in form.indikator
        ]
        asli = realisasi._periksa_semua

        def lalu_tunggu(*args, **kwargs):
            hasil = asli(*args, **kwargs)  # both processes passed the checks on the same state
            (f / f"siap-{nama}").touch()
            _tunggu(f / "mulai")
            return hasil

        realisasi._periksa_semua = lalu_tunggu
        try:
            realisasi.simpan(con, akses, pid, akses.unit_id, baris)
            print("MENANG")
        except KonflikData:
            print("KONFLIK")
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
