package io.surge.ticketing.platform.elasticsearch;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/**
 * The Elasticsearch 8.19 clients of the services that use it (search-service, cdc-connector): the low-level
 * {@link RestClient}, the typed {@link ElasticsearchClient} on top of it, and the {@code elasticsearch} health
 * indicator their readiness groups name.
 */
@AutoConfiguration
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(ElasticsearchSettings.class)
public class ElasticsearchAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RestClient elasticsearchRestClient(ElasticsearchSettings settings) {
        HttpHost[] hosts = settings.uris().stream()
                .map(uri -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts).setRequestConfigCallback(request -> request
                .setConnectTimeout((int) settings.connectionTimeout().toMillis())
                .setSocketTimeout((int) settings.socketTimeout().toMillis()));
        if (settings.hasCredentials()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY,
                    new UsernamePasswordCredentials(settings.username(), settings.password()));
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    @Bean(name = "elasticsearchHealthIndicator")
    @ConditionalOnMissingBean(name = "elasticsearchHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("elasticsearch")
    ElasticsearchHealthIndicator elasticsearchHealthIndicator(RestClient client) {
        return new ElasticsearchHealthIndicator(client);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ElasticsearchClient.class)
    static class TypedClient {

        @Bean
        @ConditionalOnMissingBean
        ElasticsearchClient elasticsearchClient(RestClient client) {
            return new ElasticsearchClient(new RestClientTransport(client, new JacksonJsonpMapper()));
        }
    }
}
