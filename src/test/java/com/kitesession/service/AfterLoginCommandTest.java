package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.ErrorLayer;
import com.kitesession.kite.KiteTime;
import com.kitesession.logging.LogRedactor;
import com.kitesession.session.ActiveSession;
import com.kitesession.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: a small script run as {@code sh script.sh}, never through {@code sh -c}. */
@DisabledOnOs(OS.WINDOWS)
class AfterLoginCommandTest {
    private static final String TOKEN = "tok3nAfterLogin9f8e7d6c5b4a";
    private static final ActiveSession SESSION = new ActiveSession("kapikey123", "AB1234", "Ann", TOKEN,
            Instant.parse("2026-11-26T03:30:00Z"), ZonedDateTime.of(2026, 11, 27, 6, 0, 0, 0, KiteTime.IST));

    @TempDir
    Path dir;

    private Path script(String body) throws Exception {
        Path file = dir.resolve("after.sh");
        Files.writeString(file, body);
        return file;
    }

    private AfterLoginCommand.Result run(Duration limit, String commandLine) {
        return new AfterLoginCommand(limit, dir).run(commandLine, SESSION);
    }

    @Test
    void theSessionArrivesInTheEnvironmentAndOnStandardInputNeverInTheArguments() throws Exception {
        script("""
                echo "$KITE_API_KEY|$KITE_ACCESS_TOKEN|$KITE_USER_ID|$KITE_LOGIN_TIME|$KITE_EXPIRES_AT" > env.txt
                read -r line; echo "$line" > stdin.txt
                echo "$@" > args.txt
                ps -o args= -p $$ > ps.txt 2>/dev/null || true
                echo done
                """);
        AfterLoginCommand.Result result = run(Duration.ofSeconds(20), "sh after.sh one 'two words'");
        assertTrue(result.ok(), result.summary());
        assertEquals(0, result.exitCode());
        assertEquals("done", result.output());
        assertEquals("kapikey123|" + TOKEN + "|AB1234|2026-11-26T09:00:00+05:30|2026-11-27T06:00:00+05:30",
                Files.readString(dir.resolve("env.txt")).strip());
        assertEquals(TOKEN, Files.readString(dir.resolve("stdin.txt")).strip());
        assertEquals("one two words", Files.readString(dir.resolve("args.txt")).strip());
        assertFalse(Files.readString(dir.resolve("ps.txt")).contains(TOKEN));
    }

    @Test
    void aCommandPastItsLimitIsKilledWithItsChildren() throws Exception {
        script("sleep 120 &\necho $! > child.txt\nsleep 120\n");
        long start = System.nanoTime();
        AfterLoginCommand.Result result = run(Duration.ofMillis(700), "sh after.sh");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        assertFalse(result.ok());
        assertNull(result.exitCode());
        assertEquals(ErrorLayer.LOCAL, result.problem().layer());
        assertEquals("The command after login took too long", result.problem().title());
        long child = Long.parseLong(Files.readString(dir.resolve("child.txt")).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(100);
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the background sleep lives on");
    }

    @Test
    void aFailingCommandIsExplainedWithItsOutput() throws Exception {
        script("echo cannot reach the bot >&2\nexit 3\n");
        AfterLoginCommand.Result result = run(Duration.ofSeconds(20), "sh after.sh");
        assertFalse(result.ok());
        assertEquals(3, result.exitCode());
        assertEquals("cannot reach the bot", result.output());
        assertEquals("The command after login failed with exit status 3", result.problem().title());
        assertTrue(result.problem().fixes().contains("Your login stands: the token is saved whatever the command did."));
        assertTrue(result.summary().startsWith("exit 3\ncannot reach the bot"));
    }

    @Test
    void aProgramThatIsNotThereIsExplained() {
        AfterLoginCommand.Result result = run(Duration.ofSeconds(20), "/no/such/program --x");
        assertFalse(result.ok());
        assertNull(result.exitCode());
        assertEquals("The command after login could not start", result.problem().title());
        assertTrue(result.problem().why().contains("/no/such/program"));
    }

    @Test
    void unclosedQuotesAreExplainedBeforeAnythingRuns() {
        AfterLoginCommand.Result result = run(Duration.ofSeconds(20), "sh 'after.sh");
        assertEquals("The command after login could not be read", result.problem().title());
    }

    @Test
    void theTokenInTheOutputIsMaskedWhereShownAndLogged() throws Exception {
        script("read -r t; echo \"got $t\"; echo \"env $KITE_ACCESS_TOKEN\"\n");
        try (LogCapture logs = LogCapture.of(AfterLoginCommand.class)) {
            AfterLoginCommand.Result result = run(Duration.ofSeconds(20), "sh after.sh");
            assertTrue(result.ok());
            assertEquals("got " + LogRedactor.MASK + "\nenv " + LogRedactor.MASK, result.output());
            assertFalse(String.join("\n", logs.messages()).contains(TOKEN), String.join("\n", logs.messages()));
            assertTrue(String.join("\n", logs.messages()).contains("After login, sh after.sh: exit 0"), String.join("\n", logs.messages()));
        }
    }

    @Test
    void longOutputKeepsItsFirstLines() throws Exception {
        script("i=0; while [ $i -lt 5000 ]; do echo \"line $i $KITE_ACCESS_TOKEN\"; i=$((i+1)); done\n");
        AfterLoginCommand.Result result = run(Duration.ofSeconds(20), "sh after.sh");
        assertTrue(result.ok());
        String[] lines = result.output().split("\n");
        assertEquals(AfterLoginCommand.MAX_LINES + 1, lines.length);
        assertEquals("line 0 " + LogRedactor.MASK, lines[0]);
        assertTrue(lines[AfterLoginCommand.MAX_LINES].contains("more output cut"));
        assertFalse(result.output().contains(TOKEN.substring(0, 8)));
        assertNotNull(result.summary());
    }
}
