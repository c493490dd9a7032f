package io.surge.ticketing.testsupport;

import io.surge.ticketing.testsupport.containers.LauncherContainers;

/**
 * The one place integration tests get PostgreSQL, Redis, Kafka and Elasticsearch from.
 * <ul>
 * <li>By default, the launcher's stack, as its environment file ({@code .ticketing/secrets/env}, sourced before
 * {@code verify}) describes it: the {@code TICKETING_*} variables, with the same fallbacks as the services'
 * {@code application.yml}. Spring Boot tests need nothing from here in this mode: Boot's property-based
 * {@code ConnectionDetails} read the same variables through {@code application.yml}.</li>
 * <li>With {@code -Dticketing.testcontainers=true} (the root pom's {@code testcontainers} profile), containers at the
 * launcher's versions, each started once per JVM when a test first asks for it; Spring Boot tests get them as
 * {@code ConnectionDetails} beans (see {@code README.md}). Without a reachable Docker engine, the first call fails
 * at once, saying so.</li>
 * </ul>
 * A test writes the same code for both: {@code TestInfrastructure.postgres().jdbcUrl("catalog", schema)}.
 */
public final class TestInfrastructure {

    /** The system property that switches to containers; the root pom's {@code testcontainers} profile sets it. */
    public static final String CONTAINERS_PROPERTY = "ticketing.testcontainers";

    private TestInfrastructure() {
    }

    /** Whether this JVM runs its tests against containers ({@code true}) or the launcher's stack. */
    public static boolean usesContainers() {
        return Boolean.getBoolean(CONTAINERS_PROPERTY);
    }

    /** The PostgreSQL server that holds the services' databases ({@code catalog}, {@code booking}, {@code payment}). */
    public static Postgres postgres() {
        return usesContainers() ? containers().postgres() : LauncherEnvironment.postgres();
    }

    /** Redis, as the services' user (the launcher's Redis refuses clients that do not log in). */
    public static Redis redis() {
        return usesContainers() ? containers().redis() : LauncherEnvironment.redis();
    }

    /** The Kafka broker, with the SASL/SCRAM settings a client needs to be let in (none for the container). */
    public static Kafka kafka() {
        return usesContainers() ? containers().kafka() : LauncherEnvironment.kafka();
    }

    /** The Elasticsearch 8.19 node. */
    public static Elasticsearch elasticsearch() {
        return usesContainers() ? containers().elasticsearch() : LauncherEnvironment.elasticsearch();
    }

    /**
     * The container side, loaded only in container mode: Testcontainers is on the test classpath only with
     * {@code -Ptestcontainers}, so the default build never loads (or needs) it.
     */
    private static LauncherContainers containers() {
        requireTestcontainers();
        return LauncherContainers.INSTANCE;
    }

    /** Fails, saying how to fix it, when container mode is asked for without Testcontainers on the classpath. */
    static void requireTestcontainers() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, TestInfrastructure.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("-D" + CONTAINERS_PROPERTY + "=true, but Testcontainers is not on the test "
                    + "classpath: run with the Maven profile instead (-Ptestcontainers), which adds it", e);
        }
    }
}
