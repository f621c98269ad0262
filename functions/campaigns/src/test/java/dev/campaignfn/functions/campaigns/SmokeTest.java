package dev.campaignfn.functions.campaigns;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmokeTest {

    @Test
    void createAndRead() {
        var created = ApiGateway.as("alice", "marketing_admin").post("/v1/marketing/admin/campaigns", """
                {"name":"Spring sale","type":"email","start_date":"2030-03-01T00:00:00Z","end_date":"2030-03-31T00:00:00Z",
                 "budget":1000,"currency":"EUR","channels":["email","facebook"]}
                """);
        System.out.println(created);
        assertEquals(201, created.status());
        String id = created.json().getString("data.id");
        var got = ApiGateway.as("bob", "analyst").get("/v1/marketing/admin/campaigns/" + id);
        System.out.println(got);
        assertEquals(200, got.status());
        given().when().get("/v1/marketing/admin/campaigns").then().log().all().statusCode(401);
        var bad = ApiGateway.as("alice", "marketing_admin").post("/v1/marketing/admin/campaigns", "{\"name\": 12}");
        System.out.println(bad);
        var bad2 = ApiGateway.as("alice", "marketing_admin").post("/v1/marketing/admin/campaigns", "{\"name\": ");
        System.out.println(bad2);
        var bad3 = ApiGateway.as("alice", "marketing_admin").post("/v1/marketing/admin/campaigns", "{\"name\": \"x\", \"type\":\"tv\"}");
        System.out.println(bad3);
        var bad4 = ApiGateway.as("alice", "marketing_admin").post("/v1/marketing/admin/campaigns", "{\"name\": \"\", \"type\":\"email\", \"budget\": -1, \"channels\":[\"A B\"]}");
        System.out.println(bad4);
        var forb = ApiGateway.as("bob", "analyst").post("/v1/marketing/admin/campaigns", "{}");
        System.out.println(forb);
    }
}
