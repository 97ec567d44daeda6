package com.kitesession.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The profile editor's fields on Save: the checks, what is stored, what is kept. */
class ProfileFormTest {
    private static final String REDIRECT = RedirectUrlCheck.SUGGESTED;
    private static final String TOTP = "KITESIMULATORDEMOSECRETTOTPABCDE";

    private static ProfileForm form(String name, String apiKey, String apiSecret) {
        return new ProfileForm(name, apiKey, apiSecret, REDIRECT, "", false, "", "");
    }

    private static ProfileForm oneClick(String password, String totp) {
        return new ProfileForm("Main", "myapikey", "mysecret", REDIRECT, "AB1234", true, password, totp);
    }

    private static String problem(ProfileForm form, boolean secretStored) {
        return form.problem(secretStored).orElse("");
    }

    @Test
    void aCompleteFormHasNoProblem() {
        assertEquals(Optional.empty(), form("Main", "myapikey", "mysecret").problem(false));
        assertEquals(Optional.empty(), oneClick("pw", TOTP).problem(false));
        assertEquals(Optional.empty(), form(" Main ", "  myapikey ", "mysecret").problem(false),
                "the api_key is stripped before it is checked");
    }

    @Test
    void eachCheckSaysWhatIsWrong() {
        assertTrue(problem(form("", "myapikey", "mysecret"), false).startsWith("Give the profile a name"));
        assertTrue(problem(form("   ", "myapikey", "mysecret"), false).startsWith("Give the profile a name"));
        assertTrue(problem(form("Main", "", "mysecret"), false).startsWith("Enter the api_key"));
        assertTrue(problem(form("Main", "my api key", "mysecret"), false).startsWith("The api_key has spaces in it"));
        assertTrue(problem(form("Main", "myapikey", " mysecret"), false).startsWith("The api_secret has spaces"));
        assertTrue(problem(new ProfileForm("Main", "myapikey", "mysecret", "not a url", "", false, "", ""), false)
                .startsWith("Redirect URL: "));
        assertTrue(problem(oneClick("pw", "not a secret!"), false).startsWith("That is not a TOTP secret"));
        assertTrue(problem(form("Main\naccount", "myapikey", "mysecret"), false).startsWith("The name has a tab"));
        assertTrue(problem(new ProfileForm("Main", "myapikey", "mysecret", REDIRECT, "AB\t1234", false, "", ""), false)
                .startsWith("The Kite user ID has a tab"));
        assertTrue(problem(oneClick("pw", "ABCDEFGH"), false).startsWith("That key is too short"));
    }

    @Test
    void aNewProfileNeedsASecretAStoredOneMayStay() {
        assertTrue(problem(form("Main", "myapikey", ""), false).startsWith("Enter the app's api_secret"));
        assertTrue(problem(form("Main", "myapikey", null), false).startsWith("Enter the app's api_secret"));
        assertEquals(Optional.empty(), form("Main", "myapikey", "").problem(true));
        assertEquals(Optional.empty(), form("Main", "myapikey", "   ").problem(true));
        assertTrue(problem(form("Main", "myapikey", " new "), true).startsWith("The api_secret has spaces"),
                "a secret typed over a stored one is checked");
    }

    @Test
    void aBadTotpSecretCountsOnlyWithOneClick() {
        ProfileForm typed = new ProfileForm("Main", "myapikey", "mysecret", REDIRECT, "", false, "", "not a secret!");
        assertEquals(Optional.empty(), typed.problem(false));
        assertEquals(Optional.empty(), oneClick("pw", "  ").problem(false), "blank keeps the stored one");
    }

    @Test
    void applyToKeepsTheIdentityAndHostsAndTakesTheAppDetails() {
        KiteProfile before = new KiteProfile("id-1", "Old", "oldkey", "http://127.0.0.1/old", "ZZ9999",
                "http://127.0.0.1:1234", "http://127.0.0.1:1235");
        KiteProfile after = new ProfileForm(" New name ", " newkey ", "", " " + REDIRECT + " ", " AB1234 ", false, "", "")
                .applyTo(before);
        assertEquals(new KiteProfile("id-1", "New name", "newkey", REDIRECT, "AB1234", "http://127.0.0.1:1234",
                "http://127.0.0.1:1235"), after);
        assertNull(form("Main", "k", "s").applyTo(before).userId(), "a blank user id is none");
    }

    @Test
    void theApiSecretToSaveIsBlankToKeep() {
        assertEquals("mysecret", form("Main", "k", "mysecret").apiSecretToSave());
        assertEquals("", form("Main", "k", "").apiSecretToSave());
        assertEquals("", form("Main", "k", null).apiSecretToSave());
    }

    @Test
    void oneClickSecretsAreKeptWhenBlankAndForgottenWhenOff() {
        ProfileForm typed = oneClick("kite-password", "kite simu-lator demo secret totp abcde");
        assertEquals("kite-password", typed.passwordToSave());
        assertEquals(TOTP, typed.totpSecretToSave(), "normalised");
        assertEquals(TOTP, oneClick("", "otpauth://totp/Kite:AB1234?secret=" + TOTP + "&issuer=Kite").totpSecretToSave());

        ProfileForm blank = oneClick(" ", null);
        assertNull(blank.passwordToSave(), "null keeps the stored password");
        assertNull(blank.totpSecretToSave(), "null keeps the stored TOTP secret");

        ProfileForm off = new ProfileForm("Main", "k", "s", REDIRECT, "", false, "kite-password", TOTP);
        assertEquals("", off.passwordToSave(), "\"\" forgets it");
        assertEquals("", off.totpSecretToSave(), "\"\" forgets it");
    }

    @Test
    void anUncheckedTotpSecretIsNotStored() {
        assertThrows(IllegalArgumentException.class, () -> oneClick("pw", "not a secret!").totpSecretToSave());
    }

    @Test
    void toStringNeverShowsTheSecrets() {
        String shown = new ProfileForm("Main", "myapikey", "s3cr3t-api", REDIRECT, "AB1234", true, "p4ssw0rd", TOTP)
                .toString();
        assertFalse(shown.contains("s3cr3t-api"), shown);
        assertFalse(shown.contains("p4ssw0rd"), shown);
        assertFalse(shown.contains(TOTP), shown);
        assertTrue(shown.contains("myapikey") && shown.contains("AB1234"), shown);
    }
}
