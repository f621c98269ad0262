package dev.campaignfn.common;

/** The thing the caller named does not exist (or is not visible to them). */
public class NotFoundException extends DomainException {

    private final String entity;
    private final String id;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
        this.id = String.valueOf(id);
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }
}
