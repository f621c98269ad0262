package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LauncherSmokeTest {

    @Test
    void tokenThenCampaigns() {
        String token = given().queryParam("role", "marketing_admin").get("/local/token").then().log().ifValidationFails()
                .statusCode(200).extract().path("data.access_token");
        given().auth().oauth2(token).get("/v1/marketing/admin/campaigns").then().log().all().statusCode(200);
        given().get("/v1/marketing/admin/campaigns").then().statusCode(401);
        given().post("/local/demo-data").then().log().all().statusCode(200);
        given().auth().oauth2(token).get("/v1/marketing/admin/campaigns").then().log().all().statusCode(200).body("pagination.total", equalTo(6));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
