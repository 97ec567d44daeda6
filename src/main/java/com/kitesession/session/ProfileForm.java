package com.kitesession.session;

import com.kitesession.otp.TotpSecret;
import java.util.Optional;

/**
 * The profile editor's fields as typed, handed to the presenter on Save. The checks at save are
 * {@link #problem}; the rest says what to store. Secret fields follow one rule: blank keeps what
 * is stored, and (for the one-click secrets) unticking one-click forgets them.
 */
public record ProfileForm(String name, String apiKey, String apiSecret, String redirectUrl, String userId,
        boolean oneClick, String kitePassword, String totpSecret, String afterLogin) {

    /** A form without the "Run after login" field: the stored command is kept. */
    public ProfileForm(String name, String apiKey, String apiSecret, String redirectUrl, String userId,
            boolean oneClick, String kitePassword, String totpSecret) {
        this(name, apiKey, apiSecret, redirectUrl, userId, oneClick, kitePassword, totpSecret, null);
    }

    /** What is wrong with the form, in words, or empty when it can be saved. */
    public Optional<String> problem(boolean secretStored) {
        // A stored secret may stay as it is; a new profile needs one typed.
        String secret = secretStored && blank(apiSecret) ? "stored" : apiSecret;
        Optional<String> problem = ProfileInput.problem(strip(apiKey), secret, strip(redirectUrl));
        if (problem.isPresent()) return problem;
        if (blank(name)) return Optional.of("Give the profile a name, e.g. the account it logs in to.");
        if (ProfileInput.hasInvisible(strip(name))) {
            return Optional.of("The name has a tab, a line break or another invisible character in it; type it on one line.");
        }
        if (ProfileInput.hasInvisible(strip(userId))) {
            return Optional.of("The Kite user ID has a tab, a line break or another invisible character in it; type it as Kite shows it, e.g. AB1234.");
        }
        if (afterLogin != null && (afterLogin.strip().indexOf('\n') >= 0 || afterLogin.strip().indexOf('\r') >= 0)) {
            return Optional.of("The command after login has a line break in it; write it on one line.");
        }
        if (oneClick && !blank(totpSecret)) {
            try {
                TotpSecret.normalize(totpSecret.strip());
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** {@code profile} with the form's app details; call after {@link #problem} found none. */
    public KiteProfile applyTo(KiteProfile profile) {
        return profile.withApp(strip(name), strip(apiKey), strip(redirectUrl), blank(userId) ? null : userId.strip());
    }

    /** The api_secret to store, or "" to keep the stored one. */
    public String apiSecretToSave() {
        return apiSecret == null ? "" : apiSecret;
    }

    /** The command to run after each login: null keeps the stored one, "" removes it. */
    public String afterLoginToSave() {
        return afterLogin == null ? null : afterLogin.strip();
    }

    /** The Kite password to store: null keeps the stored one, "" forgets it. */
    public String passwordToSave() {
        if (!oneClick) return "";
        return blank(kitePassword) ? null : kitePassword;
    }

    /** The TOTP secret to store, normalised: null keeps the stored one, "" forgets it. */
    public String totpSecretToSave() {
        if (!oneClick) return "";
        return blank(totpSecret) ? null : TotpSecret.normalize(totpSecret.strip());
    }

    @Override
    public String toString() {
        return "ProfileForm[name=" + name + ", apiKey=" + apiKey + ", redirectUrl=" + redirectUrl + ", userId=" + userId
                + ", oneClick=" + oneClick + ", afterLogin=" + afterLogin + ", secrets=****]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
