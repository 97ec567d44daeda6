package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's note of how a profile's last login ended without a session, as commands read it. */
class LoginOutcomesTest {
    private static final Instant AT = Instant.parse("2026-11-23T04:30:00Z");

    @TempDir
    Path dir;

    @Test
    void eachProfileKeepsItsLastOutcome() throws Exception {
        LoginOutcomes outcomes = new LoginOutcomes(dir);
        assertTrue(outcomes.last("p1").isEmpty());
        outcomes.record("p1", LoginOutcomes.Kind.FAILED, AT);
        outcomes.record("p2", LoginOutcomes.Kind.CANCELLED, AT.plusSeconds(1));
        outcomes.record("p1", LoginOutcomes.Kind.CANCELLED, AT.plusSeconds(2));
        LoginOutcomes read = new LoginOutcomes(dir);
        assertEquals(Optional.of(new LoginOutcomes.Outcome(LoginOutcomes.Kind.CANCELLED, AT.plusSeconds(2))), read.last("p1"));
        assertEquals(Optional.of(new LoginOutcomes.Outcome(LoginOutcomes.Kind.CANCELLED, AT.plusSeconds(1))), read.last("p2"));
    }

    @Test
    void idsWithSpacesAndHandEditedLinesAreHandled() throws Exception {
        Files.writeString(dir.resolve(LoginOutcomes.FILE), "garbage\nMAYBE 12 p1\nCANCELLED x p1\n");
        LoginOutcomes outcomes = new LoginOutcomes(dir);
        assertTrue(outcomes.last("p1").isEmpty());
        outcomes.record("my profile", LoginOutcomes.Kind.FAILED, AT);
        assertEquals(LoginOutcomes.Kind.FAILED, outcomes.last("my profile").orElseThrow().kind());
    }
}
