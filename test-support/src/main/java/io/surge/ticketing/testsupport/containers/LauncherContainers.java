package io.surge.ticketing.testsupport.containers;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import io.surge.ticketing.testsupport.Elasticsearch;
import io.surge.ticketing.testsupport.Kafka;
import io.surge.ticketing.testsupport.Postgres;
import io.surge.ticketing.testsupport.Redis;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * The launcher's infrastructure as containers, for machines with a Docker engine ({@code -Ptestcontainers}). Each
 * container starts when a test first asks for it and serves every test (and every Spring context) of the JVM;
 * Testcontainers removes it when the JVM ends. The images are the launcher's versions (its top block, and
 * {@code kafka.version}); {@code LauncherContainersUnitTests} keeps them in step.
 * <p>
 * Not API: tests ask {@link TestInfrastructure}, which comes here only in container mode.
 */
public final class LauncherContainers {

    /** Debian 12's PostgreSQL, the launcher's; {@code wal_level=logical} for cdc-connector, as the launcher sets. */
    public static final String POSTGRES_IMAGE = "postgres:15";
    public static final String REDIS_IMAGE = "redis:7";
    /** The launcher's broker: {@code kafka.version} of {@code infra/kafka/pom.xml}. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    /** The launcher's {@code ES_VERSION}. */
    public static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.19.21";

    /** The launcher's databases, one per service that has one, owned by the services' login. */
    static final List<String> DATABASES = List.of("catalog", "booking", "payment");
    static final String DEFAULT_DATABASE = "ticketing";
    static final String LOGIN = "ticketing";

    public static final LauncherContainers INSTANCE = new LauncherContainers();

    private PostgreSQLContainer postgres;
    private GenericContainer<?> redis;
    private KafkaContainer kafka;
    private ElasticsearchContainer elasticsearch;
    private IllegalStateException noDocker;

    private LauncherContainers() {
    }

    public synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = start("PostgreSQL", () -> new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                    .withDatabaseName(DEFAULT_DATABASE)
                    .withUsername(LOGIN)
                    .withPassword(LOGIN)
                    .withCommand("postgres", "-c", "fsync=off", "-c", "wal_level=logical", "-c", "max_connections=200")
                    // run by the image's entrypoint on the first start, before it reports ready
                    .withCopyToContainer(Transferable.of(DATABASES.stream()
                            .map(database -> "CREATE DATABASE " + database + " OWNER " + LOGIN + ";")
                            .collect(Collectors.joining("\n"))), "/docker-entrypoint-initdb.d/10-databases.sql"));
        }
        return new Postgres(postgres.getHost(), postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                postgres.getUsername(), postgres.getPassword());
    }

    public synchronized Redis redis() {
        if (redis == null) {
            redis = start("Redis", () -> new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(6379));
        }
        return new Redis(redis.getHost(), redis.getMappedPort(6379), null, null);
    }

    public synchronized Kafka kafka() {
        if (kafka == null) {
            kafka = start("Kafka", () -> new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE)));
        }
        return new Kafka(kafka.getBootstrapServers(), "PLAINTEXT", null, null, null);
    }

    public synchronized Elasticsearch elasticsearch() {
        if (elasticsearch == null) {
            // unsecured over plain HTTP like the launcher's node (the image's default for 8.x is TLS and a password)
            elasticsearch = start("Elasticsearch", () -> new ElasticsearchContainer(DockerImageName.parse(ELASTICSEARCH_IMAGE))
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                    .withStartupTimeout(Duration.ofMinutes(3)));
        }
        return new Elasticsearch("http://" + elasticsearch.getHttpHostAddress(), null, null);
    }

    private <C extends GenericContainer<?>> C start(String what, Supplier<C> container) {
        requireDocker(what);
        C started = container.get();
        started.start();
        return started;
    }

    /**
     * Testcontainers, without an engine, would otherwise fail deep inside the first container's start, once per
     * test class; this asks once, and every later test fails at once with the same answer.
     */
    private void requireDocker(String what) {
        if (noDocker == null && !DockerClientFactory.instance().isDockerAvailable()) {
            noDocker = new IllegalStateException("Container mode (-Ptestcontainers, -D"
                    + TestInfrastructure.CONTAINERS_PROPERTY + "=true) needs a Docker engine, and none is reachable "
                    + "(Testcontainers looked at DOCKER_HOST, ~/.testcontainers.properties and /var/run/docker.sock). "
                    + "The project's machines have none: run the integration tests without -Ptestcontainers, against "
                    + "the launcher's stack (README, \"Tests\").");
        }
        if (noDocker != null) {
            throw new IllegalStateException(what + " container not started: " + noDocker.getMessage(), noDocker);
        }
    }
}
