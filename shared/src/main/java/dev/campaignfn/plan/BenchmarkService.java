package dev.campaignfn.plan;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The operator-configurable channel benchmarks that plan estimates use. */
@ApplicationScoped
@Transactional
public class BenchmarkService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BenchmarkView> list() {
        return ChannelBenchmark.<ChannelBenchmark>listAll(io.quarkus.panache.common.Sort.by("channel")).stream()
                .map(BenchmarkView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ChannelBenchmark> byChannel() {
        Map<String, ChannelBenchmark> all = new LinkedHashMap<>();
        ChannelBenchmark.<ChannelBenchmark>listAll().forEach(b -> all.put(b.channel, b));
        return all;
    }

    /** Creates or replaces the benchmark of one channel (or of 'default'). */
    public BenchmarkView put(String channel, @Valid @NotNull BenchmarkCommand command, Actor actor) {
        ChannelBenchmark found = ChannelBenchmark.findById(channel);
        ChannelBenchmark benchmark = found == null ? new ChannelBenchmark() : found;
        benchmark.channel = channel;
        benchmark.cpm = command.cpm();
        benchmark.ctr = command.ctr();
        benchmark.cvr = command.cvr();
        benchmark.reachRatio = command.reachRatio();
        benchmark.updatedAt = clock.instant();
        benchmark.updatedBy = actor.name();
        if (found == null) {
            // persisted whole: the audit record below flushes, and a row persisted empty broke its NOT NULL columns (a 409)
            benchmark.persist();
        }
        audit.record(actor, "benchmark.updated", "benchmark", channel, null,
                Map.of("cpm", command.cpm(), "ctr", command.ctr(), "cvr", command.cvr(), "reach_ratio", command.reachRatio()));
        return BenchmarkView.of(benchmark);
    }

    public void delete(String channel, Actor actor) {
        if (ChannelBenchmark.DEFAULT.equals(channel)) {
            throw new ConflictException("default_benchmark", "the default benchmark can be changed but not removed");
        }
        ChannelBenchmark benchmark = ChannelBenchmark.findById(channel);
        if (benchmark == null) {
            throw new NotFoundException("benchmark", channel);
        }
        benchmark.delete();
        audit.record(actor, "benchmark.deleted", "benchmark", channel, null, Map.of());
    }
}
