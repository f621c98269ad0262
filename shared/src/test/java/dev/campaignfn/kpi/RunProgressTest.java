package dev.campaignfn.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.campaignfn.campaign.Campaign;

/** A run's days in its reporting zone: begun, in all, and left to spend (what a daily budget is spread over). */
class RunProgressTest {

    /** Ten days in Paris: 1 to 10 March 2031 (the end date is exclusive: midnight of the 11th, local time). */
    static Campaign march() {
        Campaign campaign = new Campaign();
        campaign.timeZone = "Europe/Paris";
        campaign.startDate = Instant.parse("2031-02-28T23:00:00Z");
        campaign.endDate = Instant.parse("2031-03-10T23:00:00Z");
        return campaign;
    }

    @Test
    void daysLeftCountTodayAndAreAllBeforeTheRunAndOneFromItsLastDay() {
        Campaign campaign = march();
        assertEquals("2031-03-10", campaign.lastDay(campaign.zone()).toString());
        RunProgress before = RunProgress.of(campaign, Instant.parse("2031-02-20T12:00:00Z"));
        assertEquals(0, before.elapsedDays());
        assertEquals(10, before.daysLeft());
        RunProgress first = RunProgress.of(campaign, Instant.parse("2031-02-28T23:30:00Z"));
        assertEquals(1, first.elapsedDays(), "00:30 on 1 March in Paris");
        assertEquals(10, first.daysLeft());
        RunProgress fourth = RunProgress.of(campaign, Instant.parse("2031-03-04T10:00:00Z"));
        assertEquals(7, fourth.daysLeft(), "4 to 10 March");
        assertEquals(1, RunProgress.of(campaign, Instant.parse("2031-03-10T22:59:00Z")).daysLeft());
        assertEquals(1, RunProgress.of(campaign, Instant.parse("2031-04-01T00:00:00Z")).daysLeft(), "after the run: never zero");
    }
}
