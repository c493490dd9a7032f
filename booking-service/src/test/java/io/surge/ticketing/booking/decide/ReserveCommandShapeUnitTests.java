package io.surge.ticketing.booking.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.messages.ReserveCommand;

/** A parseable but incomplete command goes to the DLT instead of failing its whole batch forever. */
class ReserveCommandShapeUnitTests {

    @Test
    void onlyCommandsTheDeciderCanDecideAreWellFormed() {
        UUID id = UUID.randomUUID();
        assertThat(ReserveCommandListener.wellFormed(new ReserveCommand(id, 1, "u", List.of(1_000_001L), null, null, Instant.now()))).isTrue();
        assertThat(ReserveCommandListener.wellFormed(new ReserveCommand(id, 1, "u", null, 3L, 2, Instant.now()))).isTrue();
        assertThat(ReserveCommandListener.wellFormed(new ReserveCommand(id, 1, "u", null, 3L, null, Instant.now()))).isFalse();
        assertThat(ReserveCommandListener.wellFormed(new ReserveCommand(id, 1, "u", null, null, 2, Instant.now()))).isFalse();
        assertThat(ReserveCommandListener.wellFormed(new ReserveCommand(id, 1, "u", List.of(), 3L, 0, Instant.now()))).isFalse();
        assertThat(ReserveCommandListener.wellFormed(new ReserveCommand(null, 1, "u", null, 3L, 2, Instant.now()))).isFalse();
        assertThat(ReserveCommandListener.wellFormed(new ReserveCommand(id, 1, null, null, 3L, 2, Instant.now()))).isFalse();
    }
}
