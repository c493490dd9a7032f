package io.surge.ticketing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

class TestInfrastructureUnitTests {

    private final Postgres postgres = new Postgres("127.0.0.1", 5432, "ticketing", "s3cret");

    @Test
    void aTestsSchemaBecomesTheConnectionsSearchPathInItsServicesDatabase() {
        assertThat(postgres.jdbcUrl("catalog")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/catalog");
        assertThat(postgres.jdbcUrl("payment", "payment_it_1")).isEqualTo(
                "jdbc:postgresql://127.0.0.1:5432/payment?currentSchema=payment_it_1");
    }

    @Test
    void theLaunchersBrokerIsEnteredWithAScramLoginAndTheContainerWithout() {
        Kafka launcher = new Kafka("127.0.0.1:9092", "SASL_PLAINTEXT", "SCRAM-SHA-512", "svc", "pw");
        Kafka container = new Kafka("localhost:32768", "PLAINTEXT", null, null, null);

        assertThat(launcher.clientProperties()).containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"svc\" password=\"pw\";");
        assertThat(container.clientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void passwordsStayOutOfWhatATestPrints() {
        assertThat(postgres.toString()).doesNotContain("s3cret").contains("ticketing@127.0.0.1:5432");
        assertThat(new Redis("127.0.0.1", 6379, "svc", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(new Kafka("b:9092", "SASL_PLAINTEXT", "SCRAM-SHA-512", "svc", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(new Elasticsearch("http://es:9200", "elastic", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void theLaunchersStackIsTheDefault() {
        assumeFalse(TestInfrastructure.usesContainers(), "run with -Ptestcontainers");
        // what the launcher's environment says, or the services' application.yml fallbacks where it is not sourced
        String host = System.getenv().getOrDefault("TICKETING_DB_HOST", "127.0.0.1");
        assertThat(TestInfrastructure.postgres().host()).isEqualTo(host);
        assertThat(TestInfrastructure.elasticsearch().url())
                .isEqualTo(System.getenv().getOrDefault("TICKETING_ES_URL", "http://127.0.0.1:9200"));
    }
}
