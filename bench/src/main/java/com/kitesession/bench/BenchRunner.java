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
import java.util.Locale;
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
        // "none": only the peer, the scaling runs or the exchange.
        List<String> configs = List.of(opt.getOrDefault("configs", String.join(",", Launchers.ALL)).split(",")).stream()
                .filter(c -> !c.isBlank() && !c.equals("none")).toList();
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
            String[] javafxSeen = new String[1];
            RunSeries.run(config, warmup, runs, work.resolve("logs"), label -> {
                JsonObject child = runChild(launcher, extra, work, label, clickDelay).json();
                if (!child.get("ok").getAsBoolean()) return RunSeries.Outcome.failed(child.get("error").getAsString());
                if (child.has("javafxVersion")) javafxSeen[0] = child.get("javafxVersion").getAsString();
                Map<String, Double> m = Metrics.of(child, child.get("launchNanos").getAsLong());
                return new RunSeries.Outcome(m, null, String.format(Locale.ROOT,
                        "cold start %.0f ms, click-to-token %.0f ms, peak RSS %.0f MB, peak PSS (tree) %.0f MB",
                        m.get("coldStartMs"), m.get("clickToTokenMs"), m.get("rssPeakMb"), m.get("pssTreePeakMb")));
            }, c);
            if (javafxSeen[0] != null) javafx = javafxSeen[0];
            configsJson.add(config, c);
        }
        machine.addProperty("javafx", javafx);
        result.add("configs", configsJson);

        if (opt.containsKey("peer-dir")) {
            System.err.println("peer: a scripted Chromium login, " + runs + " runs after " + warmup + " warm-up ...");
            result.add("peer", PeerBench.run(Path.of(opt.get("peer-dir")).toAbsolutePath(),
                    opt.getOrDefault("peer-chromium", "/usr/bin/chromium"), !opt.containsKey("peer-headed"), warmup, runs,
                    work.resolve("logs")));
        }

        if (opt.containsKey("scaling") && !opt.get("scaling").equals("false")) {
            ScalingBench.Plan plan = new ScalingBench.Plan(
                    List.of(opt.getOrDefault("profiles", "1,5,20").split(",")).stream().map(Integer::parseInt).toList(),
                    Integer.parseInt(opt.getOrDefault("scaling-warmup", "0")), Integer.parseInt(opt.getOrDefault("scaling-runs", "3")),
                    1000L * Integer.parseInt(opt.getOrDefault("idle-seconds", "30")),
                    1000L * Integer.parseInt(opt.getOrDefault("settle-seconds", "20")),
                    Integer.parseInt(opt.getOrDefault("liveness-minutes", "1")));
            String config = opt.getOrDefault("scaling-config", "packaged");
            System.err.println("scaling: " + plan.profileCounts() + " profiles, " + plan.runs() + " runs each, `" + config + "` ...");
            result.add("scaling", ScalingBench.run(plan, Launchers.prepare(config, classpath, image, work, clickDelay), extra, work));
        }

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
        return runChild(launcher, jvmExtra, work, label, clickDelay, Files.createTempDirectory(work, "home-"));
    }

    /** The same on a settings folder prepared beforehand ({@code home}, deleted after the run). */
    static Launchers.JsonResult runChild(Launchers.Launcher launcher, List<String> jvmExtra, Path work, String label,
            long clickDelay, Path home) throws IOException, InterruptedException {
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
        TreeMemory memory = TreeMemory.sample(p.toHandle(), TreeMemory.INTERVAL_MS);
        String line;
        JsonObject found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = r.readLine()) != null) {
                if (line.startsWith(BenchChild.RESULT_PREFIX)) {
                    found = JsonParser.parseString(line.substring(BenchChild.RESULT_PREFIX.length())).getAsJsonObject();
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly(); // the child's own watchdog ends its output
        memory.close();
        Launchers.deleteTree(home);
        if (found == null) {
            found = new JsonObject();
            found.addProperty("ok", false);
            found.addProperty("error", "the app ended without a result (exit " + p.exitValue() + ")");
        }
        found.addProperty("launchNanos", launch);
        TreeMemory.Peak peak = memory.peak();
        found.addProperty("pssTreePeakKb", peak.pssKb());
        found.addProperty("rssTreePeakKb", peak.rssKb());
        found.addProperty("memorySamples", peak.samples());
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
