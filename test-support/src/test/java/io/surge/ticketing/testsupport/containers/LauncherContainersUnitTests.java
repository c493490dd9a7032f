package io.surge.ticketing.testsupport.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.testsupport.Postgres;

class LauncherContainersUnitTests {

    @Test
    void theContainersRunTheLaunchersVersions() throws IOException {
        String launcher = Files.readString(Path.of("../ticketing"));
        String broker = Files.readString(Path.of("../infra/kafka/pom.xml"));

        assertThat(LauncherContainers.ELASTICSEARCH_IMAGE).endsWith(":" + find(launcher, "ES_VERSION=\"([^\"]+)\""));
        assertThat(LauncherContainers.KAFKA_IMAGE).isEqualTo("apache/kafka:" + find(broker, "<kafka.version>([^<]+)<"));
        assertThat(LauncherContainers.POSTGRES_IMAGE).isEqualTo("postgres:15");
        assertThat(LauncherContainers.REDIS_IMAGE).isEqualTo("redis:7");
        assertThat(launcher).contains("DATABASES=(" + String.join(" ", LauncherContainers.DATABASES) + ")");
    }

    @Test
    void aServicesDatabaseAndATestsSchemaMoveToTheContainerAsTheyAre() {
        Postgres container = new Postgres("localhost", 32771, "ticketing", "ticketing");

        assertThat(ContainerJdbcConnectionDetails.onServer(
                "jdbc:postgresql://127.0.0.1:5432/catalog?currentSchema=catalog_it_1", container))
                .isEqualTo("jdbc:postgresql://localhost:32771/catalog?currentSchema=catalog_it_1");
        assertThat(ContainerJdbcConnectionDetails.onServer("jdbc:postgresql://127.0.0.1:5432/booking", container))
                .isEqualTo("jdbc:postgresql://localhost:32771/booking");
        assertThat(ContainerJdbcConnectionDetails.onServer(null, container))
                .isEqualTo("jdbc:postgresql://localhost:32771/ticketing");
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
