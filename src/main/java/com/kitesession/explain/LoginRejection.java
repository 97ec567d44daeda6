package com.kitesession.explain;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kite's login page refusing the person, read from the page's text (Kite shows refusals in the
 * page, without a navigation). Kite's wording is not an API and only partly known
 * (KITE-FACTS.md), so matching is loose: "Invalid account credentials. N attempts remain." or
 * "Invalid user ID or password" for the password step, "Invalid TOTP" or "Invalid App Code" for
 * the 2FA step, and any sentence with "account" and "blocked" or "locked" for a blocked account.
 */
public record LoginRejection(Kind kind, String pageMessage, OptionalInt attemptsRemaining) {

    public enum Kind {
        /** The user ID or password was refused. */
        CREDENTIALS,
        /** The 2FA code (TOTP or the Kite app's code) was refused. */
        CODE,
        /** Too many wrong passwords or codes: Kite blocked the account until a credential reset. */
        BLOCKED
    }

    /** Kite's own reset ("Forgot user ID or password?" on the login page); the only way to unblock. */
    public static final String KITE_RESET_PAGE = "https://kite.zerodha.com/forgot";

    /**
     * A login page's refusal sits near its top; a hostile or huge page is cut to this many
     * characters before any pattern runs, so matching stays cheap whatever the page holds.
     */
    static final int MAX_SCANNED_CHARS = 4096;
    /** The longest message quoted back; a line longer than this is cut. */
    private static final int MAX_MESSAGE_CHARS = 200;

    // Every quantifier is bounded and no two overlap, so none of these can backtrack badly.
    private static final Pattern CODE = Pattern.compile(
            "invalid[ \\t]{1,5}(?:totp|app[ \\t]{0,3}code|2fa|two[- ]factor)[^\\n]{0," + MAX_MESSAGE_CHARS + "}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDENTIALS = Pattern.compile(
            "(?:invalid|incorrect|wrong)[ \\t]{1,5}(?:account[ \\t]{1,5})?"
                    + "(?:credentials|user[ \\t_]{0,3}(?:id|name)|login[ \\t]{0,3}id|password)"
                    + "[^\\n]{0," + MAX_MESSAGE_CHARS + "}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTEMPTS = Pattern.compile(
            "\\b(\\d{1,3})[ \\t]{1,3}attempts?(?:\\(s\\))?[ \\t]{1,3}(?:remain|left)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCOUNT = Pattern.compile("\\baccount\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCKED_WORD = Pattern.compile("\\b(?:blocked|locked)\\b", Pattern.CASE_INSENSITIVE);
    /** "Your account will be blocked after five attempts" warns; it does not report a block. */
    private static final Pattern CONDITIONAL = Pattern.compile("\\b(?:will|would|could|may|might|if)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\\n]");

    /**
     * The refusal shown in {@code pageText}, if any. A blocked account wins over a wrong password
     * or code shown beside it; a wrong code wins over a wrong password, since the 2FA step only
     * comes after the password was accepted.
     */
    public static Optional<LoginRejection> detect(String pageText) {
        if (pageText == null) return Optional.empty();
        String text = pageText.length() > MAX_SCANNED_CHARS ? pageText.substring(0, MAX_SCANNED_CHARS) : pageText;
        OptionalInt attempts = attemptsIn(text);
        Optional<String> blocked = blockedSentence(text);
        if (blocked.isPresent()) return Optional.of(new LoginRejection(Kind.BLOCKED, blocked.get(), attempts));
        return firstMatch(CODE, text).map(message -> new LoginRejection(Kind.CODE, message, attempts))
                .or(() -> firstMatch(CREDENTIALS, text).map(message -> new LoginRejection(Kind.CREDENTIALS, message, attempts)));
    }

    /** Zero attempts left is a block in all but name: Kite blocks after the fifth wrong one. */
    public boolean attemptsExhausted() {
        return attemptsRemaining.isPresent() && attemptsRemaining.getAsInt() == 0;
    }

    /** "4 attempts remain" / "1 attempt remains", or empty when Kite did not say. */
    public Optional<String> attemptsInWords() {
        if (attemptsRemaining.isEmpty()) return Optional.empty();
        int left = attemptsRemaining.getAsInt();
        return Optional.of(left + (left == 1 ? " attempt remains" : " attempts remain"));
    }

    private static Optional<String> firstMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group().trim()) : Optional.empty();
    }

    private static OptionalInt attemptsIn(String text) {
        Matcher m = ATTEMPTS.matcher(text);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The first sentence saying the account is blocked or locked, in either word order. */
    private static Optional<String> blockedSentence(String text) {
        for (String sentence : SENTENCE_END.split(text)) {
            if (ACCOUNT.matcher(sentence).find() && BLOCKED_WORD.matcher(sentence).find()
                    && !CONDITIONAL.matcher(sentence).find()) {
                String trimmed = sentence.trim();
                return Optional.of(trimmed.length() > MAX_MESSAGE_CHARS ? trimmed.substring(0, MAX_MESSAGE_CHARS) : trimmed);
            }
        }
        return Optional.empty();
    }
}
