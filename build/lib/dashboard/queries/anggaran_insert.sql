-- Pagu of sub kegiatan $1 in year $2.
INSERT INTO anggaran (sub_kegiatan_id, tahun, pagu) VALUES ($1, $2, $3);
