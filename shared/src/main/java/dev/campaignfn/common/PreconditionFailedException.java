package dev.campaignfn.common;

/** The caller's If-Match version is not the stored one: someone else changed the resource. */
public class PreconditionFailedException extends DomainException {

    private final long currentVersion;

    public PreconditionFailedException(String entity, long expected, long current) {
        super(entity + " is at version " + current + ", not " + expected + "; reload it and retry");
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
