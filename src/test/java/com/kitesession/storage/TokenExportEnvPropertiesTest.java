package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.session.TokenExpiry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever token and user id reach the .env export, the file holds only NAME=value lines that a
 * shell reads as plain assignments: checked by grammar, and by sourcing it with bash in an empty
 * folder and environment, which must print the values back unchanged and create nothing.
 */
class TokenExportEnvPropertiesTest {
    private static final Instant LOGIN = Instant.parse("2026-11-23T04:30:00Z");
    /** A value a shell cannot read as anything but literal text: no quotes, spaces, $, `, ;, &, |, <, >, newlines. */
    private static final Pattern PLAIN_ASSIGNMENT = Pattern.compile("KITE_[A-Z_]+=[A-Za-z0-9_.:+\\-]*");

    @Property(tries = 300)
    void envFileIsOnlyPlainAssignments(@ForAll("hostile") String token, @ForAll("hostile") String userId)
            throws Exception {
        Path sandbox = Files.createTempDirectory("kite-env-property");
        try {
            Path file = sandbox.resolve("kite.env");
            try {
                TokenExportWriter.write(new AppSettings.TokenExport(file.toString(), AppSettings.ExportFormat.ENV),
                        "kitekey", token, userId, LOGIN, TokenExpiry.documented().expiresAt(LOGIN));
            } catch (IllegalArgumentException refused) {
                assertTrue(Files.notExists(file), "a refused value still wrote the file");
                return; // refusing a value is safe; quoting it would not be for every reader
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertEquals(5, lines.size(), lines.toString());
            for (String line : lines) assertTrue(PLAIN_ASSIGNMENT.matcher(line).matches(), line);
            assertEquals(token + "\n" + userId + "\n", source(sandbox, file));
            try (Stream<Path> left = Files.list(sandbox)) {
                assertEquals(List.of(file), left.toList(), "sourcing the file created something");
            }
        } finally {
            try (Stream<Path> left = Files.walk(sandbox)) {
                left.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs bash with an empty environment in the sandbox: set -e, source the file, print two of its values. */
    private static String source(Path sandbox, Path file) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "--noprofile", "--norc", "-c",
                "set -e; source \"$1\"; printf '%s\\n' \"$KITE_ACCESS_TOKEN\" \"$KITE_USER_ID\"", "bash", file.toString())
                .directory(sandbox.toFile()).redirectErrorStream(true);
        bash.environment().clear();
        bash.environment().put("PATH", "/usr/bin:/bin");
        Process process = bash.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "bash did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> payloads = Arbitraries.of("$(touch pwned)", "`touch pwned`", "a;touch pwned", "a && touch pwned",
                "a|touch pwned", "a\ntouch pwned", "'a'", "\"a\"", "a b", "$HOME", "${PATH}", "a#b", "a=b", "~", "*",
                "a\\", "a\r", "a>pwned", "<pwned", "!!", "a\u0000b", "tok\u00e9n", "-x", "");
        Arbitrary<String> mixed = Arbitraries.strings().withChars("aZ09_.:+-$`;&|<>'\"\\ \n\t#*~!(){}=")
                .ofMaxLength(24);
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32);
        return Arbitraries.oneOf(payloads, mixed, plain);
    }
}
