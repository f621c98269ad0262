package dev.campaignfn.functions.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.campaignfn.security.Permissions;
import dev.campaignfn.security.Role;
import dev.campaignfn.testing.ApiGateway;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Every route of the campaigns function against every kind of caller: no identity is 401, roles
 * without the route's permission are 403, the rest get past security. Ids are random, so nothing is
 * changed by the calls that are allowed.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final String SUB = UUID.randomUUID().toString();

    /** method, path, permission: the table the test walks. */
    record Route(String method, String path, String permission) {
        String concrete() {
            return path.replace("{id}", ID).replace("{channel}", "facebook").replace("{kpiId}", SUB).replace("{itemId}", SUB)
                    .replace("{linkId}", SUB).replace("{scheduleId}", SUB)
                    .replace("{integrationId}", SUB).replace("{importId}", SUB).replace("{mappingId}", SUB);
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/marketing/admin/campaigns", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/campaigns", Permissions.CAMPAIGNS_CREATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/campaigns/{id}", Permissions.CAMPAIGNS_UPDATE),
            new Route("DELETE", "/v1/marketing/admin/campaigns/{id}", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/launch", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/pause", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/resume", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/complete", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/cancel", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/history", Permissions.CAMPAIGNS_READ),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/final-report", Permissions.CAMPAIGNS_READ),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/audit", Permissions.CAMPAIGNS_READ),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/events", Permissions.ANALYTICS_READ),
            new Route("GET", "/v1/marketing/admin/report-schedules", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/report-schedules", Permissions.SETTINGS_MANAGE),
            new Route("GET", "/v1/marketing/admin/report-schedules/{scheduleId}", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/report-schedules/{scheduleId}", Permissions.SETTINGS_MANAGE),
            new Route("DELETE", "/v1/marketing/admin/report-schedules/{scheduleId}", Permissions.SETTINGS_MANAGE),
            new Route("GET", "/v1/marketing/admin/report-schedules/{scheduleId}/deliveries", Permissions.CAMPAIGNS_READ),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/channels", Permissions.CAMPAIGNS_READ),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/channels/{channel}", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/campaigns/{id}/channels/{channel}", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/channels/{channel}/connection", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/campaigns/{id}/channels/{channel}/connection", Permissions.SETTINGS_MANAGE),
            new Route("DELETE", "/v1/marketing/admin/campaigns/{id}/channels/{channel}/connection", Permissions.SETTINGS_MANAGE),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/channels/{channel}/connection/check", Permissions.SETTINGS_MANAGE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/channels/{channel}/connection/pushes", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/channels/{channel}/connection/spend-pull", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/budget", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/campaigns/{id}/budget", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/budget/reallocations", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/spend", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/spend", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/kpis", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/kpis", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/kpis/{kpiId}", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/campaigns/{id}/kpis/{kpiId}", Permissions.CAMPAIGNS_UPDATE),
            new Route("DELETE", "/v1/marketing/admin/campaigns/{id}/kpis/{kpiId}", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/content", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/content", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/content/{itemId}", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/campaigns/{id}/content/{itemId}", Permissions.CAMPAIGNS_UPDATE),
            new Route("DELETE", "/v1/marketing/admin/campaigns/{id}/content/{itemId}", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/links", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/campaigns/{id}/links", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/campaigns/{id}/links/{linkId}", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/campaigns/{id}/links/{linkId}", Permissions.CAMPAIGNS_UPDATE),
            new Route("DELETE", "/v1/marketing/admin/campaigns/{id}/links/{linkId}", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/plans/validate", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/plans/estimate", Permissions.CAMPAIGNS_READ),
            new Route("GET", "/v1/marketing/admin/plans/benchmarks", Permissions.CAMPAIGNS_READ),
            new Route("PUT", "/v1/marketing/admin/plans/benchmarks/{channel}", Permissions.SETTINGS_MANAGE),
            new Route("DELETE", "/v1/marketing/admin/plans/benchmarks/{channel}", Permissions.SETTINGS_MANAGE),
            new Route("GET", "/v1/marketing/admin/integrations", Permissions.SETTINGS_MANAGE),
            new Route("POST", "/v1/marketing/admin/integrations", Permissions.SETTINGS_MANAGE),
            new Route("GET", "/v1/marketing/admin/integrations/{integrationId}", Permissions.SETTINGS_MANAGE),
            new Route("PUT", "/v1/marketing/admin/integrations/{integrationId}", Permissions.SETTINGS_MANAGE),
            new Route("DELETE", "/v1/marketing/admin/integrations/{integrationId}", Permissions.SETTINGS_MANAGE),
            new Route("GET", "/v1/marketing/admin/integrations/{integrationId}/batches", Permissions.SETTINGS_MANAGE),
            new Route("POST", "/v1/marketing/admin/integrations/{integrationId}/replay", Permissions.SETTINGS_MANAGE),
            new Route("POST", "/v1/marketing/admin/spend-imports", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/spend-imports/uploads", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/spend-imports/{importId}/start", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/spend-imports/{importId}", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/event-imports", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/event-imports/uploads", Permissions.CAMPAIGNS_UPDATE),
            new Route("POST", "/v1/marketing/admin/event-imports/{importId}/start", Permissions.CAMPAIGNS_UPDATE),
            new Route("GET", "/v1/marketing/admin/event-imports/{importId}", Permissions.CAMPAIGNS_READ),
            new Route("GET", "/v1/marketing/admin/spend-imports/mappings", Permissions.CAMPAIGNS_READ),
            new Route("POST", "/v1/marketing/admin/spend-imports/mappings", Permissions.CAMPAIGNS_UPDATE),
            new Route("DELETE", "/v1/marketing/admin/spend-imports/mappings/{mappingId}", Permissions.CAMPAIGNS_UPDATE));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            cases.add(Arguments.of(route, "anonymous"));
            cases.add(Arguments.of(route, "no_role"));
            for (Role role : Role.values()) {
                cases.add(Arguments.of(route, role.wire()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("cases")
    void routeChecksItsPermission(Route route, String caller) {
        ApiGateway.Request request = switch (caller) {
            case "anonymous" -> ApiGateway.anonymous();
            case "no_role" -> ApiGateway.as("nobody@example.com", "viewer");
            default -> ApiGateway.as(caller + "@example.com", caller);
        };
        boolean hasBody = route.method().equals("POST") || route.method().equals("PUT");
        ApiGateway.Response answer = request.send(route.method(), route.concrete(), hasBody ? "{}" : null, false);
        if (caller.equals("anonymous")) {
            assertEquals(401, answer.status(), answer::toString);
            assertEquals("Bearer", answer.header("WWW-Authenticate"));
        } else if (caller.equals("no_role") || !Role.named(caller).orElseThrow().permissions().contains(route.permission())) {
            assertEquals(403, answer.status(), answer::toString);
            assertEquals(false, answer.json().getBoolean("success"));
        } else {
            assertTrue(answer.status() != 401 && answer.status() != 403, answer::toString);
        }
    }

    @Test
    void aScopeGrantsItsPermissionWithoutARole() {
        ApiGateway.Request reader = ApiGateway.anonymous().claim("sub", "service-account").scopes(Permissions.CAMPAIGNS_READ);
        assertEquals(200, reader.get("/v1/marketing/admin/campaigns").status());
        assertEquals(403, reader.post("/v1/marketing/admin/campaigns", "{}").status());
    }

    /** The table must list every route the function has, so a new route cannot ship unchecked. */
    @Test
    void theMatrixCoversEveryRoute() {
        Set<String> declared = new TreeSet<>();
        for (Class<?> resource : List.of(CampaignResource.class, ChannelResource.class, BudgetResource.class,
                KpiResource.class, ContentResource.class, PlanResource.class, LinkResource.class, CampaignEventResource.class,
                ReportScheduleResource.class, IntegrationResource.class, SpendImportResource.class,
                EventImportResource.class, ConnectionResource.class)) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                        : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                assertTrue(method.isAnnotationPresent(PermissionsAllowed.class), method + " has no permission check");
                Path sub = method.getAnnotation(Path.class);
                declared.add(verb + " " + base + (sub == null ? "" : sub.value()));
            }
        }
        Set<String> covered = new TreeSet<>();
        ROUTES.forEach(r -> covered.add(r.method() + " " + r.path()));
        assertEquals(declared, covered);
    }
}
