package io.surge.ticketing.waitingroom;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
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
    AdmissionTokenCodec admissionTokenCodec(WaitingRoomProperties properties, Clock clock,
            @Value("${ticketing.admission.previous-secret:${TICKETING_ADMISSION_PREVIOUS_SECRET:}}") String previousSecret) {
        // signs with the current key; the previous one (during a rotation) still verifies
        return AdmissionTokenCodec.fromSecrets(properties.admissionSecret(), previousSecret, clock);
    }
}
