package dev.campaignfn.security;

import com.fasterxml.jackson.annotation.JsonValue;

import static dev.campaignfn.security.Permissions.ANALYTICS_EXPORT;
import static dev.campaignfn.security.Permissions.ANALYTICS_READ;
import static dev.campaignfn.security.Permissions.CAMPAIGNS_CREATE;
import static dev.campaignfn.security.Permissions.CAMPAIGNS_READ;
import static dev.campaignfn.security.Permissions.CAMPAIGNS_UPDATE;
import static dev.campaignfn.security.Permissions.SETTINGS_MANAGE;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The roles a token can carry and the permissions each grants. Analysts read and export but change
 * nothing; only super admins change operator settings.
 */
@RegisterForReflection
public enum Role implements WireEnum {
    SUPER_ADMIN(Set.of(CAMPAIGNS_READ, CAMPAIGNS_CREATE, CAMPAIGNS_UPDATE, ANALYTICS_READ, ANALYTICS_EXPORT, SETTINGS_MANAGE)),
    MARKETING_ADMIN(Set.of(CAMPAIGNS_READ, CAMPAIGNS_CREATE, CAMPAIGNS_UPDATE, ANALYTICS_READ, ANALYTICS_EXPORT)),
    ANALYST(Set.of(CAMPAIGNS_READ, ANALYTICS_READ, ANALYTICS_EXPORT));

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.wire().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The permissions granted by whichever of these role names are known roles. */
    public static Set<String> permissionsOf(Collection<String> roleNames) {
        Set<String> granted = new HashSet<>();
        roleNames.forEach(name -> named(name).ifPresent(role -> granted.addAll(role.permissions)));
        return granted;
    }
}
