package dev.campaignfn.http;

import dev.campaignfn.common.Actor;
import dev.campaignfn.common.StorableText;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The domain's actor for the caller a route was authorized for. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String subject = identity.getPrincipal().getName();
        if (StorableText.problem(subject) != null) {
            // a subject that cannot be recorded as who did what is not an identity this API can act for
            throw new UnauthorizedException();
        }
        return new Actor(subject);
    }
}
