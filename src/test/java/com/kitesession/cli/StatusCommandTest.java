package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir
    Path dir;
    private CliFixture f;
    private String liveToken;

    /** "My app": logged in at 10:00 IST today; "Old app": yesterday's token, dead since 06:00; "New app": never. */
    @BeforeEach
    void start() throws Exception {
        f = new CliFixture(dir);
        liveToken = f.loggedIn(f.profile("p1", "My app"));
        f.remember(f.profile("p2", "Old app"), "yesterdaysToken", new SessionRecord("DM1234", "Demo Trader",
                Instant.parse("2026-11-22T09:00:00Z"), Instant.parse("2026-11-23T00:30:00Z"), null, null));
        f.remember(f.profile("p3", "New app"), null, null);
        f.settings(s -> s.defaultProfileId = "p1");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void tableShowsEveryProfileStateAndTimeLeft() {
        assertEquals(0, f.status(), f.err());
        assertEquals(String.join("\n",
                "PROFILE           STATE          USER    TIME LEFT  EXPIRES",
                "My app (default)  active         DM1234  20:00:00   06:00 IST on Tue 24 Nov",
                "Old app           expired        DM1234  -          06:00 IST on Mon 23 Nov",
                "New app           not logged in  -       -          -",
                ""), f.out().replace(System.lineSeparator(), "\n"));
        assertEquals("", f.err());
        assertFalse(f.out().contains(liveToken) || f.out().contains("yesterdaysToken"), "never a secret");
    }

    @Test
    void jsonHasOneObjectPerProfile() {
        f.clock.advance(Duration.ofHours(19).plusMinutes(45)); // 05:45 IST: the live one is expiring soon
        assertEquals(0, f.status("--json"), f.err());
        assertFalse(f.out().contains(liveToken), "never a secret");
        JsonArray all = JsonParser.parseString(f.out()).getAsJsonArray();
        assertEquals(3, all.size());

        JsonObject live = all.get(0).getAsJsonObject();
        assertEquals("My app", live.get("profile").getAsString());
        assertEquals("p1", live.get("id").getAsString());
        assertEquals("EXPIRING_SOON", live.get("state").getAsString());
        assertEquals("expiring soon", live.get("state_label").getAsString());
        assertEquals("DM1234", live.get("user_id").getAsString());
        assertEquals("2026-11-24T06:00:00+05:30", live.get("expires_at").getAsString());
        assertEquals(15 * 60, live.get("seconds_left").getAsLong());

        JsonObject old = all.get(1).getAsJsonObject();
        assertEquals("EXPIRED", old.get("state").getAsString());
        assertEquals("2026-11-23T06:00:00+05:30", old.get("expires_at").getAsString());
        assertTrue(old.get("seconds_left").isJsonNull());

        JsonObject fresh = all.get(2).getAsJsonObject();
        assertEquals("NOT_LOGGED_IN", fresh.get("state").getAsString());
        assertTrue(fresh.get("user_id").isJsonNull());
        assertTrue(fresh.get("expires_at").isJsonNull());
        assertTrue(fresh.get("seconds_left").isJsonNull());
    }

    @Test
    void aRefusedSessionShowsAsInvalidatedEarly() throws Exception {
        f.sim.invalidateAccessTokens(f.account.userId());
        assertEquals(3, f.token("--profile", "My app", "--check"));
        assertEquals(0, f.status());
        assertTrue(f.out().lines().anyMatch(l -> l.startsWith("My app (default)  invalidated early")), f.out());
    }

    @Test
    void noProfilesSaysSo() throws Exception {
        f.settings(s -> {
            for (KiteProfile p : List.copyOf(s.profiles)) s.removeProfile(p.id());
        });
        assertEquals(0, f.status());
        assertEquals("No profiles yet. Add one with `kite-session profile add` or in Kite Session Manager.", f.out().strip());
        assertEquals(0, f.status("--json"));
        assertEquals("[]", f.out().strip());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertEquals(2, f.status("--yaml"));
        assertEquals("", f.out());
        assertTrue(f.err().contains("usage: kite-session status [--json]"), f.err());
    }

    @Test
    void anUnreadableSecretStoreIsExplained() {
        f.lockSecrets();
        assertEquals(5, f.status());
        assertTrue(f.err().contains("enter the passphrase first"), f.err());
    }
}
