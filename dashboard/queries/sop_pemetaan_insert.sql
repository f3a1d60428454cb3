-- One mapping row: SOP kode, step, cara, start marker, end marker.
INSERT INTO sop_pemetaan VALUES ($sop_kode, $urutan, $cara, $mulai_jenis, $mulai_objek, $mulai_ke, $selesai_jenis, $selesai_objek, $selesai_ke);
