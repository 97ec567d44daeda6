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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark: for each JVM configuration, a warm-up and then N runs of the real app, each in a
 * fresh process ({@link BenchChild}) with a fresh settings folder; then the exchange alone
 * ({@link ExchangeBench}); then {@code NAME.json} and {@code NAME.md} in the output folder.
 * Started by {@code bench/run}, which builds the jar, compiles this folder and provides a display.
 */
public final class BenchRunner {
    private BenchRunner() {}

    /**
     * The launcher's JVM options of each configuration: {@code default} is plain {@code java -jar};
     * {@code cds} adds an AppCDS archive; {@code tuned} is what a packaged launcher can pass as well:
     * the serial collector (no G1 remembered sets and threads, a heap that grows from small), and
     * the C1 compiler only (no C2 threads and arenas; a window that mostly waits needs no C2).
     */
    static List<String> flagsOf(String config) {
        return switch (config) {
            case "default", "cds" -> List.of();
            case "tuned", "image" -> TUNED;
            default -> throw new IllegalArgumentException("unknown configuration " + config + " (default, cds, tuned, image)");
        };
    }

    /**
     * {@code image}: the jar with JavaFX's native libraries unpacked beside it, as an installer can
     * lay it out. JavaFX then loads them from there; from a lone fat jar it unpacks each one and
     * compares it with its cached copy (MD5 of both, 110 MB for WebKit) on every start.
     */
    static String imageClasspath(String classpath, Path work) throws IOException {
        Path app = work.resolve("app");
        if (Files.exists(app)) deleteTree(app);
        Files.createDirectories(app);
        List<String> copied = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path target = app.resolve(jar.getFileName());
            Files.copy(jar, target);
            copied.add(target.toString());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (!e.isDirectory() && !e.getName().contains("/") && e.getName().startsWith("lib")
                            && e.getName().endsWith(".so")) {
                        try (var in = zip.getInputStream(e)) {
                            Files.copy(in, app.resolve(e.getName()));
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, copied);
    }

    static final List<String> TUNED = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m", "-Xmx512m");

    static boolean usesCds(String config) {
        return !config.equals("default");
    }

    static Path archiveOf(String config, Path work) {
        return work.resolve("app-cds-" + config + ".jsa");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        int runs = Integer.parseInt(opt.getOrDefault("runs", "10"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "1"));
        long clickDelay = Long.parseLong(opt.getOrDefault("click-delay-ms", "1000"));
        int exWarmup = Integer.parseInt(opt.getOrDefault("exchange-warmup", "300"));
        int exIterations = Integer.parseInt(opt.getOrDefault("exchange-iterations", "1000"));
        List<String> configs = List.of(opt.getOrDefault("configs", "default,cds,tuned,image").split(","));
        List<String> extra = opt.containsKey("jvm-opts") && !opt.get("jvm-opts").isBlank()
                ? List.of(opt.get("jvm-opts").trim().split("\\s+")) : List.of();
        Path out = Path.of(opt.getOrDefault("out", "bench/results"));
        String name = opt.getOrDefault("name", "latest");
        Path work = Path.of(opt.getOrDefault("work", "target/bench")).toAbsolutePath();
        String classpath = opt.getOrDefault("classpath", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
            List<String> flags = new ArrayList<>(flagsOf(config));
            flags.addAll(extra);
            List<String> jvm = new ArrayList<>(flags);
            String cp = config.equals("image") ? imageClasspath(classpath, work) : classpath;
            if (usesCds(config)) {
                train(java, cp, archiveOf(config, work), flags, work, clickDelay);
                jvm.add(0, "-XX:SharedArchiveFile=" + archiveOf(config, work));
            }
            JsonObject c = new JsonObject();
            JsonArray shown = new JsonArray();
            jvm.forEach(shown::add);
            c.add("jvmOptions", shown);
            c.addProperty("jvmOptionsShown", ((config.equals("image") ? "native libraries beside the jar, " : "")
                    + (usesCds(config) ? "AppCDS " : "") + String.join(" ", flags)).trim());
            JsonArray runsJson = new JsonArray();
            Map<String, List<Double>> values = new LinkedHashMap<>();
            int failures = 0;
            for (int i = -warmup; i < runs; i++) {
                String label = config + (i < 0 ? "-warmup" + (i + warmup + 1) : "-" + (i + 1));
                JsonObject child = runChild(java, cp, jvm, work, label, clickDelay);
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
    static JsonObject runChild(String java, String classpath, List<String> jvm, Path work, String label, long clickDelay)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(work, "home-");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvm);
        cmd.add("-Dkite.session.home=" + home);
        cmd.add("-Dbench.clickDelayMs=" + clickDelay);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(BenchChild.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
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
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        deleteTree(home);
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
        return found;
    }

    /**
     * AppCDS: one full run (start and login) with {@code -XX:ArchiveClassesAtExit} writes the archive
     * of every class it loaded; the measured runs then map it instead of parsing and verifying those classes.
     */
    static void train(String java, String classpath, Path archive, List<String> flags, Path work, long clickDelay)
            throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        List<String> jvm = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive));
        jvm.addAll(flags);
        String label = archive.getFileName().toString().replace(".jsa", "") + "-training";
        JsonObject r = runChild(java, classpath, jvm, work, label, clickDelay);
        if (!r.get("ok").getAsBoolean() || !Files.exists(archive)) {
            throw new IllegalStateException("the AppCDS training run failed; see " + work.resolve("logs/" + label + ".log"));
        }
        System.err.printf("%s: %.1f MB%n", archive, Files.size(archive) / 1e6);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
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
