package io.surge.ticketing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver (the launcher installs both), on the running stack's
 * gateway. Every test step can leave a screenshot under {@code target/screenshots/<test>/}.
 */
final class Browser implements AutoCloseable {

    static final String GATEWAY = System.getProperty("ticketing.base-url", "http://127.0.0.1:8080");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final WebDriver driver;
    private final Path screenshots;
    private int step;

    Browser(String test) {
        this(test, 0);
    }

    /**
     * @param phoneWidth 0 for a desktop window; otherwise a phone's viewport of that many CSS pixels (Chromium's
     *                   device emulation: the viewport is exactly that wide, as on the phone)
     */
    Browser(String test, int phoneWidth) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("ticketing.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--lang=en-US");
        if (phoneWidth > 0) {
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", phoneWidth, "height", 780, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("ticketing.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.screenshots = Path.of("target", "screenshots", test);
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    WebDriverWait waiting(Duration atMost) {
        return new WebDriverWait(driver, atMost);
    }

    WebElement find(String css) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks the element once it is clickable, finding it again if the page re-rendered it in between (a list
     * replaced by a newer answer leaves the old element stale).
     */
    void click(String css) {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Waits until the element shows text containing {@code text}; returns its whole text. */
    String waitForText(String css, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Signs in through the app's local user picker, as a person would. */
    void signIn(String userId, boolean admin) {
        open("/#/signin");
        WebElement user = find("#user-id");
        user.clear();
        user.sendKeys(userId);
        if (admin) {
            driver.findElement(By.id("admin")).click();
        }
        driver.findElement(By.id("signin-submit")).click();
        waitForText("#signin-link", "Sign out (" + userId + ")");
    }

    void open(String path) {
        driver.get(GATEWAY + path);
    }

    /** Saves what the page shows now as {@code NN-name.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Register with {@code @RegisterExtension}: when a test fails, what the page showed at that moment is saved as
     * {@code NN-failure.png} with the page's text beside it (before {@code @AfterEach} closes the browser).
     */
    AfterTestExecutionCallback screenshotOnFailure() {
        return context -> {
            if (context.getExecutionException().isPresent()) {
                try {
                    Path shot = screenshot("failure");
                    Files.writeString(shot.resolveSibling(shot.getFileName().toString().replace(".png", ".txt")),
                            driver.getCurrentUrl() + "\n\n" + driver.findElement(By.tagName("body")).getText());
                } catch (RuntimeException | IOException e) {
                    context.getExecutionException().get().addSuppressed(e);
                }
            }
        };
    }

    /** A bearer token from the local stack's token endpoint, as a developer gets one to paste into the UI. */
    static String token(String userId) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(GATEWAY + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + userId + "\",\"roles\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token: " + answer.statusCode() + " " + answer.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
