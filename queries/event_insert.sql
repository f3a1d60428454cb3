-- Append one event to the audit log.
INSERT INTO event (pengguna, peran, jenis, objek, objek_id, dari, ke, catatan, data)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
