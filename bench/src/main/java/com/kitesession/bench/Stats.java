package com.kitesession.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Median and spread of one measured quantity over the runs: median, the middle half (25th to
 * 75th percentile, linear interpolation between the closest ranks) and the extremes.
 */
record Stats(int n, double median, double p25, double p75, double min, double max) {

    static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new Stats(v.length, quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0], v[v.length - 1]);
    }

    /** The q-quantile of sorted values, interpolated between the closest ranks (as R's type 7 and numpy's default). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) return sorted[0];
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static Stats ofArray(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }
}
