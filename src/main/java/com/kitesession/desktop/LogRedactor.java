package com.kitesession.desktop;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Names whose values are secrets: access_token, request_token, api_secret, checksum, password, totp_secret, enctoken, ... */
    private static final String NAME = "[\\w.-]*(?:token|secret|passw|passphrase|checksum|totp|twofa|cookie|session|credential)[\\w.-]*|otp|pin";

    private static final List<Rule> RULES = List.of(
            // Authorization: token api_key:access_token (and Bearer/Basic), as a header, a map entry or JSON.
            new Rule("(?i)(?<![\\w-])((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\\[\"']?\\s*(?:(?:token|bearer|basic|digest)\\s+)?)"
                    + "[^\\s,;\"'\\]}]+"),
            // Cookie headers: every cookie of Kite's web login is a session.
            new Rule("(?i)(?<![\\w-])((?:set-)?cookie\\s*:\\s*)[^\\r\\n]*"),
            // JSON: "access_token": "..." or a bare value; also JSON escaped inside a JSON string (\"key\":\"...\").
            new Rule("(?i)(\"(?:" + NAME + ")\"\\s*:\\s*)(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,}\\]]+)", "$1\"" + MASK + "\""),
            new Rule("(?i)(\\\\\"(?:" + NAME + ")\\\\\"\\s*:\\s*)\\\\\"(?:[^\"\\\\]|\\\\[^\"])*\\\\\"", "$1\\\\\"" + MASK + "\\\\\""),
            // URLs, form bodies, .env lines, Map.toString(): name=value, quoted or not.
            new Rule("(?i)(?<![\\w.-])((?:" + NAME + ")\\s*=\\s*)(?:\"[^\"]*\"|'[^']*'|[^\\s&;,\"'#<>)}\\]]+)"),
            // Prose and `sim`-style output: "api_secret: ...", "access token: ...", "password: ...".
            new Rule("(?i)(?<![\\w.-])((?:(?:api|access|request|refresh|public|totp)[ _-]?(?:secret|token)|secret|password|passphrase"
                    + "|enctoken|checksum)\\s*:\\s*)[^\\s,;\"'<>)}\\]]+"),
            // Shapes: Kite's access tokens and api_secrets are 32 letters and digits; a checksum is 64 hex digits.
            new Rule("(?<![\\w.-])(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{32}(?![\\w-])", MASK),
            new Rule("(?i)(?<![\\w.-])[0-9a-f]{64}(?![\\w-])", MASK));

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private LogRedactor() {}

    /**
     * Remembers a secret value (an access token, an api_secret, a password, ...) so that it is
     * masked wherever it appears in the logs from now on, also URL-encoded. Null, blank and
     * very short values are ignored.
     */
    public static void registerSecret(String value) {
        if (value == null || value.strip().length() < MIN_SECRET_LENGTH) return;
        SECRETS.add(value);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!encoded.equals(value)) SECRETS.add(encoded);
    }

    /** Forgets every registered secret (tests). */
    static void clearRegisteredSecrets() {
        SECRETS.clear();
    }

    /** The text with every registered secret and everything that looks like a secret masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        if (!SECRETS.isEmpty()) {
            // Longest first: a secret that contains another must go whole.
            List<String> known = new ArrayList<>(SECRETS);
            known.sort(Comparator.comparingInt(String::length).reversed());
            for (String secret : known) {
                if (out.contains(secret)) out = out.replace(secret, MASK);
            }
        }
        for (Rule rule : RULES) out = rule.apply(out);
        return out;
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
