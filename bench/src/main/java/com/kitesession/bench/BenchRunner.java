package com.kitesession.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark: for each JVM configuration, a warm-up and then N runs of the real app, each in a
 * fresh process ({@link BenchChild}) with a fresh settings folder; then the exchange alone
 * ({@link ExchangeBench}); then {@code NAME.json} and {@code NAME.md} in the output folder.
 * Started by {@code bench/run}, which builds the jar, compiles this folder and provides a display.
 */
public final class BenchRunner {
    private BenchRunner() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        int runs = Integer.parseInt(opt.getOrDefault("runs", "10"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "1"));
        long clickDelay = Long.parseLong(opt.getOrDefault("click-delay-ms", "1000"));
        int exWarmup = Integer.parseInt(opt.getOrDefault("exchange-warmup", "300"));
        int exIterations = Integer.parseInt(opt.getOrDefault("exchange-iterations", "1000"));
        List<String> configs = List.of(opt.getOrDefault("configs", String.join(",", Launchers.ALL)).split(","));
        List<String> extra = opt.containsKey("jvm-opts") && !opt.get("jvm-opts").isBlank()
                ? List.of(opt.get("jvm-opts").trim().split("\\s+")) : List.of();
        Path out = Path.of(opt.getOrDefault("out", "bench/results"));
        String name = opt.getOrDefault("name", "latest");
        Path work = Path.of(opt.getOrDefault("work", "target/bench")).toAbsolutePath();
        String classpath = opt.getOrDefault("classpath", System.getProperty("java.class.path"));
        Path image = opt.containsKey("image") ? Path.of(opt.get("image")).toAbsolutePath() : null;
        Files.createDirectories(work.resolve("logs"));

        JsonObject result = new JsonObject();
        result.addProperty("schema", 1);
        result.addProperty("name", name);
        result.addProperty("when", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.addProperty("gitCommit", opt.getOrDefault("git", ""));
        JsonObject machine = Machine.describe(opt.getOrDefault("display", "a display of its own"));
        result.add("machine", machine);
        JsonObject settings = new JsonObject();
        settings.addProperty("runs", runs);
        settings.addProperty("warmup", warmup);
        settings.addProperty("clickDelayMs", clickDelay);
        settings.addProperty("extraJvmOptions", String.join(" ", extra));
        settings.addProperty("command", opt.getOrDefault("command", ""));
        result.add("settings", settings);
        result.add("targets", Report.targets());

        JsonObject configsJson = new JsonObject();
        String javafx = "";
        for (String config : configs) {
            Launchers.Launcher launcher = Launchers.prepare(config, classpath, image, work, clickDelay);
            JsonObject c = new JsonObject();
            c.addProperty("description", launcher.description());
            JsonArray command = new JsonArray();
            launcher.command().forEach(command::add);
            c.add("command", command);
            JsonArray shown = new JsonArray();
            launcher.jvmOptions().forEach(shown::add);
            extra.forEach(shown::add);
            c.add("jvmOptions", shown);
            JsonArray runsJson = new JsonArray();
            Map<String, List<Double>> values = new LinkedHashMap<>();
            int failures = 0;
            for (int i = -warmup; i < runs; i++) {
                String label = config + (i < 0 ? "-warmup" + (i + warmup + 1) : "-" + (i + 1));
                JsonObject child = runChild(launcher, extra, work, label, clickDelay).json();
                if (!child.get("ok").getAsBoolean()) {
                    failures++;
                    System.err.println(label + ": FAILED: " + child.get("error").getAsString() + " (log: "
                            + work.resolve("logs").resolve(label + ".log") + ")");
                    if (i >= 0) i--; // run again: N good runs are wanted
                    if (failures > 3 + runs / 2) throw new IllegalStateException("too many failed runs; see " + work.resolve("logs"));
                    continue;
                }
                if (child.has("javafxVersion")) javafx = child.get("javafxVersion").getAsString();
                Map<String, Double> m = Metrics.of(child, child.get("launchNanos").getAsLong());
                System.err.printf("%s: cold start %.0f ms, click-to-token %.0f ms, peak RSS %.0f MB%s%n", label,
                        m.get("coldStartMs"), m.get("clickToTokenMs"), m.get("rssPeakMb"), i < 0 ? " (warm-up, not counted)" : "");
                if (i < 0) continue;
                JsonObject run = new JsonObject();
                m.forEach((k, v) -> run.addProperty(k, Report.round(v)));
                runsJson.add(run);
                m.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
            JsonObject summary = new JsonObject();
            values.forEach((k, v) -> summary.add(k, Report.statsJson(Stats.of(v))));
            c.add("summary", summary);
            c.addProperty("failedRuns", failures);
            c.add("runs", runsJson);
            configsJson.add(config, c);
        }
        machine.addProperty("javafx", javafx);
        result.add("configs", configsJson);

        if (!opt.containsKey("skip-exchange")) {
            System.err.println("exchange only: " + exIterations + " iterations after " + exWarmup + " warm-up ...");
            result.add("exchange", ExchangeBench.run(exWarmup, exIterations));
        }
        machine.addProperty("loadAverageAfter", Machine.loadAverage());

        Path json = out.resolve(name + ".json");
        Path md = out.resolve(name + ".md");
        Report.write(result, json, md);
        System.out.println(Files.readString(md));
        System.err.println("wrote " + json + " and " + md);
    }

    /** One run of the app in a fresh JVM; the runner's clock is read just before the process starts. */
    static Launchers.JsonResult runChild(Launchers.Launcher launcher, List<String> jvmExtra, Path work, String label,
            long clickDelay) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(work, "home-");
        List<String> options = new ArrayList<>(jvmExtra);
        options.add("-Dkite.session.home=" + home);
        options.add("-Dbench.clickDelayMs=" + clickDelay);
        List<String> cmd = new ArrayList<>(launcher.command());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (launcher.toolOptions()) {
            pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        } else {
            cmd.addAll(1, options);
            pb.command(cmd);
        }
        File log = work.resolve("logs").resolve(label + ".log").toFile();
        pb.redirectError(log);
        String load = Machine.loadAverage().split(" ")[0];
        long launch = System.nanoTime();
        Process p = pb.start();
        String line;
        JsonObject found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = r.readLine()) != null) {
                if (line.startsWith(BenchChild.RESULT_PREFIX)) {
                    found = JsonParser.parseString(line.substring(BenchChild.RESULT_PREFIX.length())).getAsJsonObject();
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        Launchers.deleteTree(home);
        if (found == null) {
            found = new JsonObject();
            found.addProperty("ok", false);
            found.addProperty("error", "the app ended without a result (exit " + p.exitValue() + ")");
        }
        found.addProperty("launchNanos", launch);
        try {
            found.addProperty("loadAverage1", Double.parseDouble(load));
        } catch (NumberFormatException e) {
            // not Linux
        }
        return new Launchers.JsonResult(found);
    }

    /** --name value (or --name=value) pairs, and --flag. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
            String key = args[i].substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                opt.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                opt.put(key, args[++i]);
            } else {
                opt.put(key, "true");
            }
        }
        return opt;
    }
}
