-- Remove the spending of sub kegiatan $1 in year $2 (all quarters), before it is written again.
DELETE FROM realisasi_anggaran WHERE sub_kegiatan_id = $1 AND tahun = $2;
