package io.surge.ticketing.waitingroom;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionKeys.class)
class WaitingRoomConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AdmissionTokenCodec admissionTokenCodec(AdmissionKeys keys, Clock clock) {
        // signs with the current key; the previous one (during a rotation) still verifies
        return keys.codec(clock);
    }
}
