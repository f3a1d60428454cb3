-- One agenda item of meeting $1: position $2, kind $3, text $4, source $5, object $6 / $7.
INSERT INTO rapat_agenda (rapat_id, urutan, jenis, uraian, sumber, objek, objek_id)
VALUES ($1, $2, $3, $4, $5, $6, $7);
