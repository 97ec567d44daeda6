package com.kitesession.session;

import com.kitesession.kite.RedirectParser;
import java.util.Optional;

/** Checks what the person typed into the profile form before a login starts. */
public final class ProfileInput {
    private ProfileInput() {}

    /** A plain-words problem with the input, or empty when a login can start. */
    public static Optional<String> problem(String apiKey, String apiSecret, String redirectUrl) {
        if (isBlank(apiKey)) return Optional.of("Enter the api_key of your Kite Connect app (developers.kite.trade > My apps).");
        if (!apiKey.strip().equals(apiKey) || apiKey.contains(" ")) return Optional.of("The api_key has spaces in it; paste it again without them.");
        if (isBlank(apiSecret)) return Optional.of("Enter the app's api_secret: the exchange needs it to sign the request_token.");
        if (!apiSecret.strip().equals(apiSecret)) return Optional.of("The api_secret has spaces at the start or end; paste it again without them.");
        if (isBlank(redirectUrl)) return Optional.of("Enter the redirect URL registered for the app, e.g. http://127.0.0.1/kite-redirect.");
        try {
            new RedirectParser(redirectUrl.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("The redirect URL must be a full http:// or https:// address, exactly as registered on developers.kite.trade.");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
