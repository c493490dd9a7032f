package io.surge.ticketing.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.client.booking.api.BookingsApi;
import io.surge.ticketing.client.booking.api.ReservationsApi;
import io.surge.ticketing.client.booking.api.SalesReportApi;
import io.surge.ticketing.client.booking.api.TicketsApi;
import io.surge.ticketing.client.booking.model.BookingView;
import io.surge.ticketing.client.booking.model.Problem;
import io.surge.ticketing.client.booking.model.ReserveRequest;
import io.surge.ticketing.client.booking.model.Tickets;
import io.surge.ticketing.client.catalog.api.EventsAdminApi;
import io.surge.ticketing.client.catalog.api.EventsApi;
import io.surge.ticketing.client.catalog.api.VenuesAdminApi;
import io.surge.ticketing.client.catalog.model.CreateEventRequest;
import io.surge.ticketing.client.catalog.model.CreateVenueRequest;
import io.surge.ticketing.client.catalog.model.EventDetails;
import io.surge.ticketing.client.catalog.model.PriceTierRequest;
import io.surge.ticketing.client.catalog.model.SeatMap;
import io.surge.ticketing.client.catalog.model.SectionRequest;
import io.surge.ticketing.client.identity.api.IdentityLocalStackApi;
import io.surge.ticketing.client.identity.model.TokenRequest;
import io.surge.ticketing.client.payment.api.PaymentsApi;
import io.surge.ticketing.client.payment.model.PaymentAnswer;
import io.surge.ticketing.client.payment.model.PaymentRequest;
import io.surge.ticketing.client.search.api.SearchApi;
import io.surge.ticketing.client.search.model.SearchPage;
import io.surge.ticketing.client.waitingroom.api.WaitingRoomAdminApi;
import io.surge.ticketing.client.waitingroom.api.WaitingRoomApi;
import io.surge.ticketing.client.waitingroom.model.QueueView;
import io.surge.ticketing.client.waitingroom.model.SettingsRequest;
import io.surge.ticketing.system.Platform;

/**
 * A fan's journey and an organizer's set-up, driven only through the typed client generated from the published
 * descriptions ({@code docs/api} -> {@code api-client}): if the description says something the gateway does not
 * do (a path, a member name, a type, a credential), this fails.
 */
class FanJourneyThroughTheClientSystemTests {

    private final String gateway = Platform.get().gateway().toString();
    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void aFanFindsAnEventQueuesReservesPaysAndReadsTheirTicketsThroughTheTypedClient() throws Exception {
        // identity: the local stack's token endpoint
        var identity = new IdentityLocalStackApi(new io.surge.ticketing.client.identity.ApiClient(io.surge.ticketing.client.identity.ApiClient.createDefaultHttpClientBuilder(),
                io.surge.ticketing.client.identity.ApiClient.createDefaultObjectMapper(), gateway));
        String admin = identity.issueLocalToken(new TokenRequest().userId("journey-admin-" + run).roles(List.of("admin")))
                .getAccessToken();
        String fan = identity.issueLocalToken(new TokenRequest().userId("journey-fan-" + run).roles(List.of()))
                .getAccessToken();

        // the organizer: a venue, an event on sale in a few seconds, its waiting room
        var catalog = new io.surge.ticketing.client.catalog.ApiClient(io.surge.ticketing.client.catalog.ApiClient.createDefaultHttpClientBuilder(),
                io.surge.ticketing.client.catalog.ApiClient.createDefaultObjectMapper(), gateway);
        long venueId = new VenuesAdminApi(catalog).createVenue(new CreateVenueRequest().name("Client Hall " + run)
                .city("Clientville").country("NL")
                .addSectionsItem(new SectionRequest().name("A").rows(2).seatsPerRow(5)), bearer(admin)).getVenueId();
        OffsetDateTime onSaleAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(12);
        String name = "Typed Client Night " + run;
        long eventId = new EventsAdminApi(catalog).createEvent(new CreateEventRequest().name(name)
                .performer("The Generated Clients").category("concert").venueId(venueId)
                .startsAt(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)).onSaleAt(onSaleAt)
                .addPriceTiersItem(new PriceTierRequest().section("A").priceCents(5_000L)), bearer(admin)).getEventId();
        var waitingRoom = new io.surge.ticketing.client.waitingroom.ApiClient(io.surge.ticketing.client.waitingroom.ApiClient.createDefaultHttpClientBuilder(),
                io.surge.ticketing.client.waitingroom.ApiClient.createDefaultObjectMapper(), gateway);
        new WaitingRoomAdminApi(waitingRoom).putWaitingRoomSettings(eventId, new SettingsRequest()
                .admissionRatePerMinute(600).maxTicketsPerUser(4), bearer(admin));

