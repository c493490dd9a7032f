package io.surge.ticketing.waitingroom;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

@Configuration(proxyBeanMethods = false)
class WaitingRoomConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AdmissionTokenCodec admissionTokenCodec(WaitingRoomProperties properties, Clock clock) {
        return AdmissionTokenCodec.fromSecret(properties.admissionSecret(), clock);
    }
}
