-- Spending of sub kegiatan $1 in year $2, quarter $3.
INSERT INTO realisasi_anggaran (sub_kegiatan_id, tahun, triwulan, nilai) VALUES ($1, $2, $3, $4);
