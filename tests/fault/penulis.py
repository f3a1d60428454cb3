"""Child process of the kill tests: saves and Excel-import applies of a whole unit-quarter and
review transitions, in a loop, printing each one only after it committed.

Every save writes all rows of DEP with the marker "gen <k>", so a half-applied save or import
shows up as rows with different markers after the process is killed.
"""

from __future__ import annotations

import sys

import pandas as pd

from dashboard.akun import layanan_pengguna as pengguna
from dashboard.inti import store
from dashboard.pengumpulan import layanan_realisasi as realisasi
from dashboard.periode import layanan_periode as periode
from dashboard.review import layanan_review as review


def main(db: str) -> None:
    con = store.connect(db)
    staf, pka, monev = (pengguna.akses_untuk(con, u) for u in ("staf.dep", "staf.pka", "monev"))
    pid = int(periode.periode_entri(con, staf, staf.unit_id)["id"].iloc[0])
    k = 0
    while True:
        k += 1
        form = realisasi.form_entri(con, staf, pid, staf.unit_id)
        versi = form.baris.set_index("indikator_id")["versi"].to_dict()
        nilai = float(k % 90 + 1)
        if k % 2:
            realisasi.simpan(
                con,
                staf,
                pid,
                staf.unit_id,
                [
                    realisasi.BarisSimpan(
                        i.indikator_id, nilai, f"gen {k}", versi=versi.get(i.indikator_id)
                    )
                    for i in form.indikator
                ],
            )
        else:
            realisasi.terapkan_impor(
                con,
                staf,
                pid,
                staf.unit_id,
                pd.DataFrame(
                    {
                        "indikator_id": [i.indikator_id for i in form.indikator],
                        "nilai_baru": nilai,
                        "catatan_baru": f"gen {k}",
                        "bukti_baru": None,
                        "versi": [versi.get(i.indikator_id) for i in form.indikator],
                    }
                ),
            )
        print(f"simpan {k}", flush=True)
        status = realisasi.status_pengajuan(con, pid, pka.unit_id)
        if status == "diajukan":
            peng = con.execute(
                "SELECT id FROM pengajuan WHERE periode_id = ? AND unit_id = ?", [pid, pka.unit_id]
            ).fetchone()[0]
            review.proses(con, monev, peng, "kembalikan", f"gen {k}")
            print("transisi draf", flush=True)
        else:
            realisasi.ajukan(con, pka, pid, pka.unit_id)
            print("transisi diajukan", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
