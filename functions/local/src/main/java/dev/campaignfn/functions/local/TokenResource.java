package dev.campaignfn.functions.local;

import java.time.Duration;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.security.Role;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /local/token?role=ROLE}: an RS256 token for trying the API on this machine. Only the
 * local launcher has it, and it answers only loopback callers; deployed functions trust API
 * Gateway's JWT authorizer instead.
 */
@Path("/local/token")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Local launcher")
public class TokenResource {

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "campaignfn.local.token-lifespan", defaultValue = "PT8H")
    Duration lifespan;

    @GET
    @Operation(operationId = "localToken", summary = "A bearer token for a role (local launcher only, loopback only)")
    @APIResponse(responseCode = "200", description = "The token")
    public Envelope<TokenView> token(@QueryParam("role") String role, @QueryParam("subject") String subject,
            @Context HttpServerRequest request) {
        LoopbackOnly.require(request);
        Role granted = Role.named(role == null ? "" : role)
                .orElseThrow(() -> ValidationException.of("role", "must be one of " + WireEnum.allowed(Role.class)));
        String name = subject == null || subject.isBlank() ? "local-" + granted.wire() : subject.strip();
        if (name.length() > 100) {
            throw ValidationException.of("subject", "must be at most 100 characters");
        }
        String token = Jwt.issuer(issuer).subject(name).upn(name).groups(Set.of(granted.wire()))
                .expiresIn(lifespan).sign();
        return Envelope.of(new TokenView(token, "Bearer", lifespan.toSeconds(), granted.wire(), name));
    }

    public record TokenView(String accessToken, String tokenType, long expiresIn, String role, String subject) {
    }
}
