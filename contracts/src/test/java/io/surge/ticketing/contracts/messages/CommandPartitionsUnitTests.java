package io.surge.ticketing.contracts.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CommandPartitionsUnitTests {

    @Test
    void oneEventsFansAreSpreadEvenlyOverSpreadPartitions() {
        Map<Integer, Integer> perPartition = new HashMap<>();
        IntStream.range(0, 60_000).forEach(i -> perPartition.merge(CommandPartitions.of(42, "fan-" + i, 6, 6), 1, Integer::sum));

        assertThat(perPartition).hasSize(6);
        assertThat(perPartition.values()).allSatisfy(n -> assertThat(n).isBetween(9_000, 11_000));
    }

    @Test
    void aFanAlwaysGoesToTheSamePartitionAndASpreadOfOneIsTheEventsOwn() {
        assertThat(CommandPartitions.of(42, "fan-7", 6, 6)).isEqualTo(CommandPartitions.of(42, "fan-7", 6, 6));
        assertThat(IntStream.range(0, 100).map(i -> CommandPartitions.of(42, "fan-" + i, 6, 1)).distinct().count())
                .isEqualTo(1);
        assertThat(IntStream.range(0, 1000).map(i -> CommandPartitions.of(i, "fan", 6, 1)).distinct().count())
                .as("events spread over the partitions").isEqualTo(6);
    }

    @Test
    void aSpreadLargerThanThePartitionsUsesThemAll() {
        assertThat(IntStream.range(0, 1000).map(i -> CommandPartitions.of(42, "fan-" + i, 3, 12)).distinct().count())
                .isEqualTo(3);
    }
}
