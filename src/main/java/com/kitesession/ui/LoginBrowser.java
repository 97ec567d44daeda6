package com.kitesession.ui;

import com.kitesession.explain.LoginRejection;
import com.kitesession.login.AutofillPlan;
import com.kitesession.login.LoginFlow;
import com.kitesession.perf.Milestones;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.util.Duration;
import netscape.javascript.JSException;

/**
 * The Kite login page inside the window. It hands every location change to the
 * {@link LoginFlow}: the redirect is caught there, before its target loads (for
 * {@code http://127.0.0.1/...} the target usually never loads at all). It also watches the
 * page's text for a refused password or 2FA code or a blocked account, which on Kite appear
 * without a navigation.
 * Cookies stay on (WebView's own cookie store): Kite's login needs them.
 *
 * <p>The WebView is not made with the window: starting WebKit (a 110 MB native library, then its
 * engine) takes a second or more, and neither the first frame nor the Login button should wait
 * for it. {@link #warmUp()}, called once a profile can log in, loads the library on a background
 * thread, then makes the view on the FX thread with a tiny page that warms WebKit's parser,
 * styles and script engine for the real login page. A Login pressed before that makes it at once.
 */
final class LoginBrowser extends BorderPane {
    /** Made by {@link #engine()}: at the warm-up, or by the first login if that comes first. */
    private WebView webView;
    private WebEngine engine;
    private boolean warmUpStarted;
    private final Label address = new Label();
    private final Timeline pageWatch;
    private LoginFlow flow;
    private Consumer<LoginRejection> onRejection = r -> {};
    private Consumer<String> onLoadFailure = s -> {};
    private AutofillPlan autofill = new AutofillPlan(null, null, null, java.time.Instant::now);
    private Consumer<String> onNotice = s -> {};
    private String lastRejectionText = "";

    LoginBrowser(Runnable onCancel) {
        getStyleClass().add("login-browser");
        address.getStyleClass().add("address");
        address.setId("login-address");
        Button cancel = new Button("Close login");
        cancel.setId("close-login");
        cancel.setOnAction(e -> {
            stop();
            onCancel.run();
        });
        Label title = new Label("Kite login");
        // In a narrow window the address gives way ("..."), never the title or the button.
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        address.setMinWidth(0);
        HBox bar = new HBox(8, title, address, cancel);
        HBox.setHgrow(address, Priority.ALWAYS);
        address.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("browser-bar");
        setTop(bar);
        pageWatch = new Timeline(new KeyFrame(Duration.millis(500), e -> checkPage()));
        pageWatch.setCycleCount(Timeline.INDEFINITE);
    }

    /** The engine, made on first use (FX thread). */
    private WebEngine engine() {
        if (engine != null) return engine;
        webView = new WebView();
        webView.setId("login-webview");
        engine = webView.getEngine();
        setCenter(webView);
        engine.locationProperty().addListener((obs, old, url) -> {
            address.setText(hostAndPath(url));
            offer(url);
        });
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.RUNNING) lastRejectionText = ""; // a new attempt may be rejected again
            if (state == Worker.State.SUCCEEDED && flow != null) {
                Milestones.mark("login.page-loaded");
                autofill.onPage(this::runScript).ifPresent(onNotice);
                Milestones.mark("login.autofilled");
                checkPage();
            }
            if (state == Worker.State.FAILED && flow != null && !offer(engine.getLocation())) {
                onLoadFailure.accept(engine.getLocation());
            }
        });
        return engine;
    }

    /**
     * Gets WebKit ready for the first login, once (later calls do nothing): its library off the FX
     * thread, then the view and a warm-up page. Not earlier than the window's own start: JavaFX
     * loads native libraries one at a time, and the window's would wait behind WebKit's.
     */
    void warmUp() {
        if (warmUpStarted) return;
        warmUpStarted = true;
        Thread thread = new Thread(() -> {
            preloadWebKitLibrary();
            Milestones.mark("warmup.library-loaded");
            Platform.runLater(() -> {
                if (engine != null) return; // a login came first and made it
                Milestones.mark("warmup.webview-start");
                engine().loadContent(WARM_UP_PAGE);
                Milestones.mark("warmup.webview-made");
            });
        }, "webkit-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** A form, a style and a script: what the login page needs WebKit to have ready. Never shown. */
    private static final String WARM_UP_PAGE = "<!DOCTYPE html><html><head><style>body{display:flex;font-family:sans-serif}"
            + "input,button{padding:4px;border:1px solid #ddd}</style></head><body><form><input id='u' type='text'>"
            + "<input type='password'><button type='submit'>OK</button></form>"
            + "<script>document.getElementById('u').value='';</script></body></html>";

    /**
     * Loads WebKit's native library through JavaFX's own loader, so the WebView (made later on the
     * FX thread) finds it loaded. From the app's jar that is the slow part: the library is unpacked
     * and checked against its cached copy. Best effort: where JavaFX's internals are closed (JavaFX
     * on the module path) nothing happens and the WebView loads the library itself.
     */
    private static void preloadWebKitLibrary() {
        try {
            Class.forName("com.sun.glass.utils.NativeLibLoader").getMethod("loadLibrary", String.class)
                    .invoke(null, "jfxwebkit");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // The WebView loads it on first use instead.
        }
    }

    void start(LoginFlow flow, AutofillPlan autofill, Consumer<LoginRejection> onRejection,
            Consumer<String> onLoadFailure, Consumer<String> onNotice) {
        this.flow = flow;
        this.autofill = autofill;
        this.onNotice = onNotice;
        this.onRejection = onRejection;
        this.onLoadFailure = onLoadFailure;
        this.lastRejectionText = "";
        WebEngine web = engine(); // made here if the warm-up has not made it yet
        Milestones.mark("login.page-requested");
        web.load(flow.loginUrl());
        pageWatch.play();
    }

    void stop() {
        pageWatch.stop();
        flow = null;
        if (engine != null) engine.load(null);
    }

    /** Gives a URL to the flow; true when it was our redirect and the browser has been stopped. */
    private boolean offer(String url) {
        if (flow == null || url == null || url.isEmpty()) return false;
        if (!flow.onNavigation(url)) return false;
        pageWatch.stop();
        flow = null;
        // Leave the listener first: touching the engine inside its redirect callback crashes WebKit.
        javafx.application.Platform.runLater(() -> engine.loadContent(
                "<html><body style='font-family:sans-serif;color:#555;padding:2em'>Login captured.</body></html>"));
        return true;
    }

    private void checkPage() {
        if (flow == null) return;
        Optional<LoginRejection> rejection = LoginRejection.detect(pageText());
        String text = rejection.map(LoginRejection::pageMessage).orElse("");
        // Report a rejection once, and again only after the page changed (a new attempt).
        if (!text.equals(lastRejectionText)) {
            lastRejectionText = text;
            rejection.ifPresent(onRejection);
        }
    }

    private String pageText() {
        Object text = runScript("document.body ? document.body.innerText : ''");
        return text instanceof String s ? s : "";
    }

    /** Runs a script in the page; a page that breaks it (or none loaded) answers null, never an exception. */
    private Object runScript(String script) {
        try {
            return engine.executeScript(script);
        } catch (JSException | IllegalStateException e) {
            return null;
        }
    }

    private static String hostAndPath(String url) {
        if (url == null) return "";
        int query = url.indexOf('?');
        // The query holds request_token on the redirect; the address bar never shows it.
        return query < 0 ? url : url.substring(0, query);
    }
}
