package io.surge.ticketing.cdc.engine;

import org.elasticsearch.client.RestClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.cdc.CdcProperties;
import io.surge.ticketing.cdc.index.SearchIndex;

/** Wires an engine with its bulk writer (kept package-private) to the alias the readers use. */
public final class CdcEngines {

    private CdcEngines() {
    }

    public static CdcEngine create(CdcProperties properties, CdcEngine.Database database, SearchIndex index,
            RestClient es, MeterRegistry meters) {
        BulkWriter writer = new BulkWriter(es, index.alias(), properties.retryInitialBackoff(),
                properties.retryMaxBackoff(), meters);
        return new CdcEngine(properties, database, index, writer, meters);
    }
}
