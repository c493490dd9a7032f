package io.surge.ticketing.waitingroom.queue;

/** Statistics for the raffle: places of users listed in join order (place[i] = place of the i-th joiner). */
final class Fairness {

    private Fairness() {
    }

    /** Spearman's rank correlation between join order and place; places are a permutation of 1..n. */
    static double spearman(long[] place) {
        int n = place.length;
        double sumD2 = 0;
        for (int i = 0; i < n; i++) {
            double d = (i + 1) - place[i];
            sumD2 += d * d;
        }
        return 1 - 6 * sumD2 / ((double) n * ((double) n * n - 1));
    }

    /** Pearson chi-square of the buckets x buckets table (join-order bucket, place bucket) against independence. */
    static double chiSquareJoinOrderByPlace(long[] place, int buckets) {
        int n = place.length;
        long[][] observed = new long[buckets][buckets];
        for (int i = 0; i < n; i++) {
            observed[(int) ((long) i * buckets / n)][(int) ((place[i] - 1) * buckets / n)]++;
        }
        double expected = (double) n / buckets / buckets;
        double chi = 0;
        for (long[] row : observed) {
            for (long o : row) {
                chi += (o - expected) * (o - expected) / expected;
            }
        }
        return chi;
    }

    /** Chi-square of the places of the first {@code earliest} joiners over equal place buckets. */
    static double chiSquareOfEarliest(long[] place, int earliest, int buckets) {
        int n = place.length;
        long[] observed = new long[buckets];
        for (int i = 0; i < earliest; i++) {
            observed[(int) ((place[i] - 1) * buckets / n)]++;
        }
        double expected = (double) earliest / buckets;
        double chi = 0;
        for (long o : observed) {
            chi += (o - expected) * (o - expected) / expected;
        }
        return chi;
    }
}
