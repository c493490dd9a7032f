import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.CommandPartitions;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/**
 * The benchmark's burst: COUNT best-available reservation commands (1 or 2 seats of a random section, from FANS
 * distinct fans) appended to booking.commands as fast as Kafka takes them, routed as the booking API routes them.
 * Run with `java -cp <booking-service classpath> CommandBurst.java EVENTS SECTIONS COUNT FANS SPREAD`; prints the
 * epoch millis of the first and the last acknowledged command. Several events at once (the scaling rows): EVENTS
 * is a comma list and SECTIONS one comma list per event, separated by '/'; commands go to the events in turn.
 */
public class CommandBurst {

    public static void main(String[] args) throws Exception {
        List<Long> events = java.util.Arrays.stream(args[0].split(",")).map(Long::parseLong).toList();
        List<List<Long>> sectionsOf = java.util.Arrays.stream(args[1].split("/"))
                .map(list -> java.util.Arrays.stream(list.split(",")).map(Long::parseLong).toList()).toList();
        if (sectionsOf.size() != events.size()) {
            throw new IllegalArgumentException("one section list per event");
        }
        int count = Integer.parseInt(args[2]);
        int fans = Integer.parseInt(args[3]);
        int spread = Integer.parseInt(args[4]);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("TICKETING_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // the broker's SCRAM user of the local stack
        config.put("security.protocol", System.getenv().getOrDefault("TICKETING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + System.getenv("TICKETING_KAFKA_USERNAME") + "\" password=\"" + System.getenv("TICKETING_KAFKA_PASSWORD") + "\";");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            int partitions = producer.partitionsFor(Topics.BOOKING_COMMANDS).size();
            long first = System.currentTimeMillis();
            for (int i = 0; i < count; i++) {
                long eventId = events.get(i % events.size());
                List<Long> sections = sectionsOf.get(i % events.size());
                String user = "burst-" + eventId + "-" + (i % fans);
                ReserveCommand command = new ReserveCommand(UUID.randomUUID(), eventId, user, null,
                        sections.get(random.nextInt(sections.size())), 1 + random.nextInt(2), Instant.now());
                producer.send(new ProducerRecord<>(Topics.BOOKING_COMMANDS,
                        CommandPartitions.of(eventId, user, partitions, spread), Long.toString(eventId),
                        MessageJson.mapper().writeValueAsString(command)));
            }
            producer.flush();
            System.out.println("burst " + first + " " + System.currentTimeMillis());
        }
    }
}
