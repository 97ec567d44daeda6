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

/**
 * The launches {@code kite-session login} makes and takes: {@code --login-profile ID} opens the
 * window (the request a started window carries), while {@code login} itself is a command, listed
 * in the usage with its options.
 */
class LoginLaunchTest {
    @Test
    void aLoginRequestOpensTheWindowAndLoginIsACommand() {
        assertTrue(Main.isWindowLaunch(new String[0]));
        assertTrue(Main.isWindowLaunch(new String[] {"--login-profile", "p1"}));
        assertFalse(Main.isWindowLaunch(new String[] {"--login-profile"}));
        assertFalse(Main.isWindowLaunch(new String[] {"login", "--browser"}));
        assertTrue(Main.isWindowLaunch(new String[] {"--minimised"}), "the autostart entry's launch");
        assertFalse(Main.isWindowLaunch(new String[] {"--minimised", "sim"}));
        assertTrue(Main.usage("kite-session").contains("kite-session [--minimised]"));
        assertTrue(Main.usage("kite-session").contains("kite-session login [--profile NAME] [--browser] [--timeout 10m]"));
    }

    @Test
    void loginsUsageProblemIsExitTwoThroughMain(@TempDir Path home) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // This test's folder and memory, never the machine's own store or keychain.
        String homeBefore = System.setProperty("kite.session.home", home.toString());
        String secretsBefore = System.setProperty(SecretStores.PROPERTY, "memory");
        int exit;
        try {
            exit = Main.runCommand(new String[] {"login", "--timeout", "forever"}, new PrintStream(out, true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            restore("kite.session.home", homeBefore);
            restore(SecretStores.PROPERTY, secretsBefore);
        }
        assertEquals(2, exit);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("login: --timeout is a whole number of seconds, minutes"
                + " or hours such as 90s, 10m or 1h"), err.toString(StandardCharsets.UTF_8));
    }

    private static void restore(String property, String value) {
        if (value == null) System.clearProperty(property);
        else System.setProperty(property, value);
    }
}
