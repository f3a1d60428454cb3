-- Every user with roles and unit, for the admin page (a lock shows until when it lasts).
SELECT p.username, p.nama, p.email, p.instansi_id, p.unit_id, u.nama AS unit,
       string_agg(r.peran, ', ' ORDER BY r.peran) AS peran, p.aktif, p.terkunci, p.gagal_login,
       p.terkunci_sampai
FROM pengguna p
LEFT JOIN unit u ON u.id = p.unit_id
LEFT JOIN peran_pengguna r ON r.pengguna_id = p.id
GROUP BY p.username, p.nama, p.email, p.instansi_id, p.unit_id, u.nama, p.aktif, p.terkunci,
         p.gagal_login, p.terkunci_sampai
ORDER BY p.username;
