package io.surge.ticketing.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.surge.ticketing.catalog.ThrowawaySchema;

/** The relay's claim against real PostgreSQL, in a throw-away schema, relay off (nothing is published). */
@SpringBootTest(properties = {"ticketing.catalog.outbox.enabled=false", "spring.kafka.admin.auto-create=false"})
@ActiveProfiles("test")
class OutboxRepositoryIntegrationTests {

    static final ThrowawaySchema SCHEMA = new ThrowawaySchema();

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @Autowired
    OutboxRepository outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Test
    void aSecondRelayNeverTakesALaterMessageOfAKeyWhoseEarlierMessageIsInFlight() throws Exception {
        jdbc.sql("DELETE FROM outbox").update();
        for (String key : List.of("k1", "k1", "k2")) {
            outbox.append("t", key, "x", "{}");
        }
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        // relay 1 claims and holds its rows (as while waiting for Kafka's acks)
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            List<String> keys = outbox.claimOldestPerKeyForUpdateSkipLocked(10).stream()
                    .map(OutboxRepository.OutboxRow::key).toList();
            claimed.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keys;
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        List<String> second = tx.execute(s -> outbox.claimOldestPerKeyForUpdateSkipLocked(10).stream()
                .map(OutboxRepository.OutboxRow::key).toList());
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("k1", "k2");
        assertThat(second).isEmpty();
    }

    @Test
    void onceTheEarlierMessageIsGoneTheNextOneOfItsKeyIsClaimable() {
        jdbc.sql("DELETE FROM outbox").update();
        outbox.append("t", "a", "x", "1");
        outbox.append("t", "a", "x", "2");

        List<OutboxRepository.OutboxRow> firstRound = tx.execute(s -> outbox.claimOldestPerKeyForUpdateSkipLocked(10));
        outbox.delete(firstRound.stream().map(OutboxRepository.OutboxRow::id).toList());
        List<OutboxRepository.OutboxRow> secondRound = tx.execute(s -> outbox.claimOldestPerKeyForUpdateSkipLocked(10));

        assertThat(firstRound).extracting(OutboxRepository.OutboxRow::payload).containsExactly("1");
        assertThat(secondRound).extracting(OutboxRepository.OutboxRow::payload).containsExactly("2");
    }
}
