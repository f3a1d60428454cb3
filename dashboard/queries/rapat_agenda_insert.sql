-- One agenda item of meeting $rapat_id: position $urutan, kind $jenis, text $uraian, source $sumber, object $objek / $objek_id.
INSERT INTO rapat_agenda (rapat_id, urutan, jenis, uraian, sumber, objek, objek_id)
VALUES ($rapat_id, $urutan, $jenis, $uraian, $sumber, $objek, $objek_id);
