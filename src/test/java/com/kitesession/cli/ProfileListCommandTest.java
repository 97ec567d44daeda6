package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.secrets.SecretNames;
import com.kitesession.session.KiteProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile list}: the app details and the window's state words, or JSON; never a secret. */
class ProfileListCommandTest {
    @TempDir
    Path dir;
    private CliFixture f;
    private String liveToken;

    /** "My app": logged in at 10:00 IST, the default; "New app": never logged in, its api_secret stored. */
    @BeforeEach
    void start() throws Exception {
        f = new CliFixture(dir);
        KiteProfile live = f.profile("p1", "My app");
        liveToken = f.loggedIn(live);
        f.secrets.store(SecretNames.apiSecret("p1"), f.account.apiSecret());
        KiteProfile fresh = new KiteProfile("p2", "New app", "otherkey", "http://127.0.0.1/kite-redirect", null,
                f.sim.baseUrl(), f.sim.baseUrl());
        f.remember(fresh, null, null);
        f.secrets.store(SecretNames.apiSecret("p2"), "secondAppSecret");
        f.settings(s -> s.defaultProfileId = "p1");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void assertNoSecret() {
        for (String secret : List.of(liveToken, f.account.apiSecret(), "secondAppSecret")) {
            assertFalse(f.out().contains(secret) || f.err().contains(secret), "never a secret");
        }
    }

    @Test
    void theTableShowsTheAppDetailsAndTheWindowsStateWords() {
        assertEquals(0, f.profileCommand("list"), f.err());
        List<String> lines = f.out().lines().toList();
        assertEquals(3, lines.size(), f.out());
        assertTrue(lines.get(0).matches("PROFILE +ID +API KEY +REDIRECT URL +SESSION"), lines.get(0));
        assertTrue(lines.get(1).matches("My app \\(default\\) +p1 +" + f.account.apiKey() + " +"
                + f.account.redirectUrl().replace(".", "\\.") + " +active, 20:00:00 left"), lines.get(1));
        assertTrue(lines.get(2).matches("New app +p2 +otherkey +http://127\\.0\\.0\\.1/kite-redirect +not logged in"),
                lines.get(2));
        assertEquals("", f.err());
        assertNoSecret();
    }

    @Test
    void jsonIsForScriptsAndHoldsNoSecret() {
        f.clock.advance(Duration.ofHours(19).plusMinutes(45)); // 05:45 IST: expiring soon
        assertEquals(0, f.profileCommand("list", "--json"), f.err());
        assertNoSecret();
        JsonArray all = JsonParser.parseString(f.out()).getAsJsonArray();
        assertEquals(2, all.size());
        JsonObject live = all.get(0).getAsJsonObject();
        assertEquals("My app", live.get("name").getAsString());
        assertEquals("p1", live.get("id").getAsString());
        assertEquals(f.account.apiKey(), live.get("api_key").getAsString());
        assertEquals(f.account.redirectUrl(), live.get("redirect_url").getAsString());
        assertEquals(f.account.userId(), live.get("user_id").getAsString());
        assertTrue(live.get("default").getAsBoolean());
        assertEquals("EXPIRING_SOON", live.get("state").getAsString());
        assertEquals("expiring soon", live.get("state_label").getAsString());
        assertEquals(List.of("name", "id", "api_key", "redirect_url", "user_id", "default", "state", "state_label"),
                List.copyOf(live.keySet()), "no field for a secret");

        JsonObject fresh = all.get(1).getAsJsonObject();
        assertFalse(fresh.get("default").getAsBoolean());
        assertTrue(fresh.get("user_id").isJsonNull());
        assertEquals("NOT_LOGGED_IN", fresh.get("state").getAsString());
    }

    @Test
    void noProfilesSaysHowToAddOne() throws Exception {
        f.settings(s -> {
            s.removeProfile("p1");
            s.removeProfile("p2");
        });
        assertEquals(0, f.profileCommand("list"));
        assertEquals("No profiles yet. Add one with `kite-session profile add` or in Kite Session Manager.", f.out().strip());
        assertEquals(0, f.profileCommand("list", "--json"));
        assertEquals("[]", f.out().strip());
    }

    @Test
    void aLockedSecretStoreSaysWhichVariableToSet() {
        f.lockSecrets();
        assertEquals(5, f.profileCommand("list"));
        assertEquals("", f.out());
        assertTrue(f.err().contains("Set KITE_SESSION_PASSPHRASE to the passphrase of encrypted file"), f.err());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertEquals(2, f.profileCommand("list", "--yaml"));
        assertEquals("", f.out());
        assertTrue(f.err().startsWith("profile list: unknown option --yaml"), f.err());
        assertTrue(f.err().contains("usage: kite-session profile list [--json]"), f.err());
        assertEquals(2, f.profileCommand("list", "--json", "--json"));
        assertTrue(f.err().contains("--json was given twice"), f.err());
    }
}
