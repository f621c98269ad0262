package dev.campaignfn.common;

/**
 * A rule of the domain said no. The transport maps each subtype to one status and problem type,
 * so services never speak HTTP.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** Stack traces of expected outcomes are noise: these never reach a caller anyway. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
