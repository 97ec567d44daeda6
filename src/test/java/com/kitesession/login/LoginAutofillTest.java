package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.kitesession.login.LoginAutofill.Result;
import com.kitesession.otp.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginAutofillTest {
    /** Everything that has broken out of a hand-built JavaScript string somewhere. */
    static final String NASTY = "p\"a'ss\\wo`rd${x}</script><script>alert(1)</script><!-- \u2028\u2029\n\r\t\0 é 😀 ]]>";
    private static final String SECRET = "KITESIMULATORDEMOSECRETTOTPABCDE";
    private static final LoginOrigin KITE = LoginOrigin.of("https://kite.zerodha.com/connect/login").orElseThrow();

    @Test
    void credentialsTravelOnlyInsideOneJsonLiteral() {
        String script = LoginAutofill.credentialsScript(KITE, "AB\"1234", NASTY);
        JsonObject args = arguments(script);
        assertEquals("credentials", args.get("step").getAsString());
        JsonArray fields = args.getAsJsonArray("fields");
        assertEquals("userid", fields.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("AB\"1234", fields.get(0).getAsJsonObject().get("value").getAsString());
        assertEquals("password", fields.get(1).getAsJsonObject().get("name").getAsString());
        assertEquals(NASTY, fields.get(1).getAsJsonObject().get("value").getAsString());
    }

    @Test
    void nothingCanBreakOutOfTheLiteral() {
        String script = LoginAutofill.credentialsScript(KITE, "</script>", NASTY);
        assertFalse(script.toLowerCase().contains("</script"), "an HTML parser would end the script there");
        assertFalse(script.contains("<!--"));
        assertFalse(script.contains("\u2028") || script.contains("\u2029"), "line ends to older JavaScript");
        assertFalse(script.contains("\n\r") || script.contains("\0"));
        // The program around the literal is the same whatever the values: the values stay data.
        assertTrue(script.startsWith(LoginAutofill.PROGRAM + "("));
        assertTrue(script.endsWith(");"));
        String literal = script.substring(LoginAutofill.PROGRAM.length() + 1, script.length() - 2);
        assertFalse(literal.contains("'") || literal.contains("<") || literal.contains(">"), literal);
    }

    @Test
    void aMissingPasswordFillsOnlyTheUserId() {
        JsonArray fields = arguments(LoginAutofill.credentialsScript(KITE, "AB1234", null)).getAsJsonArray("fields");
        assertEquals(1, fields.size());
        assertEquals("userid", fields.get(0).getAsJsonObject().get("name").getAsString());
        assertThrows(NullPointerException.class, () -> LoginAutofill.credentialsScript(KITE, null, "x"));
    }

    @Test
    void twoFactorAndPageStepScripts() {
        JsonObject twofa = arguments(LoginAutofill.twoFactorScript(KITE, "012345"));
        assertEquals("twofa", twofa.get("step").getAsString());
        assertEquals("012345", twofa.getAsJsonArray("fields").get(0).getAsJsonObject().get("value").getAsString());
        JsonObject step = arguments(LoginAutofill.pageStepScript(KITE));
        assertEquals(0, step.getAsJsonArray("fields").size());
        assertEquals("https://kite.zerodha.com", step.get("origin").getAsString(), "the page checks location.origin against it");
    }

    @Test
    void theScriptsNeverSubmit() {
        for (String script : List.of(LoginAutofill.credentialsScript(KITE, "AB1234", "pw"), LoginAutofill.twoFactorScript(KITE, "123456"))) {
            assertFalse(script.contains("submit()") || script.contains("requestSubmit") || script.contains(".click("), script);
        }
    }

    @Test
    void parsesWhatTheScriptReturns() {
        Result r = Result.parse("{\"step\":\"credentials\",\"filled\":[\"userid\",\"password\"],\"missing\":[]}");
        assertEquals(new Result("credentials", List.of("userid", "password"), List.of()), r);
        assertTrue(r.applied());

        Result partial = Result.parse("{\"step\":\"credentials\",\"filled\":[\"userid\"],\"missing\":[\"password\"]}");
        assertFalse(partial.applied(), "the person still has to type the password");
        assertEquals(List.of("password"), partial.missing());

        Result none = Result.parse("{\"step\":\"none\",\"filled\":[],\"missing\":[\"code\"]}");
        assertFalse(none.applied());
        assertEquals(List.of("code"), none.missing());
        assertTrue(Result.parse("{\"step\":\"twofa\",\"filled\":[\"code\"],\"missing\":[]}").applied());
    }

    @Test
    void parseIsTolerant() {
        for (Object bad : new Object[] {null, "", "undefined", "not json", "[1,2]", "{\"step\":42}", "{\"step\":\"hacked\",\"filled\":[\"userid\"]}",
                "{\"filled\":\"userid\"}", "{\"step\":\"twofa\",\"filled\":{\"a\":1}}", "{", "[".repeat(10_000), Boolean.TRUE, 7, new Object()}) {
            Result r = Result.parse(bad);
            assertFalse(r.applied(), String.valueOf(bad).length() > 40 ? "deep nesting" : String.valueOf(bad));
            assertEquals(bad instanceof String s && s.contains("hacked") ? List.of("userid") : List.of(), r.filled());
        }
        Result mixed = Result.parse("{\"step\":\"twofa\",\"filled\":[\"code\",3,null,{}],\"missing\":null}");
        assertEquals(new Result("twofa", List.of("code"), List.of()), mixed);
        assertEquals("none", Result.parse(null).step());
        assertEquals("none", Result.parse("{\"step\":\"hacked\"}").step());
        Result off = Result.parse("{\"step\":\"twofa\",\"filled\":[\"code\"],\"missing\":[],\"offOrigin\":true}");
        assertTrue(off.offOrigin());
        assertFalse(off.applied(), "a page on another origin never counts as filled");
        assertFalse(Result.parse("{\"step\":\"twofa\",\"offOrigin\":\"yes\"}").offOrigin());
    }

    @Test
    void theProgramHasNoCatchAllSelector() {
        // The old catch-all, input[type=number], filled a code into any page with a number field.
        assertFalse(LoginAutofill.PROGRAM.contains("input[type=number]"));
        assertTrue(LoginAutofill.PROGRAM.contains("window.location.origin"));
    }

    @Test
    void resultToStringCarriesNamesOnly() {
        String s = Result.parse("{\"step\":\"credentials\",\"filled\":[\"userid\",\"password\"],\"missing\":[]}").toString();
        assertEquals("Result[step=credentials, filled=[userid, password], missing=[], offOrigin=false, notReady=false]", s);
    }

    @Test
    void codeForUsesTheCorrectedTime() {
        Instant trueNow = Instant.parse("2026-11-23T04:30:10Z");
        Instant computerClock = trueNow.minusSeconds(45); // this computer runs 45 s behind
        Duration measuredOffset = Duration.ofSeconds(45);
        String code = LoginAutofill.codeFor(SECRET, computerClock.plus(measuredOffset));
        assertEquals(Totp.code(SECRET, trueNow), code);
        assertNotEquals(Totp.code(SECRET, computerClock), code, "the raw clock gives another step's code");
        assertTrue(code.matches("[0-9]{6}"));
        assertEquals(code, LoginAutofill.codeFor("kite simu lato rdem osec rett otpa bcde", trueNow), "stored secrets are normalised");
        assertThrows(IllegalArgumentException.class, () -> LoginAutofill.codeFor("nope", trueNow));
        assertThrows(NullPointerException.class, () -> LoginAutofill.codeFor(SECRET, null));
    }

    /** The one JSON argument of the generated script, parsed back with Gson. */
    static JsonObject arguments(String script) {
        assertTrue(script.startsWith(LoginAutofill.PROGRAM + "(") && script.endsWith(");"), "program(literal);");
        String literal = script.substring(LoginAutofill.PROGRAM.length() + 1, script.length() - 2);
        return new Gson().fromJson(literal, JsonObject.class);
    }
}
