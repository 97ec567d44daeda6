package com.kitesession.bench;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ways the app is started, each a configuration of the benchmark:
 * <ul>
 * <li>{@code jar}: {@code java -jar kite-session.jar} with the JDK's defaults, as the README says;</li>
 * <li>{@code packaged}: the jpackage app image exactly as {@code mvn verify} builds it (its jlinked
 *     runtime, launcher, JVM options and AppCDS archive), with the benchmark's jar added to its class
 *     path. JDK 17 ties an AppCDS archive to the class path it was written with (the jars' absolute
 *     paths), so the copy the benchmark runs gets its own archive, made as make-cds-archive.sh makes
 *     the image's: a static dump from the class list the image ships. With
 *     {@code KITE_BENCH_APPCDS=dynamic}, for comparison, the archive the image had before: a dynamic
 *     one from a training run of the window that logs in to the demo ({@code -XX:ArchiveClassesAtExit}).</li>
 * </ul>
 */
final class Launchers {
    static final List<String> ALL = List.of("jar", "packaged");
    private static final String ARCHIVE = "kite-session.jsa";

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
                if (!Files.exists(copy.resolve("lib/app").resolve(ARCHIVE))) {
                    return new Launcher(name, "app image as built (no AppCDS archive)", launcherOf(copy), true, javaOptions(copy));
                }
                boolean dynamic = "dynamic".equals(System.getenv("KITE_BENCH_APPCDS"));
                if (dynamic) {
                    trainAppCds(copy, work, name, clickDelay);
                } else {
                    dumpStaticAppCds(copy, classpath, work);
                }
                return new Launcher(name, "app image as built (its AppCDS archive made again for the copy, "
                        + (dynamic ? "dynamic" : "static") + ")", launcherOf(copy), true, javaOptions(copy));
            }
            default -> throw new IllegalArgumentException("unknown configuration " + name + " (one of " + ALL + ")");
        }
    }

    /**
     * The copy's AppCDS archive, made as packaging/cds/train.sh makes the image's: one run of the window with
     * -XX:ArchiveClassesAtExit (here the benchmark's own run), the .cfg's archive options set aside meanwhile
     * (a -XX:SharedArchiveFile would be taken as the base archive of the one being written).
     */
    private static void trainAppCds(Path copy, Path work, String name, long clickDelay) throws IOException, InterruptedException {
        Path cfg = cfgOf(copy);
        List<String> asBuilt = Files.readAllLines(cfg);
        Files.write(cfg, asBuilt.stream().filter(l -> !l.startsWith("java-options=-XX:SharedArchiveFile=")).toList());
        Path archive = copy.resolve("lib/app").resolve(ARCHIVE);
        Files.delete(archive);
        Launcher training = new Launcher(name, "", launcherOf(copy), true, List.of());
        JsonResult r = BenchRunner.runChild(training, List.of("-XX:ArchiveClassesAtExit=" + archive), work,
                name + "-appcds-training", clickDelay);
        if (!r.ok() || !Files.exists(archive)) {
            throw new IllegalStateException("the AppCDS training run failed; see " + work.resolve("logs"));
        }
        Files.write(cfg, asBuilt);
    }

    /**
     * The copy's AppCDS archive, made as lib/app/make-cds-archive.sh makes the image's: the runtime's java with
     * -Xshare:dump and the class list the build's training run wrote, for the copy's class path (the benchmark's
     * jar first, as its .cfg says).
     */
    private static void dumpStaticAppCds(Path copy, String classpath, Path work) throws IOException, InterruptedException {
        Path app = copy.toRealPath().resolve("lib/app");
        Path archive = app.resolve(ARCHIVE);
        Files.delete(archive);
        String benchJar = Path.of(classpath.split(File.pathSeparator)[0]).getFileName().toString();
        String copyClasspath = app.resolve(benchJar) + File.pathSeparator + app.resolve("kite-session.jar");
        Path log = work.resolve("logs").resolve("appcds-static-dump.log");
        Files.createDirectories(log.getParent());
        Process dump = new ProcessBuilder(copy.resolve("lib/runtime/bin/java").toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + app.resolve("kite-session.classlist"), "-XX:SharedArchiveFile=" + archive,
                "-cp", copyClasspath).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!dump.waitFor(180, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.exists(archive)) {
            dump.destroyForcibly();
            throw new IllegalStateException("the static AppCDS dump failed; see " + log);
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

    private static List<String> javaOptions(Path image) throws IOException {
        return Files.readAllLines(cfgOf(image)).stream().filter(l -> l.startsWith("java-options="))
                .map(l -> l.substring("java-options=".length())).toList();
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
