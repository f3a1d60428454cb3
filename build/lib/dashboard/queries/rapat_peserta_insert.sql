-- One participant of meeting $1: position $2, name $3, jabatan $4, unit $5 (optional).
INSERT INTO rapat_peserta (rapat_id, urutan, nama, jabatan, unit_id) VALUES ($1, $2, $3, $4, $5);
