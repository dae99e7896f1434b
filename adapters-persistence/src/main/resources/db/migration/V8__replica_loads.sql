-- A first load of a tenant is written in chunks, each committed (a single transaction of a million rows costs
-- H2 about a quarter more). While the tenant has a row here its replica reads as empty, so no reader ever sees
-- a part of it; the row goes in the transaction that records the load's sequence numbers. An interrupted load
-- leaves the row: the tenant stays empty to readers until a new load cleans up and completes. See JdbiReplica.
CREATE TABLE replica_loads (
    tenant_code  CHAR(6)                   NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT pk_replica_loads PRIMARY KEY (tenant_code)
);