        // the fan finds it (search is fed by CDC: a moment later), reads it and its seat map
        var search = new SearchApi(new io.surge.ticketing.client.search.ApiClient(io.surge.ticketing.client.search.ApiClient.createDefaultHttpClientBuilder(),
                io.surge.ticketing.client.search.ApiClient.createDefaultObjectMapper(), gateway));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            SearchPage page = search.searchEvents("Typed Client Night " + run, null, null, null, null, 1, 20);
            return page.getResults().stream().anyMatch(result -> result.getEventId() == eventId);
        });
        EventDetails details = new EventsApi(catalog).getEvent(eventId, null);
        assertThat(details.getName()).isEqualTo(name);
        SeatMap seatMap = new EventsApi(catalog).getSeatMap(eventId, null);
        assertThat(seatMap.getSeatCount()).isEqualTo(10);
        long sectionId = seatMap.getSections().get(0).getSectionId();

        // the waiting room: before T0 a pre-queue, then admitted with a token
        var queue = new WaitingRoomApi(waitingRoom);
        QueueView joined = queue.joinWaitingRoom(eventId, new io.surge.ticketing.client.waitingroom.model.JoinRequest(), bearer(fan));
        assertThat(joined.getStatus().getValue()).isIn("PRE_QUEUE", "QUEUED", "ADMITTED");
        AtomicReference<String> admission = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            QueueView status = queue.getQueueStatus(eventId, bearer(fan));
            admission.set(status.getAdmissionToken());
            return "ADMITTED".equals(status.getStatus().getValue()) && status.getAdmissionToken() != null;
        });
        Map<String, String> admitted = Map.of("Authorization", "Bearer " + fan, "X-Admission-Token", admission.get());

        // two best-available seats, held; a buffered answer is polled until decided
        var booking = new io.surge.ticketing.client.booking.ApiClient(io.surge.ticketing.client.booking.ApiClient.createDefaultHttpClientBuilder(),
                io.surge.ticketing.client.booking.ApiClient.createDefaultObjectMapper(), gateway);
        BookingView hold = new ReservationsApi(booking).reserveSeats(new ReserveRequest().eventId(eventId)
                .sectionId(sectionId).quantity(2), UUID.randomUUID().toString(), admitted);
        UUID bookingId = hold.getBookingId();
        var bookings = new BookingsApi(booking);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> bookings.getBooking(bookingId, bearer(fan)).getStatus().getValue().equals("RESERVED"));
        assertThat(bookings.getBooking(bookingId, bearer(fan)).getTicketIds()).hasSize(2);

        // paid once, with the key kept across a retry
        var payments = new PaymentsApi(new io.surge.ticketing.client.payment.ApiClient(io.surge.ticketing.client.payment.ApiClient.createDefaultHttpClientBuilder(),
                io.surge.ticketing.client.payment.ApiClient.createDefaultObjectMapper(), gateway));
        String key = UUID.randomUUID().toString();
        PaymentAnswer paid = payments.payBooking(bookingId, key, new PaymentRequest().paymentToken("tok_visa"), admitted);
        PaymentAnswer replayed = payments.payBooking(bookingId, key, new PaymentRequest().paymentToken("tok_visa"), admitted);
        assertThat(paid.getStatus()).isEqualTo("CONFIRMED");
        assertThat(replayed.getPaymentId()).isEqualTo(paid.getPaymentId());

        // the booking, its tickets with their QR codes, and the fan's list
        assertThat(bookings.getBooking(bookingId, bearer(fan)).getStatus().getValue()).isEqualTo("CONFIRMED");
        var tickets = new TicketsApi(booking);
        Tickets issued = tickets.getTickets(bookingId, bearer(fan));
        assertThat(issued.getTickets()).hasSize(2).allSatisfy(ticket -> assertThat(ticket.getCode()).isNotBlank());
        File qr = tickets.getTicketQr(bookingId, issued.getTickets().get(0).getTicketId(), bearer(fan));
        byte[] png = Files.readAllBytes(qr.toPath());
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(bookings.listMyBookings(eventId, null, 1, 20, bearer(fan)).getResults())
                .extracting(BookingView::getBookingId).containsExactly(bookingId);

        // the organizer sees the sale
        assertThat(new SalesReportApi(booking).getSalesReport(eventId, bearer(admin)).getSold()).isEqualTo(2);

        // a refusal reaches the client as the documented problem, with its code
        assertThatThrownBy(() -> bookings.getBooking(UUID.randomUUID(), bearer(fan)))
                .isInstanceOfSatisfying(io.surge.ticketing.client.booking.ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    Problem problem = problem(booking, e.getResponseBody());
                    assertThat(problem.getCode()).isEqualTo(Problem.CodeEnum.BOOKING_NOT_FOUND);
                    assertThat(problem.getStatus()).isEqualTo(404);
                });
    }

    private static Map<String, String> bearer(String jwt) {
        return Map.of("Authorization", "Bearer " + jwt);
    }

    private static Problem problem(io.surge.ticketing.client.booking.ApiClient client, String body) {
        try {
            return client.getObjectMapper().readValue(body, Problem.class);
        } catch (Exception e) {
            throw new IllegalStateException("not a problem: " + body, e);
        }
    }
}
