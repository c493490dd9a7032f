package io.surge.ticketing.catalog.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.catalog.event.EventStatus;

class RenderersUnitTests {

    @Test
    void theSeatMapListsEverySeatWithItsTicketIdIndexRowAndNumber() throws Exception {
        EventSnapshot event = new EventSnapshot(7, "Show", "Band", "concert", EventSnapshot.PUBLISHED, Instant.now(),
                Instant.now(), Instant.now(), true, false, 2, new EventSnapshot.Venue(1, "Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(10, "A", 27, 2, false, 5000),
                        new EventSnapshot.Section(11, "Floor", 1, 3, true, 1000)));

        Representation r = Renderers.seatMap(event);
        JsonNode map = new ObjectMapper().readTree(r.body());

        assertThat(r.etag()).isEqualTo("\"sm7-v2\"");
        assertThat(map.get("seat_count").asInt()).isEqualTo(57);
        JsonNode a = map.get("sections").get(0);
        assertThat(a.get("section_id").asLong()).isEqualTo(10);
        assertThat(a.get("price_cents").asLong()).isEqualTo(5000);
        assertThat(a.get("seats")).hasSize(54);
        JsonNode lastOfA = a.get("seats").get(53);
        assertThat(lastOfA.get("row").asString()).isEqualTo("AA");
        assertThat(lastOfA.get("number").asInt()).isEqualTo(2);
        assertThat(lastOfA.get("seat_index").asInt()).isEqualTo(53);
        assertThat(lastOfA.get("ticket_id").asLong()).isEqualTo(7_000_053L);
        JsonNode floor = map.get("sections").get(1).get("seats");
        assertThat(floor.get(0).get("seat_index").asInt()).isEqualTo(54);
        assertThat(floor.get(2).get("number").asInt()).isEqualTo(3);
    }

    /** {@link SeatMapSchema} describes the streamed seat map in the API description: the same members, no more. */
    @Test
    void theSeatMapHasExactlyTheMembersItsDescriptionNames() throws Exception {
        EventSnapshot event = new EventSnapshot(7, "Show", "Band", "concert", EventSnapshot.PUBLISHED, Instant.now(),
                Instant.now(), Instant.now(), true, false, 2, new EventSnapshot.Venue(1, "Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(10, "A", 1, 2, false, 5000)));

        JsonNode map = new ObjectMapper().readTree(Renderers.seatMap(event).body());

        assertThat(map.propertyNames()).containsExactlyElementsOf(snakeCaseComponents(SeatMapSchema.class));
        JsonNode section = map.get("sections").get(0);
        assertThat(section.propertyNames()).containsExactlyElementsOf(snakeCaseComponents(SeatMapSchema.Section.class));
        assertThat(section.get("seats").get(0).propertyNames())
                .containsExactlyElementsOf(snakeCaseComponents(SeatMapSchema.Seat.class));
    }

    private static List<String> snakeCaseComponents(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase()).toList();
    }

    @Test
    void aSixtyThousandSeatMapIsBuiltQuickly() throws Exception {
        List<EventSnapshot.Section> sections = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sections.add(new EventSnapshot.Section(i, "S" + i, 30, 100, false, 1000));
        }
        EventSnapshot stadium = new EventSnapshot(5, "Stadium", "Band", "concert", EventSnapshot.PUBLISHED,
                Instant.now(), Instant.now(), Instant.now(), true, false, 1,
                new EventSnapshot.Venue(1, "Stadium", "Las Vegas", "US"), sections);

        long start = System.nanoTime();
        Representation r = Renderers.seatMap(stadium);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(new ObjectMapper().readTree(r.body()).get("seat_count").asInt()).isEqualTo(60_000);
        assertThat(millis).isLessThan(3_000);
    }

    @Test
    void theDetailsShowTheLifecycleStatusAndRefundDeadlineAndNameTheStatusInTheEtag() throws Exception {
        Instant onSaleAt = Instant.parse("2030-03-01T10:00:00Z");
        Instant startsAt = Instant.parse("2030-04-01T20:00:00Z");
        EventSnapshot event = new EventSnapshot(7, "Show", "Band", "concert", EventSnapshot.PUBLISHED, startsAt,
                onSaleAt, startsAt.minusSeconds(86_400), true, false, 3,
                new EventSnapshot.Venue(1, "Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(10, "A", 2, 3, false, 5000)));

        Representation scheduled = Renderers.details(event, EventStatus.SCHEDULED);
        Representation onSale = Renderers.details(event, EventStatus.ON_SALE);
        JsonNode body = new ObjectMapper().readTree(scheduled.body());

        assertThat(body.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(body.get("refund_deadline").asString()).isEqualTo("2030-03-31T20:00:00Z");
        assertThat(scheduled.etag()).isEqualTo("\"e7-v3-scheduled\"");
        assertThat(scheduled.changesAt()).isEqualTo(onSaleAt);
        assertThat(new ObjectMapper().readTree(onSale.body()).get("status").asString()).isEqualTo("ON_SALE");
        assertThat(onSale.etag()).isEqualTo("\"e7-v3-on_sale\"");
        assertThat(onSale.changesAt()).isEqualTo(startsAt);
        assertThat(Renderers.details(event, EventStatus.CLOSED).changesAt()).isNull();
    }

    @Test
    void theDetailsMaxAgeNeverReachesPastTheNextStatusChange() {
        Instant now = Instant.parse("2030-03-01T09:59:57.400Z");
        Duration configured = Duration.ofSeconds(1);

        assertThat(EventReadController.maxAge(configured, null, now)).isEqualTo(configured);
        assertThat(EventReadController.maxAge(configured, now.plusSeconds(60), now)).isEqualTo(configured);
        assertThat(EventReadController.maxAge(Duration.ofSeconds(10), Instant.parse("2030-03-01T10:00:00Z"), now))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(EventReadController.maxAge(configured, now.plusMillis(999), now)).isEqualTo(Duration.ZERO);
    }

    @Test
    void etagMatchingAcceptsListsWeakFormsAndStar() {
        assertThat(EventReadController.matches("\"a\", \"sm1-v2\"", "\"sm1-v2\"")).isTrue();
        assertThat(EventReadController.matches("W/\"sm1-v2\"", "\"sm1-v2\"")).isTrue();
        assertThat(EventReadController.matches("*", "\"sm1-v2\"")).isTrue();
        assertThat(EventReadController.matches("\"sm1-v1\"", "\"sm1-v2\"")).isFalse();
        assertThat(EventReadController.matches(null, "\"sm1-v2\"")).isFalse();
    }
}
