-- One participant of meeting $rapat_id: position $urutan, name $nama, jabatan $jabatan, unit $unit_id (optional).
INSERT INTO rapat_peserta (rapat_id, urutan, nama, jabatan, unit_id) VALUES ($rapat_id, $urutan, $nama, $jabatan, $unit_id);
