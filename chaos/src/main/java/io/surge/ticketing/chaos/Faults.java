package io.surge.ticketing.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The faults of a run, in order. The full run: kill -9 of each service (restarted), the Kafka broker killed, PostgreSQL
 * restarted fast and crashed, Redis restarted with its data lost, Elasticsearch stopped for a minute, and between
 * booking-service and each of PostgreSQL, Redis and Kafka added latency and then a cut connection (through
 * {@link FaultProxy}s, booking-service restarted to use them). The quick run: a few of these.
 */
final class Faults {

    static final List<String> SERVICES = List.of("gateway-service", "waiting-room-service", "catalog-service",
            "search-service", "booking-service", "payment-service", "cleanup-worker", "cdc-connector");

    private final Launcher launcher;

    Faults(Launcher launcher) {
        this.launcher = launcher;
    }

    List<Fault> quick() {
        return List.of(kill("booking-service"), kafkaKilled(), redisLost(), postgres("--fast"));
    }

    List<Fault> full(Proxies proxies) {
        List<Fault> faults = new ArrayList<>();
        SERVICES.forEach(service -> faults.add(kill(service)));
        faults.add(kafkaKilled());
        faults.add(postgres("--fast"));
        faults.add(postgres("--immediate"));
        faults.add(Fault.restart("Redis restart (data kept)", () -> launcher.run("restart", "redis")));
        faults.add(redisLost());
        faults.add(Fault.of("Elasticsearch stopped for 60 s", () -> launcher.run("stop", "elasticsearch"),
                Duration.ofSeconds(60), () -> launcher.run("start", "elasticsearch")));
        faults.add(Fault.of("booking through fault proxies (restart)", proxies::route, Duration.ZERO, () -> true));
        for (FaultProxy proxy : proxies.all()) {
            faults.add(Fault.of("booking <-> " + proxy.name() + " +300 ms", () -> {
                proxy.slow(300);
                return true;
            }, Duration.ofSeconds(15), () -> {
                proxy.heal();
                return true;
            }));
            faults.add(Fault.of("booking <-> " + proxy.name() + " cut for 10 s", () -> {
                proxy.cut();
                return true;
            }, Duration.ofSeconds(10), () -> {
                proxy.heal();
                return true;
            }));
        }
        faults.add(Fault.of("booking direct again (restart)", proxies::unroute, Duration.ZERO, () -> true));
        return faults;
    }

    private Fault kill(String service) {
        return Fault.of("kill -9 " + service, () -> launcher.run("kill", service), Duration.ofSeconds(3),
                () -> launcher.run("start", service));
    }

    private Fault kafkaKilled() {
        return Fault.of("kill -9 Kafka broker", () -> launcher.run("kill", "kafka"), Duration.ofSeconds(5),
                () -> launcher.run("start", "kafka"));
    }

    private Fault postgres(String how) {
        return Fault.restart("PostgreSQL restart " + (how.equals("--fast") ? "(fast)" : "(crash: immediate)"),
                () -> launcher.run("restart", "postgres", how));
    }

    private Fault redisLost() {
        return Fault.restart("Redis restart, data lost", () -> launcher.run("restart", "redis", "--lose-data"));
    }

    /** booking-service's ways to PostgreSQL, Redis and Kafka through fault proxies, and back to direct. */
    static final class Proxies implements AutoCloseable {

        private final Launcher launcher;
        private final FaultProxy postgres;
        private final FaultProxy redis;
        private final FaultProxy kafka;

        Proxies(Launcher launcher, int postgresPort, int redisPort) {
            this.launcher = launcher;
            this.postgres = new FaultProxy("PostgreSQL", 15432, postgresPort);
            this.redis = new FaultProxy("Redis", 16379, redisPort);
            // the broker's PROXIED listener (9094) advertises 19094, this proxy (infra/kafka/server.properties)
            this.kafka = new FaultProxy("Kafka", 19094, 9094);
        }

        List<FaultProxy> all() {
            return List.of(postgres, redis, kafka);
        }

        boolean route() {
            return launcher.run(Map.of("TICKETING_EXTRA_JAVA_OPTS",
                    "-DTICKETING_DB_PORT=" + postgres.port() + " -DTICKETING_REDIS_PORT=" + redis.port()
                            + " -DTICKETING_KAFKA_BOOTSTRAP=127.0.0.1:" + kafka.port()),
                    "restart", "booking-service");
        }

        boolean unroute() {
            return launcher.run("restart", "booking-service");
        }

        @Override
        public void close() {
            all().forEach(FaultProxy::close);
        }
    }
}
