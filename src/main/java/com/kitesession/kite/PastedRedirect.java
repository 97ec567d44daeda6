package com.kitesession.kite;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address as people paste it from a browser's address bar, made into a URL the
 * {@link RedirectParser} can read: spaces, line breaks (a long address wraps) and invisible
 * characters removed, surrounding quotes or angle brackets dropped, a sentence's trailing full
 * stop or comma dropped, and the scheme added when the browser hid it
 * ({@code 127.0.0.1:5483/kite-redirect?...}).
 */
public final class PastedRedirect {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final String WRAPPERS = "\"'`<>\u201c\u201d\u2018\u2019";

    private PastedRedirect() {}

    /** The URL in {@code pasted}, with {@code scheme} ("http") added when missing; empty when nothing is left. */
    public static Optional<String> normalise(String pasted, String scheme) {
        if (pasted == null) return Optional.empty();
        // Any Unicode space or line separator (no-break, narrow, figure...) and invisible format
        // characters (zero-width space, word joiner, byte order mark, direction marks): none is ever
        // part of an address a browser copies, and each would end up inside the token or the host.
        String text = pasted.replaceAll("[\\s\\p{Z}\\p{Cf}]+", "");
        boolean changed = true;
        while (changed && !text.isEmpty()) {
            changed = false;
            if (WRAPPERS.indexOf(text.charAt(0)) >= 0) {
                text = text.substring(1);
                changed = true;
            }
            if (!text.isEmpty() && (WRAPPERS.indexOf(text.charAt(text.length() - 1)) >= 0
                    || ".,;".indexOf(text.charAt(text.length() - 1)) >= 0)) {
                text = text.substring(0, text.length() - 1);
                changed = true;
            }
        }
        if (text.isEmpty()) return Optional.empty();
        return Optional.of(SCHEME.matcher(text).find() ? text : scheme + "://" + text);
    }
}
