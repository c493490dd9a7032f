package io.surge.ticketing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A fan's whole evening in the web app the gateway serves at {@code /}: finds the event as they type, joins its
 * waiting room before the sale opens (the pre-queue), is let in by itself, picks two seats on the map, is declined
 * once, pays with the test Visa and finds the tickets' QR codes under My bookings. The event is set up through the
 * admin API, on sale 30 s later, with a fast waiting room.
 */
class FanJourneyBrowserSystemTests {

    private final Browser browser = new Browser("fan-journey");

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = browser.screenshotOnFailure();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aFanFindsAnEventQueuesBeforeTheSalePicksSeatsPaysAndSeesTheTicketsQrCodes() {
        String word = Platform.uniqueWord();
        String name = word + " Night Live";
        String admin = Platform.token("organizer-" + System.nanoTime(), true);
        long venueId = Platform.createVenue(admin, "Harbour Hall " + word, "A", 3, 8);
        long eventId = Platform.createEvent(admin, venueId, name, "The " + word + " Band", "A",
                Instant.now().plusSeconds(30), 5000);
        Platform.fastWaitingRoom(admin, eventId);
        Platform.awaitSearchable(word, eventId);

        // sign in through the local user picker
        browser.open("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Find your event");
        browser.driver().findElement(By.id("signin-link")).click();
        browser.find("#user-id");
        browser.screenshot("sign-in");
        String fan = "fan-" + System.nanoTime();
        browser.signIn(fan, false);
        browser.open("/#/");

        // as-you-type search: a prefix of the event's word, then a typo in it
        WebElement search = browser.find("#search-input");
        search.sendKeys(word.substring(0, 6));
        // typing is slower than the debounce on a busy machine: wait for the answer to the whole text
        browser.waitForText("#search-count", "“" + word.substring(0, 6) + "”");
        WebElement result = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#search-results a[data-event-id='" + eventId + "']")));
        assertThat(result.getText()).contains(name, "Harbour Hall " + word, "€50.00");
        browser.screenshot("search-as-you-type");
        search.clear();
        String typo = word.substring(0, 4) + "a" + word.substring(5) + " nigt";
        search.sendKeys(typo);
        browser.waitForText("#search-count", "“" + typo + "”");
        browser.screenshot("search-with-a-typo");
        browser.click("#search-results a[data-event-id='" + eventId + "']");

        // the event page: dates, venue, prices, status
        browser.waitForText("h1", name);
        assertThat(browser.find("#event-status").getText()).isEqualTo("SCHEDULED");
        assertThat(browser.find("#event-venue").getText()).isEqualTo("Harbour Hall " + word + ", Lisbon (PT)");
        assertThat(browser.find("#price-tiers").getText()).contains("A", "€50.00");
        assertThat(browser.find("#event-on-sale").getText()).endsWith("UTC");
        browser.screenshot("event-page");

        // the waiting room before T0: the pre-queue notice
        browser.find("#join-queue").click();
        browser.waitForText("#queue-state", "pre-queue");
        assertThat(browser.find("#prequeue-notice").getText()).contains("random place in line");
        browser.screenshot("pre-queue");

        // T0 passes: the page is let in by itself and moves on to the seat map
        browser.waiting(Duration.ofSeconds(90)).until(ExpectedConditions.urlContains("/events/" + eventId + "/seats"));
        browser.waitForText("h1", "Seats");
        browser.waitForText("#availability-as-of", "Availability as of");
        assertThat(browser.driver().findElements(By.cssSelector("#seat-map .seat"))).hasSize(24);
        List<WebElement> free = browser.waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#seat-map .seat:not(.taken)"), 1));
        free.get(0).click();
        free.get(1).click();
        assertThat(free.get(0).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.find("#selection-summary").getText()).startsWith("2 seats chosen").contains("€100.00");
        browser.screenshot("seats-chosen");
        browser.find("#reserve-seats").click();

        // checkout: a hold with its countdown; a declined card first, then the test Visa
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("booking-status"), "RESERVED"));
        assertThat(browser.find("#hold-countdown").getText()).matches("\\d\\d:\\d\\d");
        assertThat(browser.find("#booking-total").getText()).isEqualTo("€100.00");
        browser.screenshot("hold-and-countdown");
        browser.find("#card-tok_declined").click();
        browser.find("#pay").click();
        assertThat(browser.waitForText("#status", "declined")).contains("seats stay held");
        assertThat(browser.find("#booking-status").getText()).isEqualTo("RESERVED");
        browser.screenshot("card-declined");
        browser.find("#card-tok_visa").click();
        browser.find("#pay").click();
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("booking-status"), "CONFIRMED"));
        browser.waitForText("#status", "Payment received");
        awaitQrCodes(2);
        browser.screenshot("paid-tickets");

        // My bookings: the booking, confirmed; its tickets with their QR codes
        browser.driver().findElement(By.cssSelector("[data-nav='bookings']")).click();
        WebElement booking = browser.find("#my-bookings li");
        assertThat(booking.getText()).contains(name, "CONFIRMED", "2 seat(s)", "€100.00");
        browser.screenshot("my-bookings");
        booking.findElement(By.tagName("a")).click();
        awaitQrCodes(2);
        assertThat(browser.find("#tickets").getText()).contains("Section A", "Row A", "VALID");
        assertThat(browser.find("#tickets img").getAttribute("alt")).startsWith("QR code of the ticket for section A");
        browser.screenshot("ticket-qr-codes");

        // plans change: the refund, allowed until the show starts, after a confirmation
        browser.find("#refund").click();
        browser.driver().switchTo().alert().accept();
        assertThat(browser.waitForText("#status", "Refunded")).contains("€100.00");
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("booking-status"), "REFUNDED"));
        browser.screenshot("refunded");
    }

    /** Every ticket's image is a loaded PNG (fetched with the bearer token, shown through an object URL). */
    private void awaitQrCodes(int count) {
        browser.waiting().until(driver -> {
            List<WebElement> images = driver.findElements(By.cssSelector("#tickets img.qr"));
            return images.size() == count && images.stream().allMatch(img ->
                    img.getAttribute("src") != null && img.getAttribute("src").startsWith("blob:")
                            && Boolean.TRUE.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
        });
    }
}
