package io.surge.ticketing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The web app on a 360 px phone: no page is wider than the screen (nothing to scroll sideways), and the controls
 * stay reachable.
 */
class PhoneWidthBrowserSystemTests {

    private static final int PHONE = 360;

    private final Browser browser = new Browser("phone-width", PHONE);

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = browser.screenshotOnFailure();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void noPageOverflowsA360PixelPhoneHorizontally() {
        String word = Platform.uniqueWord();
        String admin = Platform.token("organizer-" + System.nanoTime(), true);
        long venueId = Platform.createVenue(admin, "Long Named Riverside Concert Arena " + word, "Balcony", 4, 20);
        long eventId = Platform.createEvent(admin, venueId, word + " and the Extraordinarily Long Named Orchestra",
                "The " + word + " Philharmonic", "Balcony", Instant.now().plusSeconds(3600), 12500);

        browser.open("/");
        browser.find("#search-input");
        assertThat(browser.script("return window.innerWidth")).isEqualTo((long) PHONE);
        fitsThePhone("search");

        browser.open("/#/events/" + eventId);
        browser.waitForText("h1", word);
        assertThat(browser.find("#price-tiers").getText()).contains("Balcony", "€125.00");
        fitsThePhone("event-page");

        // a fan who bought two seats of an event on sale now (through the API): their list and their tickets
        long onSaleNow = Platform.createEvent(admin, venueId, word + " Early Show", "The " + word + " Philharmonic",
                "Balcony", Instant.now().plusSeconds(2), 12500);
        Platform.fastWaitingRoom(admin, onSaleNow);
        String fan = "fan-" + System.nanoTime();
        browser.signIn(fan, false);
        fitsThePhone("signed-in");
        Platform.Answer event = Platform.send("GET", "/api/v1/events/" + onSaleNow, null, null, java.util.Map.of());
        String bookingId = Platform.fanBuys(Platform.token(fan, false), onSaleNow,
                ((Number) event.read("$.price_tiers[0].section_id")).longValue(), 2);

        browser.open("/#/bookings");
        browser.waitForText("#my-bookings", "CONFIRMED");
        fitsThePhone("my-bookings");

        browser.open("/#/bookings/" + bookingId);
        browser.waitForText("#booking-status", "CONFIRMED");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#tickets img.qr")).size() == 2);
        fitsThePhone("booking-tickets");

        browser.signIn("organizer-" + System.nanoTime(), true);
        browser.open("/#/admin");
        browser.find("#venue-form");
        fitsThePhone("organizer");

        browser.open("/#/admin/events/" + eventId);
        browser.waitForText("#sales-available", "80 / 80");
        fitsThePhone("organizer-event");
    }

    private void fitsThePhone(String step) {
        browser.screenshot(step);
        Long overflow = (Long) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("%s scrolls sideways by %d px", step, overflow).isLessThanOrEqualTo(0L);
        // every visible control is inside the screen
        Long outside = (Long) browser.script("""
                return [...document.querySelectorAll('input, button, select, a')]
                  .filter((e) => e.offsetParent !== null && !e.classList.contains('skip-link'))
                  .filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 0.5; })
                  .length""");
        assertThat(outside).as("controls outside the screen on %s", step).isZero();
        assertThat(browser.driver().findElements(By.cssSelector("main h1"))).hasSize(1);
    }
}
