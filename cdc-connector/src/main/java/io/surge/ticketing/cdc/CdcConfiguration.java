package io.surge.ticketing.cdc;

import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.cdc.engine.CdcEngine;
import io.surge.ticketing.cdc.engine.CdcEngines;
import io.surge.ticketing.cdc.index.SearchIndex;

@Configuration(proxyBeanMethods = false)
class CdcConfiguration {

    @Bean
    SearchIndex searchIndex(RestClient es, CdcProperties properties) {
        return new SearchIndex(es, properties.index(), properties.alias());
    }

    @Bean
    CdcEngine cdcEngine(CdcProperties properties, SearchIndex index, RestClient es, MeterRegistry meters,
            @Value("${TICKETING_DB_HOST:127.0.0.1}") String host, @Value("${TICKETING_DB_PORT:5432}") int port,
            @Value("${cdc.database:catalog}") String database, @Value("${spring.datasource.username}") String user,
            @Value("${spring.datasource.password}") String password) {
        return CdcEngines.create(properties, new CdcEngine.Database(host, port, database, user, password), index, es,
                meters);
    }
}
