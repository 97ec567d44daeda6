package com.kitesession.ui;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.ErrorLayer;
import com.kitesession.explain.Explanation;
import com.kitesession.explain.FixAction;
import com.kitesession.kite.KiteClient;
import com.kitesession.login.LoginFlow;
import com.kitesession.login.SessionCheck;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileInput;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.storage.SettingsStore;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: the profile form on the left; on the right one of four cards
 * (welcome, the Kite login page, the busy exchange, the token) under an explanation panel.
 * It wires views to {@link LoginFlow} and {@link SessionCheck}; all I/O runs on the
 * background executor and comes back through {@link Platform#runLater}.
 */
public final class MainWindow extends BorderPane {
    private static final Executor FX = Platform::runLater;

    private final AppServices services;
    private final ErrorExplainer explainer = new ErrorExplainer();
    private final ProfilePanel profilePanel;
    private final ExplanationView explanation = new ExplanationView(this::onFix);
    private final LoginBrowser browser = new LoginBrowser(this::showWelcome);
    private final TokenView tokenView;
    private final VBox welcome = new VBox(10);
    private final VBox busy = new VBox(12);
    private final Label busyText = new Label();
    private final StackPane cards = new StackPane();
    private KiteProfile profile;
    private KiteSimulator simulator;
    /** What "Try again" repeats: the last login or verify. */
    private Runnable retry = this::login;

    public MainWindow(AppServices services) {
        this.services = services;
        getStyleClass().add("main-window");
        profilePanel = new ProfilePanel(services.clock());
        tokenView = new TokenView(services.clock(), ZoneId.systemDefault(), this::verify, this::login,
                this::sessionExpired);

        buildWelcome();
        busy.getStyleClass().add("busy");
        busy.setId("busy");
        busyText.setId("busy-text");
        busy.getChildren().addAll(new ProgressIndicator(), busyText);
        cards.getChildren().addAll(welcome, browser, busy, tokenView);
        VBox right = new VBox(explanation, cards);
        VBox.setVgrow(cards, javafx.scene.layout.Priority.ALWAYS);
        right.getStyleClass().add("content");

        ScrollPane left = new ScrollPane(profilePanel);
        left.setFitToWidth(true);
        left.getStyleClass().add("profile-scroll");
        left.setPrefWidth(310);
        left.setMinWidth(260);
        setLeft(left);
        setCenter(right);
        showCard(welcome);

        profilePanel.login.setOnAction(e -> login());
        profilePanel.save.setOnAction(e -> saveProfile());
        profilePanel.useDemo.setOnAction(e -> useDemo());
        profilePanel.login.setDisable(true);
        loadSettings();
    }

    /** Stops timers and the built-in simulator; the window is closing. */
    public void shutdown() {
        tokenView.stop();
        browser.stop();
        if (simulator != null) simulator.close();
    }

    // --- profile -------------------------------------------------------------------------

    private void loadSettings() {
        CompletableFuture.supplyAsync(services.settings()::load, services.background()).whenCompleteAsync((loaded, error) -> {
            Optional<KiteProfile> saved = loaded == null ? Optional.empty() : loaded.profile();
            if (loaded != null) loaded.problem().ifPresent(profilePanel::showProblem);
            if (saved.isPresent() && !saved.get().isDemo()) {
                useProfile(saved.get(), null);
            } else {
                useDemo();
            }
        }, FX);
    }

    private void useDemo() {
        profilePanel.showProblem("");
        profilePanel.login.setDisable(true);
        CompletableFuture.supplyAsync(() -> {
            try {
                if (simulator == null) simulator = services.demo().start();
                return simulator;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, services.background()).whenCompleteAsync((sim, error) -> {
            if (error != null) {
                profilePanel.showProblem("The built-in demo simulator could not start on 127.0.0.1. Enter your own Kite app instead.");
                return;
            }
            var account = sim.account();
            KiteProfile demo = new KiteProfile(KiteProfile.DEMO_ID, "Demo (built-in Kite simulator)", account.apiKey(),
                    account.redirectUrl(), account.userId(), sim.baseUrl(), sim.baseUrl());
            useProfile(demo, account.apiSecret());
            profilePanel.showDemo(account);
        }, FX);
    }

    private void useProfile(KiteProfile chosen, String secret) {
        profile = chosen;
        profilePanel.profileName.setText(chosen.name());
        profilePanel.apiKey.setText(chosen.apiKey());
        profilePanel.redirectUrl.setText(chosen.redirectUrl());
        profilePanel.apiSecret.setText(secret == null ? "" : secret);
        profilePanel.showDemo(null);
        profilePanel.login.setDisable(false);
    }

    private void saveProfile() {
        String apiKey = profilePanel.apiKey.getText().strip();
        String redirect = profilePanel.redirectUrl.getText().strip();
        Optional<String> problem = ProfileInput.problem(apiKey, "x", redirect);
        if (problem.isPresent()) {
            profilePanel.showProblem(problem.get());
            return;
        }
        KiteProfile mine = KiteProfile.forKite("My Kite app", apiKey, redirect, null);
        String secret = profile != null && profile.isDemo() ? "" : profilePanel.apiSecret.getText();
        useProfile(mine, secret);
        SettingsStore store = services.settings();
        CompletableFuture.runAsync(() -> {
            try {
                store.save(mine);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, services.background()).whenCompleteAsync((ok, error) -> profilePanel.showProblem(error == null
                ? "Saved. Enter the api_secret, then log in."
                : "Could not save the profile to " + store.file() + ". It is used for this run only."), FX);
    }

    // --- login ---------------------------------------------------------------------------

    private void login() {
        if (profile == null) return;
        String apiKey = profilePanel.apiKey.getText().strip();
        String secret = profilePanel.apiSecret.getText();
        String redirect = profilePanel.redirectUrl.getText().strip();
        Optional<String> problem = ProfileInput.problem(apiKey, secret, redirect);
        profilePanel.showProblem(problem.orElse(""));
        if (problem.isPresent()) return;
        profile = profile.withApp(profile.name(), apiKey, redirect, profile.userId());

        explanation.hide();
        retry = this::login;
        KiteClient client = new KiteClient(profile.apiBase(), services.http());
        LoginFlow flow = new LoginFlow(profile, secret, client, services.expiry(), services.clock(),
                services.background(), FX, new LoginFlow.Listener() {
                    @Override
                    public void exchanging() {
                        explanation.hide(); // a 2FA rejection before the right code is history now
                        showBusy("Exchanging the request_token with Kite\u2026");
                    }

                    @Override
                    public void loggedIn(ActiveSession session) {
                        tokenView.stop();
                        showCard(tokenView); // visible first, so Copy token can take the focus
                        tokenView.show(session);
                    }

                    @Override
                    public void failed(Explanation why) {
                        explanation.show(why);
                        showWelcome();
                    }
                });
        showCard(browser);
        browser.start(flow,
                rejection -> explanation.show(explainer.explainTwoFactor(rejection,
                        services.clock().instant().atZone(ZoneId.systemDefault()))),
                this::loginPageFailed);
    }

    private void loginPageFailed(String url) {
        browser.stop();
        explanation.show(new Explanation(ErrorLayer.LOGIN, "The Kite login page did not load",
                "The embedded browser could not open " + (url == null ? "the login page" : url.replaceAll("\\?.*", ""))
                        + ". This computer may be offline, or a firewall or proxy blocks kite.zerodha.com.",
                List.of("Check that this computer is online.", "Try again."), FixAction.RELOGIN, null));
        showWelcome();
    }

    private void verify() {
        ActiveSession session = tokenView.session();
        if (session == null) return;
        retry = this::verify;
        new SessionCheck(new KiteClient(profile.apiBase(), services.http()), services.clock(), services.background(), FX)
                .verify(session,
                        user -> tokenView.setStatus("Session is live: Kite accepted the token for " + user.userId() + "."),
                        why -> {
                            tokenView.setStatus("Kite refused the session: see above.");
                            explanation.show(why);
                        });
    }

    private void sessionExpired() {
        ActiveSession session = tokenView.session();
        if (session != null) explanation.show(explainer.explainExpired(session.expiresAt()));
    }

    private void onFix(FixAction action) {
        switch (action) {
            case RELOGIN -> login();
            case EDIT_SECRET -> {
                profilePanel.apiSecret.clear();
                profilePanel.apiSecret.requestFocus();
            }
            case EDIT_PROFILE -> profilePanel.apiKey.requestFocus();
            case RETRY -> retry.run();
            case NONE -> { }
        }
    }

    // --- cards ---------------------------------------------------------------------------

    private void buildWelcome() {
        welcome.getStyleClass().add("welcome");
        welcome.setId("welcome");
        Label title = new Label("Today's Kite session in one click");
        title.getStyleClass().add("welcome-title");
        title.setWrapText(true);
        Label steps = new Label("1. Check the Kite app on the left (the demo works out of the box).\n"
                + "2. Press Log in to Kite and log in as usual: user ID, password, 2FA code.\n"
                + "3. The app catches the request_token, exchanges it, and shows your access token"
                + " with a countdown to its 06:00 IST expiry.");
        steps.setWrapText(true);
        welcome.getChildren().addAll(title, steps);
    }

    private void showWelcome() {
        showCard(tokenView.session() != null ? tokenView : welcome);
    }

    private void showBusy(String text) {
        busyText.setText(text);
        showCard(busy);
    }

    private void showCard(Node card) {
        for (Node node : cards.getChildren()) {
            node.setVisible(node == card);
        }
        if (card != browser) browser.stop();
    }

    // For tests: the loaded profile and the embedded browser's engine.
    KiteProfile profile() {
        return profile;
    }

    LoginBrowser browser() {
        return browser;
    }
}
