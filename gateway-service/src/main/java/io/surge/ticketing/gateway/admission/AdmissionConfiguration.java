package io.surge.ticketing.gateway.admission;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionKeys.class)
class AdmissionConfiguration {

    @Bean
    AdmissionTokenCodec admissionTokenCodec(AdmissionKeys keys) {
        return keys.codec(Clock.systemUTC());
    }
}
