package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.secrets.SecretNames;
import com.kitesession.session.KiteProfile;
import com.kitesession.storage.AppSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile remove}: the profile and every secret filed under it, confirmed at a terminal or by --yes. */
class ProfileRemoveCommandTest {
    @TempDir
    Path dir;
    private CliFixture f;
    private String token;

    /** "My app" (p1, the default) logged in with every secret stored; "Other app" (p2) beside it. */
    @BeforeEach
    void start() throws Exception {
        f = new CliFixture(dir);
        token = f.loggedIn(f.profile("p1", "My app"));
        f.secrets.store(SecretNames.apiSecret("p1"), f.account.apiSecret());
        f.secrets.store(SecretNames.password("p1"), f.account.password());
        f.secrets.store(SecretNames.totpSecret("p1"), f.account.totpSecretBase32());
        f.remember(f.profile("p2", "Other app"), null, null);
        f.secrets.store(SecretNames.apiSecret("p2"), "otherAppSecret");
        f.settings(s -> s.defaultProfileId = "p1");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private AppSettings settings() {
        return f.store.load().settings();
    }

    private List<String> names() {
        return settings().profiles.stream().map(KiteProfile::name).toList();
    }

    private void assertP1Kept() throws Exception {
        assertEquals(List.of("My app", "Other app"), names());
        assertEquals(token, f.secrets.load(SecretNames.accessToken("p1")).orElseThrow());
    }

    @Test
    void yesRemovesTheProfileItsSessionAndEverySecretFiledUnderIt() throws Exception {
        assertEquals(0, f.profileCommand("remove", "my APP", "--yes"), f.err());
        assertEquals("Removed profile 'My app' (id p1) and its secrets.", f.out().strip());
        assertEquals(List.of("Other app"), names());
        assertFalse(settings().sessions.containsKey("p1"));
        for (String name : SecretNames.all("p1")) assertTrue(f.secrets.load(name).isEmpty(), name);
        assertEquals("otherAppSecret", f.secrets.load(SecretNames.apiSecret("p2")).orElseThrow(), "the other one's stay");
        assertEquals("", f.err(), "one profile left: `token` takes the only one");
        assertFalse(f.out().contains(token) || f.err().contains(token));
    }

    @Test
    void removingTheDefaultAmongSeveralSaysTokenNowNeedsAProfile() throws Exception {
        f.remember(f.profile("p3", "Third app"), null, null);
        assertEquals(0, f.profileCommand("remove", "My app", "--yes"), f.err());
        assertTrue(f.err().startsWith("Note: it was the default profile and none is now: give `kite-session token` a --profile"),
                f.err());
        assertEquals(2, f.token());
        assertTrue(f.err().contains("none is the default; choose one with --profile"), f.err());
    }

    @Test
    void theIdWorksAsWellAsTheName() throws Exception {
        assertEquals(0, f.profileCommand("remove", "--yes", "p2"), f.err());
        assertEquals(List.of("My app"), names());
        assertEquals("", f.err(), "not the default: nothing to note");
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsRemoved() throws Exception {
        assertEquals(2, f.profileCommand("remove", "My app"));
        assertTrue(f.err().startsWith("profile remove: there is no terminal to confirm on, so nothing was removed;"
                + " add --yes to remove 'My app' (id p1) without asking"), f.err());
        assertTrue(f.err().contains("usage: kite-session profile remove NAME|ID [--yes]"), f.err());
        assertEquals("", f.out());
        assertP1Kept();
    }

    @Test
    void atATerminalThePersonConfirms() throws Exception {
        f.terminal = new ScriptedTerminal("n");
        assertEquals(0, f.profileCommand("remove", "My app"));
        assertEquals("Nothing was removed.", f.out().strip());
        assertTrue(f.terminal.prompts.get(0).startsWith("Remove profile 'My app' (id p1) with its stored api_secret and tokens?"),
                f.terminal.prompts.toString());
        assertP1Kept();

        f.terminal = new ScriptedTerminal(); // Ctrl-D
        assertEquals(0, f.profileCommand("remove", "My app"));
        assertP1Kept();

        f.terminal = new ScriptedTerminal(" Yes ");
        assertEquals(0, f.profileCommand("remove", "My app"), f.err());
        assertEquals(List.of("Other app"), names());
    }

    @Test
    void anUnknownProfileIsAUsageErrorWordedAsTokenWordsIt() {
        assertEquals(2, f.profileCommand("remove", "Paper", "--yes"));
        String problem = "no profile is called 'Paper' (there are 'My app', 'Other app')";
        assertTrue(f.err().startsWith("profile remove: " + problem), f.err());
        assertEquals(2, f.token("--profile", "Paper"));
        assertTrue(f.err().startsWith("token: " + problem), f.err());
    }

    @Test
    void oneProfileMustBeNamed() throws Exception {
        assertEquals(2, f.profileCommand("remove", "--yes"));
        assertTrue(f.err().startsWith("profile remove: give the name or the id of the profile to remove"), f.err());
        assertEquals(2, f.profileCommand("remove", "My", "app", "--yes"));
        assertTrue(f.err().startsWith("profile remove: give one profile at a time (a name with spaces goes in quotes)"), f.err());
        assertEquals(2, f.profileCommand("remove", "My app", "--force"));
        assertTrue(f.err().startsWith("profile remove: unknown option --force"), f.err());
        assertEquals(2, f.profileCommand("remove", "My app", "--yes", "--yes"));
        assertTrue(f.err().startsWith("profile remove: --yes was given twice"), f.err());
        assertP1Kept();
    }

    @Test
    void aLockedSecretStoreKeepsTheProfile() throws Exception {
        f.lockSecrets();
        assertEquals(5, f.profileCommand("remove", "My app", "--yes"));
        assertTrue(f.err().contains("The profile was kept."), f.err());
        assertTrue(f.err().contains("Set KITE_SESSION_PASSPHRASE"), f.err());
        assertEquals(List.of("My app", "Other app"), names());
    }
}
