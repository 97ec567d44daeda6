package com.kitesession.cli;

import static com.kitesession.testing.HostileKite.Fault.BYTE_PER_TICK;
import static com.kitesession.testing.HostileKite.Fault.EMPTY_200;
import static com.kitesession.testing.HostileKite.Fault.ENDLESS_CHUNKED_BODY;
import static com.kitesession.testing.HostileKite.Fault.HTML_502;
import static com.kitesession.testing.HostileKite.Fault.HUGE_BODY;
import static com.kitesession.testing.HostileKite.Fault.NONE;
import static com.kitesession.testing.HostileKite.Fault.REDIRECT_OTHER_HOST;
import static com.kitesession.testing.HostileKite.Fault.REDIRECT_SAME_HOST;
import static com.kitesession.testing.HostileKite.Fault.RESET_MID_BODY;
import static com.kitesession.testing.HostileKite.Fault.TRUNCATED_JSON;
import static com.kitesession.testing.HostileKite.Fault.UNKNOWN_ERROR_TYPE;
import static com.kitesession.testing.HostileKite.Fault.WRONG_CONTENT_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.ErrorLayer;
import com.kitesession.kite.Checksum;
import com.kitesession.logging.TestLogs;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.TokenExpiry;
import com.kitesession.testing.HostileKite.Fault;
import com.kitesession.testing.HostileKite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the client's three calls against a Kite that misbehaves in every way a hostile review
 * found: what the person is told (layer, title, exit code), no stack trace, and no secret on
 * screen or in the log file. The commands run in-process with the real log handler installed.
 */
class HostileKiteTest {
    private static final String API_KEY = "hostilekey";
    private static final String SECRET = "SeCrEtSeCrEtSeCrEtSeCrEt";
    private static final String REQUEST_TOKEN = "ReQuEsT0123456789ReQuEsT01234567";
    /** The stored token for the profile and logout calls (Zerodha's fixture answers XXXXXX to an exchange). */
    private static final String ACCESS_TOKEN = "AcCeSs0123456789AcCeSs0123456789";
    private static final List<String> SECRETS = List.of(SECRET, REQUEST_TOKEN, ACCESS_TOKEN,
            Checksum.sha256Hex(API_KEY, REQUEST_TOKEN, SECRET));
    private static final String REDIRECTED = "The Kite API address answered with a redirect";
    private static final String TOO_LARGE = "Kite's answer was too large";
    private static final String NOT_DATA = "Kite sent a page instead of data";

    private static HostileKite kite;

    @TempDir
    Path temp;
    private Path log;
    private final CapturedStream out = new CapturedStream();
    private final CapturedStream err = new CapturedStream();

    @BeforeAll
    static void startKite() throws Exception {
        kite = new HostileKite();
    }

    @AfterAll
    static void stopKite() throws Exception {
        kite.close();
    }

    @BeforeEach
    void installLogs() throws Exception {
        log = TestLogs.installCommandLine(temp.resolve("logs"));
    }

    @AfterEach
    void uninstallLogs() {
        TestLogs.uninstall();
        kite.serve(NONE);
    }

    /** Every fault, with what the person should be told: the exit code and the explanation's title (null: success). */
    static Stream<Arguments> exchangeFaults() {
        return Stream.of(
                Arguments.of(NONE, 0, null),
                Arguments.of(REDIRECT_SAME_HOST, 4, REDIRECTED),
                Arguments.of(REDIRECT_OTHER_HOST, 4, REDIRECTED),
                Arguments.of(HUGE_BODY, 4, TOO_LARGE),
                Arguments.of(ENDLESS_CHUNKED_BODY, 4, TOO_LARGE),
                Arguments.of(BYTE_PER_TICK, 4, "Kite did not answer in time"),
                Arguments.of(RESET_MID_BODY, 4, "Cannot reach Kite at 127.0.0.1"),
                Arguments.of(TRUNCATED_JSON, 4, NOT_DATA),
                Arguments.of(HTML_502, 4, NOT_DATA),
                Arguments.of(UNKNOWN_ERROR_TYPE, 3, "Kite reported an error (WeirdNewException)"),
                Arguments.of(EMPTY_200, 4, NOT_DATA),
                // The right body under the wrong label is still Kite's answer: read, like the SDKs' JSON parse.
                Arguments.of(WRONG_CONTENT_TYPE, 0, null));
    }

    /** The liveness check (token --check): only a 403 refuses the token, so every other fault is exit 4. */
    static Stream<Arguments> profileFaults() {
        return exchangeFaults().map(a -> {
            Object[] args = a.get();
            return args[0] == UNKNOWN_ERROR_TYPE ? Arguments.of(args[0], 4, args[2]) : a;
        });
    }

