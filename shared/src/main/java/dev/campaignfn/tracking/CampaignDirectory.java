package dev.campaignfn.tracking;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.eclipse.microprofile.context.ManagedExecutor;

import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What ingestion needs to know about campaigns (status, currency, reporting zone), read once per
 * {@code campaign-cache-ttl} per function instance instead of once per event. Unknown ids are
 * remembered too, so a flood of made-up ids does not become a flood of queries.
 */
@ApplicationScoped
public class CampaignDirectory {

    /** A bound on what one instance remembers; past it the memory starts over. */
    public static final int MAX_ENTRIES = 20_000;

    public record CampaignInfo(UUID id, CampaignStatus status, String currency, String timeZone, Instant pausedAt,
            Instant completedAt) {
    }

    private record Entry(CampaignInfo info, Instant loadedAt) {
    }

    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    @Inject
    DataSource dataSource;

    @Inject
    TrackingConfig config;

    @Inject
    Clock clock;

    @Inject
    ManagedExecutor workers;

    /** The campaigns among these ids that exist; ids missing from the answer are unknown. */
    public Map<UUID, CampaignInfo> find(Collection<UUID> ids) {
        Map<UUID, CampaignInfo> found = new HashMap<>();
        List<UUID> missing = cached(ids, found);
        if (!missing.isEmpty()) {
            found.putAll(loadAndRemember(missing));
        }
        return found;
    }

    /**
     * The same without blocking the caller: answered at once from what this instance remembers, or,
     * when something must be read, on a worker thread (ingestion runs on the I/O thread).
     */
    public CompletionStage<Map<UUID, CampaignInfo>> findAsync(Collection<UUID> ids) {
        Map<UUID, CampaignInfo> found = new HashMap<>();
        List<UUID> missing = cached(ids, found);
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(found);
        }
        return CompletableFuture.supplyAsync(() -> {
            found.putAll(loadAndRemember(missing));
            return found;
        }, workers);
    }

    public Optional<CampaignInfo> find(UUID id) {
        return Optional.ofNullable(find(List.of(id)).get(id));
    }

    /** Puts what is remembered and fresh into found; answers the ids that must be read. */
    private List<UUID> cached(Collection<UUID> ids, Map<UUID, CampaignInfo> found) {
        Instant now = clock.instant();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Entry entry = cache.get(id);
            if (entry != null && entry.loadedAt.plus(config.campaignCacheTtl()).isAfter(now)) {
                if (entry.info != null) {
                    found.put(id, entry.info);
                }
            } else {
                missing.add(id);
            }
        }
        return missing;
    }

    private Map<UUID, CampaignInfo> loadAndRemember(List<UUID> missing) {
        Instant now = clock.instant();
        Map<UUID, CampaignInfo> loaded = load(missing);
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        for (UUID id : missing) {
            cache.put(id, new Entry(loaded.get(id), now));
        }
        return loaded;
    }

    /** Forgets what this instance knew, so the next lookup reads the database (after a change it made). */
    public void forget(UUID id) {
        cache.remove(id);
    }

    private Map<UUID, CampaignInfo> load(List<UUID> ids) {
        Map<UUID, CampaignInfo> loaded = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, status, currency, time_zone, paused_at, completed_at from campaigns where id = any(?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    loaded.put(id, new CampaignInfo(id, new CampaignStatus.DbConverter().convertToEntityAttribute(rows.getString(2)),
                            rows.getString(3), rows.getString(4), Jdbc.instant(rows.getTimestamp(5)), Jdbc.instant(rows.getTimestamp(6))));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read campaigns", e);
        }
        return loaded;
    }

}
