package com.kitesession.session;

import com.kitesession.kite.LoopbackHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Checks a redirect URL as the person types it, before any login: whether the app can catch
 * Kite's redirect to it, and what exactly it will match. Kite appends
 * {@code ?action=login&type=login&status=success&request_token=...} to the registered URL; the
 * app catches the first navigation whose scheme, host, port and path equal the profile's.
 */
public final class RedirectUrlCheck {
    /**
     * Zerodha allows a loopback address for personal apps; it never leaves this computer. The port
     * lets one registration serve both roads: the login in the window, and the system browser,
     * whose redirect the app catches by listening there (an ordinary user may not listen below
     * 1024). 5483 spells KITE on a phone keypad; it is on no browser's unsafe list and below the
     * ports systems hand out for outgoing connections.
     */
    public static final String SUGGESTED = "http://127.0.0.1:5483/kite-redirect";
    /** Below this, listening needs the administrator on Linux and macOS. */
    static final int FIRST_USER_PORT = 1024;

    /**
     * The Fetch standard's "bad ports", which WebKit (the login browser) refuses to load: a redirect
     * to one is cancelled without even a location change, so the login would hang on Kite's page.
     */
    static final Set<Integer> BLOCKED_PORTS = Set.of(1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53,
            69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161,
            179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989,
            990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
            6669, 6679, 6697, 10080);

    public enum Verdict {
        /** The app will catch the redirect. */
        OK,
        /** It will work, but something is worth changing. */
        WARN,
        /** The login cannot finish with this URL. */
        ERROR
    }

    /**
     * The outcome: {@code matches} is what the app compares (scheme://host:port/path), null when
     * the URL cannot be used; {@code notes} say why, in the person's words, most important first.
     */
    public record Result(Verdict verdict, String matches, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private RedirectUrlCheck() {}

    public static Result check(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return new Result(Verdict.ERROR, null, List.of("Enter the redirect URL registered for the app on"
                    + " developers.kite.trade, e.g. " + SUGGESTED + "."));
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            String hint = text.contains("://") ? "Only http:// and https:// addresses work."
                    : "It needs the scheme in front: http://" + text + ".";
            return new Result(Verdict.ERROR, null, List.of("This is not a full web address. " + hint));
        }
        if (BLOCKED_PORTS.contains(url.port())) {
            return new Result(Verdict.ERROR, null, List.of("Port " + url.port() + " is on the browsers' list of"
                    + " unsafe ports: the login page refuses to go there, so the login would hang on Kite's page."
                    + " Use another port, e.g. " + SUGGESTED + "."));
        }
        List<String> notes = new ArrayList<>();
        Verdict verdict = Verdict.OK;
        if (!text.equals(typed == null ? "" : typed)) {
            notes.add("Spaces around the address are ignored.");
        }
        if (url.querySize() > 0 || url.fragment() != null) {
            verdict = Verdict.WARN;
            notes.add("The part after ? or # is ignored when matching; Kite adds its own ?request_token=\u2026"
                    + " Register the address without it.");
        }
        if (!LoopbackHosts.isLoopback(url.host())) {
            verdict = Verdict.WARN;
            notes.add(url.host() + " is not this computer: the request_token travels there before the app stops"
                    + " the page. A loopback address such as " + SUGGESTED + " never leaves this computer.");
        } else {
            if (url.host().equals("localhost")) {
                notes.add("localhost works; 127.0.0.1 is the form Zerodha's console accepts most reliably.");
            }
            browserRoadProblem(url).ifPresent(problem -> notes.add(problem));
            if (url.scheme().equals("http") && url.port() < FIRST_USER_PORT) verdict = Verdict.WARN;
        }
        if (notes.isEmpty()) {
            notes.add("Register it on developers.kite.trade exactly like this.");
        }
        return new Result(verdict, matched(url), notes);
    }

    /**
     * Why Log in with my browser cannot catch a redirect to {@code typed} itself, in words (then
     * the person pastes the address instead); empty when it can.
     */
    public static Optional<String> browserRoadProblem(String typed) {
        HttpUrl url = typed == null ? null : HttpUrl.parse(typed.strip());
        if (url == null) return Optional.of("The redirect URL is not a full web address; fix it in the profile first.");
        return browserRoadProblem(url);
    }

    private static Optional<String> browserRoadProblem(HttpUrl url) {
        if (!LoopbackHosts.isLoopback(url.host())) {
            return Optional.of("With your browser, the app cannot catch a redirect to " + url.host() + ", which is not"
                    + " this computer: after logging in there, paste the address the browser lands on.");
        }
        if (url.scheme().equals("https")) {
            return Optional.of("With your browser, the app cannot answer https on this computer (it has no certificate"
                    + " your browser trusts): register an http:// address with a port, e.g. " + SUGGESTED
                    + ", or paste the address after logging in.");
        }
        if (url.port() < FIRST_USER_PORT) {
            return Optional.of("The login in this window works with this address. For Log in with my browser the app"
                    + " must listen on it, and port " + url.port() + (url.port() == 80 ? " (the port of an address that"
                    + " names none)" : "") + " needs the administrator on Linux and macOS: register an address with a"
                    + " port of 1024 or above, e.g. " + SUGGESTED + ", for both ways.");
        }
        return Optional.empty();
    }

    /** What the app compares: scheme, host, port (shown only when not the default) and path. */
    private static String matched(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + (defaultPort ? "" : ":" + url.port()) + url.encodedPath();
    }
}
