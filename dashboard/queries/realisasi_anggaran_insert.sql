-- Spending of sub kegiatan $sub_kegiatan_id in year $tahun, quarter $triwulan.
INSERT INTO realisasi_anggaran (sub_kegiatan_id, tahun, triwulan, nilai) VALUES ($sub_kegiatan_id, $tahun, $triwulan, $nilai);
