package dev.campaignfn.http;

import java.security.Permission;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.campaignfn.security.Permissions;
import dev.campaignfn.security.Role;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Grants each caller the permissions of its roles, plus any permission named as a token scope
 * ({@code scope: "analytics.read"}), for the routes' {@code @PermissionsAllowed} checks. The same
 * rule applies whether the identity came from API Gateway's authorizer or the launcher's tokens.
 */
@ApplicationScoped
public class PermissionAugmentor implements SecurityIdentityAugmentor {

    public static final String SCOPES_ATTRIBUTE = "scopes";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> granted = grantedTo(identity);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionChecker((Permission required) -> Uni.createFrom().item(granted.contains(required.getName())))
                .build());
    }

    /** The permissions of the identity's roles and of the known permissions among its token scopes. */
    public static Set<String> grantedTo(SecurityIdentity identity) {
        Set<String> granted = new HashSet<>(Role.permissionsOf(identity.getRoles()));
        for (String scope : scopesOf(identity)) {
            if (Permissions.ALL.contains(scope)) {
                granted.add(scope);
            }
        }
        return granted;
    }

    private static Set<String> scopesOf(SecurityIdentity identity) {
        Set<String> scopes = new HashSet<>();
        Object attribute = identity.getAttribute(SCOPES_ATTRIBUTE);
        if (attribute instanceof Collection<?> values) {
            values.forEach(v -> scopes.add(String.valueOf(v)));
        }
        Object scope = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("scope") : null;
        if (scope != null) {
            for (String part : String.valueOf(scope).split("\\s+")) {
                if (!part.isBlank()) {
                    scopes.add(part);
                }
            }
        }
        return scopes;
    }
}
