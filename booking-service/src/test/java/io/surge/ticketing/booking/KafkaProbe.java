package io.surge.ticketing.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads what gets published on a topic from the moment it is opened (every partition, no consumer group): the
 * outbox rows a test causes are relayed and deleted within a moment (by this instance's relay or the stack's), so
 * tests look for them where they end up.
 */
public final class KafkaProbe implements AutoCloseable {

    private final Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaProbe(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    public static KafkaProbe open(ConsumerFactory<String, String> consumers, String topic) {
        Consumer<String, String> consumer = consumers.createConsumer(null, "probe", null);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
        return new KafkaProbe(consumer);
    }

    /** Waits until {@code count} records matching {@code filter} were published (or fails after {@code timeout}). */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> filter, int count,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (matching(filter).size() < count && Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(200));
        }
        List<ConsumerRecord<String, String>> found = matching(filter);
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " matching records, saw " + found.size());
        }
        return found;
    }

    /** Everything matching {@code filter} published until {@code quiet} from now. */
    public List<ConsumerRecord<String, String>> collect(Predicate<ConsumerRecord<String, String>> filter, Duration quiet) {
        Instant until = Instant.now().plus(quiet);
        while (Instant.now().isBefore(until)) {
            poll(Duration.ofMillis(200));
        }
        return matching(filter);
    }

    private void poll(Duration wait) {
        consumer.poll(wait).forEach(seen::add);
    }

    private List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        return seen.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
