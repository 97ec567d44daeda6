package com.kitesession.ui;

import com.kitesession.explain.LoginRejection;
import com.kitesession.login.AutofillPlan;
import com.kitesession.login.LoginAttempt;
import com.kitesession.login.LoginNavigation;
import com.kitesession.login.LoginOrigin;
import com.kitesession.perf.Milestones;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSException;

/**
 * The Kite login page inside the window. It hands every location change to the
 * {@link LoginAttempt}: the redirect is caught there, before its target loads (for
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
final class LoginBrowser extends BorderPane implements LoginSurface {
    private static final String STOPPED_PAGE = "<html><body style='font-family:sans-serif;color:#555;padding:2em'>"
            + "The login page tried to leave Kite and was stopped. Close login and log in again.</body></html>";

    /** Made by {@link #engine()}: at the warm-up, or by the first login if that comes first. */
    private WebView webView;
    private WebEngine engine;
    private boolean warmUpStarted;
    private final LoginAddressBar addressBar;
    private final LeftKiteNotice leftKite;
    private final PageWatch pageWatch = new PageWatch(this::readPage);
    private final LoginWebData webData;
    private LoginAttempt flow;
    private LoginNavigation navigation;
    private Consumer<LoginRejection> onRejection = r -> {};
    private Consumer<String> onLoadFailure = s -> {};
    private AutofillPlan autofill = AutofillPlan.none();
    private Consumer<String> onNotice = s -> {};
    private String lastRejectionText = "";
    private boolean stoppedPageShown;

    /**
     * {@code openInBrowser} takes an address the person chose to open in the system browser;
     * {@code webData} says where WebKit keeps its data and which user agent it sends.
     */
    LoginBrowser(Runnable onCancel, Consumer<String> openInBrowser, LoginWebData webData) {
        // Before anything of WebKit's loads (the warm-up's library load may already read the mode).
        WebKitWarmUp.timersOffThePulse();
        getStyleClass().add("login-browser");
        this.webData = webData;
        addressBar = new LoginAddressBar(() -> {
            stop();
            onCancel.run();
        });
        leftKite = new LeftKiteNotice(openInBrowser);
        setTop(new VBox(addressBar, leftKite));
    }

    /** The engine, made on first use (FX thread). */
    private WebEngine engine() {
        if (engine != null) return engine;
        webView = new WebView();
        webView.setId("login-webview");
        pageWatch.watchInput(webView); // a click or key in the page: Kite answers it without a page load
        engine = webView.getEngine();
        webData.configure(engine); // before the first load: WebKit reads both only then
        setCenter(webView);
        engine.locationProperty().addListener((obs, old, url) -> onLocation(url));
        engine.setCreatePopupHandler(features -> popup());
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.RUNNING) lastRejectionText = ""; // a new attempt may be rejected again
            if (state == Worker.State.SUCCEEDED && flow != null) {
                Milestones.mark("login.page-loaded");
                pageWatch.activity(); // the person confirms the filled page next, by a click or a script
                if (keepOnKite(false)) readPage();
                Milestones.mark("login.autofilled");
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
    @Override
    public void warmUp() {
        if (warmUpStarted) return;
        warmUpStarted = true;
        Thread thread = new Thread(() -> {
            WebKitWarmUp.preloadLibrary();
            Milestones.mark("warmup.library-loaded");
            Platform.runLater(() -> {
                if (engine != null) return; // a login came first and made it
                Milestones.mark("warmup.webview-start");
                engine().loadContent(WebKitWarmUp.PAGE);
                Milestones.mark("warmup.webview-made");
            });
        }, "webkit-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void start(LoginAttempt flow, AutofillPlan autofill, Consumer<LoginRejection> onRejection,
            Consumer<String> onLoadFailure, Consumer<String> onNotice) {
        this.flow = flow;
        this.navigation = new LoginNavigation(flow.loginOrigin());
        this.autofill = autofill;
        this.onNotice = onNotice;
        this.onRejection = onRejection;
        this.onLoadFailure = onLoadFailure;
        this.lastRejectionText = "";
        this.stoppedPageShown = false;
        leftKite.hide();
        WebEngine web = engine(); // made here if the warm-up has not made it yet
        Milestones.mark("login.page-requested");
        web.load(flow.loginUrl());
        pageWatch.start();
    }

    @Override
    public boolean clearCookies() {
        return LoginWebData.clearCookies();
    }

    @Override
    public void clearStoredData() throws IOException {
        webData.clearFolder();
    }

    @Override
    public void stop() {
        pageWatch.stop();
        flow = null;
        autofill = AutofillPlan.none();
        leftKite.hide();
        if (engine != null) engine.load(null);
    }

    /**
     * Every address the main frame goes to. Runs inside WebKit's own callback: nothing here
     * may touch the engine, so stopping a navigation is left to {@code Platform.runLater}.
     */
    private void onLocation(String url) {
        if (flow == null) return;
        autofill.onLocation(url); // before anything else: off Kite, nothing more is filled
        if (offer(url)) return;
        if (navigation.decide(url) instanceof LoginNavigation.Stop stop) {
            Platform.runLater(() -> stopLeaving(stop, "go to"));
        } else {
            addressBar.show(url);
        }
    }

    /**
     * A popup (window.open, a target=_blank link) never replaces the login. It is given an
     * engine that no view shows, only to learn its address, and stopped as soon as it has one.
     */
    private WebEngine popup() {
        if (flow == null) return null;
        LoginAttempt attempt = flow; // the popup belongs to this attempt, even if another has started when it reports
        AutofillPlan attemptAutofill = autofill;
        WebEngine probe = new WebEngine();
        probe.locationProperty().addListener((obs, old, url) -> {
            if (url == null || url.isEmpty() || url.equals("about:blank")) return;
            Platform.runLater(() -> {
                probe.load(null);
                if (flow != attempt) return;
                attemptAutofill.onLocation(url);
                LoginNavigation.Verdict verdict = navigation.decide(url);
                // Even a popup of Kite's own page goes no further: it would be a second, unwatched login.
                LoginNavigation.Stop stop = verdict instanceof LoginNavigation.Stop s ? s
                        : new LoginNavigation.Stop(url, LoginNavigation.shown(url), true);
                leftKite.show(stop, "open a new window at");
            });
        });
        return probe;
    }

    /** Stops a navigation off Kite and says where it was going; outside WebKit's callback. */
    private void stopLeaving(LoginNavigation.Stop stop, String how) {
        if (flow == null) return;
        engine.getLoadWorker().cancel();
        leftKite.show(stop, how);
        keepOnKite(true);
    }

    /**
     * True when the page shown is Kite's. A page of another origin that got as far as showing
     * is replaced by a plain notice, so the view never shows another origin as if it were Kite;
     * so is our own empty or warm-up page once a navigation off Kite was stopped
     * ({@code afterStop}: a redirect off Kite left no Kite page behind). Our own pages are left
     * alone otherwise: the warm-up page may finish loading just after a login started.
     */
    private boolean keepOnKite(boolean afterStop) {
        String shown = shownOrigin();
        if (isKite(shown)) {
            addressBar.show(shown);
            return true;
        }
        boolean otherSite = LoginOrigin.of(shown).isPresent();
        if ((otherSite || afterStop) && !stoppedPageShown) {
            stoppedPageShown = true; // its own load lands here again: show it once
            addressBar.show(null);
            Platform.runLater(() -> engine.loadContent(STOPPED_PAGE)); // never from inside the engine's own callback
        }
        return false;
    }

    /** Gives a URL to the flow; true when it was our redirect and the browser has been stopped. */
    private boolean offer(String url) {
        if (flow == null || url == null || url.isEmpty()) return false;
        if (!flow.onNavigation(url)) return false;
        pageWatch.stop();
        flow = null;
        // Leave the listener first: touching the engine inside its redirect callback crashes WebKit.
        Platform.runLater(() -> engine.loadContent(
                "<html><body style='font-family:sans-serif;color:#555;padding:2em'>Login captured.</body></html>"));
        return true;
    }

    /** On each tick and load: fill a step that has appeared, and look for Kite's refusals. */
    private void readPage() {
        if (flow == null) return;
        autofill.onPage(engine.getLocation(), this::runScript).ifPresent(onNotice);
        // Refusals count only from Kite's own page: another page saying "account blocked" is not Kite.
        if (isKite(shownOrigin())) checkPage();
    }

    /** The origin of the document the view shows ("null" for our own pages), as the page itself reports it. */
    private String shownOrigin() {
        return runScript("window.location.origin") instanceof String origin ? origin : "";
    }

    private boolean isKite(String origin) {
        return navigation.kiteOrigin().serialized().equals(origin);
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
        // Cut in the page: only the first few KB are read for refusals, and this runs every tick.
        Object text = runScript("document.body ? document.body.innerText.slice(0, 8192) : ''");
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
}
