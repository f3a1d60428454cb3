-- Remove the pagu of sub kegiatan $sub_kegiatan_id in year $tahun (replaced or cleared by the admin).
DELETE FROM anggaran WHERE sub_kegiatan_id = $sub_kegiatan_id AND tahun = $tahun;
