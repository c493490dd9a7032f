package io.surge.ticketing.cdc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.testsupport.Postgres;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * Two connectors of one slot against the launcher's PostgreSQL: one streams, the other stands by, and takes over
 * once the first lets go (as when it is stopped, or killed and its session ends).
 */
class LeadershipIntegrationTests {

    private static final Postgres SERVER = TestInfrastructure.postgres();
    private static final CdcEngine.Database DATABASE = new CdcEngine.Database(SERVER.host(), SERVER.port(), "catalog",
            SERVER.username(), SERVER.password());

    // a slot name of this run only: the stack's own connector may hold the real one's lock
    private final String slot = "leadership_it_" + UUID.randomUUID().toString().replace("-", "");
    private final Leadership first = new Leadership(DATABASE, slot, 100);
    private final Leadership second = new Leadership(DATABASE, slot, 100);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final AtomicBoolean stopping = new AtomicBoolean();

    @AfterEach
    void letGo() {
        stopping.set(true);
        threads.shutdownNow();
        first.close();
        second.close();
    }

    @Test
    void oneStreamsTheOtherStandsByAndTakesOverWhenTheFirstLetsGo() throws Exception {
        AtomicBoolean firstStandby = new AtomicBoolean(true);
        first.await(stopping::get, firstStandby::set);
        assertThat(first.held()).isTrue();
        assertThat(firstStandby).isFalse();

        AtomicBoolean secondStandby = new AtomicBoolean();
        Future<?> waiting = threads.submit(() -> {
            second.await(stopping::get, secondStandby::set);
            return null;
        });
        // the second keeps waiting (it stands by) for as long as the first holds the slot
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> !waiting.isDone());
        assertThat(secondStandby).as("the second reports standing by while the first holds the slot").isTrue();
        assertThat(second.held()).isFalse();

        first.release();
        waiting.get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(second.held()).isTrue();
        assertThat(secondStandby).isFalse();

        // the first, back, now stands by in turn
        AtomicBoolean firstAgain = new AtomicBoolean();
        Future<?> back = threads.submit(() -> {
            first.await(stopping::get, firstAgain::set);
            return null;
        });
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(3)).until(() -> !back.isDone());
        assertThat(firstAgain).isTrue();
    }

    @Test
    void theHolderKeepsItsLockAcrossRounds() throws Exception {
        first.await(stopping::get, standby -> { });
        first.await(stopping::get, standby -> assertThat(standby).isFalse());
        assertThat(first.held()).isTrue();
    }
}
