-- The run of procedure $prosedur that follows object $objek / $kunci (kunci), if it has one.
SELECT id FROM sop_run WHERE prosedur = $prosedur AND objek = $objek AND kunci = $kunci;
