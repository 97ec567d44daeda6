package com.kitesession.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogRedactorTest {
    private static final String M = LogRedactor.MASK;

    @AfterEach
    void forgetSecrets() {
        LogRedactor.clearRegisteredSecrets();
    }

    @Test
    void tokensInUrlsAreMaskedAndTheRestOfTheUrlKept() {
        assertEquals("http://127.0.0.1/kite-redirect?action=login&type=login&status=success&request_token=" + M + "&x=1",
                LogRedactor.redact("http://127.0.0.1/kite-redirect?action=login&type=login&status=success"
                        + "&request_token=q8Zx1LmA0eR&x=1"));
        assertEquals("GET /user/profile?access_token=" + M + " api_key=kitedemo",
                LogRedactor.redact("GET /user/profile?access_token=tok_123 api_key=kitedemo"));
    }

    @Test
    void formBodiesMaskTheSecretsAndKeepTheUserId() {
        assertEquals("api_key=kitedemo&request_token=" + M + "&checksum=" + M,
                LogRedactor.redact("api_key=kitedemo&request_token=rt42abc&checksum=ab12cd"));
        assertEquals("user_id=AB1234&password=" + M + "&twofa_value=" + M,
                LogRedactor.redact("user_id=AB1234&password=hunter2!&twofa_value=123456"));
    }

    @Test
    void jsonValuesAreMaskedWhateverTheirSpacing() {
        String json = "{\"status\":\"success\",\"data\":{\"user_id\":\"AB1234\",\"access_token\" : \"tok\\\"en\","
                + "\"public_token\":\"pub\",\"enctoken\":\"enc\",\"api_secret\":42}}";
        assertEquals("{\"status\":\"success\",\"data\":{\"user_id\":\"AB1234\",\"access_token\" : \"" + M + "\","
                + "\"public_token\":\"" + M + "\",\"enctoken\":\"" + M + "\",\"api_secret\":\"" + M + "\"}}",
                LogRedactor.redact(json));
    }

    @Test
    void jsonEscapedInsideAStringIsMaskedToo() {
        String text = "body=\"{\\\"access_token\\\":\\\"abcdef\\\",\\\"user_id\\\":\\\"AB1234\\\"}\"";
        String out = LogRedactor.redact(text);
        assertFalse(out.contains("abcdef"), out);
        assertTrue(out.contains("AB1234"), out);
    }

    @Test
    void authorizationHeadersAreMaskedInEveryShape() {
        assertEquals("Authorization: token " + M, LogRedactor.redact("Authorization: token kitedemo:acc3ssTok"));
        assertEquals("authorization: Bearer " + M, LogRedactor.redact("authorization: Bearer abc.def"));
        assertEquals("{Authorization=[token " + M + "], X-Kite-Version=[3]}",
                LogRedactor.redact("{Authorization=[token kitedemo:acc3ssTok], X-Kite-Version=[3]}"));
        assertEquals("{\"Authorization\":\"token " + M + "\"}",
                LogRedactor.redact("{\"Authorization\":\"token kitedemo:acc3ssTok\"}"));
    }

    @Test
    void proseEnvLinesAndOtpauthLinksAreMasked() {
        assertEquals("api_secret: " + M + ", next", LogRedactor.redact("api_secret: s3cr3t, next"));
        assertEquals("api-secret: " + M, LogRedactor.redact("api-secret: s3cr3t"));
        assertEquals("totp-secret: " + M, LogRedactor.redact("totp-secret: JBSWY3DPEHPK3PXP"));
        assertEquals("access token: " + M, LogRedactor.redact("access token: abc"));
        assertEquals("KITE_ACCESS_TOKEN=" + M, LogRedactor.redact("KITE_ACCESS_TOKEN=abc"));
        assertEquals("KITE_API_SECRET=" + M, LogRedactor.redact("KITE_API_SECRET=\"quoted value\""));
        assertEquals("otpauth://totp/Kite:AB1234?secret=" + M + "&issuer=Kite",
                LogRedactor.redact("otpauth://totp/Kite:AB1234?secret=JBSWY3DPEHPK3PXP&issuer=Kite"));
        assertEquals("Cookie: " + M, LogRedactor.redact("Cookie: enctoken=abc; kf_session=def"));
        assertEquals("enctoken=" + M + "; kf_session=" + M, LogRedactor.redact("enctoken=abc; kf_session=def"));
    }

    @Test
    void tokenShapedWordsAreMaskedOnTheirOwn() {
        String token = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
        assertEquals("token " + M + " end", LogRedactor.redact("token " + token + " end"));
        String checksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertEquals("sum " + M, LogRedactor.redact("sum " + checksum));
    }

    @Test
    void kitesOwnMessagesAndStackTracesStayReadable() {
        for (String plain : new String[] {
            "com.kitesession.kite.KiteApiException: Kite refused the request: Token is invalid or has expired. (HTTP 403, TokenException)",
            "Incorrect `api_key` or `access_token`.",
            "Invalid `checksum`.",
            "\tat com.kitesession.kite.KiteClient.generateSession(KiteClient.java:120)",
            "liveness of profile p-1: REFUSED (TokenException, HTTP 403)",
            "Kite simulator listening on http://127.0.0.1:38211",
            "api_key=kitedemo user_id=AB1234",
            "AbstractSingleInstanceHandoffListenerFactory",
        }) {
            assertEquals(plain, LogRedactor.redact(plain));
        }
    }

    @Test
    void registeredSecretsAreMaskedWhereverTheyAppearAlsoUrlEncoded() {
        LogRedactor.registerSecret("p@ss word!");
        LogRedactor.registerSecret("ZXCVBNMasdfgh");
        assertEquals("typed " + M + " into the page, sent " + M + ", saw " + M + "ZZ",
                LogRedactor.redact("typed p@ss word! into the page, sent p%40ss+word%21, saw ZXCVBNMasdfghZZ"));
    }

    @Test
    void aRegisteredSecretContainingAnotherGoesWhole() {
        LogRedactor.registerSecret("abcd");
        LogRedactor.registerSecret("abcdefgh");
        assertEquals("x " + M + " y", LogRedactor.redact("x abcdefgh y"));
    }

    @Test
    void blankAndVeryShortValuesAreNotRegistered() {
        LogRedactor.registerSecret(null);
        LogRedactor.registerSecret("   ");
        LogRedactor.registerSecret("123");
        assertEquals("123 is a number", LogRedactor.redact("123 is a number"));
    }
}
