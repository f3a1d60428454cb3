-- Insert one SOP step with its parsed mutu baku waktu.
INSERT INTO sop_langkah (sop_id, urutan, no, aktivitas, pelaksana, kelengkapan, waktu,
                         waktu_hari, waktu_menit, waktu_basis, output, keterangan)
VALUES ($sop_id, $urutan, $no, $aktivitas, $pelaksana, $kelengkapan, $waktu, $hari, $menit, $basis, $output, $keterangan);
