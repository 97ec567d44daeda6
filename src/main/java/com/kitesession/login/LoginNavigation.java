package com.kitesession.login;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where the login view may go, decided without JavaFX: Kite's login origin and nothing else.
 * The registered redirect URL is caught before this is asked (by {@link LoginAttempt}); every
 * other address is stopped, and an http(s) one may be opened in the system browser on the
 * person's click, where no stored secret is ever filled.
 */
public final class LoginNavigation {
    private static final int SHOWN_LENGTH = 120;

    /** What to do with one navigation. */
    public sealed interface Verdict permits Stay, Stop {}

    /** On Kite's login origin (or the empty page the view starts with): let it load. */
    public record Stay() implements Verdict {}

    /**
     * Leaving Kite: stop it. {@code shown} is the address without its query (it may carry
     * tokens) for the person to read; {@code openable} says whether the system browser may take it.
     */
    public record Stop(String url, String shown, boolean openable) implements Verdict {
        @Override
        public String toString() {
            return "Stop[" + shown + ", openable=" + openable + "]"; // never the query
        }
    }

    private final LoginOrigin kite;

    public LoginNavigation(LoginOrigin kite) {
        this.kite = Objects.requireNonNull(kite, "kite");
    }

    public LoginOrigin kiteOrigin() {
        return kite;
    }

    public Verdict decide(String url) {
        if (url == null || url.isBlank() || url.equals("about:blank")) return new Stay();
        if (kite.contains(url)) return new Stay();
        boolean web = LoginOrigin.of(url).isPresent();
        return new Stop(url, shown(url), web);
    }

    /**
     * The address as a person may read it: origin and path, no user info (which could make
     * {@code https://kite.zerodha.com@evil.example/} read as Kite), query or fragment, and not endless.
     */
    public static String shown(String url) {
        HttpUrl web = HttpUrl.parse(url.strip());
        String s = web != null ? LoginOrigin.of(url).orElseThrow() + web.encodedPath() : url.strip().replaceAll("[?#].*", "");
        if (s.startsWith("data:") || s.startsWith("javascript:")) s = s.substring(0, s.indexOf(':') + 1) + "\u2026";
        return s.length() > SHOWN_LENGTH ? s.substring(0, SHOWN_LENGTH) + "\u2026" : s;
    }
}
