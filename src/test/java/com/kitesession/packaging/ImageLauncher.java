package com.kitesession.packaging;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An app image's launcher ({@code bin/kite-session}) run as a person's shell would, with the
 * settings in {@code home} and secrets in memory (through JAVA_TOOL_OPTIONS, which the launcher
 * passes to its JVM), so no keychain or ~/.config is touched.
 */
record ImageLauncher(Path launcher, Path home) {
    static final Duration WAIT = Duration.ofSeconds(60);

    /** The launcher of the app image at {@code image}. */
    static ImageLauncher of(Path image, Path home) {
        return new ImageLauncher(image.resolve("bin/kite-session"), home);
    }

    Path image() {
        return launcher.getParent().getParent();
    }

    Process start(List<String> args, Map<String, String> env) throws IOException {
        return start(args, env, "", Files.createTempFile(home, "stderr", ".txt"));
    }

    /** The launcher with these arguments and JVM options added to the settings folder's, stderr to a file. */
    Process start(List<String> args, Map<String, String> env, String jvmOptions, Path stderr) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", ("-Dkite.session.home=" + home + " -Dkite.session.secrets=memory " + jvmOptions).strip());
        pb.environment().putAll(env);
        return pb.start();
    }

    Run run(List<String> args, Map<String, String> env) throws Exception {
        return run(args, env, "");
    }

    /** Runs to the end (a minute at most) and returns the exit code, stdout and stderr. */
    Run run(List<String> args, Map<String, String> env, String jvmOptions) throws Exception {
        Path err = Files.createTempFile(home, "stderr", ".txt");
        Process p = start(args, env, jvmOptions, err);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("kite-session " + String.join(" ", args) + " did not finish within " + WAIT.toSeconds() + " s");
        }
        return new Run(String.join(" ", args), p.exitValue(), out.get(10, TimeUnit.SECONDS), Files.readString(err));
    }

    record Run(String args, int exit, String out, String err) {
        String describe() {
            return "kite-session " + args + " exited " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
