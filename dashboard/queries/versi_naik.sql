-- One more version of scope $nama ('global' or 'instansi:<id>'): the first write of a scope
-- creates its row at 1. One statement, so concurrent bumps from several processes all count.
INSERT INTO versi_data (lingkup, versi) VALUES ($nama, 1)
ON CONFLICT (lingkup) DO UPDATE SET versi = versi_data.versi + 1;
