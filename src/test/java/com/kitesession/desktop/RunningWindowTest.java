package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code kite-session login} reaches a window: the request {@code --login-profile ID} goes
 * over the single-instance hand-off to the window of the same settings folder, in this JVM or
 * another; with none running (or only a crashed one's files) the command hears so at once and
 * never becomes a window itself.
 */
class RunningWindowTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process child : children) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void theLoginRequestReachesTheWindowOfThisFolder() throws Exception {
        BlockingQueue<List<String>> handed = new LinkedBlockingQueue<>();
        try (SingleInstance.Primary window = (SingleInstance.Primary) SingleInstance.acquire(dir, List.of(), handed::add)) {
            assertTrue(RunningWindow.handOff(dir, LoginRequest.args("p-1"), PATIENCE));
            List<String> args = handed.poll(5, TimeUnit.SECONDS);
            assertEquals(List.of("--login-profile", "p-1"), args);
            assertEquals(Optional.of("p-1"), LoginRequest.profileIn(args), "what the window reads from it");
        }
    }

    @Test
    void theLoginRequestReachesAWindowInAnotherProcess() throws Exception {
        Process window = launchWindow();
        BufferedReader said = new BufferedReader(new InputStreamReader(window.getInputStream(), StandardCharsets.UTF_8));
        assertTrue(said.readLine().startsWith("primary "));
        assertTrue(RunningWindow.handOff(dir, LoginRequest.args("p-2"), PATIENCE));
        assertEquals("handoff [\"--login-profile\",\"p-2\"]", said.readLine());
    }

    @Test
    void withNoWindowTheCommandHearsSoAndBecomesNone() throws Exception {
        assertFalse(RunningWindow.handOff(dir, LoginRequest.args("p-1"), PATIENCE));
        assertFalse(Files.exists(dir.resolve(SingleInstance.INFO_FILE)), "the command wrote no instance file");
        Path none = dir.resolve("never-created");
        assertFalse(RunningWindow.handOff(none, LoginRequest.args("p-1"), PATIENCE));
        assertFalse(Files.exists(none), "a missing settings folder is not created");
        // And a window may still start here afterwards.
        try (SingleInstance.Primary window = (SingleInstance.Primary) SingleInstance.acquire(dir, List.of(), args -> { })) {
            assertFalse(window.tookOver());
        }
    }

    @Test
    void aCrashedWindowsLeftoverFilesAreNoWindow() throws Exception {
        Process crashed = launchWindow();
        assertTrue(new BufferedReader(new InputStreamReader(crashed.getInputStream(), StandardCharsets.UTF_8)).readLine()
                .startsWith("primary "));
        crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(dir.resolve(SingleInstance.INFO_FILE)), "a killed window leaves its file behind");
        long started = System.nanoTime();
        assertFalse(RunningWindow.handOff(dir, LoginRequest.args("p-1"), PATIENCE));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(PATIENCE) < 0, "at once, not after the patience");
    }

    @Test
    void onlyAWellFormedRequestIsALoginRequest() {
        assertEquals(List.of("--login-profile", "abc"), LoginRequest.args("abc"));
        assertEquals(Optional.empty(), LoginRequest.profileIn(List.of()));
        assertEquals(Optional.empty(), LoginRequest.profileIn(List.of("--login-profile")));
        assertEquals(Optional.empty(), LoginRequest.profileIn(List.of("--login-profile", " ")));
        assertEquals(Optional.empty(), LoginRequest.profileIn(List.of("--login-profile", "a\nb")));
        assertEquals(Optional.empty(), LoginRequest.profileIn(List.of("--login-profile", "x".repeat(201))));
        assertEquals(Optional.empty(), LoginRequest.profileIn(List.of("--profile", "abc")));
        assertEquals(Optional.empty(), LoginRequest.profileIn(List.of("--login-profile", "abc", "more")));
        assertThrows(IllegalArgumentException.class, () -> LoginRequest.args(""));
    }

    /** A window's stand-in in its own JVM (see {@link SingleInstanceProcess}): prints what it is handed. */
    private Process launchWindow() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SingleInstanceProcess.class.getName(), dir.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        return process;
    }
}
