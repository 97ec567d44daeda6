package com.kitesession.bench;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The ways the app is started, each a configuration of the benchmark:
 * <ul>
 * <li>{@code jar}: {@code java -jar kite-session.jar} with the JDK's defaults, as the README says;</li>
 * <li>{@code packaged}: the jpackage app image exactly as {@code mvn verify} builds it (its jlinked
 *     runtime, launcher and JVM options), with the benchmark's jar added to its class path;</li>
 * <li>{@code packaged-fast}: the same image with the start-up changes that need no code, those
 *     it does not have yet: JavaFX's native libraries beside the jar (JavaFX loads them from
 *     there; from a lone fat jar it unpacks each one and compares it with its cached copy, MD5 of
 *     both, 110 MB for WebKit, on every start), the JDK's class-data archive (what jlink
 *     --generate-cds-archive adds), the C1 compiler only, and always an AppCDS archive of the
 *     app's own classes (a training run writes it).</li>
 * </ul>
 */
final class Launchers {
    static final List<String> ALL = List.of("jar", "packaged", "packaged-fast");

    /** A prepared configuration: the command that starts one run, and whether -D options go in JAVA_TOOL_OPTIONS. */
    record Launcher(String name, String description, List<String> command, boolean toolOptions, List<String> jvmOptions) {}

    private Launchers() {}

    static Launcher prepare(String name, String classpath, Path image, Path work, long clickDelay) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        switch (name) {
            case "jar" -> {
                return new Launcher(name, "`java -jar`, JDK defaults",
                        List.of(java, "-cp", classpath, BenchChild.class.getName()), false, List.of());
            }
            case "packaged" -> {
                Path copy = copyImage(image, classpath, work.resolve("image-" + name));
                return new Launcher(name, "app image as built", launcherOf(copy), true, javaOptions(copy));
            }
            case "packaged-fast" -> {
                Path copy = copyImage(image, classpath, work.resolve("image-" + name));
                Path appDir = copy.resolve("lib/app");
                // Whatever of these the image does not have yet (packaging may already do some).
                List<String> added = new ArrayList<>();
                if (unpackNativeLibraries(appDir.resolve("kite-session.jar"), appDir) > 0) added.add("native libraries beside the jar");
                if (!Files.exists(copy.resolve("lib/runtime/lib/server/classes.jsa"))) {
                    // The JDK's own archive, as jlink --generate-cds-archive writes it (the launcher runs the dump).
                    run(launcherOf(copy), "-Xshare:dump", work.resolve("logs/" + name + "-jdk-cds.log"));
                    added.add("the JDK's CDS archive");
                }
                if (!javaOptions(copy).contains("-XX:TieredStopAtLevel=1")) {
                    addJavaOption(copy, "-XX:TieredStopAtLevel=1");
                    added.add("C1 only");
                }
                Path archive = appDir.resolve("kite-session.jsa");
                Launcher training = new Launcher(name, "", launcherOf(copy), true, List.of());
                JsonResult r = BenchRunner.runChild(training, List.of("-XX:ArchiveClassesAtExit=" + archive), work,
                        name + "-appcds-training", clickDelay);
                if (!r.ok() || !Files.exists(archive)) {
                    throw new IllegalStateException("the AppCDS training run failed; see " + work.resolve("logs"));
                }
                addJavaOption(copy, "-XX:SharedArchiveFile=$APPDIR/kite-session.jsa");
                added.add("an AppCDS archive of the app (training run)");
                return new Launcher(name, "app image + " + String.join(", ", added), launcherOf(copy), true, javaOptions(copy));
            }
            default -> throw new IllegalArgumentException("unknown configuration " + name + " (one of " + ALL + ")");
        }
    }

    /** A fresh copy of the app image that starts {@link BenchChild} with the benchmark's jar on its class path. */
    private static Path copyImage(Path image, String classpath, Path to) throws IOException {
        if (image == null || !Files.isDirectory(image)) {
            throw new IllegalStateException("no app image at " + image + ": build it with mvn -B -DskipTests verify (Linux)");
        }
        deleteTree(to);
        try (Stream<Path> walk = Files.walk(image)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(image.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path benchJar = Path.of(classpath.split(File.pathSeparator)[0]);
        Files.copy(benchJar, to.resolve("lib/app").resolve(benchJar.getFileName()));
        Path cfg = cfgOf(to);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            if (line.startsWith("app.classpath=")) {
                line = "app.classpath=$APPDIR/" + benchJar.getFileName() + File.pathSeparator + line.substring("app.classpath=".length());
            } else if (line.startsWith("app.mainclass=")) {
                line = "app.mainclass=" + BenchChild.class.getName();
            }
            lines.add(line);
        }
        Files.write(cfg, lines);
        return to;
    }

    private static Path cfgOf(Path image) throws IOException {
        try (Stream<Path> s = Files.list(image.resolve("lib/app"))) {
            return s.filter(p -> p.toString().endsWith(".cfg")).findFirst()
                    .orElseThrow(() -> new IOException("no launcher .cfg in " + image));
        }
    }

    private static List<String> launcherOf(Path image) throws IOException {
        try (Stream<Path> s = Files.list(image.resolve("bin"))) {
            return List.of(s.findFirst().orElseThrow(() -> new IOException("no launcher in " + image)).toString());
        }
    }

    private static void addJavaOption(Path image, String option) throws IOException {
        Path cfg = cfgOf(image);
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        int at = lines.indexOf("[JavaOptions]");
        if (at < 0) {
            lines.add("[JavaOptions]");
            at = lines.size() - 1;
        }
        lines.add(at + 1, "java-options=" + option);
        Files.write(cfg, lines);
    }

    private static List<String> javaOptions(Path image) throws IOException {
        return Files.readAllLines(cfgOf(image)).stream().filter(l -> l.startsWith("java-options="))
                .map(l -> l.substring("java-options=".length())).toList();
    }

    /** JavaFX's native libraries (lib*.so at the jar's root) into {@code dir}, where JavaFX looks first; how many. */
    static int unpackNativeLibraries(Path jar, Path dir) throws IOException {
        int count = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String n = e.getName();
                if (!e.isDirectory() && !n.contains("/") && n.startsWith("lib") && (n.endsWith(".so") || n.endsWith(".dylib"))
                        && !Files.exists(dir.resolve(n))) {
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, dir.resolve(n));
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /** The launcher with a JVM option and no window: for -Xshare:dump, which exits when written. */
    private static void run(List<String> launcher, String toolOption, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(launcher);
        pb.environment().put("JAVA_TOOL_OPTIONS", toolOption);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(toolOption + " did not finish; see " + log);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** A child's result line, parsed, with the runner's launch time. */
    record JsonResult(JsonObject json) {
        boolean ok() {
            return json.get("ok").getAsBoolean();
        }
    }
}
