package com.kitesession.ui;

import com.kitesession.desktop.LibcEnvironment;
import java.util.logging.Logger;

/**
 * What gets WebKit ready before the first login: its native library, loaded off the FX thread,
 * and a tiny page that warms its parser, styles and script engine (see {@link LoginBrowser#warmUp()});
 * and how its timers run, set before any of it loads.
 */
final class WebKitWarmUp {
    private static final String PLATFORM_TICKS = "com.sun.webkit.platformticks";
    /** WebKit's JavaScript engine reads its options from JSC_-prefixed environment variables. */
    private static final String GC_MARKERS = "JSC_numberOfGCMarkers";

    private WebKitWarmUp() {}

    /** A form, a style and a script: what the login page needs WebKit to have ready. Never shown. */
    static final String PAGE = "<!DOCTYPE html><html><head><style>body{display:flex;font-family:sans-serif}"
            + "input,button{padding:4px;border:1px solid #ddd}</style></head><body><form><input id='u' type='text'>"
            + "<input type='password'><button type='submit'>OK</button></form>"
            + "<script>document.getElementById('u').value='';</script></body></html>";

    /**
     * Loads WebKit's native library through JavaFX's own loader, so the WebView (made later on the
     * FX thread) finds it loaded. From the app's jar that is the slow part: the library is unpacked
     * and checked against its cached copy. Best effort: where JavaFX's internals are closed (JavaFX
     * on the module path) nothing happens and the WebView loads the library itself.
     */
    static void preloadLibrary() {
        try {
            Class.forName("com.sun.glass.utils.NativeLibLoader").getMethod("loadLibrary", String.class)
                    .invoke(null, "jfxwebkit");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // The WebView loads it on first use instead.
        }
    }

    /**
     * One garbage-collection marker for WebKit's JavaScript engine ({@code JSC_numberOfGCMarkers=1},
     * an environment variable it reads when its first page is made), so it starts no GC helper
     * threads. Those threads end after idling, and JavaFX 21's WebKit can abort the whole process
     * in a thread's exit handler: seen in core dumps of the test JVM (SIGABRT from libjfxwebkit
     * under {@code __nptl_deallocate_tsd}), in two of five runs of the login tests, and in none of
     * five with one marker. A login page's small heap needs no parallel marking. Call it before
     * other threads read the environment (see {@link LibcEnvironment}); a value already set wins.
     */
    static void oneGcMarker() {
        if (!LibcEnvironment.setIfUnset(GC_MARKERS, "1")) {
            Logger.getLogger(WebKitWarmUp.class.getName()).fine("Could not set " + GC_MARKERS);
        }
    }

    /**
     * WebKit's timers on a thread of their own ({@code com.sun.webkit.platformticks=false}, read once,
     * when the first engine is made). By default JavaFX drives them from its pulse and, while any
     * engine exists, keeps that pulse running 60 times a second with a runLater each: measured here,
     * 3-5 % of a core for a window that only waits (2.6 % with the window hidden in the tray). A
     * value the person set on the command line wins.
     */
    static void timersOffThePulse() {
        if (System.getProperty(PLATFORM_TICKS) == null) System.setProperty(PLATFORM_TICKS, "false");
    }
}
