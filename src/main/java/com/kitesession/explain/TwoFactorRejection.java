package com.kitesession.explain;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kite's login page rejecting the 2FA code, read from the page's text. Kite says
 * "Invalid TOTP" for external authenticator apps and "Invalid App Code" (wording unverified,
 * sometimes with "N attempt(s) remain") for the Kite app's code, so matching is loose.
 */
public record TwoFactorRejection(String pageMessage, OptionalInt attemptsRemaining) {

    private static final Pattern REJECTION =
            Pattern.compile("invalid\\s+(totp|app\\s*code|2fa|two[- ]factor)[^\\n]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTEMPTS =
            Pattern.compile("(\\d+)\\s+attempts?(?:\\(s\\))?\\s+(?:remain|left)", Pattern.CASE_INSENSITIVE);

    /** The rejection shown in {@code pageText}, if any. */
    public static Optional<TwoFactorRejection> detect(String pageText) {
        if (pageText == null) return Optional.empty();
        Matcher rejection = REJECTION.matcher(pageText);
        if (!rejection.find()) return Optional.empty();
        String message = rejection.group().trim();
        Matcher attempts = ATTEMPTS.matcher(pageText);
        OptionalInt left = attempts.find() ? OptionalInt.of(Integer.parseInt(attempts.group(1))) : OptionalInt.empty();
        return Optional.of(new TwoFactorRejection(message, left));
    }

    /** Kite locks the code after a few failures; then the clock is no longer the point. */
    public boolean attemptsExhausted() {
        return attemptsRemaining.isPresent() && attemptsRemaining.getAsInt() == 0;
    }
}
