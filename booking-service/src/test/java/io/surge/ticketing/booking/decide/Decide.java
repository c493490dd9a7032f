package io.surge.ticketing.booking.decide;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationContext;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/** For tests of other features: decides commands the way the Kafka listener does (decide, commit, post-commit). */
public final class Decide {

    private Decide() {
    }

    public static void commands(ApplicationContext context, List<ReserveCommand> commands) throws Exception {
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        long offset = 0;
        for (ReserveCommand command : commands) {
            records.add(new ConsumerRecord<>(Topics.BOOKING_COMMANDS, 0, offset++, Long.toString(command.eventId()),
                    MessageJson.mapper().writeValueAsString(command)));
        }
        context.getBean(ReserveCommandListener.class).onCommands(records);
    }
}
