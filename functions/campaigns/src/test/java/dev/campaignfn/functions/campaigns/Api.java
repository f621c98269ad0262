package dev.campaignfn.functions.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.campaignfn.testing.ApiGateway;

/** The callers the tests act as, and the fixtures they build through the API. */
final class Api {

    static final String CAMPAIGNS = "/v1/marketing/admin/campaigns";

    private Api() {
    }

    static ApiGateway.Request admin() {
        return ApiGateway.as("alice@example.com", "marketing_admin");
    }

    static ApiGateway.Request superAdmin() {
        return ApiGateway.as("root@example.com", "super_admin");
    }

    static ApiGateway.Request analyst() {
        return ApiGateway.as("ana@example.com", "analyst");
    }

    /** A campaign body with the given dates and channels; everything else sensible. */
    static String campaign(String name, String start, String end, String budget, String... channels) {
        StringBuilder list = new StringBuilder();
        for (String channel : channels) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(channel).append('"');
        }
        return """
                {"name": "%s", "description": "Test campaign", "type": "multichannel", "start_date": "%s",
                 "end_date": "%s", "budget": %s, "currency": "EUR", "time_zone": "Europe/Paris",
                 "channels": [%s], "objectives": ["Grow revenue"], "target_audience": ["prospects"]}
                """.formatted(name, start, end, budget, list);
    }

    /** Creates a campaign running from a day ago to 30 days ahead, and answers its id. */
    static String createRunningWindow(String name, String budget, String... channels) {
        return create(campaign(name, java.time.Instant.now().minusSeconds(86_400).toString(),
                java.time.Instant.now().plusSeconds(30 * 86_400).toString(), budget, channels));
    }

    static String create(String body) {
        ApiGateway.Response created = admin().post(CAMPAIGNS, body);
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("data.id");
    }

    static String launched(String name, String budget, String... channels) {
        String id = createRunningWindow(name, budget, channels);
        ApiGateway.Response launched = admin().post(CAMPAIGNS + "/" + id + "/launch", null);
        assertEquals(200, launched.status(), launched::toString);
        return id;
    }
}
