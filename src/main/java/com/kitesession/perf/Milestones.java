package com.kitesession.perf;

/**
 * Named instants on the way to a shown window and a captured token, for the benchmark in
 * {@code bench/}. Nothing listens in the app itself: {@link #mark} is then one volatile read. The
 * benchmark installs a {@link Sink} before the app starts and reads the marks as
 * {@link System#nanoTime()} values (on Linux CLOCK_MONOTONIC, comparable across processes).
 * Names only: never pass a value (a token, a URL with a query) in a mark.
 */
public final class Milestones {
    /** Receives each mark on the thread that made it. */
    @FunctionalInterface
    public interface Sink {
        void mark(String name, long nanoTime);
    }

    private static volatile Sink sink;

    private Milestones() {}

    public static void mark(String name) {
        Sink s = sink;
        if (s != null) s.mark(name, System.nanoTime());
    }

    /** The benchmark's listener; null removes it. */
    public static void install(Sink listener) {
        sink = listener;
    }
}
