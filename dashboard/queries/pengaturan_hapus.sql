-- Remove the setting $2 (kunci) of the instansi $1, before writing its new value.
DELETE FROM pengaturan WHERE instansi_id = $1 AND kunci = $2;
