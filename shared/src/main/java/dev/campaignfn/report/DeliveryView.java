package dev.campaignfn.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One delivery of a schedule, for one period: {@code exporting} while its file is written, then
 * {@code delivered} (announced to the webhooks through the alert outbox) or {@code failed} (announced
 * without a file; {@code error} says why).
 */
public record DeliveryView(UUID scheduleId, LocalDate periodStart, LocalDate periodEnd, String status, UUID exportJobId, UUID alertId,
        String error, Instant createdAt, Instant deliveredAt) {
}
