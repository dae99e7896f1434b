/**
 * The persistence adapter (永続化アダプタ): the replica, the issuance history and the tenant settings in a
 * relational database through JDBI, on embedded H2 (the default, a file under {@code ./kofu-data}) or
 * PostgreSQL. One portable schema, migrated by Flyway, serves both. {@link jp.kofu.adapters.persistence.PersistenceModule}
 * binds the ports.
 */
package jp.kofu.adapters.persistence;
