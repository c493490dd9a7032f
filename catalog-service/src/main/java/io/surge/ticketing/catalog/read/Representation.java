package io.surge.ticketing.catalog.read;

/** A serialized read model with its strong, versioned ETag: built once, served many times. */
record Representation(long version, String etag, byte[] body) {
}
