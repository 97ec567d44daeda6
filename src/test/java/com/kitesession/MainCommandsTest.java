package com.kitesession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.secrets.SecretStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What escapes a command reaches the person as one plain line, never as a stack trace. */
class MainCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.runCommand(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownSecretStoreSettingIsOneLineAndExitOne() {
        String before = System.getProperty(SecretStores.PROPERTY);
        System.setProperty(SecretStores.PROPERTY, "bogus");
        try {
            assertEquals(1, run("status"));
        } finally {
            if (before == null) System.clearProperty(SecretStores.PROPERTY);
            else System.setProperty(SecretStores.PROPERTY, before);
        }
        assertEquals("kite-session: -Dkite.session.secrets=bogus is not known: use file, memory or auto.\n", err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSimulatorClockPastWhatDatesCanHoldIsAUsageError() {
        assertEquals(2, run("sim", "--now", "+1000000000-12-31T23:59:59Z", "--skew", "999999h"));
        assertTrue(err().startsWith("--now plus --skew must fall between 1970 and 9999\n"), err());
        assertFalse(err().contains("\tat ") || err().contains("Exception"), err());
        assertEquals(2, run("sim", "--now", "+1000000000-12-31T23:59:59Z"));
        assertEquals(2, run("sim", "--now", "-999999999-01-01T00:00:00Z", "--skew", "-999999h"));
    }

    @Test
    void profileIsACommandOverTheWindowsStore(@TempDir Path home) {
        String beforeHome = System.getProperty("kite.session.home");
        String beforeSecrets = System.getProperty(SecretStores.PROPERTY);
        System.setProperty("kite.session.home", home.toString());
        System.setProperty(SecretStores.PROPERTY, "memory");
        try {
            assertEquals(0, run("profile", "list"), err());
            assertEquals("No profiles yet. Add one with `kite-session profile add` or in Kite Session Manager.",
                    out.toString(StandardCharsets.UTF_8).strip());
            assertEquals(2, run("profile", "add", "--name", "Main", "--api-key", "k", "--redirect-url",
                    "http://127.0.0.1/kite-redirect", "--api-secret", "notHere123"));
            assertTrue(err().startsWith("profile add: --api-secret is refused"), err());
            assertFalse(err().contains("notHere123"), err());
            assertEquals(2, run("profile", "remove", "Main"));
            assertTrue(err().startsWith("profile remove: there are no profiles yet"), err());
        } finally {
            restore("kite.session.home", beforeHome);
            restore(SecretStores.PROPERTY, beforeSecrets);
        }
        assertTrue(Main.usage("kite-session").contains("kite-session profile add --name NAME --api-key KEY --redirect-url URL"
                + " [--user-id ID] [--default]"), Main.usage("kite-session"));
        assertTrue(Main.usage("kite-session").contains("kite-session profile remove NAME|ID [--yes]"));
    }

    private static void restore(String property, String value) {
        if (value == null) System.clearProperty(property);
        else System.setProperty(property, value);
    }
}
