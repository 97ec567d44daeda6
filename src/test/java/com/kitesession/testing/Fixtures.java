package com.kitesession.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Zerodha's own mock responses (zerodha/kiteconnect-mocks), copied from ../shared/kite-fixtures
 * into src/test/resources/kite-fixtures so a clone without shared/ still tests.
 * {@code FixturesInSyncTest} fails if the copy drifts from shared/.
 */
public final class Fixtures {
    public static final List<String> NAMES =
            List.of("generate_session.json", "profile.json", "full_profile.json", "session_logout.json");

    private Fixtures() {}

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/kite-fixtures/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
