package dev.campaignfn.http;

import dev.campaignfn.common.Actor;
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
        return new Actor(identity.getPrincipal().getName());
    }
}
