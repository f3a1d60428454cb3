-- Remove the pagu of sub kegiatan $1 in year $2 (replaced or cleared by the admin).
DELETE FROM anggaran WHERE sub_kegiatan_id = $1 AND tahun = $2;
