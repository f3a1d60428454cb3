-- One mapping row: SOP kode $1, step $2, object $3, start marker $4, end marker $5.
INSERT INTO sop_pemetaan VALUES ($1, $2, $3, $4, $5);
