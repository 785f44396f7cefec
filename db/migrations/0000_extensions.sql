-- Extensions the schema relies on. PGlite is given the same ones through its constructor (db/client-pglite.ts).
-- pg_trgm: trigram indexes for fuzzy, diacritic-free unit and title lookups.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
