package io.surge.ticketing.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard plots only what the services export: each metric of ours in a query is a meter registered
 * in some service's code (Micrometer's Prometheus names: dots to '_', _total, _seconds...), grouped and filtered
 * by tags that meter has; framework metrics come from the known Micrometer binders. The surge's key metrics are
 * all on it.
 */
final class DashboardRules {

    static final List<String> KEY_METRICS = List.of("waitingroom_queue_depth", "waitingroom_admitted_total",
            "waitingroom_joined_total", "booking_reservations_total", "booking_commands_lag",
            "booking_reservations_shed_total", "cleanup_holds_released_total", "cleanup_release_lateness_seconds",
            "payments_outcome_total", "cdc_replication_latency_seconds", "cdc_slot_lag_bytes",
            "kafka_consumer_fetch_manager_records_lag_max", "gateway_ratelimit_rejected_total",
            "http_server_requests_seconds_count", "http_server_requests_seconds_bucket");

    private static final List<String> FRAMEWORK_PREFIXES = List.of("http_server_requests_seconds", "kafka_consumer_",
            "kafka_producer_", "jvm_", "process_", "system_", "hikaricp_", "lettuce_", "tomcat_", "executor_",
            "logback_", "resilience4j_", "spring_cloud_gateway_", "spring_kafka_", "application_");
    private static final Set<String> COMMON_LABELS = Set.of("application", "instance", "job", "namespace", "pod",
            "service", "le", "quantile");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "rate", "irate", "increase", "max", "min", "avg",
            "count", "histogram_quantile", "topk", "bottomk", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "abs", "clamp_min", "clamp_max", "delta", "deriv", "sort",
            "sort_desc", "time", "vector", "scalar", "label_replace", "offset", "bool", "quantile", "stddev",
            "max_over_time", "min_over_time", "avg_over_time", "absent");
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum",
            "_seconds_max", "_seconds_bucket", "_count", "_sum", "_max", "_bucket", "_bytes");
    private static final Pattern METER = Pattern.compile(
            "(counter|timer|summary|gauge|Counter\\.builder|Gauge\\.builder|Timer\\.builder|DistributionSummary\\.builder)\\(\"([a-z0-9_.]+)\"");

    private final Repository repository;

    DashboardRules(Repository repository) {
        this.repository = repository;
    }

    /** Prometheus base name (dots to '_') of every meter the services register, with its tag keys. */
    Map<String, Set<String>> meters() {
        Map<String, Set<String>> meters = new LinkedHashMap<>();
        for (String module : repository.modules()) {
            for (Path source : repository.mainSources(module)) {
                String text = Repository.read(source);
                Matcher m = METER.matcher(text);
                while (m.find()) {
                    Set<String> tags = meters.computeIfAbsent(m.group(2).replace('.', '_'), k -> new LinkedHashSet<>());
                    int end = text.indexOf(';', m.end());
                    String statement = text.substring(m.end(), end < 0 ? text.length() : end);
                    Matcher tag = Pattern.compile("\\.tag\\(\"([a-z_.]+)\"").matcher(statement);
                    while (tag.find()) {
                        tags.add(tag.group(1));
                    }
                    if (!m.group(1).contains(".")) {
                        List<String> args = arguments(statement);
                        for (int i = 0; i + 1 < args.size(); i += 2) {
                            String key = args.get(i).trim();
                            if (key.matches("\"[a-z_.]+\"")) {
                                tags.add(key.substring(1, key.length() - 1));
                            }
                        }
                    }
                }
            }
        }
        return meters;
    }

    List<String> check(String json) {
        List<String> problems = new ArrayList<>();
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(json);
        } catch (JacksonException e) {
            return List.of("dashboard: not JSON: " + e.getMessage());
        }
        Map<String, Set<String>> meters = meters();
        Set<String> used = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            String title = panel.path("title").asString();
            if (!ids.add(panel.path("id").asInt())) {
                problems.add("dashboard panel " + title + ": duplicate id " + panel.path("id"));
            }
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                for (Map.Entry<String, Set<String>> metric : metricsWithLabels(expr).entrySet()) {
                    used.add(metric.getKey());
                    String base = base(metric.getKey(), meters);
                    if (base == null) {
                        if (FRAMEWORK_PREFIXES.stream().noneMatch(metric.getKey()::startsWith)) {
                            problems.add("dashboard panel " + title + ": " + metric.getKey() + " is exported by no service");
                        }
                        continue;
                    }
                    for (String label : metric.getValue()) {
                        if (!COMMON_LABELS.contains(label) && !meters.get(base).contains(label)) {
                            problems.add("dashboard panel " + title + ": " + metric.getKey() + " has no tag " + label
                                    + " (its tags: " + meters.get(base) + ")");
                        }
                    }
                }
            }
        }
        for (String key : KEY_METRICS) {
            if (!used.contains(key)) {
                problems.add("dashboard: no panel shows " + key);
            }
        }
        return problems;
    }

    /** Metric names of a PromQL expression with the label names it groups or filters them by. */
    static Map<String, Set<String>> metricsWithLabels(String expr) {
        Set<String> grouping = new LinkedHashSet<>();
        Matcher by = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)").matcher(expr);
        while (by.find()) {
            for (String label : by.group(1).split(",")) {
                if (!label.isBlank()) {
                    grouping.add(label.trim());
                }
            }
        }
        String stripped = expr.replaceAll("\\b(?:by|without)\\s*\\([^)]*\\)", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\"[^\"]*\"", "\"\"");
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        Matcher token = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?").matcher(stripped);
        while (token.find()) {
            String name = token.group(1);
            int after = token.end(1);
            boolean call = stripped.substring(after).stripLeading().startsWith("(");
            if (PROMQL_WORDS.contains(name) || call || isInsideBraces(stripped, token.start())) {
                continue;
            }
            Set<String> labels = metrics.computeIfAbsent(name, k -> new LinkedHashSet<>());
            labels.addAll(grouping);
            if (token.group(2) != null) {
                Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)").matcher(token.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return metrics;
    }

    private static String base(String metric, Map<String, Set<String>> meters) {
        for (String suffix : SUFFIXES) {
            if (metric.endsWith(suffix) && meters.containsKey(metric.substring(0, metric.length() - suffix.length()))) {
                return metric.substring(0, metric.length() - suffix.length());
            }
        }
        return null;
    }

    private static boolean isInsideBraces(String text, int index) {
        int open = text.lastIndexOf('{', index);
        int close = text.lastIndexOf('}', index);
        return open > close;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The top-level, comma-separated arguments after a meter's name, up to the call's closing parenthesis. */
    private static List<String> arguments(String afterName) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : afterName.toCharArray()) {
            if (depth == 0 && c == ')') {
                break;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                if (current.length() > 0) {
                    args.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            args.add(current.toString());
        }
        return args;
    }
}
