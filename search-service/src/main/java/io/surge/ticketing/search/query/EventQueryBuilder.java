package io.surge.ticketing.search.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonData;

/**
 * Builds the search request. Text matches event name, performer, venue and city two ways, either one enough:
 * typo-tolerant ({@code fuzziness AUTO}: "tayler swfit" -> Taylor Swift) and as-you-type (bool_prefix: the last
 * word is a prefix, "tay" -> Taylor). Only core query types, so it runs on the stripped 8.19 build too.
 * Order is stable across pages: score, then start time, then event id.
 */
public class EventQueryBuilder {

    static final List<String> TEXT_FIELDS = List.of("name^3", "performer^3", "venue^2", "city");

    private final Clock clock;

    public EventQueryBuilder(Clock clock) {
        this.clock = clock;
    }

    public SearchRequest build(String index, SearchCriteria c) {
        List<Query> must = new ArrayList<>();
        if (c.text() != null && !c.text().isBlank()) {
            String text = c.text().trim();
            must.add(Query.of(q -> q.bool(b -> b
                    .should(s -> s.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.BestFields)
                            .fuzziness("AUTO").operator(Operator.And)))
                    .should(s -> s.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.BoolPrefix)
                            .operator(Operator.And)))
                    .minimumShouldMatch("1"))));
        }
        List<Query> filters = new ArrayList<>();
        if (c.city() != null && !c.city().isBlank()) {
            filters.add(term("city.keyword", c.city().trim().toLowerCase(Locale.ROOT)));
        }
        if (c.category() != null && !c.category().isBlank()) {
            filters.add(term("category", c.category().trim().toLowerCase(Locale.ROOT)));
        }
        // upcoming only unless the caller asks for another window
        String from = (c.from() != null ? c.from() : clock.instant()).toString();
        String to = c.to() != null ? c.to().toString() : null;
        filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field("starts_at").gte(JsonData.of(from));
            if (to != null) {
                u.lte(JsonData.of(to));
            }
            return u;
        }))));
        Query query = Query.of(q -> q.bool(b -> b
                .must(must.isEmpty() ? List.of(Query.of(m -> m.matchAll(a -> a))) : must)
                .filter(filters)
                // cancelled and draft documents are deleted (never indexed) by the connector; this guards the gap
                .mustNot(terms("status", "CANCELLED", "DRAFT"))));
        return SearchRequest.of(s -> s.index(index)
                .query(query)
                .from(c.offset())
                .size(c.size())
                .trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("starts_at").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("event_id").order(SortOrder.Asc))));
    }

    private static Query terms(String field, String... values) {
        List<FieldValue> any = java.util.Arrays.stream(values).map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(any))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
