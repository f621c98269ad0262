package dev.campaignfn.metrics;

/**
 * A metric described for clients (the dashboard builds its lists from these): its name, label, unit,
 * whether lower is better, whether it adds up over a run, whether rules may watch it, its export header,
 * and the fields that hold it in series points and in summaries.
 */
public record MetricDefinition(Metric metric, String label, MetricUnit unit, boolean lowerIsBetter, boolean cumulative,
        boolean ruleMetric, String exportHeader, String seriesField, String summaryField) {
}
