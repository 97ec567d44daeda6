package com.kitesession.otp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** RFC 6238 time-based one-time passwords as Kite's external TOTP uses them: HMAC-SHA1, 30 s step, 6 digits. */
public final class Totp {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int DIGITS = 6;
    private static final String ALGORITHM = TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** The 6-digit code (zero-padded) for the 30 s step containing {@code at}. */
    public static String code(String base32Secret, Instant at) {
        SecretKeySpec key = new SecretKeySpec(decode(base32Secret), ALGORITHM);
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, ALGORITHM)
                    .generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable TOTP secret", e);
        }
    }

    /** True if {@code code} is the code of the step at {@code at} or of up to {@code windowsOfTolerance} steps either side. */
    public static boolean verify(String base32Secret, String code, Instant at, int windowsOfTolerance) {
        if (windowsOfTolerance < 0) throw new IllegalArgumentException("windowsOfTolerance < 0");
        if (code == null) return false;
        String digits = code.strip();
        if (!digits.matches("[0-9]{" + DIGITS + "}")) return false;
        byte[] given = digits.getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (int w = -windowsOfTolerance; w <= windowsOfTolerance; w++) {
            byte[] expected = code(base32Secret, at.plus(STEP.multipliedBy(w))).getBytes(StandardCharsets.US_ASCII);
            match |= MessageDigest.isEqual(expected, given); // constant time, and no early exit
        }
        return match;
    }

    /** A fresh 160-bit secret as 32 base32 characters (no padding needed). */
    public static String randomSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes);
    }

    /** Base32 as people copy it: any case, spaces or dashes between groups, padding optional. */
    static byte[] decode(String base32Secret) {
        if (base32Secret == null) throw new IllegalArgumentException("no TOTP secret");
        String clean = base32Secret.replaceAll("[\\s-]", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (clean.isEmpty() || !clean.matches("[A-Z2-7]+")) {
            throw new IllegalArgumentException("TOTP secret is not base32 (letters A-Z and digits 2-7)");
        }
        return new Base32().decode(clean);
    }
}
