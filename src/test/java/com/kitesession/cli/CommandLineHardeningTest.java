package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage the commands refuse: flags given twice, a token on standard input that is not one, plain http. */
class CommandLineHardeningTest {
    private static final Map<String, String> SECRET = Map.of("KITE_API_SECRET", "s3cret");

    @TempDir
    Path temp;
    private final CapturedStream out = new CapturedStream();
    private final CapturedStream err = new CapturedStream();

    private int exchange(InputStream in, String... args) {
        out.reset();
        err.reset();
        return ExchangeCommand.run(args, SECRET, in, out.stream, err.stream, KiteClient.defaultHttpClient());
    }

    private int exchange(String... args) {
        return exchange(InputStream.nullInputStream(), args);
    }

    @Test
    void everyCommandRefusesAFlagGivenTwice() throws Exception {
        assertEquals(2, exchange("--api-key", "a", "--api-key", "b", "--request-token", "t"));
        assertTwice();
        assertEquals(2, exchange("--api-key", "a", "--request-token", "t", "--api-base", "http://127.0.0.1:1",
                "--api-base", "http://127.0.0.1:2"));
        assertTwice();
        try (CliFixture cli = new CliFixture(temp)) {
            assertEquals(2, cli.token("--check", "--check"));
            assertTrue(cli.err().contains("--check was given twice"), cli.err());
            assertEquals(2, cli.token("--profile", "live", "--profile", "paper"));
            assertTrue(cli.err().contains("--profile was given twice"), cli.err());
            assertEquals(2, cli.status("--json", "--json"));
            assertTrue(cli.err().contains("--json was given twice"), cli.err());
        }
        assertEquals(2, SimCommand.run(new String[] {"--port", "0", "--port", "0"}, out.stream, err.stream));
        assertTwice();
    }

    @Test
    void anOptionWrittenWithEqualsIsNeverRepeatedWithItsValue() {
        assertEquals(2, exchange("--api-key", "k", "--request-token", "t", "--api-secret=s3cretFromArgs"));
        assertFalse(err().contains("s3cretFromArgs"), err());
        assertEquals(2, exchange("--api-key=k", "--request-token", "t"));
        assertTrue(err().startsWith("exchange: unknown option --api-key=... (an option's value follows it after a space)"), err());
    }

    private void assertTwice() {
        assertTrue(err().contains("was given twice"), err());
        assertEquals("", out());
    }

    @Test
    void requestTokenDashIsReadFromStandardInputWithinBounds() throws Exception {
        assertEquals(2, exchange(in(""), "--api-key", "k", "--request-token", "-", "--api-base", closedPort()));
        assertTrue(err().contains("standard input held no request token"), err());
        assertEquals(2, exchange(in(" \n\t"), "--api-key", "k", "--request-token", "-", "--api-base", closedPort()));
        String huge = "A".repeat(ExchangeCommand.MAX_STDIN_BYTES + 1);
        assertEquals(2, exchange(in(huge), "--api-key", "k", "--request-token", "-", "--api-base", closedPort()));
        assertTrue(err().contains("more than 1024 bytes") && !err().contains(huge), err());
        // A good token, surrounded by whitespace, gets as far as the network.
        assertEquals(4, exchange(in("  abc123\r\n"), "--api-key", "k", "--request-token", "-", "--api-base", closedPort()));
    }

    @Test
    void cannotReachKiteNamesTheHostTried() throws Exception {
        assertEquals(4, exchange("--api-key", "k", "--request-token", "abc", "--api-base", closedPort()));
        assertTrue(err().startsWith("Kite Connect API (your program's session): Cannot reach Kite at 127.0.0.1"), err());
        assertTrue(err().contains("allow 127.0.0.1"), err());
        assertFalse(err().contains("api.kite.trade."), err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.kite.trade", "http://192.168.1.10:8000"})
    void plainHttpToAnotherMachineIsAUsageErrorInTheUsersWords(String base) {
        assertEquals(2, exchange("--api-key", "k", "--request-token", "abc", "--api-base", base));
        assertTrue(err().contains("would send the checksum and tokens unencrypted"), err());
    }

    private static String closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String out() {
        return out.text();
    }

    private String err() {
        return err.text();
    }
}
