package io.surge.ticketing.booking.tickets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.surge.ticketing.booking.BookingProperties;

@Configuration(proxyBeanMethods = false)
class TicketsConfiguration {

    /** Refuses to start without a key: a booking service that cannot mint or check codes is no use at the door. */
    @Bean
    TicketCodec ticketCodec(BookingProperties properties) {
        return new TicketCodec(properties.tickets().secret(), properties.tickets().previousSecret());
    }
}
