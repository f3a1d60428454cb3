-- One meeting ($rapat_id) with everything of its header.
SELECT id, instansi_id, tahun, triwulan, judul, waktu, tempat, pimpinan, notulis, ringkasan,
       kesimpulan, status, revisi, versi, dibuat_oleh, dibuat_pada, difinalkan_oleh,
       difinalkan_pada
FROM rapat WHERE id = $rapat_id;
