package io.prmos.metadata.contract;

/**
 * One required module as the lock pins it.
 *
 * @param version          the version that was active on the server when the lock was written
 * @param checksum         the registry's checksum of that version's published manifest (SHA-256 of its text)
 * @param contractChecksum SHA-256 of {@code contract}; a lock edited by hand no longer matches it
 * @param contract         the contract cut from the published manifest ({@link ContractExtractor}), YAML
 */
public record LockedModule(String module, String version, String checksum, String contractChecksum, String contract) {

    /** Pins a published manifest: cuts its contract and checksums both. */
    public static LockedModule of(String module, String version, String publishedText, String publishedFile) {
        String contract = new ContractExtractor().extract(publishedText, publishedFile);
        return new LockedModule(module, version, Checksums.sha256(publishedText), Checksums.sha256(contract), contract);
    }

    /** The name problems in this contract carry: {@code prm-lock.yaml#organizations}. */
    public String sourceName() {
        return LockFile.FILE_NAME + "#" + module;
    }

    public boolean intact() {
        return contract != null && Checksums.sha256(contract).equals(contractChecksum);
    }
}
