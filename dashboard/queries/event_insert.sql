-- Append one event to the audit log (waktu: local time of the agency, from the app).
INSERT INTO event (waktu, pengguna, peran, jenis, objek, objek_id, dari, ke, catatan, data)
VALUES ($waktu, $pengguna, $peran, $jenis, $objek, $objek_id, $dari, $ke, $catatan, $data);
