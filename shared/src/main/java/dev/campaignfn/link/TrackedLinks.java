package dev.campaignfn.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.tracking.CampaignDirectory;
import dev.campaignfn.tracking.TrackingConfig;
import dev.campaignfn.tracking.Utm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Tracked links: managed per campaign by the campaigns function, resolved by the tracking function's
 * redirect. A redirect only ever goes to a destination registered here, with the link's UTM
 * parameters set on it; nothing from the incoming request reaches the Location.
 */
@ApplicationScoped
@Transactional
public class TrackedLinks {

    static final int MAX_LINKS_PER_CAMPAIGN = 1000;
    private static final String SLUG_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // per bean, not static: a native build initialises this class at build time, and a Random may not be in the image heap
    private final SecureRandom random = new SecureRandom();

    /** What the redirect needs, cached per instance for the campaign cache's time to live. */
    public record Target(UUID linkId, UUID campaignId, String channel, Utm utm, String location) {
    }

    private record Cached(Optional<Target> target, Instant loadedAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    TrackingConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LinkView> list(UUID campaignId) {
        Campaign.require(campaignId);
        return TrackedLink.<TrackedLink>list("campaignId = ?1 order by createdAt", campaignId).stream().map(LinkView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkView get(UUID campaignId, UUID linkId) {
        return LinkView.of(require(campaignId, linkId));
    }

    public LinkView create(UUID campaignId, @Valid @NotNull LinkCommand command, Actor actor) {
        Campaign.require(campaignId);
        String destination = checkDestination(command.destinationUrl());
        if (TrackedLink.count("campaignId", campaignId) >= MAX_LINKS_PER_CAMPAIGN) {
            throw new ConflictException("too_many_links", "a campaign has at most " + MAX_LINKS_PER_CAMPAIGN + " tracked links");
        }
        TrackedLink link = new TrackedLink();
        link.id = UUID.randomUUID();
        link.campaignId = campaignId;
        link.slug = command.slug() != null ? command.slug() : freeSlug();
        requireFreeSlug(link.slug, null);
        link.createdBy = actor.name();
        link.createdAt = clock.instant();
        apply(link, command, destination);
        link.persist();
        TrackedLink.flush();
        audit.record(actor, "link.created", "link", link.id, campaignId, Map.of("slug", link.slug, "destination_url", destination));
        return LinkView.of(link);
    }

    public LinkView update(UUID campaignId, UUID linkId, @Valid @NotNull LinkCommand command, Long expectedVersion, Actor actor) {
        TrackedLink link = require(campaignId, linkId);
        if (expectedVersion != null && expectedVersion != link.version) {
            throw new PreconditionFailedException("link", expectedVersion, link.version);
        }
        String destination = checkDestination(command.destinationUrl());
        if (command.slug() != null && !command.slug().equals(link.slug)) {
            requireFreeSlug(command.slug(), linkId);
            cache.remove(link.slug);
            link.slug = command.slug();
        }
        apply(link, command, destination);
        TrackedLink.flush();
        cache.remove(link.slug);
        audit.record(actor, "link.updated", "link", link.id, campaignId, Map.of("slug", link.slug, "destination_url", destination));
        return LinkView.of(link);
    }

    public void delete(UUID campaignId, UUID linkId, Actor actor) {
        TrackedLink link = require(campaignId, linkId);
        link.delete();
        cache.remove(link.slug);
        audit.record(actor, "link.deleted", "link", linkId, campaignId, Map.of("slug", link.slug));
    }

    /** The redirect target of an enabled link, or empty. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Target> resolve(String slug) {
        Instant now = clock.instant();
        Cached cached = cache.get(slug);
        if (cached != null && cached.loadedAt.plus(config.campaignCacheTtl()).isAfter(now)) {
            return cached.target;
        }
        Optional<Target> target = TrackedLink.<TrackedLink>find("slug", slug).firstResultOptional().filter(l -> !l.disabled)
                .map(l -> new Target(l.id, l.campaignId, l.channel, l.utm(), redirectUrl(l.destinationUrl, l.utm())));
        if (cache.size() > CampaignDirectory.MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(slug, new Cached(target, now));
        return target;
    }

    /** The destination with the link's UTM parameters set: replacing any of the same name, keeping the rest. */
    public static String redirectUrl(String destination, Utm utm) {
        URI uri = URI.create(destination);
        List<String> params = new ArrayList<>();
        String[][] set = { { "utm_source", utm.source() }, { "utm_medium", utm.medium() }, { "utm_campaign", utm.campaign() },
                { "utm_term", utm.term() }, { "utm_content", utm.content() }, { "utm_id", utm.id() } };
        List<String> replaced = new ArrayList<>();
        for (String[] pair : set) {
            if (pair[1] != null) {
                replaced.add(pair[0]);
            }
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !replaced.contains(name)) {
                    params.add(pair);
                }
            }
        }
        for (String[] pair : set) {
            if (pair[1] != null) {
                params.add(pair[0] + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
            }
        }
        String base = destination;
        int cut = indexOfAny(base, '?', '#');
        if (cut >= 0) {
            base = base.substring(0, cut);
        }
        return base + (params.isEmpty() ? "" : "?" + String.join("&", params))
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** Absolute http(s) URLs with a host, no credentials and nothing that breaks a Location header. */
    static String checkDestination(String url) {
        String candidate = url.strip();
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw ValidationException.of("destination_url", "must be an absolute http or https URL");
            }
            if (uri.getRawUserInfo() != null) {
                throw ValidationException.of("destination_url", "must not carry credentials");
            }
            return candidate;
        } catch (URISyntaxException e) {
            throw ValidationException.of("destination_url", "is not a valid URL: " + e.getReason());
        }
    }

    private void apply(TrackedLink link, LinkCommand command, String destination) {
        link.destinationUrl = destination;
        link.channel = command.channel();
        link.utmSource = command.utmSource();
        link.utmMedium = command.utmMedium();
        link.utmCampaign = command.utmCampaign();
        link.utmTerm = command.utmTerm();
        link.utmContent = command.utmContent();
        link.utmId = command.utmId();
        link.disabled = Boolean.TRUE.equals(command.disabled());
        link.updatedAt = clock.instant();
    }

    private static void requireFreeSlug(String slug, UUID exceptId) {
        TrackedLink taken = TrackedLink.find("slug", slug).firstResult();
        if (taken != null && !taken.id.equals(exceptId)) {
            throw new ConflictException("slug_taken", "the slug '" + slug + "' is already used by another link",
                    Map.of("slug", slug));
        }
    }

    private String freeSlug() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder slug = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                slug.append(SLUG_ALPHABET.charAt(random.nextInt(SLUG_ALPHABET.length())));
            }
            if (TrackedLink.count("slug", slug.toString()) == 0) {
                return slug.toString();
            }
        }
        throw new IllegalStateException("no free slug after 10 attempts");
    }

    private static TrackedLink require(UUID campaignId, UUID linkId) {
        Campaign.require(campaignId);
        TrackedLink link = TrackedLink.findById(linkId);
        if (link == null || !link.campaignId.equals(campaignId)) {
            throw new NotFoundException("link", linkId);
        }
        return link;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
