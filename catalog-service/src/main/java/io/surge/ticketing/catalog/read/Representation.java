package io.surge.ticketing.catalog.read;

import java.time.Instant;

/**
 * A serialized read model with its strong, versioned ETag: built once, served many times. {@code changesAt} is when
 * it goes stale by the clock alone (the details of a SCHEDULED event at {@code on_sale_at}, of one on sale at
 * {@code starts_at}); null when only a change of the event can stale it (which evicts it).
 */
record Representation(long version, String etag, byte[] body, Instant changesAt) {

    Representation(long version, String etag, byte[] body) {
        this(version, etag, body, null);
    }
}
