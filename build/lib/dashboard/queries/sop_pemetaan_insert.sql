-- One mapping row: SOP kode $1, step $2, cara $3, start marker $4-$6, end marker $7-$9.
INSERT INTO sop_pemetaan VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
