package io.surge.ticketing.cdc;

import java.net.URI;

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
            @Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String user,
            @Value("${spring.datasource.password}") String password) {
        return CdcEngines.create(properties, database(url, user, password), index, es, meters);
    }

    /**
     * Debezium opens its own replication connection, to the datasource's database (the slot, the publication and the
     * lag monitor's queries are all in it): host, port and name come from {@code spring.datasource.url}, so they are
     * stated once.
     */
    static CdcEngine.Database database(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new CdcEngine.Database(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                uri.getPath().substring(1), user, password);
    }
}
