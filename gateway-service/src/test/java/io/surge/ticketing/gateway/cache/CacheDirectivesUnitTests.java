package io.surge.ticketing.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheDirectivesUnitTests {

    @Test
    void onlyExplicitlyPublicFreshAnswersMayBeKeptByASharedCache() {
        assertThat(CacheDirectives.parse("max-age=1, public").sharedCacheable()).isTrue();
        assertThat(CacheDirectives.parse("public, s-maxage=5, max-age=0").maxAgeSeconds()).isEqualTo(5);
        assertThat(CacheDirectives.parse("public, s-maxage=5, max-age=0").sharedCacheable()).isTrue();

        assertThat(CacheDirectives.parse("max-age=60").sharedCacheable()).isFalse();
        assertThat(CacheDirectives.parse("public, private, max-age=60").sharedCacheable()).isFalse();
        assertThat(CacheDirectives.parse("public, max-age=60, no-store").sharedCacheable()).isFalse();
        assertThat(CacheDirectives.parse("public, max-age=60, no-cache").sharedCacheable()).isFalse();
        assertThat(CacheDirectives.parse("public, max-age=0").sharedCacheable()).isFalse();
        assertThat(CacheDirectives.parse("public, max-age=abc").sharedCacheable()).isFalse();
        assertThat(CacheDirectives.parse(null).sharedCacheable()).isFalse();
        assertThat(CacheDirectives.parse("PUBLIC, MAX-AGE=\"3\"").maxAgeSeconds()).isEqualTo(3);
    }

    @Test
    void ifNoneMatchMatchesTheStrongTagItsWeakFormAndTheWildcard() {
        assertThat(EdgeCacheFilter.notModified("\"a\", \"b\"", "\"b\"")).isTrue();
        assertThat(EdgeCacheFilter.notModified("W/\"b\"", "\"b\"")).isTrue();
        assertThat(EdgeCacheFilter.notModified("*", "\"b\"")).isTrue();
        assertThat(EdgeCacheFilter.notModified("\"c\"", "\"b\"")).isFalse();
        assertThat(EdgeCacheFilter.notModified(null, "\"b\"")).isFalse();
        assertThat(EdgeCacheFilter.notModified("\"b\"", null)).isFalse();
    }

    @Test
    void anAnswerThatVariesByMoreThanTheKeyIsNotKept() {
        assertThat(EdgeCacheFilter.variesOnlyByAccept(null)).isTrue();
        assertThat(EdgeCacheFilter.variesOnlyByAccept(java.util.List.of("Accept"))).isTrue();
        assertThat(EdgeCacheFilter.variesOnlyByAccept(java.util.List.of("accept, Origin"))).isFalse();
        assertThat(EdgeCacheFilter.variesOnlyByAccept(java.util.List.of("Accept", "Accept-Encoding"))).isFalse();
        assertThat(EdgeCacheFilter.variesOnlyByAccept(java.util.List.of("*"))).isFalse();
    }
}
