package com.kitesession.kite;

import java.util.Locale;

/**
 * Whether a host is this computer: {@code localhost}, 127.0.0.0/8 or {@code ::1}. Only such a host
 * may be spoken to over plain http (the built-in simulator): nothing on the network can listen
 * there. One rule for the API client, the login view and the redirect-URL check.
 */
public final class LoopbackHosts {
    private LoopbackHosts() {}

    /** {@code host} as a URL carries it: a name, dotted IPv4, or IPv6 with or without brackets. */
    public static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) return true;
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) return false; // "127.evil.example" is a name, not us
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) return false;
        }
        return true;
    }
}
