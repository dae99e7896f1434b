package jp.kofu.core.sync.domain;

/**
 * One data file of a batch as its manifest lists it.
 *
 * @param name file name inside the batch directory, e.g. {@code residents.csv}
 * @param entity the entity the file holds, e.g. {@code residents}
 * @param records number of data records (not counting the header)
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record BatchFile(String name, String entity, long records, String sha256) {

    public BatchFile {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("bad file name in manifest: " + name);
        }
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("file " + name + " names no entity");
        }
        if (records < 0) {
            throw new IllegalArgumentException("file " + name + " has a negative record count");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("file " + name + " has no valid sha256");
        }
    }
}
