package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
    @TempDir
    Path dir;

    private final BlockingQueue<List<String>> handoffs = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process child : children) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (AutoCloseable c : open) c.close();
    }

    @Test
    void aSecondLaunchInTheSameJvmHandsItsArgumentsToTheFirst() throws Exception {
        SingleInstance.Primary primary = primary(handoffs::add);
        SingleInstance.Outcome second = SingleInstance.acquire(dir, List.of("--profile", "Ravi's app", "ü"), fail());
        assertEquals(new SingleInstance.Secondary(primary.port()), second);
        assertEquals(List.of("--profile", "Ravi's app", "ü"), handoffs.poll(5, TimeUnit.SECONDS));
        assertFalse(primary.tookOver());
        // And again: the primary keeps answering.
        assertInstanceOf(SingleInstance.Secondary.class, SingleInstance.acquire(dir, List.of(), fail()));
        assertEquals(List.of(), handoffs.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void theInstanceFileIsOwnerOnlyAndNamesALoopbackPortAndACookie() throws Exception {
        SingleInstance.Primary primary = primary(handoffs::add);
        Path info = dir.resolve(SingleInstance.INFO_FILE);
        JsonObject json = JsonParser.parseString(Files.readString(info)).getAsJsonObject();
        assertEquals(primary.port(), json.get("port").getAsInt());
        assertTrue(json.get("cookie").getAsString().length() >= 40, "32 random bytes");
        assertEquals(ProcessHandle.current().pid(), json.get("pid").getAsLong());
        if (info.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(info)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(SingleInstance.LOCK_FILE))));
        }
    }

    @Test
    void aWrongCookieOrGarbageIsRefusedAndNothingIsHandedOver() throws Exception {
        SingleInstance.Primary primary = primary(handoffs::add);
        assertEquals("{\"ok\":false}", exchange(primary.port(), "{\"cookie\":\"guessed\",\"args\":[\"--evil\"]}"));
        assertEquals("{\"ok\":false}", exchange(primary.port(), "{\"args\":[\"--evil\"]}"));
        assertEquals("{\"ok\":false}", exchange(primary.port(), "GET / HTTP/1.1"));
        assertNull(handoffs.poll(300, TimeUnit.MILLISECONDS));
        // The real cookie still works afterwards.
        String cookie = InstanceHandOff.readInfo(dir).orElseThrow().cookie;
        assertEquals("{\"ok\":true}", exchange(primary.port(), "{\"cookie\":\"" + cookie + "\",\"args\":[\"ok\"]}"));
        assertEquals(List.of("ok"), handoffs.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aLaunchWithTheWrongCookieDoesNotBecomeASecondPrimary() throws Exception {
        primary(handoffs::add);
        // A file that names the live port with another cookie: the hand-off is refused, and the lock
        // is held, so the launch gives up rather than open a second window on the same store.
        InstanceHandOff.Info info = InstanceHandOff.readInfo(dir).orElseThrow();
        Files.writeString(dir.resolve(SingleInstance.INFO_FILE), "{\"port\":" + info.port + ",\"cookie\":\"forged\"}");
        IOException e = assertThrows(IOException.class,
                () -> SingleInstance.acquire(dir, List.of("x"), fail(), Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertNull(handoffs.poll(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void aStaleFileFromADeadInstanceIsTakenOver() throws Exception {
        int deadPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = gone.getLocalPort();
        }
        Files.writeString(dir.resolve(SingleInstance.INFO_FILE), "{\"port\":" + deadPort + ",\"cookie\":\"old\",\"pid\":1}");
        Files.writeString(dir.resolve(SingleInstance.LOCK_FILE), "");

        SingleInstance.Primary primary = primary(handoffs::add);
        assertTrue(primary.tookOver());
        InstanceHandOff.Info now = InstanceHandOff.readInfo(dir).orElseThrow();
        assertEquals(primary.port(), now.port);
        assertNotEquals("old", now.cookie);
        assertInstanceOf(SingleInstance.Secondary.class, SingleInstance.acquire(dir, List.of("b"), fail()));
        assertEquals(List.of("b"), handoffs.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void garbageInTheInstanceFileIsTakenOver() throws Exception {
        Files.write(dir.resolve(SingleInstance.INFO_FILE), new byte[] {(byte) 0xff, (byte) 0xfe, '{'});
        assertTrue(primary(handoffs::add).tookOver());
    }

    @Test
    void closingRemovesTheFileAndReleasesTheLock() throws Exception {
        SingleInstance.Primary first = (SingleInstance.Primary) SingleInstance.acquire(dir, List.of(), handoffs::add);
        first.close();
        assertFalse(Files.exists(dir.resolve(SingleInstance.INFO_FILE)));
        SingleInstance.Primary next = primary(handoffs::add);
        assertFalse(next.tookOver(), "a clean close leaves nothing stale");
    }

    @Test
    void launchesRacingInOneJvmMakeExactlyOnePrimary() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<SingleInstance.Outcome>> launches = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                List<String> args = List.of("launch-" + i);
                launches.add(() -> SingleInstance.acquire(dir, args, handoffs::add));
            }
            List<SingleInstance.Outcome> outcomes = new ArrayList<>();
            for (Future<SingleInstance.Outcome> f : pool.invokeAll(launches, 30, TimeUnit.SECONDS)) outcomes.add(f.get());
            List<SingleInstance.Primary> primaries = outcomes.stream()
                    .filter(o -> o instanceof SingleInstance.Primary).map(o -> (SingleInstance.Primary) o).toList();
            open.addAll(primaries);
            assertEquals(1, primaries.size(), outcomes.toString());
            for (int i = 0; i < 5; i++) assertTrue(handoffs.poll(5, TimeUnit.SECONDS) != null);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondJvmHandsItsArgumentsToThePrimaryHereAndExitsZero() throws Exception {
        primary(handoffs::add);
        // ASCII only: how a non-ASCII argument reaches a child JVM depends on the machine's locale.
        Process second = launch("--from", "another process", "it's \"quoted\"");
        BufferedReader out = reader(second);
        assertEquals("secondary", out.readLine());
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertEquals(List.of("--from", "another process", "it's \"quoted\""), handoffs.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aKilledPrimaryProcessIsTakenOverByTheNextLaunch() throws Exception {
        Process crashed = launch();
        String first = reader(crashed).readLine();
        assertTrue(first != null && first.startsWith("primary "), first);
        crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(dir.resolve(SingleInstance.INFO_FILE)), "a killed process leaves its file behind");

        SingleInstance.Primary primary = primary(handoffs::add);
        assertTrue(primary.tookOver());
    }

    @Test
    void twoProcessesStartingAtOnceMakeOnePrimaryAndOneHandOff() throws Exception {
        Process a = launch("from-a");
        Process b = launch("from-b");
        BufferedReader outA = reader(a);
        BufferedReader outB = reader(b);
        String lineA = outA.readLine();
        String lineB = outB.readLine();
        boolean aWon = lineA.startsWith("primary");
        assertTrue(aWon != lineB.startsWith("primary"), lineA + " / " + lineB);
        assertEquals("secondary", aWon ? lineB : lineA);
        BufferedReader winner = aWon ? outA : outB;
        assertEquals("handoff [\"" + (aWon ? "from-b" : "from-a") + "\"]", winner.readLine());
        Process primaryProcess = aWon ? a : b;
        primaryProcess.getOutputStream().close(); // lets it close and exit
        assertTrue(primaryProcess.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, primaryProcess.exitValue());
        assertFalse(Files.exists(dir.resolve(SingleInstance.INFO_FILE)), "the primary cleaned up");
    }

    private SingleInstance.Primary primary(Consumer<List<String>> onHandoff) throws IOException {
        SingleInstance.Outcome outcome = SingleInstance.acquire(dir, List.of(), onHandoff);
        SingleInstance.Primary primary = assertInstanceOf(SingleInstance.Primary.class, outcome);
        open.add(primary);
        return primary;
    }

    private static Consumer<List<String>> fail() {
        return args -> {
            throw new AssertionError("a secondary launch must not be handed anything: " + args);
        };
    }

    /** A raw client: sends one line, returns the one-line answer. */
    private static String exchange(int port, String line) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    private Process launch(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SingleInstanceProcess.class.getName(), dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        return process;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
