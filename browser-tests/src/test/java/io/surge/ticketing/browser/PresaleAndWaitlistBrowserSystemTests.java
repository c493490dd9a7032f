package io.surge.ticketing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Before and after the general sale, in the web app: a fan with a presale code gets in before everyone else, and a
 * fan who came too late joins a sold-out event's waiting list, is offered a seat that came back and pays for it.
 */
class PresaleAndWaitlistBrowserSystemTests {

    private final Browser browser = new Browser("presale-and-waitlist");

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = browser.screenshotOnFailure();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aFanWithAPresaleCodeGetsInBeforeTheGeneralSale() {
        String word = Platform.uniqueWord();
        String admin = Platform.token("organizer-" + System.nanoTime(), true);
        long venueId = Platform.createVenue(admin, "Presale Hall " + word, "A", 2, 4);
        long eventId = Platform.createEvent(admin, venueId, word + " Presale Night", "The " + word + " Band", "A",
                Instant.now().plus(Duration.ofDays(1)), 4000);
        Platform.fastWaitingRoom(admin, eventId);
        String code = "FAN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Platform.Answer presale = Platform.send("PUT", "/api/v1/admin/events/" + eventId + "/presale", admin, """
                {"starts_at":"%s","ends_at":"%s","admission_rate_per_minute":6000,"codes":["%s"]}"""
                .formatted(Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofHours(1)), code), Map.of());
        assertThat(presale.status()).as(presale.body()).isEqualTo(200);

        browser.signIn("presale-fan-" + System.nanoTime(), false);
        browser.open("/#/events/" + eventId);
        browser.find("#presale-code").sendKeys(code.toLowerCase());
        browser.screenshot("presale-code");
        browser.click("#join-queue");

        // the presale line admits at its own pace: straight on to the seat map, a day before the general sale
        browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.urlContains("/events/" + eventId + "/seats"));
        browser.waitForText("#availability-as-of", "Availability as of");
        browser.screenshot("presale-seats");
    }

    @Test
    void aFanOnASoldOutEventsWaitingListIsOfferedASeatThatCameBackAndPaysForIt() {
        String word = Platform.uniqueWord();
        String admin = Platform.token("organizer-" + System.nanoTime(), true);
        long venueId = Platform.createVenue(admin, "Waitlist Hall " + word, "A", 1, 2);
        long eventId = Platform.createEvent(admin, venueId, word + " Sold Out Night", "The " + word + " Band", "A",
                Instant.now().minusSeconds(60), 4000);
        Platform.fastWaitingRoom(admin, eventId);
        long sectionId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Platform.Answer map = Platform.send("GET", "/api/v1/events/" + eventId + "/seatmap", null, null, Map.of());
            return map.status() == 200 ? ((Number) map.read("$.sections[0].section_id")).longValue() : null;
        }, id -> id != null);
        Platform.fanBuys(Platform.token("owner-" + System.nanoTime(), false), eventId, sectionId, 1);
        String holder = Platform.token("holder-" + System.nanoTime(), false);
        String[] hold = Platform.fanHolds(holder, eventId, sectionId, 1);

        // sold out: the event page offers the waiting list
        browser.signIn("late-fan-" + System.nanoTime(), false);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open("/#/events/" + eventId);
            browser.waitForText("#event-status", "");
            return !browser.driver().findElements(By.id("waitlist-form")).isEmpty();
        });
        browser.screenshot("sold-out-event");
        browser.click("#join-waitlist");
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/events/" + eventId + "/waitlist"));
        assertThat(browser.waitForText("#waitlist-state", "You wait for 1 seat")).contains("WAITING");
        assertThat(browser.waitForText("#waitlist-detail", "next")).contains("You are next");
        browser.screenshot("waiting");

        // the holder lets its seat go: it is offered to our fan, held in its name
        Platform.Answer released = Platform.send("DELETE", "/api/v1/bookings/" + hold[0], holder, null,
                Map.of("X-Admission-Token", hold[1]));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("waitlist-state"), "held for you"));
        assertThat(browser.find("#waitlist-detail").getText()).startsWith("Pay within");
        browser.screenshot("offered");

        // it pays the offer like any hold
        browser.click("#pay-offer");
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("booking-status"), "RESERVED"));
        browser.find("#card-tok_visa").click();
        browser.find("#pay").click();
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("booking-status"), "CONFIRMED"));
        browser.screenshot("offer-paid");
        browser.open("/#/events/" + eventId + "/waitlist");
        browser.waitForText("#waitlist-state", "You got your seats");
        browser.screenshot("fulfilled");
    }
}
