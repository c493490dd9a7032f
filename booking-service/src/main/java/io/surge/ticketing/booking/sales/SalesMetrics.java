package io.surge.ticketing.booking.sales;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;

/**
 * The sales report's figures of every live event as gauges tagged by event: {@code booking.sales.seats{state}}
 * (available, held, sold, refunded), {@code booking.sales.gross} and {@code booking.sales.refunded} (cents),
 * {@code booking.sales.checked_in}. Counted again every {@code sales.metrics-refresh} (one statement per live event);
 * an event that is no longer live drops out. The counters of refunds and check-ins as they happen are
 * {@code booking.refunds} and {@code booking.check_ins{outcome}}.
 */
@Component
class SalesMetrics {

    private static final Logger log = LoggerFactory.getLogger(SalesMetrics.class);

    private final EventInventoryRepository events;
    private final SalesReports reports;
    private final Clock clock;
    private final MultiGauge seats;
    private final MultiGauge gross;
    private final MultiGauge refunded;
    private final MultiGauge checkedIn;
    private final MultiGauge waitlist;

    SalesMetrics(EventInventoryRepository events, SalesReports reports, Clock clock, MeterRegistry meters) {
        this.events = events;
        this.reports = reports;
        this.clock = clock;
        this.seats = MultiGauge.builder("booking.sales.seats").description("seats of a live event by state")
                .register(meters);
        this.gross = MultiGauge.builder("booking.sales.gross").baseUnit("cents")
                .description("paid by fans for a live event, refunded bookings included").register(meters);
        this.refunded = MultiGauge.builder("booking.sales.refunded").baseUnit("cents")
                .description("refunded to fans of a live event").register(meters);
        this.checkedIn = MultiGauge.builder("booking.sales.checked_in").description("tickets of a live event checked in")
                .register(meters);
        this.waitlist = MultiGauge.builder("booking.waitlist.entries")
                .description("a live event's waiting list by state (waiting, offered, fulfilled, expired)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${ticketing.booking.sales.metrics-refresh}",
            initialDelayString = "${ticketing.booking.sales.metrics-refresh}")
    void refresh() {
        try {
            Instant now = clock.instant();
            List<Long> live = events.liveEventIds();
            Map<Long, EventFacts> facts = events.findAll(live);
            List<SalesReports.Report> figures = new ArrayList<>(live.size());
            for (EventFacts event : facts.values()) {
                if (event.live(now)) {
                    figures.add(reports.figures(event));
                }
            }
            export(figures);
        } catch (RuntimeException e) {
            log.warn("could not refresh the sales metrics (the last figures stay): {}", e.toString());
        }
    }

    void export(List<SalesReports.Report> figures) {
        List<MultiGauge.Row<?>> seatRows = new ArrayList<>();
        for (SalesReports.Report report : figures) {
            Tags event = Tags.of("event_id", Long.toString(report.eventId()));
            seatRows.add(MultiGauge.Row.of(event.and("state", "available"), report.available()));
            seatRows.add(MultiGauge.Row.of(event.and("state", "held"), report.held()));
            seatRows.add(MultiGauge.Row.of(event.and("state", "sold"), report.sold()));
            seatRows.add(MultiGauge.Row.of(event.and("state", "refunded"), report.refunded()));
        }
        seats.register(seatRows, true);
        gross.register(rows(figures, SalesReports.Report::grossCents), true);
        refunded.register(rows(figures, SalesReports.Report::refundedCents), true);
        checkedIn.register(rows(figures, SalesReports.Report::checkedIn), true);
        List<MultiGauge.Row<?>> listRows = new ArrayList<>();
        for (SalesReports.Report report : figures) {
            if (report.waitlist() == null) {
                continue;
            }
            Tags event = Tags.of("event_id", Long.toString(report.eventId()));
            listRows.add(MultiGauge.Row.of(event.and("state", "waiting"), report.waitlist().waiting()));
            listRows.add(MultiGauge.Row.of(event.and("state", "offered"), report.waitlist().offered()));
            listRows.add(MultiGauge.Row.of(event.and("state", "fulfilled"), report.waitlist().fulfilled()));
            listRows.add(MultiGauge.Row.of(event.and("state", "expired"), report.waitlist().expired()));
        }
        waitlist.register(listRows, true);
    }

    private static List<MultiGauge.Row<?>> rows(List<SalesReports.Report> figures,
            ToDoubleFunction<SalesReports.Report> value) {
        return figures.stream().<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(
                Tags.of("event_id", Long.toString(r.eventId())), value.applyAsDouble(r))).toList();
    }
}
