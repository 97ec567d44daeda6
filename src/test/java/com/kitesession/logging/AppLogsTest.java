package com.kitesession.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogsTest {
    private static final Logger LOG = Logger.getLogger("com.kitesession.test.AppLogsTest");
    private static final String ACCESS_TOKEN = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
    private static final String API_SECRET = "kitesecret-that-is-not-token-shaped";
    private static final String REQUEST_TOKEN = "RqTk55";
    private static final String PASSWORD = "hunter2 with spaces";

    @TempDir
    Path temp;

    @AfterEach
    void restore() {
        AppLogs.uninstall();
        LogRedactor.clearRegisteredSecrets();
    }

    @Test
    void noSecretReachesTheLogFileWhateverCarriesIt() throws Exception {
        Path folder = AppLogs.install(temp.resolve("logs"));
        LogRedactor.registerSecret(API_SECRET);
        LogRedactor.registerSecret(PASSWORD);

        LOG.info("redirect http://127.0.0.1/kite-redirect?status=success&request_token=" + REQUEST_TOKEN + " caught");
        LOG.log(Level.INFO, "answer {0}", "{\"data\":{\"user_id\":\"AB1234\",\"access_token\":\"" + ACCESS_TOKEN + "\"}}");
        LOG.info("header Authorization: token kitedemo:" + ACCESS_TOKEN);
        LOG.info("the person typed " + PASSWORD + " and the secret " + API_SECRET);
        IllegalStateException cause = new IllegalStateException("checksum for " + API_SECRET + " failed");
        RuntimeException thrown = new RuntimeException("POST /session/token api_secret=" + API_SECRET, cause);
        thrown.addSuppressed(new IOException("token " + ACCESS_TOKEN + " refused"));
        LOG.log(Level.WARNING, "exchange failed", thrown);

        String written = readAll(folder);
        for (String secret : List.of(ACCESS_TOKEN, API_SECRET, REQUEST_TOKEN, PASSWORD, "hunter2")) {
            assertFalse(written.contains(secret), () -> "leaked " + secret + " in:\n" + written);
        }
        // What is not secret is still there to read.
        assertTrue(written.contains("request_token=" + LogRedactor.MASK + " caught"), written);
        assertTrue(written.contains("\"user_id\":\"AB1234\""), written);
        assertTrue(written.contains("WARNING com.kitesession.test.AppLogsTest: exchange failed"), written);
        assertTrue(written.contains("Caused by: java.lang.IllegalStateException: checksum for " + LogRedactor.MASK), written);
        assertTrue(written.contains("Suppressed: java.io.IOException: token " + LogRedactor.MASK + " refused"), written);
        assertTrue(written.contains("\tat com.kitesession.logging.AppLogsTest."), written);
    }

    @Test
    void aSecretRegisteredAfterAnEarlierLineIsMaskedFromThenOn() throws Exception {
        Path folder = AppLogs.install(temp);
        LOG.info("before: nothing secret here");
        LogRedactor.registerSecret("Zerodha-1234");
        LOG.info("after: Zerodha-1234 must not show");
        String written = readAll(folder);
        assertTrue(written.contains("before: nothing secret here"));
        assertTrue(written.contains("after: " + LogRedactor.MASK + " must not show"), written);
    }

    @Test
    void installingTwiceKeepsOneHandlerAndTheConsoleStaysSilent() throws Exception {
        Path first = AppLogs.install(temp.resolve("logs"));
        Path again = AppLogs.install(temp.resolve("logs/../logs"));
        assertEquals(first, again);
        assertEquals(first, AppLogs.folder());
        Handler[] handlers = Logger.getLogger("").getHandlers();
        assertEquals(1, Arrays.stream(handlers).filter(h -> h instanceof FileHandler).count());
        assertEquals(0, Arrays.stream(handlers).filter(h -> h instanceof ConsoleHandler).count());
        LOG.info("once");
        assertEquals(1, readAll(first).lines().filter(l -> l.endsWith(": once")).count());
    }

    @Test
    void theFolderAndTheFilesAreOwnerOnly() throws Exception {
        Path folder = AppLogs.install(temp.resolve("state/logs"));
        LOG.info("private");
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("kite-session.0.log"))));
    }

    @Test
    void filesRotateBySizeAndAtMostFiveAreKept() throws Exception {
        int limit = 20_000; // the real one is 1 MB: the same code, a smaller number
        Path folder = AppLogs.install(temp, AppLogs.COMMAND_LINE, limit);
        String filler = "x".repeat(1000);
        // More than five files' worth.
        for (int i = 0; i < 124; i++) LOG.info(i + " " + filler);
        List<String> names = logFiles(folder).stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(List.of("kite-session-cli.0.log", "kite-session-cli.1.log", "kite-session-cli.2.log",
                "kite-session-cli.3.log", "kite-session-cli.4.log"), names);
        for (Path file : logFiles(folder)) {
            assertTrue(Files.size(file) <= limit + 2_000, file + " " + Files.size(file));
        }
        // The newest line is in file 0.
        assertTrue(Files.readString(folder.resolve("kite-session-cli.0.log")).contains("123 x"));
    }

    @Test
    void movingTheLogsClosesTheOldFiles() throws Exception {
        AppLogs.install(temp.resolve("a"));
        Path b = AppLogs.install(temp.resolve("b"));
        LOG.info("only in b");
        assertEquals(b, AppLogs.folder());
        assertFalse(readAll(temp.resolve("a")).contains("only in b"));
        assertTrue(readAll(b).contains("only in b"));
        assertFalse(Files.exists(temp.resolve("a/kite-session.0.log.lck")), "the old handler is closed");
    }

    @Test
    void theUsualFolderOnEachOs() {
        Path home = Path.of("/home/ravi");
        assertEquals(Path.of("/portable/logs"), AppLogs.defaultFolder("/portable", "Linux", Map.of(), home));
        assertEquals(home.resolve(".local/state/kite-session/logs"), AppLogs.defaultFolder(null, "Linux", Map.of(), home));
        assertEquals(Path.of("/xdg/state/kite-session/logs"),
                AppLogs.defaultFolder("", "Linux", Map.of("XDG_STATE_HOME", "/xdg/state"), home));
        assertEquals(home.resolve(".local/state/kite-session/logs"),
                AppLogs.defaultFolder(null, "Linux", Map.of("XDG_STATE_HOME", "relative/state"), home),
                "a relative XDG_STATE_HOME is ignored, as the spec says");
        assertEquals(home.resolve("Library/Logs/Kite Session Manager"),
                AppLogs.defaultFolder(null, "Mac OS X", Map.of(), home));
        assertEquals(Path.of("/c/Users/ravi/AppData/Local").resolve("Kite Session Manager").resolve("logs"),
                AppLogs.defaultFolder(null, "Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ravi/AppData/Local"), home));
        assertEquals(home.resolve("AppData/Local/Kite Session Manager/logs"),
                AppLogs.defaultFolder(null, "Windows 11", Map.of(), home));
    }

    @Test
    void theStartLineNamesVersionOsAndJava() {
        String line = AppLogs.startLine("window");
        assertTrue(line.startsWith("Kite Session Manager "), line);
        assertTrue(line.contains("(window) on " + System.getProperty("os.name")), line);
        assertTrue(line.contains("Java " + System.getProperty("java.version")), line);
    }

    private static List<Path> logFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
    }

    private static String readAll(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : logFiles(folder)) all.append(Files.readString(file, StandardCharsets.UTF_8));
        return all.toString();
    }
}
