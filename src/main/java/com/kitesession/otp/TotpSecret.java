package com.kitesession.otp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The TOTP secret as a person pastes it, made canonical for storage: upper-case base32 without
 * spaces, dashes or padding. Accepts the key Kite shows under "Can't scan? Copy this key" (any
 * case, grouped with spaces or dashes, '=' padding optional) or the otpauth:// link of the QR code.
 *
 * <p>No message of this class repeats the input: it is a secret, and messages end up on screen
 * and in logs.
 */
public final class TotpSecret {
    static final String NOT_A_SECRET = "That is not a TOTP secret: use the key Kite shows under "
            + "'Can't scan? Copy this key', or the otpauth:// link.";
    /** RFC 4226 asks for at least 128 bits; 80 bits (10 bytes) is the floor authenticators accept. */
    private static final int MIN_BYTES = 10;
    private static final String SCHEME = "otpauth://";

    private TotpSecret() {}

    /** Canonical upper-case base32 (no padding), or IllegalArgumentException in plain words. */
    public static String normalize(String input) {
        if (input == null || input.isBlank()) throw new IllegalArgumentException(NOT_A_SECRET);
        String text = input.strip();
        String base32 = text.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) ? fromOtpauth(text) : text;
        return canonicalBase32(base32);
    }

    /** otpauth://totp/LABEL?secret=..&issuer=..&algorithm=SHA1&digits=6&period=30 (only what Kite issues). */
    private static String fromOtpauth(String uri) {
        String rest = uri.substring(SCHEME.length());
        int q = rest.indexOf('?');
        String typeAndLabel = q < 0 ? rest : rest.substring(0, q);
        int slash = typeAndLabel.indexOf('/');
        String type = slash < 0 ? typeAndLabel : typeAndLabel.substring(0, slash);
        if (type.equalsIgnoreCase("hotp")) {
            throw new IllegalArgumentException("That link is for counter-based codes (HOTP); Kite uses time-based codes (TOTP).");
        }
        if (!type.equalsIgnoreCase("totp")) throw new IllegalArgumentException(NOT_A_SECRET);
        if (slash >= 0) decode(typeAndLabel.substring(slash + 1)); // the label ("Kite:AB1234") must at least be well-formed

        Map<String, String> params = q < 0 ? Map.of() : query(rest.substring(q + 1));
        String algorithm = params.getOrDefault("algorithm", "SHA1");
        if (!algorithm.equalsIgnoreCase("SHA1")) {
            throw new IllegalArgumentException("That link asks for " + plain(algorithm)
                    + " codes; Kite's codes use SHA1. Copy the key from Kite's own 'Enable TOTP' page.");
        }
        requireNumber(params, "digits", "6", "That link asks for codes that are not 6 digits long; Kite's codes have 6 digits.");
        requireNumber(params, "period", "30", "That link asks for codes that do not change every 30 seconds; Kite's change every 30 seconds.");
        String secret = params.get("secret");
        if (secret == null) throw new IllegalArgumentException("That otpauth:// link has no secret in it. " + NOT_A_SECRET);
        return secret;
    }

    private static void requireNumber(Map<String, String> params, String name, String expected, String message) {
        String value = params.get(name);
        if (value != null && !value.strip().replaceFirst("^0+(?=\\d)", "").equals(expected)) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Parameter names lower-cased; the first of a repeated name wins. */
    private static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            params.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** URL-decoding; the JDK's message would quote the input, so it is replaced, cause and all. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_A_SECRET);
        }
    }

    /** An algorithm name is only echoed when it looks like one (SHA256, SHA512), never arbitrary text. */
    private static String plain(String algorithm) {
        return algorithm.matches("[A-Za-z0-9-]{1,10}") ? algorithm.toUpperCase(Locale.ROOT) : "another algorithm's";
    }

    private static String canonicalBase32(String text) {
        String clean = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).replaceFirst("=+$", "");
        // Only these lengths end on a whole byte; any other is a truncated or mistyped key.
        int tail = clean.length() % 8;
        boolean wholeBytes = tail == 0 || tail == 2 || tail == 4 || tail == 5 || tail == 7;
        if (!clean.matches("[A-Z2-7]+") || !wholeBytes) throw new IllegalArgumentException(NOT_A_SECRET);
        if (clean.length() * 5 / 8 < MIN_BYTES) {
            throw new IllegalArgumentException("That key is too short to be a TOTP secret (such keys are usually 32 letters and digits). "
                    + "Copy it again from 'Can't scan? Copy this key'.");
        }
        return clean;
    }
}
