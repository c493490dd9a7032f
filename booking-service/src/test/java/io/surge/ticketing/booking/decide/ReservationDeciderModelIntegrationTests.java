package io.surge.ticketing.booking.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import io.surge.ticketing.booking.BookingApplication;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.inventory.InventoryLoader;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.ReserveCommand;
import io.surge.ticketing.contracts.messages.TicketIds;

/**
 * The batch decider on the real PostgreSQL against a reference model that decides one command at a time, in
 * order, the obvious way. Random batches mix chosen seats that overlap, best-available requests (including a
 * section that does not exist and sections that sell out), repeats of a command within a batch, redeliveries of
 * commands decided in earlier batches, and fans running into the per-fan limit. Every batch must be decided
 * exactly as the model decides it, and the seats held in the database must be exactly the model's.
 */
class ReservationDeciderModelIntegrationTests {

    private static final List<String> USERS = List.of("u-0", "u-1", "u-2", "u-3");
    private static final long MISSING_SECTION = 99;

    private static ConfigurableApplicationContext context;

    @BeforeContainer
    static void startTheService() {
        // arguments, not default properties: they must win over application.yml's ports (the running stack holds them)
        context = new SpringApplicationBuilder(BookingApplication.class).profiles("test")
                .run("--server.port=0", "--management.server.port=0");
    }

    @AfterContainer
    static void stopTheService() {
        if (context != null) {
            context.close();
        }
    }

    /** One generated command: what kind, whose, and a few numbers the kind reads. */
    record Op(int kind, int user, int a, int b, int c) {
    }

    /** A generated event: two sections of a few seats each, and its per-fan limit. */
    record Venue(int firstSection, int secondSection, int maxPerFan) {
    }

