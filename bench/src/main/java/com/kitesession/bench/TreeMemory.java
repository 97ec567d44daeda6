package com.kitesession.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peak memory of a process and all its descendants (a browser's renderer, GPU and utility
 * processes; the app's none), sampled from outside every {@code intervalMs}: the sum of
 * {@code Pss} and of {@code Rss} of {@code /proc/PID/smaps_rollup} over the tree, the largest sum
 * kept. PSS divides each shared page by the number of processes mapping it, so a tree's sum counts
 * the libraries its processes share once; RSS counts them fully in every process. Linux only:
 * elsewhere the peaks stay -1.
 */
final class TreeMemory implements AutoCloseable {
    /** The largest sums seen, in kB; {@code processes} is the most processes seen at once. */
    record Peak(long pssKb, long rssKb, int samples, int processes) {}

    /** Often enough to catch a browser's short peaks, rarely enough to cost little CPU (a read is ~0.1 ms a process). */
    static final long INTERVAL_MS = 25;

    private final ProcessHandle root;
    private final long intervalMs;
    private final Thread sampler;
    private volatile boolean running = true;
    private long pssPeakKb = -1;
    private long rssPeakKb = -1;
    private int samples;
    private int processesPeak;

    private TreeMemory(ProcessHandle root, long intervalMs) {
        this.root = root;
        this.intervalMs = intervalMs;
        sampler = new Thread(this::sampleUntilClosed, "bench-tree-memory");
        sampler.setDaemon(true);
    }

    /** Starts sampling at once; {@link #close()} stops and {@link #peak()} reads. */
    static TreeMemory sample(ProcessHandle root, long intervalMs) {
        TreeMemory memory = new TreeMemory(root, intervalMs);
        memory.sampler.start();
        return memory;
    }

    private void sampleUntilClosed() {
        while (running && root.isAlive()) {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(root);
            root.descendants().forEach(tree::add);
            long pss = 0;
            long rss = 0;
            int read = 0;
            for (ProcessHandle p : tree) {
                long[] sizes = rollup(p.pid());
                if (sizes == null) continue; // ended between the listing and the read
                pss += sizes[0];
                rss += sizes[1];
                read++;
            }
            synchronized (this) {
                if (read > 0) {
                    samples++;
                    pssPeakKb = Math.max(pssPeakKb, pss);
                    rssPeakKb = Math.max(rssPeakKb, rss);
                    processesPeak = Math.max(processesPeak, read);
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {Pss, Rss} in kB of one process, or null when it is gone or unreadable. */
    static long[] rollup(long pid) {
        try {
            long pss = -1;
            long rss = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) pss = kb(line);
                else if (line.startsWith("Rss:")) rss = kb(line);
            }
            return pss < 0 || rss < 0 ? null : new long[] {pss, rss};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
    }

    synchronized Peak peak() {
        return new Peak(pssPeakKb, rssPeakKb, samples, processesPeak);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(TimeUnit.SECONDS.toMillis(5));
    }
}
