package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ComposeUnitTests {

    private final ComposeRules rules = new ComposeRules(Builds.repository());

    @Test
    void theComposeFileRunsEveryServiceWithTheSettingsItReadsAfterTheDataStoresItUses() {
        assertThat(rules.check(Builds.compose())).isEmpty();
    }

    @Test
    void everyServiceModuleIsAComposeServiceBuiltFromTheOneDockerfile() {
        Map<String, Object> services = ComposeRules.map(Builds.compose().get("services"));
        assertThat(services.keySet()).containsAll(Builds.repository().serviceModules())
                .contains("postgres", "redis", "kafka", "elasticsearch");
        assertThat(services.size()).isEqualTo(Builds.repository().serviceModules().size() + 4);
    }

    @Test
    void postgresRunsWithLogicalDecodingAndCreatesTheRoleAndTheThreeDatabases() {
        Map<String, Object> postgres = ComposeRules.map(ComposeRules.map(Builds.compose().get("services")).get("postgres"));
        assertThat(ComposeRules.list(postgres.get("command")).stream().map(String::valueOf).toList()).contains("wal_level=logical");
        String image = String.valueOf(postgres.get("image"));
        assertThat(Integer.parseInt(image.substring(image.indexOf(':') + 1).replaceAll("\\D.*", ""))).isGreaterThanOrEqualTo(15);
        String init = Builds.repository().read("docker/postgres/init.sh");
        assertThat(init).contains("CREATE ROLE ticketing LOGIN REPLICATION");
        for (String database : List.of("catalog", "booking", "payment")) {
            assertThat(init).contains("CREATE DATABASE " + database + " OWNER ticketing;");
        }
        assertThat(ComposeRules.list(postgres.get("volumes"))).anySatisfy(v -> assertThat(v.toString())
                .startsWith("./docker/postgres/init.sh:/docker-entrypoint-initdb.d/"));
    }

    @Test
    void everyVariableTheComposeFileInterpolatesIsDocumentedInTheEnvironmentTemplate() {
        Set<String> interpolated = new LinkedHashSet<>();
        collectInterpolations(Builds.compose(), interpolated);
        String template = Builds.repository().read("docker/env.example");
        assertThat(interpolated).isNotEmpty()
                .allSatisfy(name -> assertThat(template).as("docker/env.example").containsPattern("(?m)^" + name + "="));
    }

    @Test
    void aServiceWithoutHealthCheckOrMemoryLimitIsReported() {
        Map<String, Object> compose = compose("search-service:", "search-service:");
        Map<String, Object> search = ComposeRules.map(ComposeRules.map(compose.get("services")).get("search-service"));
        search.remove("healthcheck");
        search.remove("deploy");
        assertThat(rules.check(compose)).anySatisfy(p -> assertThat(p).contains("search-service: needs a healthcheck"))
                .anySatisfy(p -> assertThat(p).contains("search-service: needs a memory limit"));
    }

    @Test
    void aServiceThatDoesNotWaitForItsDataStoreIsReported() {
        assertThat(rules.check(compose("elasticsearch: { condition: service_healthy }", "elasticsearch: { condition: service_started }")))
                .anySatisfy(p -> assertThat(p).contains("uses elasticsearch (TICKETING_ES_URL) and must wait for it"));
    }

    @Test
    void aBuildOfSomethingThatIsNoModuleIsReported() {
        assertThat(rules.check(compose("SERVICE: search-service", "SERVICE: search")))
                .anySatisfy(p -> assertThat(p).contains("build arg SERVICE=search is not a Maven module"));
    }

    @Test
    void aMisspelledSettingOrAHealthCheckOnTheWrongPortIsReported() {
        assertThat(rules.check(compose("TICKETING_ES_URL: http://elasticsearch:9200", "TICKETING_ELASTIC_URL: http://elasticsearch:9200")))
                .anySatisfy(p -> assertThat(p).contains("TICKETING_ELASTIC_URL is read by no property of search-service"))
                .anySatisfy(p -> assertThat(p).contains("search-service needs TICKETING_ES_URL"));
        assertThat(rules.check(compose("/dev/tcp/127.0.0.1/9083", "/dev/tcp/127.0.0.1/8083")))
                .as("Actuator listens on the management port, not the API's")
                .anySatisfy(p -> assertThat(p).contains("must probe /actuator/health/readiness on port 9083"));
    }

    /** Compose interpolates ${NAME...} in values (not in comments). */
    private static void collectInterpolations(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectInterpolations(v, names));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectInterpolations(v, names));
        } else if (node instanceof String text) {
            Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
    }

    /** A compose file with search-service and elasticsearch, one text replaced. */
    private static Map<String, Object> compose(String from, String to) {
        String yaml = """
                services:
                  elasticsearch:
                    image: docker.elastic.co/elasticsearch/elasticsearch:8.19.21
                    healthcheck:
                      test: ["CMD-SHELL", "curl -fsS http://127.0.0.1:9200"]
                    deploy:
                      resources:
                        limits:
                          memory: 1G
                  search-service:
                    build:
                      context: .
                      dockerfile: docker/Dockerfile
                      args:
                        SERVICE: search-service
                    environment:
                      SPRING_PROFILES_ACTIVE: local
                      TICKETING_BIND_ADDRESS: 0.0.0.0
                      TICKETING_SEARCH_MANAGEMENT_PORT: "9083"
                      TICKETING_ES_URL: http://elasticsearch:9200
                      TICKETING_SERVICE_SECRET: ${TICKETING_SERVICE_SECRET:?set it in .env}
                    depends_on:
                      elasticsearch: { condition: service_healthy }
                    healthcheck:
                      test: ["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9083 && printf 'GET /actuator/health/readiness HTTP/1.0\\\\r\\\\n\\\\r\\\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
                    deploy:
                      resources:
                        limits:
                          memory: 512M
                """;
        assertThat(yaml).contains(from);
        Map<String, Object> compose = StrictYaml.single(yaml.replace(from, to), "test");
        if (from.equals(to)) {
            assertThat(new ComposeRules(Builds.repository()).check(compose)).isEmpty();
        }
        return compose;
    }

    @Test
    void theSmallComposeFileOfTheseTestsIsValid() {
        compose("search-service:", "search-service:");
    }
}
