package com.kitesession.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the window's last login attempt per profile ended without a session (cancelled, failed),
 * for commands that wait on the window ({@code token --wait}, {@code login}): a session that
 * lands needs no signal, it is in the store. A small file beside settings.json, one line per
 * profile ({@code KIND EPOCH-MILLIS PROFILE-ID}), written atomically. Only ids and times: no secret.
 */
public final class LoginOutcomes {
    public static final String FILE = "login-outcomes.txt";
    /** Far more than any outcome file holds; a larger one is not ours and reads as empty. */
    private static final int LIMIT = 64 * 1024;

    /** How an attempt ended without a session. */
    public enum Kind { CANCELLED, FAILED }

    public record Outcome(Kind kind, Instant at) {}

    private final Path file;

    public LoginOutcomes(Path settingsFolder) {
        this.file = settingsFolder.resolve(FILE);
    }

    /** Records how {@code profileId}'s attempt ended, replacing its earlier outcome. */
    public synchronized void record(String profileId, Kind kind, Instant at) throws IOException {
        Map<String, Outcome> all = readAll();
        all.put(profileId, new Outcome(kind, at));
        StringBuilder text = new StringBuilder();
        all.forEach((id, o) -> text.append(o.kind()).append(' ').append(o.at().toEpochMilli()).append(' ').append(id)
                .append('\n'));
        AtomicFiles.write(file, text.toString());
    }

    /** The last recorded outcome for {@code profileId}; empty when none (or the file cannot be read). */
    public Optional<Outcome> last(String profileId) {
        try {
            return Optional.ofNullable(readAll().get(profileId));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Map<String, Outcome> readAll() throws IOException {
        Map<String, Outcome> all = new LinkedHashMap<>();
        String text;
        try {
            text = new String(AtomicFiles.readBounded(file, LIMIT), StandardCharsets.UTF_8);
        } catch (NoSuchFileException | AtomicFiles.TooLargeException e) {
            return all;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length != 3) continue;
            try {
                all.put(parts[2], new Outcome(Kind.valueOf(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
            } catch (IllegalArgumentException skipped) {
                // A line that is not ours (hand-edited): ignored.
            }
        }
        return all;
    }
}
