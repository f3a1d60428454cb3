-- One target: indicator $1, year $2, quarter $3 (0 = annual), value $4, upper bound $5 (range).
INSERT INTO target VALUES ($1, $2, $3, $4, $5);
