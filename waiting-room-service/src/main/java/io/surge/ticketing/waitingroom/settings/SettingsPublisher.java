package io.surge.ticketing.waitingroom.settings;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.platform.web.DomainException;

/**
 * Publishes an event's settings to the compacted {@code waitingroom.sale-settings} topic (key: event id), where
 * booking-service reads the hold length and the per-user ticket limit. Synchronous: an admin PUT answers 200 only
 * once the change is durable in Kafka.
 */
@Component
public class SettingsPublisher {

    private final KafkaTemplate<String, String> kafka;

    SettingsPublisher(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public void publish(SaleSettings settings) {
        try {
            String json = MessageJson.mapper().writeValueAsString(settings.toMessage());
            kafka.send(Topics.SALE_SETTINGS, Long.toString(settings.eventId()), json).get(10, TimeUnit.SECONDS);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static DomainException unavailable() {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                "the settings could not be published; retry");
    }
}
