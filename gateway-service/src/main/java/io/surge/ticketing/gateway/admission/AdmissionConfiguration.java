package io.surge.ticketing.gateway.admission;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    @Bean
    AdmissionTokenCodec admissionTokenCodec(AdmissionProperties properties) {
        return AdmissionTokenCodec.fromSecrets(properties.secret(), properties.previousSecret(), Clock.systemUTC());
    }
}
