package io.surge.ticketing.booking;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

import io.surge.ticketing.booking.decide.DecisionBroadcast;
import io.surge.ticketing.contracts.admission.AdmissionKeys;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AdmissionKeys.class)
class BookingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A listener failure (database or Redis down) retries the same records with back-off for as long as it
     * lasts: reservation commands are never skipped. Unreadable records are dead-lettered by the listener.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setAckAfterHandle(false);
        return handler;
    }

    /** Every instance hears every decision, and completes the requests it holds. */
    @Bean
    RedisMessageListenerContainer decisionListenerContainer(RedisConnectionFactory redis,
            @org.springframework.beans.factory.annotation.Qualifier("pendingDecisions") MessageListener pendingDecisions) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(pendingDecisions, new ChannelTopic(DecisionBroadcast.CHANNEL));
        return container;
    }
}
