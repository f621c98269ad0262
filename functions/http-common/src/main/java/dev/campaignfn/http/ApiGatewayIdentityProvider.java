package dev.campaignfn.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.quarkus.amazon.lambda.http.LambdaIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling, in Lambda: API Gateway's JWT authorizer has verified the token and passes its
 * claims in the event. The subject names the caller; roles come from the groups claims
 * ({@code groups}, {@code cognito:groups}, {@code roles} by default) and scopes become
 * permissions. The extension's default only knows Cognito user names, hence this provider.
 * An event without JWT claims is anonymous, so every admin route answers it 401.
 */
@ApplicationScoped
public class ApiGatewayIdentityProvider implements LambdaIdentityProvider {

    @ConfigProperty(name = "campaignfn.auth.roles-claims", defaultValue = "groups,cognito:groups,roles")
    List<String> rolesClaims;

    @ConfigProperty(name = "campaignfn.auth.principal-claims", defaultValue = "sub,cognito:username,username,email")
    List<String> principalClaims;

    @Override
    public SecurityIdentity authenticate(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return null;
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = context.getAuthorizer().getJwt();
        Map<String, String> claims = jwt.getClaims() == null ? Map.of() : jwt.getClaims();
        String principal = principalClaims.stream().map(claims::get).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElse(null);
        if (principal == null) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        rolesClaims.forEach(claim -> roles.addAll(values(claims.get(claim))));
        Set<String> scopes = new LinkedHashSet<>();
        if (jwt.getScopes() != null) {
            scopes.addAll(jwt.getScopes());
        }
        scopes.addAll(values(claims.get("scope")));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(roles)
                .addAttribute(PermissionAugmentor.SCOPES_ATTRIBUTE, Set.copyOf(scopes))
                .build();
    }

    /**
     * API Gateway flattens every claim to a string: an array arrives as {@code [a b]}, a JSON array
     * as {@code ["a","b"]}, and some issuers use commas. All of them split the same way.
     */
    static List<String> values(String claim) {
        List<String> values = new ArrayList<>();
        if (claim == null) {
            return values;
        }
        for (String part : claim.replaceAll("[\\[\\]\"]", " ").split("[,\\s]+")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }
}
