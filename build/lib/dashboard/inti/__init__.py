"""Infrastructure every feature shares: settings, the store (DuckDB / PostgreSQL) and its
caches, the web layer (gate, session, navigation), formats, documents, charts, serving."""
