package dev.campaignfn.adplatform;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.alert.AlertDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The user's e-mail service, behind a webhook they run (ESPs differ too much to speak each one's API): a JSON POST
 * per push ({@code channel.launch} with the campaign and its tracked links, {@code channel.status} afterwards), with
 * {@code Idempotency-Key} (the same on every retry of a push) and, when a signing secret is set, the HMAC-SHA256
 * signature alert webhooks carry.
 */
@ApplicationScoped
class EspWebhook implements PlatformApi {

    @Inject
    PlatformHttp http;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Override
    public Account check(ChannelConnection connection, Map<String, String> secrets) {
        Map<String, Object> ping = new LinkedHashMap<>();
        ping.put("type", "connection.check");
        ping.put("campaign_id", connection.campaignId.toString());
        ping.put("channel_id", connection.channelId);
        call(connection, secrets, ping, "campaignfn-check-" + java.util.UUID.randomUUID());
        return new Account(null, null, null, null);
    }

    @Override
    public void push(ChannelConnection connection, Map<String, String> secrets, ChannelPush push) {
        call(connection, secrets, push.payload, "campaignfn-push-" + push.id);
    }

    @Override
    public SpendReport spend(ChannelConnection connection, Map<String, String> secrets, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("an e-mail webhook reports no spend");
    }

    private void call(ChannelConnection connection, Map<String, String> secrets, Map<String, Object> payload, String idempotencyKey) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unwritable webhook body", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(connection.setting("url")))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        http.send(AlertDelivery.signed(request, secrets.get("signing_secret"), clock.instant(), body), this::refusal);
    }

    /** 408, 429 and 5xx are worth retrying; any other answer is the service refusing the request. */
    private PlatformRefusal refusal(int status, JsonNode body, String text, HttpResponse<String> response) {
        return new PlatformRefusal(status != 408 && status != 429 && status / 100 != 5, status, text, http.retryAfter(response));
    }
}
