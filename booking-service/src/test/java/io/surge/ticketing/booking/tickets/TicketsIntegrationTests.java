package io.surge.ticketing.booking.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.TicketIds;

/** A fan's tickets and their QR codes, over HTTP against the real PostgreSQL and Redis. */
class TicketsIntegrationTests extends AfterTheSaleIntegrationTest {

    @Autowired
    TicketCodec codec;
    @Autowired
    TicketSeats seats;

    @Test
    void aPaidBookingListsOneValidTicketPerSeatWithItsSeatPriceAndSignedCode() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-tickets-" + UUID.randomUUID();
        UUID bookingId = paid(eventId, fan, 1, 3);

        HttpResponse<String> response = get("/api/v1/bookings/" + bookingId + "/tickets", user(fan));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        JsonNode body = json(response);
        assertThat(body.get("booking_id").asString()).isEqualTo(bookingId.toString());
        assertThat(body.get("event_id").asLong()).isEqualTo(eventId);
        JsonNode tickets = body.get("tickets");
        assertThat(tickets).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode ticket = tickets.get(i);
            assertThat(ticket.get("ticket_id").asLong()).isEqualTo(TicketIds.of(eventId, i));
            assertThat(ticket.get("section").asString()).isEqualTo("Floor");
            assertThat(ticket.get("row").asString()).isEqualTo("A");
            assertThat(ticket.get("number").asInt()).isEqualTo(i + 1);
            assertThat(ticket.get("price_cents").asLong()).isEqualTo(5_000);
            assertThat(ticket.get("status").asString()).isEqualTo("VALID");
            assertThat(codec.decode(ticket.get("code").asString()))
                    .contains(new TicketCodec.TicketCode(eventId, TicketIds.of(eventId, i), bookingId));
        }
        HttpResponse<String> again = get("/api/v1/bookings/" + bookingId + "/tickets", user(fan));
        assertThat(json(again).get("tickets").get(0).get("code").asString())
                .as("the same ticket always gets the same code").isEqualTo(tickets.get(0).get("code").asString());
    }

    @Test
    void chosenSeatsAreNamedByTheirRowAndNumber() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-tickets-" + UUID.randomUUID();
        // Balcony starts at seat 10, 4 seats per row: seat 17 is row B number 4, seat 18 row C number 1
        UUID bookingId = holdSeats(eventId, fan, List.of(TicketIds.of(eventId, 17), TicketIds.of(eventId, 18)));
        post("/internal/bookings/" + bookingId + "/confirm", "{\"payment_id\":\"pay-1\"}", Map.of());

        JsonNode tickets = json(get("/api/v1/bookings/" + bookingId + "/tickets", user(fan))).get("tickets");

        assertThat(tickets.get(0).get("section").asString()).isEqualTo("Balcony");
        assertThat(tickets.get(0).get("row").asString()).isEqualTo("B");
        assertThat(tickets.get(0).get("number").asInt()).isEqualTo(4);
        assertThat(tickets.get(1).get("row").asString()).isEqualTo("C");
        assertThat(tickets.get(1).get("number").asInt()).isEqualTo(1);
        assertThat(tickets.get(1).get("price_cents").asLong()).isEqualTo(3_000);
    }

    /** The catalog's seat map walks each section row by row: every seat must be named here as it is named there. */
    @Test
    void everySeatIsNamedAsTheCatalogsSeatMapNamesIt() {
        long eventId = freshEventId();
        List<EventInventoryDefined.Section> sections = List.of(
                new EventInventoryDefined.Section(7, "Stalls", 0, 30, 7, 4_000),
                new EventInventoryDefined.Section(8, "Floor", 210, 1, 50, 2_000),
                new EventInventoryDefined.Section(9, "Gallery", 260, 3, 9, 1_000));
        loader.load(new EventInventoryDefined(eventId, null, sections));
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 287; i++) {
            all.add(TicketIds.of(eventId, i));
        }

        Map<Long, TicketSeats.Seat> named = seats.find(eventId, all);

        for (EventInventoryDefined.Section section : sections) {
            for (int row = 0; row < section.rows(); row++) {
                for (int seat = 0; seat < section.seatsPerRow(); seat++) {
                    long ticketId = TicketIds.of(eventId, section.firstSeatIndex() + row * section.seatsPerRow() + seat);
                    assertThat(named.get(ticketId)).isEqualTo(new TicketSeats.Seat(ticketId, section.name(),
                            SeatLabels.rowLabel(row), seat + 1, section.priceCents()));
                }
            }
        }
        assertThat(named.get(TicketIds.of(eventId, 27 * 7 + 2)).row()).isEqualTo("AB");
    }

    @Test
    void anotherFansBookingIsNotFoundAndAnUnpaidOneIsNotConfirmed() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-tickets-" + UUID.randomUUID();
        UUID held = hold(eventId, fan, 1, 1);
        UUID paid = paid(eventId, fan, 2, 1);

        HttpResponse<String> others = get("/api/v1/bookings/" + paid + "/tickets", user("someone-else"));
        HttpResponse<String> unpaid = get("/api/v1/bookings/" + held + "/tickets", user(fan));
        HttpResponse<String> unknown = get("/api/v1/bookings/" + UUID.randomUUID() + "/tickets", user(fan));

        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(json(others).get("code").asString()).isEqualTo("BOOKING_NOT_FOUND");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unpaid.statusCode()).isEqualTo(409);
        assertThat(json(unpaid).get("code").asString()).isEqualTo("BOOKING_NOT_CONFIRMED");
        assertThat(json(unpaid).get("booking_status").asString()).isEqualTo("RESERVED");
        assertThat(get("/api/v1/bookings/" + paid + "/tickets", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void aTicketsQrCodeDecodesBackToItsCode() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-tickets-" + UUID.randomUUID();
        UUID bookingId = paid(eventId, fan, 2, 2);
        JsonNode ticket = json(get("/api/v1/bookings/" + bookingId + "/tickets", user(fan))).get("tickets").get(1);

        HttpResponse<byte[]> qr = getBytes("/api/v1/bookings/" + bookingId + "/tickets/" + ticket.get("ticket_id").asLong()
                + "/qr", Map.of("X-User-Id", fan, "Accept", "image/png"));

        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.body()));
        // a rendered image, not a photo: PURE_BARCODE reads it as such (the default detector, made for camera
        // pictures, now and then misses a finder pattern of a perfectly clean image)
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE,
                Boolean.TRUE, com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(ticket.get("code").asString());
    }

    @Test
    void aQrCodeIsOnlyForAValidTicketOfTheCallersPaidBooking() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-tickets-" + UUID.randomUUID();
        UUID held = hold(eventId, fan, 1, 1);
        UUID paid = paid(eventId, fan, 2, 1);
        long paidTicket = TicketIds.of(eventId, 10);

        HttpResponse<String> unknownTicket = get("/api/v1/bookings/" + paid + "/tickets/" + TicketIds.of(eventId, 11) + "/qr",
                Map.of("X-User-Id", fan, "Accept", "image/png"));
        HttpResponse<String> unpaid = get("/api/v1/bookings/" + held + "/tickets/" + TicketIds.of(eventId, 0) + "/qr",
                Map.of("X-User-Id", fan, "Accept", "image/png"));
        HttpResponse<String> others = get("/api/v1/bookings/" + paid + "/tickets/" + paidTicket + "/qr",
                user("someone-else"));

        assertThat(unknownTicket.statusCode()).isEqualTo(404);
        assertThat(unpaid.statusCode()).isEqualTo(409);
        assertThat(unpaid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(unpaid).get("code").asString()).isEqualTo("BOOKING_NOT_CONFIRMED");
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(json(others).get("code").asString()).isEqualTo("BOOKING_NOT_FOUND");
    }
}
