package io.surge.ticketing.testsupport;

/**
 * The launcher's stack as its environment file describes it: the variables and fallbacks the services'
 * {@code application.yml} use, so a test and the application under test always agree on where things are.
 */
final class LauncherEnvironment {

    private LauncherEnvironment() {
    }

    static Postgres postgres() {
        return new Postgres(env("TICKETING_DB_HOST", "127.0.0.1"), Integer.parseInt(env("TICKETING_DB_PORT", "5432")),
                env("TICKETING_DB_USER", "ticketing"), env("TICKETING_DB_PASSWORD", null));
    }

    static Redis redis() {
        return new Redis(env("TICKETING_REDIS_HOST", "127.0.0.1"), Integer.parseInt(env("TICKETING_REDIS_PORT", "6379")),
                env("TICKETING_REDIS_USERNAME", null), env("TICKETING_REDIS_PASSWORD", null));
    }

    static Kafka kafka() {
        return new Kafka(env("TICKETING_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                env("TICKETING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"),
                env("TICKETING_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"), env("TICKETING_KAFKA_USERNAME", null),
                env("TICKETING_KAFKA_PASSWORD", null));
    }

    static Elasticsearch elasticsearch() {
        // the launcher's node is unsecured; the credentials are the ones application.yml reads (set in Kubernetes)
        return new Elasticsearch(env("TICKETING_ES_URL", "http://127.0.0.1:9200"),
                env("SPRING_ELASTICSEARCH_USERNAME", null), env("SPRING_ELASTICSEARCH_PASSWORD", null));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value == null || value.isEmpty()) ? fallback : value;
    }
}
