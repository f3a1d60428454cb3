-- Remove the setting with key $2 of instansi $1, before writing its new value.
DELETE FROM pengaturan WHERE instansi_id = $1 AND kunci = $2;