    @Provide
    Arbitrary<Venue> venues() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 5)).as(Venue::new);
    }

    @Provide
    Arbitrary<List<List<Op>>> batches() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, USERS.size() - 1), Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 11)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(14).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 60)
    void decidesEveryBatchAsTheSequentialModelDoes(@ForAll("venues") Venue venue,
            @ForAll("batches") List<List<Op>> batches) {
        ReservationDecider decider = context.getBean(ReservationDecider.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long eventId = 700_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        context.getBean(InventoryLoader.class).load(new EventInventoryDefined(eventId, Instant.now().minusSeconds(60), List.of(
                new EventInventoryDefined.Section(1, "A", 0, 1, venue.firstSection(), 5_000),
                new EventInventoryDefined.Section(2, "B", venue.firstSection(), 1, venue.secondSection(), 3_000))));
        jdbc.sql("INSERT INTO sale_settings (event_id, hold_seconds, max_tickets_per_user) VALUES (?, 600, ?)")
                .param(eventId).param(venue.maxPerFan()).update();

        Model model = new Model(eventId, venue);
        List<ReserveCommand> earlier = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            List<ReserveCommand> batch = commands(eventId, b, batches.get(b), earlier, venue);
            List<Decision> actual = decider.decide(batch);

            Map<UUID, ReserveCommand> distinct = new LinkedHashMap<>();
            batch.forEach(command -> distinct.putIfAbsent(command.bookingId(), command));
            List<Outcome> expected = distinct.values().stream().map(model::decide).toList();
            assertThat(actual.stream().map(Outcome::of).toList()).as("batch %d of %s", b, batch).isEqualTo(expected);
            earlier.addAll(batch);
        }

        Map<Long, UUID> held = new TreeMap<>();
        jdbc.sql("SELECT ticket_id, booking_id FROM tickets WHERE event_id = ? AND status = 'HELD'").param(eventId)
                .query(rs -> {
                    held.put(rs.getLong(1), rs.getObject(2, UUID.class));
                });
        assertThat(held).as("seats held in PostgreSQL").isEqualTo(new TreeMap<>(model.owners));
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE event_id = ?").param(eventId).query(Long.class).single())
                .as("one booking row per decided command").isEqualTo((long) model.decided.size());
    }

    private static List<ReserveCommand> commands(long eventId, int batch, List<Op> ops, List<ReserveCommand> earlier,
            Venue venue) {
        int seats = venue.firstSection() + venue.secondSection();
        List<ReserveCommand> commands = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            UUID bookingId = UUID.nameUUIDFromBytes((eventId + "/" + batch + "/" + i).getBytes(StandardCharsets.UTF_8));
            String user = USERS.get(op.user());
            if (op.kind() == 0 && !commands.isEmpty()) {
                commands.add(commands.get(op.a() % commands.size())); // repeated within the batch
            } else if (op.kind() == 1 && !earlier.isEmpty()) {
                commands.add(earlier.get(op.a() % earlier.size())); // redelivered from an earlier batch
            } else if (op.kind() <= 5) {
                LinkedHashSet<Long> chosen = new LinkedHashSet<>();
                for (int seat : List.of(op.a(), op.b(), op.c()).subList(0, 1 + op.c() % 3)) {
                    chosen.add(TicketIds.of(eventId, seat % seats));
                }
                commands.add(new ReserveCommand(bookingId, eventId, user, List.copyOf(chosen), null, null, Instant.now()));
            } else {
                long section = op.kind() == 9 ? MISSING_SECTION : 1 + op.a() % 2;
                commands.add(new ReserveCommand(bookingId, eventId, user, null, section, 1 + op.b() % 3, Instant.now()));
            }
        }
        return commands;
    }

    /** What the test compares: a decision without its times. */
    record Outcome(UUID bookingId, BookingStatus status, List<Long> ticketIds, List<Long> unavailable, long totalCents,
            String reason) {

        static Outcome of(Decision decision) {
            return new Outcome(decision.bookingId(), decision.status(), decision.ticketIds(),
                    decision.unavailableTicketIds(), decision.totalCents(), decision.reason());
        }
    }

    /** One command at a time, in order: the seats of a section are taken lowest first. */
    private static final class Model {

        final long eventId;
        final Venue venue;
        final Map<Long, UUID> owners = new HashMap<>();
        final Map<String, Integer> live = new HashMap<>();
        final Map<UUID, Outcome> decided = new HashMap<>();

        Model(long eventId, Venue venue) {
            this.eventId = eventId;
            this.venue = venue;
        }

        Outcome decide(ReserveCommand command) {
            return decided.computeIfAbsent(command.bookingId(), id -> decideFresh(command));
        }

        private Outcome decideFresh(ReserveCommand command) {
            List<Long> requested = command.chosenSeats() ? command.ticketIds() : List.of();
            int wanted = command.chosenSeats() ? requested.size() : command.quantity();
            if (live.getOrDefault(command.userId(), 0) + wanted > venue.maxPerFan()) {
                return rejected(command, requested, List.of(), ErrorCode.TICKET_LIMIT_EXCEEDED);
            }
            List<Long> granted = new ArrayList<>();
            if (command.chosenSeats()) {
                List<Long> taken = requested.stream().filter(owners::containsKey).toList();
                if (!taken.isEmpty()) {
                    return rejected(command, requested, taken, ErrorCode.SEATS_UNAVAILABLE);
                }
                granted.addAll(requested);
            } else {
                for (int seat : sectionSeats(command.sectionId())) {
                    long ticketId = TicketIds.of(eventId, seat);
                    if (!owners.containsKey(ticketId) && granted.size() < wanted) {
                        granted.add(ticketId);
                    }
                }
                if (granted.size() < wanted) {
                    return rejected(command, requested, List.of(), ErrorCode.SEATS_UNAVAILABLE);
                }
            }
            granted.forEach(ticketId -> owners.put(ticketId, command.bookingId()));
            live.merge(command.userId(), wanted, Integer::sum);
            long total = granted.stream()
                    .mapToLong(id -> TicketIds.seatIndexOf(id) < venue.firstSection() ? 5_000 : 3_000).sum();
            return new Outcome(command.bookingId(), BookingStatus.RESERVED, granted, List.of(), total, null);
        }

        private int[] sectionSeats(long sectionId) {
            if (sectionId == 1) {
                return java.util.stream.IntStream.range(0, venue.firstSection()).toArray();
            }
            if (sectionId == 2) {
                return java.util.stream.IntStream.range(venue.firstSection(), venue.firstSection() + venue.secondSection())
                        .toArray();
            }
            return new int[0];
        }

        private static Outcome rejected(ReserveCommand command, List<Long> requested, List<Long> unavailable,
                ErrorCode reason) {
            return new Outcome(command.bookingId(), BookingStatus.REJECTED, requested, unavailable, 0, reason.name());
        }
    }
}
