package com.kitesession.ui;

import java.time.Instant;

/**
 * What the browser-road card shows: whose login and its registered redirect URL, the address
 * that starts the login (to open again or copy into any browser), until when the app waits at the
 * redirect URL for Kite's redirect (null: not waiting, only a pasted address will do), and why it
 * does not wait, in words (null: it does). {@code browserOpened} is false when the person only
 * came to paste an address.
 */
record BrowserWait(String profileName, String redirectUrl, String loginUrl, Instant waitingUntil, String whyNotWaiting,
        boolean browserOpened) {

    boolean waiting() {
        return waitingUntil != null;
    }

    BrowserWait stoppedWaiting(String why) {
        return new BrowserWait(profileName, redirectUrl, loginUrl, null, why, browserOpened);
    }
}
