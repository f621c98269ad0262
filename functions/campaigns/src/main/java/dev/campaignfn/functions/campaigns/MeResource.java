package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.PermissionAugmentor;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/marketing/admin/me}: who the caller is and what it may do, so that a client (the
 * dashboard) offers only the actions the routes would allow instead of repeating the role rules.
 */
@Path("/v1/marketing/admin/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Operation(operationId = "getCurrentIdentity", summary = "The caller: subject, roles and the permissions they grant")
    @APIResponse(responseCode = "200", description = "The caller")
    public Envelope<IdentityView> me() {
        return Envelope.of(new IdentityView(Actors.of(identity).name(),
                identity.getRoles().stream().sorted().toList(),
                PermissionAugmentor.grantedTo(identity).stream().sorted().toList()));
    }

    public record IdentityView(String subject, List<String> roles, List<String> permissions) {
    }
}
