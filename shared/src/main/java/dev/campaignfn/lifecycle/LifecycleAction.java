package dev.campaignfn.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The lifecycle moves of seed 000 and the states each may start from. Anything else is an illegal
 * transition (409 naming the current state).
 */
@RegisterForReflection
public enum LifecycleAction implements WireEnum {
    LAUNCH(EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)),
    PAUSE(EnumSet.of(CampaignStatus.ACTIVE)),
    RESUME(EnumSet.of(CampaignStatus.PAUSED)),
    COMPLETE(EnumSet.of(CampaignStatus.ACTIVE, CampaignStatus.PAUSED)),
    CANCEL(EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.ACTIVE, CampaignStatus.PAUSED));

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    private final Set<CampaignStatus> from;

    LifecycleAction(Set<CampaignStatus> from) {
        this.from = from;
    }

    public boolean allowedFrom(CampaignStatus status) {
        return from.contains(status);
    }

    /** The moves allowed from a state, in declaration order. */
    public static List<LifecycleAction> from(CampaignStatus status) {
        return Arrays.stream(values()).filter(action -> action.allowedFrom(status)).toList();
    }

    public Set<CampaignStatus> allowedFrom() {
        return from;
    }
}
