-- Remove the default setting (NULL instansi) with key $kunci, before writing the new value.
DELETE FROM pengaturan WHERE instansi_id IS NULL AND kunci = $kunci;
