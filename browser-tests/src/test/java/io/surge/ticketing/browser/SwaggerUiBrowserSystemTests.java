package io.surge.ticketing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Swagger UI as a client developer meets it on the local stack: it names the API, lists every document, takes
 * a bearer token in Authorize, and "Try it out" goes through the gateway and gets a real answer.
 */
class SwaggerUiBrowserSystemTests {

    private final Browser browser = new Browser("swagger-ui");

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = browser.screenshotOnFailure();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aClientDeveloperReadsTheApiAuthorizesAndTriesARequestThroughTheGateway() {
        browser.open("/swagger-ui.html");
        WebElement title = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".info .title")));
        assertThat(title.getText()).startsWith("Ticketing API: start here");
        assertThat(browser.driver().findElement(By.cssSelector(".info .description")).getText()).contains("A fan's journey");
        browser.screenshot("start-here");

        Select definitions = new Select(browser.driver().findElement(By.cssSelector(".download-url-wrapper select")));
        assertThat(definitions.getOptions()).extracting(WebElement::getText).containsExactly(
                "1. Start here: identity and keys", "2. Search", "3. Events, venues and seat maps", "4. Waiting room",
                "5. Reservations, bookings and tickets", "6. Payments and refunds");

        definitions.selectByVisibleText("5. Reservations, bookings and tickets");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"),
                "Ticketing API: reservations, bookings and tickets"));
        assertThat(new Select(browser.driver().findElement(By.cssSelector(".servers select"))).getFirstSelectedOption()
                .getText()).startsWith("/");
        WebElement reserve = browser.driver().findElement(By.id("operations-Reservations-reserveSeats"));
        assertThat(reserve.getText()).contains("/api/v1/bookings/reserve");
        browser.screenshot("reservations-and-bookings");

        // the refusals of an operation, with their codes
        reserve.findElement(By.cssSelector(".opblock-summary")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElement(reserve, "SEATS_UNAVAILABLE"));
        assertThat(reserve.getText()).contains("application/problem+json", "TICKET_LIMIT_EXCEEDED", "ADMISSION_EXPIRED");
        browser.screenshot("reserve-and-its-refusals");

        // Authorize: the two credentials of the description, a pasted bearer token
        browser.driver().findElement(By.cssSelector("button.authorize")).click();
        WebElement dialog = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        assertThat(dialog.getText()).contains("bearer", "admission", "X-Admission-Token");
        List<WebElement> containers = dialog.findElements(By.cssSelector(".auth-container"));
        WebElement bearer = containers.stream().filter(c -> c.getText().contains("bearer")).findFirst().orElseThrow();
        bearer.findElement(By.cssSelector("input")).sendKeys(Browser.token("swagger-fan-" + System.nanoTime()));
        bearer.findElement(By.cssSelector("button.authorize")).click();
        browser.screenshot("authorized");
        dialog.findElement(By.cssSelector("button.btn-done")).click();

        // Try it out: the caller's bookings, answered by the gateway
        WebElement mine = browser.driver().findElement(By.id("operations-Bookings-listMyBookings"));
        mine.findElement(By.cssSelector(".opblock-summary")).click();
        WebElement execute = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                mine.findElement(By.cssSelector("button.execute"))));
        execute.click();
        WebElement status = browser.waiting().until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(mine,
                By.cssSelector(".live-responses-table tbody .response-col_status"))).get(0);
        assertThat(status.getText()).startsWith("200");
        assertThat(mine.findElement(By.cssSelector(".request-url")).getText())
                .contains(Browser.GATEWAY + "/api/v1/bookings");
        assertThat(mine.getText()).contains("\"results\"");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", status);
        browser.screenshot("tried-my-bookings");
    }
}
