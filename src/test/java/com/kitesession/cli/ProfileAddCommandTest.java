package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.logging.LogRedactor;
import com.kitesession.logging.TestLogs;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretNames;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.RedirectUrlCheck;
import com.kitesession.storage.AppSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code profile add}: the window's checks and store, the secret from stdin, the terminal or KITE_API_SECRET, never an argument. */
class ProfileAddCommandTest {
    private static final String SECRET = "addTestApiSecret42";
    private static final String REDIRECT = RedirectUrlCheck.SUGGESTED;

    @TempDir
    Path dir;
    private CliFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CliFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private int add(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("add", "--name", name, "--api-key", "kitekey1",
                "--redirect-url", REDIRECT));
        args.addAll(List.of(more));
        return f.profileCommand(args.toArray(String[]::new));
    }

    private AppSettings settings() {
        return f.store.load().settings();
    }

    private KiteProfile only() {
        assertEquals(1, settings().profiles.size(), settings().profiles.toString());
        return settings().profiles.get(0);
    }

    /** Neither output ever holds the secret, whatever happened. */
    private void assertSecretNowhere(String secret) {
        assertFalse(f.out().contains(secret), f.out());
        assertFalse(f.err().contains(secret), f.err());
    }

    @Test
    void theSecretOnStandardInputIsSavedWithTheProfileAsTheWindowWould() throws Exception {
        f.stdin = SECRET + "\r\nthe second line is not read\n";
        assertEquals(0, add(" Main account ", "--user-id", "AB1234"), f.err());

        KiteProfile saved = only();
        assertEquals("Main account", saved.name());
        assertEquals("kitekey1", saved.apiKey());
        assertEquals(REDIRECT, saved.redirectUrl());
        assertEquals("AB1234", saved.userId());
        assertEquals(SECRET, f.secrets.load(SecretNames.apiSecret(saved.id())).orElseThrow(), "the line ending is not part of it");
        assertEquals(saved.id(), settings().defaultProfileId, "the first profile becomes the default, as in the window");
        assertEquals("Saved profile 'Main account' with id " + saved.id() + ", the default profile.", f.out().strip());
        assertEquals("", f.err());
        assertSecretNowhere(SECRET);
    }

    @Test
    void theSecretMayComeFromKiteApiSecretWhichIsSaidOnStandardError() throws Exception {
        f.env.put("KITE_API_SECRET", SECRET);
        f.stdin = "notTheSecret\n";
        assertEquals(0, add("Main"), f.err());
        assertEquals(SECRET, f.secrets.load(SecretNames.apiSecret(only().id())).orElseThrow());
        assertEquals("Using the api_secret in KITE_API_SECRET.", f.err().strip());
        assertSecretNowhere(SECRET);
    }

    @Test
    void atATerminalTheSecretIsTypedUnseen() throws Exception {
        f.terminal = new ScriptedTerminal(SECRET);
        assertEquals(0, add("Main"), f.err());
        assertEquals(SECRET, f.secrets.load(SecretNames.apiSecret(only().id())).orElseThrow());
        assertEquals(List.of(false), f.terminal.echoed, "read without echo");
        assertTrue(f.terminal.prompts.get(0).contains("api_secret") && f.terminal.prompts.get(0).contains("'Main'"),
                f.terminal.prompts.toString());
        assertSecretNowhere(SECRET);
    }

    @Test
    void aProfileForTheSimulatorLogsInThereNotToKite() throws Exception {
        f.stdin = SECRET + "\n";
        assertEquals(0, add("Sim", "--simulator", "http://127.0.0.1:18765"), f.err());
        KiteProfile saved = only();
        assertEquals("http://127.0.0.1:18765", saved.apiBase());
        assertEquals("http://127.0.0.1:18765", saved.loginBase());
        assertTrue(f.out().contains("It logs in to the Kite simulator at http://127.0.0.1:18765, not to Kite."), f.out());
    }

    @Test
    void theSimulatorMustBeOnThisComputer() {
        f.terminal = new ScriptedTerminal(SECRET);
        assertEquals(2, add("Sim", "--simulator", "https://kite.example.com"));
        assertTrue(f.err().contains("--simulator takes an address on this computer (127.0.0.1, localhost or [::1]), not"
                + " kite.example.com"), f.err());
        assertEquals(2, add("Sim", "--simulator", "127.0.0.1:18765"));
        assertTrue(f.err().contains("--simulator takes the simulator's base URL"), f.err());
        assertTrue(f.terminal.prompts.isEmpty(), "refused before the secret is asked for");
        assertTrue(settings().profiles.isEmpty());
    }

    @Test
    void theOtherFieldsAreCheckedBeforeTheSecretIsAskedFor() {
        f.terminal = new ScriptedTerminal(SECRET);
        assertEquals(2, f.profileCommand("add", "--name", "Main", "--api-key", "kite key", "--redirect-url", REDIRECT));
        assertTrue(f.terminal.prompts.isEmpty(), "nobody types a secret only to hear the api_key is wrong");
    }

    @Test
    void anApiSecretArgumentIsRefusedAndSaysWhatToDoInstead() {
        for (String[] args : List.of(new String[] {"--api-secret", SECRET}, new String[] {"--api-secret=" + SECRET})) {
            assertEquals(2, add("Main", args));
            assertTrue(f.err().startsWith("profile add: --api-secret is refused: an argument shows in the process list"),
                    f.err());
            assertTrue(f.err().contains("standard input") && f.err().contains("KITE_API_SECRET"), f.err());
            assertSecretNowhere(SECRET);
            assertTrue(settings().profiles.isEmpty());
        }
    }

    static Stream<Arguments> formProblems() {
        return Stream.of(
                Arguments.of(List.of("--name", " ", "--api-key", "kitekey1", "--redirect-url", REDIRECT), SECRET,
                        "Give the profile a name"),
                Arguments.of(List.of("--name", "Main", "--api-key", "kite key1", "--redirect-url", REDIRECT), SECRET,
                        "The api_key has spaces in it; paste it again without them."),
                Arguments.of(List.of("--name", "Main", "--api-key", "", "--redirect-url", REDIRECT), SECRET,
                        "Enter the api_key of your Kite Connect app"),
                Arguments.of(List.of("--name", "Main", "--api-key", "kitekey1", "--redirect-url", "127.0.0.1/kite"), SECRET,
                        "Redirect URL: This is not a full web address. It needs the scheme in front: http://127.0.0.1/kite."),
                Arguments.of(List.of("--name", "Main", "--api-key", "kitekey1", "--redirect-url", "http://127.0.0.1:6000/k"),
                        SECRET, "Redirect URL: Port 6000 is on the browsers' list of unsafe ports"),
                Arguments.of(List.of("--name", "Main", "--api-key", "kitekey1", "--redirect-url", REDIRECT), "",
                        "Enter the app's api_secret"),
                Arguments.of(List.of("--name", "Main", "--api-key", "kitekey1", "--redirect-url", REDIRECT), " " + SECRET,
                        "The api_secret has spaces at the start or end"),
                Arguments.of(List.of("--name", "Main\nAccount", "--api-key", "kitekey1", "--redirect-url", REDIRECT), SECRET,
                        "The name has a tab, a line break"),
                Arguments.of(List.of("--name", "Main", "--api-key", "kitekey1"), SECRET, "--redirect-url is missing"),
                Arguments.of(List.of("--redirect-url", REDIRECT), SECRET, "--name and --api-key are missing"),
                Arguments.of(List.of("--name", "Main", "--name", "Other", "--api-key", "k", "--redirect-url", REDIRECT), SECRET,
                        "--name was given twice; give it once"),
                Arguments.of(List.of("--name", "Main", "--api-key", "k", "--redirect-url", REDIRECT, "--colour", "red"), SECRET,
                        "unknown option --colour"));
    }

    @ParameterizedTest
    @MethodSource("formProblems")
    void everyProblemIsAUsageErrorInTheWindowsWordsAndSavesNothing(List<String> flags, String stdin, String problem) {
        f.stdin = stdin + "\n";
        List<String> args = new ArrayList<>(List.of("add"));
        args.addAll(flags);
        assertEquals(2, f.profileCommand(args.toArray(String[]::new)));
        assertTrue(f.err().startsWith("profile add: " + problem), f.err());
        assertTrue(f.err().contains("usage: kite-session profile add --name NAME --api-key KEY --redirect-url URL"), f.err());
        assertTrue(f.err().contains("the api_secret comes on standard input or in KITE_API_SECRET"), f.err());
        assertEquals("", f.out());
        assertTrue(settings().profiles.isEmpty());
        assertSecretNowhere(SECRET);
    }

    @Test
    void tooMuchOnStandardInputIsRefusedWithoutEchoingIt() {
        f.stdin = "x".repeat(StandardInput.MAX_BYTES + 1);
        assertEquals(2, add("Main"));
        assertTrue(f.err().startsWith("profile add: standard input held more than 1024 bytes, far more than an api_secret"),
                f.err());
        assertFalse(f.err().contains("xxxx"), f.err());
    }

    @Test
    void aSecondProfileOfTheSameNameInAnyCaseIsRefused() throws Exception {
        f.stdin = SECRET + "\n";
        assertEquals(0, add("Main"), f.err());
        String id = only().id();
        f.stdin = "anotherSecret\n";
        assertEquals(2, add("MAIN "));
        assertTrue(f.err().startsWith("profile add: a profile is already called 'Main' (id " + id + "); choose another --name,"
                + " or remove that one first with `kite-session profile remove`"), f.err());
        assertEquals(1, settings().profiles.size());
    }

    @Test
    void defaultMakesTheNewProfileTheDefault() throws Exception {
        f.stdin = SECRET + "\n";
        assertEquals(0, add("First"), f.err());
        f.stdin = SECRET + "\n";
        assertEquals(0, add("Second"), f.err());
        assertTrue(f.out().strip().endsWith("."), f.out());
        assertFalse(f.out().contains("default"), "the second profile does not become the default by itself");
        f.stdin = SECRET + "\n";
        assertEquals(0, add("Third", "--default"), f.err());
        KiteProfile third = settings().profiles.get(2);
        assertEquals(third.id(), settings().defaultProfileId);
        assertTrue(f.out().contains(", the default profile."), f.out());
    }

    @Test
    void aRedirectToAnotherMachineIsSavedWithTheWindowsWarning() {
        f.stdin = SECRET + "\n";
        assertEquals(0, f.profileCommand("add", "--name", "Main", "--api-key", "kitekey1", "--redirect-url", "https://example.com/kite"),
                f.err());
        assertTrue(f.err().contains("Note: example.com is not this computer"), f.err());
    }

    @Test
    void anEncryptedFileIsCreatedWithThePassphraseFromTheEnvironmentAndNeverWithoutOne() throws Exception {
        f.lockSecrets();
        f.stdin = SECRET + "\n";
        assertEquals(5, add("Main"));
        assertTrue(f.err().contains("which does not exist yet. Set KITE_SESSION_PASSPHRASE to the passphrase it should have"),
                f.err());
        assertTrue(settings().profiles.isEmpty());

        f.env.put("KITE_SESSION_PASSPHRASE", "correct horse battery");
        f.stdin = SECRET + "\n";
        assertEquals(0, add("Main"), f.err());
        assertTrue(f.err().startsWith("Created encrypted file "), f.err());
        EncryptedFileSecretStore file = new EncryptedFileSecretStore(dir.resolve("secrets.enc"));
        file.unlock("correct horse battery".toCharArray());
        assertEquals(SECRET, file.load(SecretNames.apiSecret(only().id())).orElseThrow(), "the window's passphrase opens it");
        assertFalse(Files.readString(dir.resolve("secrets.enc"), StandardCharsets.ISO_8859_1).contains(SECRET));

        f.lockSecrets(); // the file exists now: the variable unlocks it (Main does), it never resets the passphrase
        f.stdin = SECRET + "\n";
        assertEquals(5, add("Second"));
        assertTrue(f.err().contains("which is locked. Set KITE_SESSION_PASSPHRASE to its passphrase. Nothing was saved."),
                f.err());
        assertEquals(1, settings().profiles.size());
        assertSecretNowhere(SECRET);
    }

    @Test
    void theLogSaysWhatWasSavedAndNeverTheSecret() throws Exception {
        Path log = TestLogs.installCommandLine(dir.resolve("logs"));
        try {
            f.stdin = SECRET + "\n";
            assertEquals(0, add("Main"), f.err());
            f.stdin = "";
            f.env.put("KITE_API_SECRET", "envSecret77");
            assertEquals(2, add("main"), "a duplicate");
            String written = Files.readString(log);
            assertTrue(written.contains("profile add: saved profile " + only().id()), written);
            assertFalse(written.contains(SECRET) || written.contains("envSecret77"), written);
            assertFalse(written.contains(LogRedactor.MASK), () -> "a line needed masking:\n" + written);
        } finally {
            TestLogs.uninstall();
        }
    }
}
