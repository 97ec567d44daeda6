package com.kitesession.service;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Copies a token and, if asked, clears the clipboard after a while, but only if it still
 * holds that token: whatever the person copied since is left alone.
 */
public final class ClipboardGuard {
    /** The clipboard as this class needs it; the window passes the system clipboard. */
    public interface Clipboard {
        Optional<String> text();

        void setText(String text);

        void clear();
    }

    private final Clipboard clipboard;
    private final BiConsumer<Duration, Runnable> later;

    /** {@code later} runs a task after a delay on the thread that owns the clipboard. */
    public ClipboardGuard(Clipboard clipboard, BiConsumer<Duration, Runnable> later) {
        this.clipboard = clipboard;
        this.later = later;
    }

    /** Copies {@code token}; with {@code clearAfter} positive, clears it then if unchanged. */
    public void copy(String token, Duration clearAfter) {
        clipboard.setText(token);
        if (clearAfter.isZero() || clearAfter.isNegative()) return;
        later.accept(clearAfter, () -> {
            if (clipboard.text().filter(token::equals).isPresent()) clipboard.clear();
        });
    }
}
