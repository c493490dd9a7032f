package io.surge.ticketing.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.cdc.engine.CdcEngine;

class CdcConfigurationUnitTests {

    @Test
    void debeziumConnectsToTheDatasourcesHostPortAndDatabase() {
        CdcEngine.Database database = CdcConfiguration.database(
                "jdbc:postgresql://postgres.ticketing.svc:6432/catalog?sslmode=require", "cdc", "secret");

        assertThat(database).isEqualTo(new CdcEngine.Database("postgres.ticketing.svc", 6432, "catalog", "cdc", "secret"));
    }

    @Test
    void withoutAPortItIsPostgresDefault() {
        assertThat(CdcConfiguration.database("jdbc:postgresql://127.0.0.1/catalog", "u", "p").port()).isEqualTo(5432);
    }
}
