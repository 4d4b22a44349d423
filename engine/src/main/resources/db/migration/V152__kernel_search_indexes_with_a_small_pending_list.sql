-- Search indexes created before ADR 0099 skipped GIN's pending list (fastupdate = off); new ones keep
-- a 64 kB list (DdlRenderer). Those of an existing database are switched once, here: the GIN indexes
-- whose options say fastupdate=off (the engine set it on search indexes only). Their names come from
-- the catalog and are quoted by regclass's output; a database without such an index changes nothing.
DO $$
DECLARE
    search_index regclass;
BEGIN
    FOR search_index IN
        SELECT c.oid::regclass FROM pg_class c JOIN pg_am am ON am.oid = c.relam
        WHERE c.relkind = 'i' AND am.amname = 'gin' AND c.reloptions @> ARRAY['fastupdate=off']
    LOOP
        EXECUTE 'ALTER INDEX ' || search_index::text || ' SET (fastupdate = on, gin_pending_list_limit = 64)';
    END LOOP;
END
$$;
