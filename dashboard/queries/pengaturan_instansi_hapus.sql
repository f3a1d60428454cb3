-- Remove the setting with key $kunci of instansi $instansi_id, before writing its new value.
DELETE FROM pengaturan WHERE instansi_id = $instansi_id AND kunci = $kunci;
