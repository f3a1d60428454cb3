-- Remove the spending of sub kegiatan $sub_kegiatan_id in year $tahun (all quarters), before it is written again.
DELETE FROM realisasi_anggaran WHERE sub_kegiatan_id = $sub_kegiatan_id AND tahun = $tahun;
