package com.kitesession.logging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for the logs: every value that was registered as a secret at run
 * time (wherever it appears), and whatever looks like one by its name, in URLs and form bodies
 * ({@code request_token=...}), JSON ({@code "access_token":"..."}), headers
 * ({@code Authorization: token key:TOKEN}) and prose ({@code api_secret: ...}); plus bare
 * 32-character tokens and 64-hex checksums, the shapes Kite's secrets have. Masking too much
 * costs a log reader a detail; masking too little leaks a trading session, so the rules lean
 * towards too much.
 */
public final class LogRedactor {
    /** What a secret becomes. */
    public static final String MASK = "[REDACTED]";

    /** Shorter registered values are ignored: masking every "1234" would wreck the logs for nothing. */
    static final int MIN_SECRET_LENGTH = 4;

    /** Longer than the longest token shape masked below (a 64-hex checksum). */
    static final int LONGEST_WORD_KEPT_WHOLE = 80;

    /**
     * Names whose values are secrets: access_token, request_token, api_secret, checksum, password, totp_secret, enctoken, ...
     * Every quantifier here and below is bounded or possessive: redaction runs on text from outside (a Kite error
     * message), and a pattern that backtracks over a long run of spaces or letters would stall the caller for
     * seconds, or recurse into a StackOverflowError.
     */
    private static final String NAME = "[\\w.-]{0,40}(?:token|secret|passw|passphrase|checksum|totp|twofa|cookie|session|credential)"
            + "[\\w.-]{0,40}+|otp|pin";
    /** A JSON string's inside: runs without escapes, then escape and run again; no alternation inside a star. */
    private static final String JSON_STRING = "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"";

    private static final List<Rule> RULES = List.of(
            // Authorization: token api_key:access_token (and Bearer/Basic), as a header, a map entry or JSON.
            new Rule("(?i)(?=[ap])(?<![\\w-])((?:proxy-)?authorization[\"']?+\\s*+[:=]\\s*+[\\[\"']?+\\s*+(?:(?:token|bearer|basic|digest)\\s++)?+)"
                    + "[^\\s,;\"'\\]}]++"),
            // Cookie headers: every cookie of Kite's web login is a session.
            new Rule("(?i)(?=[sc])(?<![\\w-])((?:set-)?cookie\\s*+:\\s*+)[^\\r\\n]*+"),
            // JSON: "access_token": "..." or a bare value; also JSON escaped inside a JSON string (\"key\":\"...\").
            new Rule("(?i)(\"(?:" + NAME + ")\"\\s*+:\\s*+)(?:" + JSON_STRING + "|[^\\s,}\\]]++)", "$1\"" + MASK + "\""),
            new Rule("(?i)(\\\\\"(?:" + NAME + ")\\\\\"\\s*+:\\s*+)\\\\\"[^\"\\\\]*+(?:\\\\[^\"][^\"\\\\]*+)*+\\\\\"",
                    "$1\\\\\"" + MASK + "\\\\\""),
            // URLs, form bodies, .env lines, Map.toString(): name=value, quoted or not.
            new Rule("(?i)(?=[\\w.-])(?<![\\w.-])((?:" + NAME + ")\\s*+=\\s*+)(?:\"[^\"]*+\"|'[^']*+'|[^\\s&;,\"'#<>)}\\]]++)"),
            // Prose and `sim`-style output: "api_secret: ...", "access token: ...", "password: ...".
            new Rule("(?i)(?=[arptsedc])(?<![\\w.-])((?:(?:api|access|request|refresh|public|totp)[ _-]?(?:secret|token)|secret|password|passphrase"
                    + "|enctoken|checksum)\\s*+:\\s*+)[^\\s,;\"'<>)}\\]]++"),
            // Shapes: Kite's access tokens and api_secrets are 32 letters and digits; a checksum is 64 hex digits.
            new Rule("(?=[A-Za-z0-9])(?<![\\w.-])(?=[A-Za-z]{0,31}[0-9])(?=[0-9]{0,31}[A-Za-z])[A-Za-z0-9]{32}(?![\\w-])", MASK),
            new Rule("(?i)(?=[0-9a-f])(?<![\\w.-])[0-9a-f]{64}(?![\\w-])", MASK));

    private static final RegisteredSecrets SECRETS = new RegisteredSecrets();

    private LogRedactor() {}

    /**
     * Remembers a secret value (an access token, an api_secret, a password, ...) so that it is
     * masked wherever it appears in the logs for the rest of the process, also URL-encoded. Null,
     * blank and very short values are ignored. For the short-lived CLI; the app registers under a
     * holder, {@link #registerSecret(String, String)}, so that logouts let go of their tokens.
     */
    public static void registerSecret(String value) {
        registerSecret(RegisteredSecrets.PROCESS, value);
    }

    /**
     * As {@link #registerSecret(String)}, until {@code holder} (e.g. the name the secret is filed
     * under) is {@linkplain #forgetSecrets forgotten} and no other holder has the same value.
     */
    public static void registerSecret(String holder, String value) {
        if (value == null || value.strip().length() < MIN_SECRET_LENGTH) return;
        SECRETS.add(holder, value);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!encoded.equals(value)) SECRETS.add(holder, encoded);
    }

    /** Stops masking the values registered under {@code holder}, except those another holder still has. */
    public static void forgetSecrets(String holder) {
        if (!RegisteredSecrets.PROCESS.equals(holder)) SECRETS.release(holder);
    }

    /** Forgets every registered secret (tests). */
    static void clearRegisteredSecrets() {
        SECRETS.clear();
    }

    /** The text with every registered secret and everything that looks like a secret masked; linear in its length. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String secret : SECRETS.longestFirst()) {
            if (out.contains(secret)) out = out.replace(secret, MASK);
        }
        for (Rule rule : RULES) out = rule.apply(out);
        return out;
    }

    /**
     * The text shortened to at most {@code max} characters, and marked as cut. The cut never falls
     * inside a registered secret, nor inside a word shorter than {@link #LONGEST_WORD_KEPT_WHOLE}:
     * a secret's first half would no longer be recognised, and would pass unmasked.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) return text;
        int end = max;
        while (end > 0 && max - end < LONGEST_WORD_KEPT_WHOLE && !Character.isWhitespace(text.charAt(end - 1))
                && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (end == 0 || max - end >= LONGEST_WORD_KEPT_WHOLE) end = max; // one huge word: no shape rule takes it anyway
        for (boolean moved = true; moved; ) {
            moved = false;
            for (String secret : SECRETS.longestFirst()) {
                int from = Math.max(0, end - secret.length() + 1);
                int to = Math.min(text.length(), end + secret.length() - 1);
                int at = from < to ? text.substring(from, to).indexOf(secret) : -1;
                if (at >= 0) {
                    end = from + at; // it started before the cut and ended after it: cut before it
                    moved = true;
                }
            }
        }
        return text.substring(0, end) + " [... " + (text.length() - end) + " more characters cut]";
    }

    private record Rule(Pattern pattern, String replacement) {
        /** Keeps group 1 (the name), masks the rest of the match. */
        Rule(String regex) {
            this(regex, "$1" + Matcher.quoteReplacement(MASK));
        }

        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }
}
