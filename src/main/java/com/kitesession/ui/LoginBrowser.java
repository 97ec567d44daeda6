package com.kitesession.ui;

import com.kitesession.explain.TwoFactorRejection;
import com.kitesession.login.AutofillPlan;
import com.kitesession.login.LoginFlow;
import com.kitesession.perf.Milestones;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
 * page's text for a 2FA rejection, which on Kite appears without a navigation.
 * Cookies stay on (WebView's own cookie store): Kite's login needs them.
 */
final class LoginBrowser extends BorderPane {
    private final WebView webView = new WebView();
    private final WebEngine engine = webView.getEngine();
    private final Label address = new Label();
    private final Timeline pageWatch;
    private LoginFlow flow;
    private Consumer<TwoFactorRejection> onRejection = r -> {};
    private Consumer<String> onLoadFailure = s -> {};
    private AutofillPlan autofill = new AutofillPlan(null, null, null, java.time.Instant::now);
    private Consumer<String> onNotice = s -> {};
    private String lastRejectionText = "";

    LoginBrowser(Runnable onCancel) {
        getStyleClass().add("login-browser");
        webView.setId("login-webview");
        address.getStyleClass().add("address");
        address.setId("login-address");
        Button cancel = new Button("Close login");
        cancel.setId("close-login");
        cancel.setOnAction(e -> {
            stop();
            onCancel.run();
        });
        HBox bar = new HBox(8, new Label("Kite login"), address, cancel);
        HBox.setHgrow(address, Priority.ALWAYS);
        address.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("browser-bar");
        setTop(bar);
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
        pageWatch = new Timeline(new KeyFrame(Duration.millis(500), e -> checkPage()));
        pageWatch.setCycleCount(Timeline.INDEFINITE);
    }

    void start(LoginFlow flow, AutofillPlan autofill, Consumer<TwoFactorRejection> onRejection,
            Consumer<String> onLoadFailure, Consumer<String> onNotice) {
        this.flow = flow;
        this.autofill = autofill;
        this.onNotice = onNotice;
        this.onRejection = onRejection;
        this.onLoadFailure = onLoadFailure;
        this.lastRejectionText = "";
        Milestones.mark("login.page-requested");
        engine.load(flow.loginUrl());
        pageWatch.play();
    }

    void stop() {
        pageWatch.stop();
        flow = null;
        engine.load(null);
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
        Optional<TwoFactorRejection> rejection = TwoFactorRejection.detect(pageText());
        String text = rejection.map(TwoFactorRejection::pageMessage).orElse("");
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
