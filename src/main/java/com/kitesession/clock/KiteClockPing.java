package com.kitesession.clock;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One cheap unauthenticated request to a profile's API host, so that this computer's clock is
 * measured before the 2FA step: the answer's Date header is read by the {@link DateHeaderClockProbe}
 * on the shared client. Offline, nothing is measured and the login goes on. Blocks: call it off
 * the FX thread.
 */
public final class KiteClockPing {
    private final OkHttpClient http;

    /** {@code http}: the app's shared client, which carries the Date-header probe. */
    public KiteClockPing(OkHttpClient http) {
        this.http = http;
    }

    public void measure(String apiBase) {
        Request ping;
        try {
            ping = new Request.Builder().url(apiBase).head().build();
        } catch (IllegalArgumentException malformed) {
            return; // a hand-edited address: the login itself says what is wrong with it
        }
        try (Response ignored = http.newCall(ping).execute()) {
            // The answer itself does not matter; the probe has read its Date.
        } catch (IOException offline) {
            // "Not measured" stays true, and the login shows why if it matters.
        }
    }
}
