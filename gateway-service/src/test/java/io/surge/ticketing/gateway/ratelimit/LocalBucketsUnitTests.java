package io.surge.ticketing.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LocalBucketsUnitTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LocalBuckets buckets = new LocalBuckets(
            new RateLimitProperties(true, "test:", Duration.ofMillis(500), Duration.ofMillis(100), 1000, List.of()),
            nanos::get);

    @Test
    void aBucketAllowsItsBurstThenRefusesWithARetryAfter_andRefillsAtItsRate() {
        RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(0.5, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("k", limits).allowed()).isTrue();
        }
        LocalBuckets.Decision refused = buckets.take("k", limits);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(buckets.take("k", limits).allowed()).isTrue();
        assertThat(buckets.take("k", limits).allowed()).isFalse();
    }

    @Test
    void bucketsOfDifferentKeysAreIndependent() {
        RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(1, 1);
        assertThat(buckets.take("a", limits).allowed()).isTrue();
        assertThat(buckets.take("a", limits).allowed()).isFalse();
        assertThat(buckets.take("b", limits).allowed()).isTrue();
    }

    @Test
    void whatWasSpentIsDrainedOnce_andTheClusterLevelOnlyEverLowersABucket() {
        RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(1, 10);
        buckets.take("k", limits);
        buckets.take("k", limits);

        List<LocalBuckets.Spent> spent = buckets.drainSpent();
        assertThat(spent).singleElement().satisfies(s -> assertThat(s.tokens()).isEqualTo(2));
        assertThat(buckets.drainSpent()).isEmpty();

        // another instance spent the rest: the cluster has 0 left, and this one spent 1 more since its report
        buckets.take("k", limits);
        buckets.reconcile(spent.get(0).bucket(), 0);
        assertThat(buckets.take("k", limits).allowed()).isFalse();
        // a cluster figure above the local one changes nothing: 3 s refill 3 tokens from -1
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        buckets.reconcile(spent.get(0).bucket(), 10);
        assertThat(buckets.take("k", limits).allowed()).isTrue();
        assertThat(buckets.take("k", limits).allowed()).isTrue();
        assertThat(buckets.take("k", limits).allowed()).isFalse();
    }

    @Test
    void aBucketReportsInBatchesOfATenthOfItsBurst_soRedisSeesOneCallPerBatchNotPerRequest() {
        RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(20, 40);
        for (int i = 0; i < 3; i++) {
            buckets.take("fan", limits);
        }
        assertThat(buckets.drainSpent()).isEmpty();
        buckets.take("fan", limits);
        assertThat(buckets.drainSpent()).singleElement().satisfies(s -> assertThat(s.tokens()).isEqualTo(4));
    }
}
