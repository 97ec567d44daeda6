package com.kitesession.ui;

import com.kitesession.storage.AtomicFiles;
import java.io.IOException;
import java.net.CookieHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javafx.scene.web.WebEngine;

/**
 * What the login WebView keeps between pages: cookies and WebKit's data folder (local storage,
 * databases). The folder lives inside the app's own data folder, owner-only, rather than in
 * WebKit's default under the home folder. Cookies stay on, in the cookie store JavaFX installs
 * for itself (in memory, for this run of the app): Kite's login needs them, and installing
 * another global {@code CookieHandler} would break them.
 */
final class LoginWebData {
    private static final Logger LOG = Logger.getLogger(LoginWebData.class.getName());
    /** JavaFX's own store; the one that understands WebKit's requests. */
    private static final String WEBKIT_COOKIE_MANAGER = "com.sun.webkit.network.CookieManager";

    private static final int MAX_USER_AGENT = 512;

    private final Path folder;
    private final Supplier<String> userAgent;

    /**
     * {@code userAgent}: the advanced setting, read when the engine is made; blank for JavaFX's
     * own (since 21.0.8 one that sign-in pages accept).
     */
    LoginWebData(Path folder, Supplier<String> userAgent) {
        this.folder = folder;
        this.userAgent = userAgent;
    }

    /** Before the engine's first load: WebKit reads its data folder only then. */
    void configure(WebEngine engine) {
        userAgent(userAgent.get()).ifPresent(engine::setUserAgent);
        try {
            AtomicFiles.createPrivateDirectories(folder);
            AtomicFiles.makeFolderPrivate(folder);
            engine.setUserDataDirectory(folder.toFile());
            // In use by another app or unwritable: WebKit then keeps its data in memory only.
            engine.setOnError(e -> LOG.warning(() -> "Login browser data folder not used: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Login browser data folder " + folder + " not usable: " + e.getClass().getSimpleName());
        }
    }

    /** A hand-edited user agent, if it is one: one line of printable text, not endless. */
    static Optional<String> userAgent(String setting) {
        String ua = setting == null ? "" : setting.strip();
        if (ua.isEmpty()) return Optional.empty();
        if (ua.length() > MAX_USER_AGENT || !ua.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            LOG.warning("The loginUserAgent setting is not one line of plain text (or is over " + MAX_USER_AGENT
                    + " characters); JavaFX's own user agent is used.");
            return Optional.empty();
        }
        return Optional.of(ua);
    }

    /**
     * Forgets every login cookie now, by giving WebKit a new, empty store of JavaFX's own kind.
     * False where JavaFX's internals are closed to the app (JavaFX on the module path); the
     * cookies then last until the app quits, as they live in memory only.
     */
    static boolean clearCookies() {
        CookieHandler current = CookieHandler.getDefault();
        if (current == null || !current.getClass().getName().equals(WEBKIT_COOKIE_MANAGER)) return current == null;
        try {
            CookieHandler.setDefault((CookieHandler) current.getClass().getConstructor().newInstance());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Empties WebKit's data folder (local storage, databases); I/O: not on the FX thread. */
    void clearFolder() throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                // WebKit's lock file stays: it keeps a second app from sharing the folder.
                if (!p.equals(folder) && !p.getFileName().toString().equals(".lock")) Files.deleteIfExists(p);
            }
        }
    }
}
