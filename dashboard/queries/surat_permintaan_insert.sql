-- The request letter of period $periode_id.
INSERT INTO surat_permintaan (periode_id, instansi_id, tahun, urut, nomor, tanggal, tujuan,
                              dibuat_oleh, dibuat_pada)
VALUES ($periode_id, $instansi_id, $tahun, $urut, $nomor, $waktu, $tujuan, $username, $dibuat_pada);