    /** Logout: Kite's own error envelope means the token is dead already, so it counts as done. */
    static Stream<Arguments> logoutFaults() {
        return exchangeFaults().map(a -> {
            Object[] args = a.get();
            return args[0] == UNKNOWN_ERROR_TYPE ? Arguments.of(args[0], 0, null) : a;
        });
    }

    @ParameterizedTest(name = "exchange, {0}")
    @MethodSource("exchangeFaults")
    void exchange(Fault fault, int exit, String title) throws Exception {
        int requestsBefore = kite.requestsToKite();
        int otherHostBefore = kite.requestsToOtherHost();
        kite.serve(fault);
        int code = ExchangeCommand.run(new String[] {"--api-key", API_KEY, "--request-token", "-", "--api-base",
                kite.apiBase()}, Map.of("KITE_API_SECRET", SECRET),
                new ByteArrayInputStream((REQUEST_TOKEN + "\n").getBytes(StandardCharsets.UTF_8)),
                out.stream, err.stream, HostileKite.shortTimeouts());
        assertEquals(exit, code, err());
        if (title == null) {
            assertEquals("XXXXXX", out().strip());
        } else {
            assertEquals("", out());
            assertTrue(err().startsWith(ErrorLayer.API.label() + ": " + title), err());
        }
        assertRedirectsNotFollowed(fault, requestsBefore, otherHostBefore);
        assertCleanAndSecret(err());
    }

    @ParameterizedTest(name = "profile (token --check), {0}")
    @MethodSource("profileFaults")
    void profile(Fault fault, int exit, String title) throws Exception {
        try (CliFixture cli = new CliFixture(temp.resolve("config"))) {
            cli.context = new CliContext(cli.store, cli.secrets, cli.clock, HostileKite.shortTimeouts());
            kite.serve(fault);
            cli.remember(profile(), ACCESS_TOKEN, loggedInAt(cli.clock.instant()));
            int requestsBefore = kite.requestsToKite();
            int otherHostBefore = kite.requestsToOtherHost();
            assertEquals(exit, cli.token("--check"), cli.err());
            if (title == null) {
                assertEquals(ACCESS_TOKEN, cli.out().strip());
            } else {
                assertEquals("", cli.out());
                assertTrue(cli.err().contains("\n" + ErrorLayer.API.label() + ": " + title), cli.err());
            }
            assertRedirectsNotFollowed(fault, requestsBefore, otherHostBefore);
            assertCleanAndSecret(cli.err());
        }
    }

    @ParameterizedTest(name = "logout, {0}")
    @MethodSource("logoutFaults")
    void logout(Fault fault, int exit, String title) throws Exception {
        try (CliFixture cli = new CliFixture(temp.resolve("config"))) {
            kite.serve(fault);
            cli.remember(profile(), ACCESS_TOKEN, loggedInAt(cli.clock.instant()));
            SessionService service = new SessionService(cli.store, cli.secrets, HostileKite.shortTimeouts(), cli.clock);
            int requestsBefore = kite.requestsToKite();
            int otherHostBefore = kite.requestsToOtherHost();
            SessionService.LogoutResult result = service.logout(profile());
            assertEquals(exit == 0, result.done(), String.valueOf(result.problem()));
            if (title != null) {
                assertEquals(ErrorLayer.API, result.problem().layer());
                assertEquals(title, result.problem().title());
                assertCleanAndSecret(result.problem().toPlainText());
            }
            assertRedirectsNotFollowed(fault, requestsBefore, otherHostBefore);
            assertCleanAndSecret("");
        }
    }

    private static KiteProfile profile() {
        return new KiteProfile("p1", "Main", API_KEY, "http://127.0.0.1/kite-login", "AB1234", kite.apiBase(),
                kite.apiBase());
    }

    private static SessionRecord loggedInAt(Instant now) {
        return new SessionRecord("AB1234", "Test", now, TokenExpiry.documented().expiresAt(now).toInstant(), null, null);
    }

    /** A redirect is answered once and never followed: the other host in particular hears nothing. */
    private static void assertRedirectsNotFollowed(Fault fault, int requestsBefore, int otherHostBefore) {
        assertEquals(otherHostBefore, kite.requestsToOtherHost(), "a redirect was followed to another host");
        if (fault == REDIRECT_SAME_HOST) assertEquals(requestsBefore + 1, kite.requestsToKite(), "redirect followed");
    }

    /** No stack trace on screen, and no secret on screen or in the log file written so far. */
    private void assertCleanAndSecret(String shown) throws Exception {
        assertFalse(shown.contains("\tat ") || shown.contains("Caused by"), shown);
        String logged = Files.readString(log);
        for (String secret : SECRETS) {
            assertFalse(shown.contains(secret), () -> "shown: " + secret + " in\n" + shown);
            assertFalse(logged.contains(secret), () -> "logged: " + secret + " in\n" + logged);
        }
    }

    private String out() {
        return out.text();
    }

    private String err() {
        return err.text();
    }
}
