package dev.campaignfn.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.NotFoundException;

/** Several campaigns reported together: the zone their days are in and the period they cover. */
record CampaignSet(List<Campaign> campaigns, ReportZone zone, ReportPeriod period) {

    /** The campaigns in the order asked; an unknown id is a 404. */
    static List<Campaign> require(Collection<UUID> ids) {
        Map<UUID, Campaign> found = Campaign.<Campaign>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<Campaign> campaigns = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Campaign campaign = found.get(id);
            if (campaign == null) {
                throw new NotFoundException("campaign", id);
            }
            campaigns.add(campaign);
        }
        return campaigns;
    }

    static CampaignSet of(List<Campaign> campaigns, ReportRequest request, Clock clock, int maxDays) {
        ReportZone zone = ReportZone.of(request.zone(), campaigns.stream().map(Campaign::zone).toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.today());
        ReportPeriod lifetime = null;
        for (Campaign campaign : campaigns) {
            ZoneId own = request.zone() != null ? request.zone() : campaign.zone();
            ReportPeriod run = CampaignAnalytics.lifetime(campaign, own, LocalDate.ofInstant(clock.instant(), own));
            lifetime = lifetime == null ? run : new ReportPeriod(min(lifetime.startDate(), run.startDate()),
                    max(lifetime.endDate(), run.endDate()));
        }
        if (lifetime == null) {
            lifetime = new ReportPeriod(today, today);
        }
        return new CampaignSet(campaigns, zone, request.period(today, lifetime, maxDays));
    }

    /** Each campaign and its own reporting zone, in order. */
    Map<UUID, ZoneId> zones() {
        Map<UUID, ZoneId> zones = new LinkedHashMap<>();
        campaigns.forEach(c -> zones.put(c.id, c.zone()));
        return zones;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
