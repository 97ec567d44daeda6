package com.kitesession.session;

import java.util.Optional;

/** Checks what the person typed into the profile form before a login starts. */
public final class ProfileInput {
    private ProfileInput() {}

    /** A plain-words problem with the input, or empty when a login can start. */
    public static Optional<String> problem(String apiKey, String apiSecret, String redirectUrl) {
        if (isBlank(apiKey)) return Optional.of("Enter the api_key of your Kite Connect app (developers.kite.trade > My apps).");
        if (!apiKey.strip().equals(apiKey) || apiKey.contains(" ")) return Optional.of("The api_key has spaces in it; paste it again without them.");
        if (hasInvisible(apiKey)) return Optional.of("The api_key has a tab, a line break or another invisible character in it; paste it again without it.");
        if (isBlank(apiSecret)) return Optional.of("Enter the app's api_secret: the exchange needs it to sign the request_token.");
        if (!apiSecret.strip().equals(apiSecret)) return Optional.of("The api_secret has spaces at the start or end; paste it again without them.");
        if (hasInvisible(apiSecret)) return Optional.of("The api_secret has a tab, a line break or another invisible character in it; paste it again without it.");
        RedirectUrlCheck.Result redirect = RedirectUrlCheck.check(redirectUrl);
        if (redirect.verdict() == RedirectUrlCheck.Verdict.ERROR) return Optional.of("Redirect URL: " + redirect.notes().get(0));
        return Optional.empty();
    }

    /** A control character (tab, line break, ...) or an invisible format character (a zero-width space, ...). */
    static boolean hasInvisible(String s) {
        return s != null && s.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
