package com.kitesession.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm-up runs, then N good runs of one configuration (the app's, the peer's, a scaling step): a
 * failed run is logged and run again, up to a limit; the numbers of the good runs are summed up
 * as median and spread. Fills {@code summary}, {@code failedRuns} and {@code runs} of a JSON object.
 */
final class RunSeries {
    /**
     * One run's numbers, or why it failed; {@code notes} (or null) go with the run's numbers into
     * the JSON; {@code line} is what the console shows of a good run.
     */
    record Outcome(Map<String, Double> metrics, JsonObject notes, String error, String line) {
        Outcome(Map<String, Double> metrics, String error, String line) {
            this(metrics, null, error, line);
        }

        static Outcome failed(String error) {
            return new Outcome(Map.of(), error, "");
        }
    }

    /** One run; {@code label} names its log. */
    interface OneRun {
        Outcome run(String label) throws IOException, InterruptedException;
    }

    private RunSeries() {}

    static void run(String name, int warmup, int runs, Path logs, OneRun oneRun, JsonObject into)
            throws IOException, InterruptedException {
        JsonArray runsJson = new JsonArray();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        int failures = 0;
        for (int i = -warmup; i < runs; i++) {
            String label = name + (i < 0 ? "-warmup" + (i + warmup + 1) : "-" + (i + 1));
            Outcome outcome = oneRun.run(label);
            if (outcome.error() != null) {
                failures++;
                System.err.println(label + ": FAILED: " + outcome.error() + " (log: " + logs.resolve(label + ".log") + ")");
                if (i >= 0) i--; // run again: N good runs are wanted
                if (failures > 3 + runs / 2) throw new IllegalStateException("too many failed runs; see " + logs);
                continue;
            }
            System.err.println(label + ": " + outcome.line() + (i < 0 ? " (warm-up, not counted)" : ""));
            if (i < 0) continue;
            JsonObject run = new JsonObject();
            outcome.metrics().forEach((k, v) -> run.addProperty(k, Report.round(v)));
            if (outcome.notes() != null) run.add("notes", outcome.notes());
            runsJson.add(run);
            outcome.metrics().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        JsonObject summary = new JsonObject();
        values.forEach((k, v) -> summary.add(k, Report.statsJson(Stats.of(v))));
        into.add("summary", summary);
        into.addProperty("failedRuns", failures);
        into.add("runs", runsJson);
    }
}
