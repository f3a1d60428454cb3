-- Every SOP kode already in the store (any revision).
SELECT DISTINCT kode FROM sop;
