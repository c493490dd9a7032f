package io.surge.ticketing.booking.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/**
 * Drains the reservation buffer: a batch of commands per poll, decided in one transaction at a bounded rate.
 * Offsets are committed only after the batch's transaction committed, so a crash redelivers the batch and the
 * decider's idempotency (booking id) makes the redelivery harmless. A technical failure (database down) is
 * retried with back-off for as long as it lasts: a command is never dropped. Unreadable records go to the DLT.
 */
@Component
class ReserveCommandListener {

    private static final Logger log = LoggerFactory.getLogger(ReserveCommandListener.class);

    private final ReservationDecider decider;
    private final DecisionEffects effects;
    private final DecisionTraces traces;
    private final KafkaTemplate<String, String> kafka;
    private final DecisionRate rate;
    private final MeterRegistry meters;
    private final Timer batchTimer;
    private final Timer decisionLatency;

    ReserveCommandListener(ReservationDecider decider, DecisionEffects effects, DecisionTraces traces,
            KafkaTemplate<String, String> kafka, BookingProperties properties, MeterRegistry meters) {
        this.decider = decider;
        this.effects = effects;
        this.traces = traces;
        this.kafka = kafka;
        this.rate = new DecisionRate(properties.commands().decisionsPerSecond());
        this.meters = meters;
        this.batchTimer = meters.timer("booking.decision.batch");
        this.decisionLatency = Timer.builder("booking.decision.latency")
                .description("from the command's acceptance by the API to its committed decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    /** A command the decider can decide: a booking id, a fan, and chosen seats or a section and quantity. */
    static boolean wellFormed(ReserveCommand command) {
        return command.bookingId() != null && command.userId() != null
                && (command.chosenSeats() ? command.ticketIds().stream().allMatch(java.util.Objects::nonNull)
                        : command.sectionId() != null && command.quantity() != null && command.quantity() > 0);
    }

    @KafkaListener(id = "booking-commands", topics = Topics.BOOKING_COMMANDS, groupId = "booking-commands",
            batch = "true", concurrency = "${ticketing.booking.commands.concurrency}",
            properties = "max.poll.records:${ticketing.booking.commands.batch-size}")
    void onCommands(List<ConsumerRecord<String, String>> records) throws Exception {
        List<ReserveCommand> commands = new ArrayList<>(records.size());
        Map<UUID, Headers> headers = new HashMap<>(records.size() * 2);
        for (ConsumerRecord<String, String> record : records) {
            try {
                ReserveCommand command = MessageJson.mapper().readValue(record.value(), ReserveCommand.class);
                if (!wellFormed(command)) {
                    throw new IllegalArgumentException("neither chosen seats nor a section with a positive quantity");
                }
                commands.add(command);
                headers.put(command.bookingId(), record.headers());
            } catch (Exception e) {
                log.error("unreadable reservation command at {}-{}@{}, sent to the DLT: {}", record.topic(),
                        record.partition(), record.offset(), e.toString());
                kafka.send(Topics.BOOKING_COMMANDS_DLT, record.key(), record.value()).get();
                meters.counter("booking.commands.dead_lettered").increment();
            }
        }
        if (commands.isEmpty()) {
            return;
        }
        rate.acquire(commands.size());
        DecisionTraces.Batch traced = traces.start(headers);
        ReservationDecider.Decided decided;
        try {
            decided = batchTimer.recordCallable(() -> decider.decideBatch(commands));
        } catch (Exception e) {
            traced.failed(e);
            throw e;
        }
        meters.summary("booking.decision.batch.size").record(commands.size());
        Instant decidedAt = Instant.now();
        for (ReserveCommand command : commands) {
            if (command.requestedAt() != null) {
                decisionLatency.record(Duration.between(command.requestedAt(), decidedAt));
            }
        }
        effects.apply(decided.decisions(), decided.fans());
        traced.decided(decided.decisions());
    }
}
