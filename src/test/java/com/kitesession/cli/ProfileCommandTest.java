package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.logging.LogRedactor;
import com.kitesession.secrets.SecretNames;
import com.kitesession.session.RedirectUrlCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile}: its subcommands, and a round trip in real processes on a machine with no display. */
class ProfileCommandTest {
    private static final String SECRET = "processApiSecret91";
    private static final String PASSPHRASE = "a passphrase for the process test";

    @TempDir
    Path dir;

    @Test
    void withoutASubcommandItSaysWhatThereIs() throws Exception {
        try (CliFixture f = new CliFixture(dir)) {
            assertEquals(2, f.profileCommand());
            assertTrue(f.err().startsWith("profile: say what to do: add, list or remove\nusage: kite-session profile add"),
                    f.err());
            assertEquals(2, f.profileCommand("rename"));
            assertTrue(f.err().startsWith("profile: unknown subcommand rename; use add, list or remove"), f.err());
            assertEquals(0, f.profileCommand("--help"));
            assertTrue(f.out().contains("kite-session profile remove NAME|ID [--yes]"), f.out());
            assertTrue(f.out().contains("never from an argument"), f.out());
        }
    }

    @Test
    void addListAndRemoveRoundTripInOneStore() throws Exception {
        try (CliFixture f = new CliFixture(dir)) {
            f.stdin = SECRET + "\n";
            assertEquals(0, f.profileCommand("add", "--name", "Main", "--api-key", "kitekey1", "--redirect-url",
                    RedirectUrlCheck.SUGGESTED), f.err());
            assertEquals(0, f.profileCommand("list", "--json"), f.err());
            JsonObject listed = JsonParser.parseString(f.out()).getAsJsonArray().get(0).getAsJsonObject();
            assertEquals("Main", listed.get("name").getAsString());
            assertEquals(0, f.status(), "the other commands see it: " + f.err());
            assertTrue(f.out().contains("Main (default)  not logged in"), f.out());
            String id = listed.get("id").getAsString();
            assertEquals(SECRET, f.secrets.load(SecretNames.apiSecret(id)).orElseThrow());
            assertEquals(0, f.profileCommand("remove", id, "--yes"), f.err());
            assertEquals(0, f.profileCommand("list", "--json"));
            assertEquals("[]", f.out().strip());
            for (String name : SecretNames.all(id)) assertTrue(f.secrets.load(name).isEmpty(), "left behind: " + name);
        }
    }

    /** A finished process: its exit code and what it wrote. */
    private record Ran(int code, String out, String err) {}

    /**
     * Runs {@code Main} as the installed command would be run: a JVM of its own with the test's
     * class path, secrets in the encrypted file, no display, no KITE_API_SECRET; {@code stdin} piped in.
     */
    private Ran run(Path home, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dkite.session.home=" + home, "-Dkite.session.secrets=file",
                "-Djava.awt.headless=true", "com.kitesession.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        Stream.of("DISPLAY", "WAYLAND_DISPLAY", "KITE_API_SECRET").forEach(env::remove);
        env.put("KITE_SESSION_PASSPHRASE", PASSPHRASE);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kite-session " + String.join(" ", args) + " did not finish");
        }
        return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aRealProcessWithNoDisplayTakesTheSecretOnStandardInputAndNeverShowsIt() throws Exception {
        Path home = dir.resolve("home");
        Ran add = run(home, SECRET + "\n", "profile", "add", "--name", "Server account", "--api-key", "kitekey1",
                "--redirect-url", RedirectUrlCheck.SUGGESTED, "--user-id", "AB1234");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().startsWith("Saved profile 'Server account' with id "), add.out());
        assertTrue(add.err().startsWith("Created encrypted file " + home.resolve("secrets.enc")), add.err());

        Ran list = run(home, "", "profile", "list", "--json");
        assertEquals(0, list.code(), list.err());
        JsonArray all = JsonParser.parseString(list.out()).getAsJsonArray();
        assertEquals(1, all.size());
        JsonObject listed = all.get(0).getAsJsonObject();
        assertEquals("Server account", listed.get("name").getAsString());
        assertEquals("AB1234", listed.get("user_id").getAsString());
        assertEquals("NOT_LOGGED_IN", listed.get("state").getAsString());
        String id = listed.get("id").getAsString();
        assertTrue(add.out().contains(id), add.out());

        Ran unconfirmed = run(home, "y\n", "profile", "remove", "Server account");
        assertEquals(2, unconfirmed.code(), "piped input is no terminal: " + unconfirmed.err());
        assertTrue(unconfirmed.err().contains("add --yes"), unconfirmed.err());

        Ran remove = run(home, "", "profile", "remove", id, "--yes");
        assertEquals(0, remove.code(), remove.err());
        Ran empty = run(home, "", "profile", "list", "--json");
        assertEquals("[]", empty.out().strip(), empty.err());

        for (Ran ran : List.of(add, list, unconfirmed, remove, empty)) {
            assertFalse(ran.out().contains(SECRET) || ran.err().contains(SECRET), ran.toString());
            assertFalse(ran.out().contains(PASSPHRASE) || ran.err().contains(PASSPHRASE), ran.toString());
            assertFalse(ran.err().contains("\tat "), "no stack trace: " + ran.err());
        }
        String logs;
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            logs = files.filter(p -> p.toString().endsWith(".log")).map(ProfileCommandTest::read).collect(Collectors.joining());
        }
        assertTrue(logs.contains("profile add: saved profile " + id) && logs.contains("profile remove: removed profile " + id),
                logs);
        assertFalse(logs.contains(SECRET) || logs.contains(PASSPHRASE), logs);
        assertFalse(logs.contains(LogRedactor.MASK), () -> "a line needed masking:\n" + logs);
        assertFalse(Files.readString(home.resolve("secrets.enc"), StandardCharsets.ISO_8859_1).contains(SECRET));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(file + " could not be read", e);
        }
    }
}
