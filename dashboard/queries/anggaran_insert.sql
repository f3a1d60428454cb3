-- Pagu of sub kegiatan $sub_kegiatan_id in year $tahun.
INSERT INTO anggaran (sub_kegiatan_id, tahun, pagu) VALUES ($sub_kegiatan_id, $tahun, $pagu);
