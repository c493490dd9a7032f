package io.surge.ticketing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An organizer in the web app: creates a venue and an event through the pages, sets the waiting room, watches the
 * sales report change while a fan (driven through the API) buys, then cancels the event.
 */
class OrganizerBrowserSystemTests {

    private static final Pattern EVENT_URL = Pattern.compile("#/admin/events/(\\d+)$");

    private final Browser browser = new Browser("organizer");

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = browser.screenshotOnFailure();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void anOrganizerCreatesAVenueAndAnEventSetsTheWaitingRoomAndWatchesItSell() {
        String word = Platform.uniqueWord();
        browser.signIn("organizer-" + System.nanoTime(), true);
        WebElement organizer = browser.find("[data-nav='admin']");
        organizer.click();
        browser.waitForText("h1", "Organizer");

        // a venue of one section, 2 rows of 6 seats
        browser.find("#venue-name").sendKeys("Quay Theatre " + word);
        browser.find("#venue-city").sendKeys("Porto");
        type("#section-1-name", "Stalls");
        type("#section-1-rows", "2");
        type("#section-1-seats", "6");
        browser.screenshot("venue-form");
        browser.find("#create-venue").click();
        assertThat(browser.waitForText("#venue-created", "Venue created: id")).matches("Venue created: id \\d+");
        assertThat(browser.find("#event-venue-id").getAttribute("value")).isNotBlank();
        assertThat(browser.find("#price-1-section").getAttribute("value")).isEqualTo("Stalls");

        // an event in it: on sale in 15 s (the organizer's local time), 40 EUR a seat
        String name = word + " Matinee";
        browser.find("#event-name").sendKeys(name);
        browser.find("#event-performer").sendKeys("The " + word + " Players");
        browser.script("""
                const input = document.getElementById('event-on-sale-at');
                const at = new Date(Date.now() + 15000);
                const pad = (n) => String(n).padStart(2, '0');
                input.value = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
                input.dispatchEvent(new Event('input', { bubbles: true }));""");
        type("#price-1-amount", "40");
        browser.screenshot("event-form");
        browser.find("#create-event").click();
        browser.waiting().until(ExpectedConditions.urlMatches(EVENT_URL.pattern()));
        Matcher url = EVENT_URL.matcher(browser.driver().getCurrentUrl());
        assertThat(url.find()).isTrue();
        long eventId = Long.parseLong(url.group(1));
        browser.waitForText("h1", name);
        assertThat(browser.waitForText("#status", "Event " + eventId + " created")).isNotBlank();

        // the waiting room: a fast admission rate
        type("#wr-rate", "6000");
        type("#wr-hold", "300");
        browser.find("#save-waiting-room").click();
        browser.waitForText("#status", "Waiting room saved.");
        Platform.Answer settings = Platform.send("GET", "/api/v1/admin/events/" + eventId + "/waiting-room",
                Platform.token("organizer-check", true), null, java.util.Map.of());
        assertThat(((Number) settings.read("$.admission_rate_per_minute")).intValue()).isEqualTo(6000);
        assertThat(((Number) settings.read("$.hold_seconds")).intValue()).isEqualTo(300);
        browser.waitForText("#sales-available", "12 / 12");
        assertThat(browser.find("#sales-sold").getText()).isEqualTo("0");
        browser.screenshot("waiting-room-set-report-before-the-sale");

        // a fan buys two seats through the API while the organizer watches
        Platform.Answer event = Platform.send("GET", "/api/v1/events/" + eventId, null, null, java.util.Map.of());
        long sectionId = ((Number) event.read("$.price_tiers[0].section_id")).longValue();
        String fan = Platform.token("fan-" + System.nanoTime(), false);
        Platform.fanBuys(fan, eventId, sectionId, 2);

        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("sales-sold"), "2"));
        assertThat(browser.find("#sales-gross").getText()).isEqualTo("€80.00");
        assertThat(browser.find("#sales-available").getText()).isEqualTo("10 / 12");
        assertThat(browser.find("#sales-status").getText()).isEqualTo("ON SALE");
        browser.waitForText("#queue-status", "OPEN");
        assertThat(Long.parseLong(browser.find("#queue-serving").getText())).isGreaterThanOrEqualTo(1);
        browser.screenshot("report-after-a-fan-bought");

        // cancelling the event refunds the fan
        browser.find("#cancel-event").click();
        browser.driver().switchTo().alert().accept();
        browser.waitForText("#status", "The event is cancelled");
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("sales-status"), "CANCELLED"));
        browser.screenshot("cancelled");
    }

    private void type(String css, String value) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(value);
    }
}
