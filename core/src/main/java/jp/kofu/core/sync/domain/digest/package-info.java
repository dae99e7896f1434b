/**
 * The digest (照合データ) of a source's records: per entity the record count and an order-independent hash of
 * the records in their canonical form, and per record its key and hash — what a digest batch carries and
 * what {@code kofu sync verify} computes from the replica to compare. See {@code docs/formats/digest.md}.
 */
package jp.kofu.core.sync.domain.digest;
