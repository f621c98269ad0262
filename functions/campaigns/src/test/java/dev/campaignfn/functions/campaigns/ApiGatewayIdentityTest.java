package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

/** The identity in Lambda comes from the API Gateway JWT authorizer's claims, in each format issuers use. */
@QuarkusTest
class ApiGatewayIdentityTest {

    @Test
    void groupsClaimsInEveryFlattenedFormat() {
        assertEquals(200, ApiGateway.anonymous().claim("sub", "a").claim("cognito:groups", "[analyst other]").get(CAMPAIGNS).status());
        assertEquals(200, ApiGateway.anonymous().claim("sub", "b").claim("groups", "[\"marketing_admin\",\"x\"]").get(CAMPAIGNS).status());
        assertEquals(200, ApiGateway.anonymous().claim("sub", "c").claim("roles", "viewer, super_admin").get(CAMPAIGNS).status());
        assertEquals(403, ApiGateway.anonymous().claim("sub", "d").claim("groups", "[viewer]").get(CAMPAIGNS).status());
    }

    @Test
    void meAnswersTheCallerItsRolesAndTheirPermissionsWithTokenScopes() {
        ApiGateway.Response analyst = ApiGateway.anonymous().claim("sub", "ana").claim("cognito:groups", "[analyst unknown]")
                .claim("scope", "openid campaigns.update").get("/v1/marketing/admin/me");
        assertEquals(200, analyst.status(), analyst::toString);
        assertEquals("ana", analyst.json().getString("data.subject"));
        assertEquals(List.of("analyst", "unknown"), analyst.json().getList("data.roles"));
        assertEquals(List.of("analytics.export", "analytics.read", "campaigns.read", "campaigns.update"),
                analyst.json().getList("data.permissions"));
        ApiGateway.Response admin = ApiGateway.anonymous().claim("sub", "root").claim("groups", "[super_admin]").get("/v1/marketing/admin/me");
        assertEquals(6, admin.json().getList("data.permissions").size());
        assertEquals(401, ApiGateway.anonymous().get("/v1/marketing/admin/me").status());
        ApiGateway.Response nobody = ApiGateway.anonymous().claim("sub", "guest").get("/v1/marketing/admin/me");
        assertEquals(200, nobody.status(), "an identity without roles may still ask who it is");
        assertEquals(List.of(), nobody.json().getList("data.permissions"));
    }

    @Test
    void claimsWithoutASubjectAreNoIdentity() {
        ApiGateway.Response answer = ApiGateway.anonymous().claim("groups", "[super_admin]").get(CAMPAIGNS);
        assertEquals(401, answer.status());
    }

    @Test
    void theCallerIsRecordedByTheTokenSubject() {
        ApiGateway.Response created = ApiGateway.anonymous().claim("sub", "3f1c-user").claim("email", "maria@example.com")
                .claim("cognito:groups", "[marketing_admin]")
                .post(CAMPAIGNS, Api.campaign("Who", "2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z", "1", "email"));
        assertEquals("3f1c-user", created.json().getString("data.created_by"));
    }

    @Test
    void base64BodiesAreDecoded() {
        ApiGateway.Response created = Api.admin().postBase64(CAMPAIGNS,
                Api.campaign("Base64 body", "2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z", "1", "email"));
        assertEquals(201, created.status(), created::toString);
        assertEquals("Base64 body", created.json().getString("data.name"));
    }

    @Test
    void requestsWithoutAnAuthorizerAreAnonymousThroughTheMockEventServer() {
        given().get(CAMPAIGNS).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer forged.token.value").get(CAMPAIGNS).then().statusCode(401);
    }
}
