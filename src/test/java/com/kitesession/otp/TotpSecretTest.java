package com.kitesession.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TotpSecretTest {
    /** ASCII "12345678901234567890", the RFC 6238 SHA-1 test key. */
    private static final String RFC = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void kiteStyleGroupedKeyInAnyCase() {
        assertEquals(RFC, TotpSecret.normalize("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"));
        assertEquals(RFC, TotpSecret.normalize("gezd-gnbv-gy3t-qojq-gezd-gnbv-gy3t-qojq"));
        assertEquals(RFC, TotpSecret.normalize("  gezdgnbvgy3tqojqGEZDGNBVGY3TQOJQ\n"));
        assertEquals(RFC, TotpSecret.normalize(RFC));
    }

    @Test
    void paddingIsDroppedAndTheCodesStayTheSame() {
        String padded = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQ===";  // 18 bytes, padded to a multiple of 8
        String canonical = TotpSecret.normalize(padded);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQ", canonical);
        assertEquals(Totp.code(padded, Instant.ofEpochSecond(59)), Totp.code(canonical, Instant.ofEpochSecond(59)));
        assertEquals("287082", Totp.code(TotpSecret.normalize("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), Instant.ofEpochSecond(59)));
    }

    @Test
    void otpauthLinkWithLabelAndIssuer() {
        assertEquals(RFC, TotpSecret.normalize("otpauth://totp/Kite:AB1234?secret=" + RFC + "&issuer=Kite&algorithm=SHA1&digits=6&period=30"));
        assertEquals(RFC, TotpSecret.normalize("otpauth://totp/Kite%3AAB%201234?issuer=Kite&secret=" + RFC.toLowerCase(Locale.ROOT)));
        assertEquals(RFC, TotpSecret.normalize("OTPAUTH://TOTP/Kite?SECRET=" + RFC + "&Algorithm=sha1&digits=06"));
        assertEquals(RFC, TotpSecret.normalize("otpauth://totp?secret=" + RFC));
    }

    @Test
    void linksForOtherAlgorithmsDigitsOrPeriodsAreRefusedInPlainWords() {
        String base = "otpauth://totp/Kite:AB1234?secret=" + RFC + "&issuer=Kite";
        assertTrue(refusal(base + "&algorithm=SHA256").contains("SHA256"));
        assertTrue(refusal(base + "&algorithm=SHA256").contains("SHA1"));
        assertTrue(refusal(base + "&digits=8").contains("6 digits"));
        assertTrue(refusal(base + "&period=60").contains("30 seconds"));
        assertTrue(refusal("otpauth://hotp/Kite?secret=" + RFC + "&counter=1").contains("HOTP"));
        assertTrue(refusal("otpauth://totp/Kite?issuer=Kite").contains("no secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a secret!", "GEZDGNBVGY3TQOJ1GEZDGNBVGY3TQOJQ", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQA",
            "GEZD=GNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "otpauth://totp/Kite%ZZ?secret=" + RFC, "otpauth://steam/Kite?secret=" + RFC,
            "https://kite.zerodha.com/?secret=" + RFC})
    void garbageIsRefused(String input) {
        String message = refusal(input);
        assertTrue(message.startsWith("That "), message);
    }

    @Test
    void nullIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.normalize(null));
    }

    @Test
    void tooShortToBeASecret() {
        assertEquals("GEZDGNBVGY3TQOJQ", TotpSecret.normalize("GEZDGNBVGY3TQOJQ")); // exactly 10 bytes
        assertTrue(refusal("GEZDGNBVGY3TQOA").contains("too short"));      // 9 bytes
        assertTrue(refusal("otpauth://totp/Kite?secret=GEZDGNBV").contains("too short"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"KITESIMULATORDEMOSECRETTOTPABCDE1", "KITESIMULATORDEMOSECRETTOTPAB!CDE", "KITESIMULATOR",
            "otpauth://totp/Kite?secret=KITESIMULATORDEMOSECRETTOTPABCDE&algorithm=MD5",
            "otpauth://totp/Kite?secret=KITESIMULATORDEMOSECRETTOTPABCDE&digits=8",
            "otpauth://totp/Kite?secret=KITESIMULATORDEMOSECRETTOTPABCDE&period=60",
            "otpauth://totp/Kite?secret=KITESIMULATORDEMOSECRETTOTPABCDE%G1",
            "otpauth://totp/Kite?secret=KITESIMU"})
    void theMessageNeverRepeatsTheSecret(String input) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TotpSecret.normalize(input));
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toUpperCase(Locale.ROOT);
            assertFalse(message.contains("KITESIMU"), message);
        }
    }

    private static String refusal(String input) {
        return assertThrows(IllegalArgumentException.class, () -> TotpSecret.normalize(input)).getMessage();
    }
}
