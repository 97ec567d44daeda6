package com.kitesession.ui;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.ErrorLayer;
import com.kitesession.explain.Explanation;
import com.kitesession.explain.FixAction;
import com.kitesession.explain.LoginRejection;
import com.kitesession.kite.KiteClient;
import com.kitesession.login.AutofillPlan;
import com.kitesession.login.LoginAttempt;
import com.kitesession.otp.TotpSecret;
import com.kitesession.service.ClipboardGuard;
import com.kitesession.session.Countdown;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileInput;
import com.kitesession.session.RedirectUrlCheck;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.storage.AppSettings;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: the profile list and the selected profile's form on the left; on
 * the right one of four cards (welcome, the Kite login page, the busy exchange, the token)
 * under an explanation panel. It wires views to {@link SessionService} and {@link LoginAttempt};
 * every call that touches disk, keychain or network runs on the background executor.
 */
public final class MainWindow extends BorderPane {
    private static final Executor FX = Platform::runLater;

    private final AppServices services;
    private final DesktopBridge desktop;
    private final SessionService sessions;
    /** Kite's time as best measured: the token dies by Kite's clock, so countdowns and reminders follow it. */
    private final Clock kiteClock;
    private final ErrorExplainer explainer = new ErrorExplainer();
    private final ProfileListView profileList;
    private final ProfilePanel profilePanel;
    private final ExplanationView explanation = new ExplanationView(this::onFix);
    private final LoginBrowser browser;
    private final TokenView tokenView;
    private final RedirectHelpView redirectHelp = new RedirectHelpView(this::showWelcome);
    private final ClipboardGuard clipboard;
    private final VBox welcome = new VBox(10);
    private final VBox busy = new VBox(12);
    private final Label busyText = new Label();
    private final StackPane cards = new StackPane();
    /** Every repeating timer of the window, so that closing it stops them all. */
    private final List<Timeline> timers = new ArrayList<>();
    private final ClockStatusLine clockBar;
    private final UiTasks tasks;
    private final ReminderNotifications reminders;
    private Timeline livenessTimer;
    /** A saved profile (not the demo, not a new one) is in the form: Profile menu items apply. */
    private final javafx.beans.property.BooleanProperty savedProfileSelected = new javafx.beans.property.SimpleBooleanProperty();
    /** The window title: the app's name, and the selected session's countdown while it lives. */
    private final javafx.beans.property.StringProperty title =
            new javafx.beans.property.SimpleStringProperty("Kite Session Manager");
    /** The profile in the form: the selected one, or a new one not saved yet. */
    private KiteProfile profile;
    private KiteSimulator simulator;
    /** A line for the profile form once the next selection has filled it ("Saved."). */
    private String notice = "";
    /** What "Try again" repeats: the last login or verify. */
    private Runnable retry = this::login;

    public MainWindow(AppServices services, DesktopBridge desktop) {
        this.services = services;
        this.desktop = desktop;
        this.sessions = services.sessions();
        this.kiteClock = services.clockOffsets().correctedClock();
        this.tasks = new UiTasks(services.background(), FX, this::showLocalFailure);
        getStyleClass().add("main-window");
        browser = new LoginBrowser(this::showWelcome, desktop::browse, new LoginWebData(
                sessions.dataFolder().resolve("webview"), () -> sessions.settings().loginUserAgent));
        profileList = new ProfileListView(kiteClock);
        profilePanel = new ProfilePanel(services.clockOffsets()::correctedNow);
        tokenView = new TokenView(kiteClock, ZoneId.systemDefault(), new TokenView.Actions() {
            @Override
            public void copy(ActiveSession session) {
                copyToken(session);
            }

            @Override
            public void verify() {
                MainWindow.this.verify();
            }

            @Override
            public void relogin() {
                login();
            }

            @Override
            public void logout() {
                MainWindow.this.logout();
            }

            @Override
            public void expired() {
                sessionExpired();
            }

            @Override
            public void clipboardClearChanged(int seconds) {
                setClipboardClear(seconds);
            }
        }, sessions.settings().clipboardClearSeconds);
        clipboard = new ClipboardGuard(new SystemClipboard(), (delay, task) -> {
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            wait.setOnFinished(e -> task.run());
            wait.play();
        });

        buildWelcome();
        busy.getStyleClass().add("busy");
        busy.setId("busy");
        busyText.setId("busy-text");
        busy.getChildren().addAll(new ProgressIndicator(), busyText);
        redirectHelp.bindTo(profilePanel.redirectUrl.textProperty());
        redirectHelp.url.disableProperty().bind(profilePanel.redirectUrl.disabledProperty());
        cards.getChildren().addAll(welcome, browser, busy, tokenView, redirectHelp);
        // A long explanation scrolls within at most half the height, so the login page under it
        // (where the person types the next code) always keeps room.
        ScrollPane explanationScroll = new ScrollPane(explanation);
        explanationScroll.setFitToWidth(true);
        explanationScroll.getStyleClass().add("explanation-scroll");
        explanationScroll.visibleProperty().bind(explanation.visibleProperty());
        explanationScroll.managedProperty().bind(explanation.managedProperty());
        cards.setMinHeight(0);
        VBox right = new VBox(explanationScroll, cards);
        // The cards ask for half (and grow into what the explanation leaves); the explanation
        // takes what it needs up to the other half.
        explanationScroll.maxHeightProperty().bind(right.heightProperty().multiply(0.5));
        cards.prefHeightProperty().bind(right.heightProperty().multiply(0.45));
        VBox.setVgrow(cards, Priority.ALWAYS);
        right.getStyleClass().add("content");

        VBox leftContent = new VBox(12, profileList, profilePanel);
        leftContent.getStyleClass().add("left-content");
        ScrollPane left = new ScrollPane(leftContent);
        left.setFitToWidth(true);
        left.getStyleClass().add("profile-scroll");
        left.setPrefWidth(330);
        left.setMinWidth(280);
        setTop(new MainMenu(menuActions(), profilePanel.login.disabledProperty().not(), savedProfileSelected,
                tokenView.visibleProperty().and(tokenView.sessionShownProperty())));
        profilePanel.login.setTooltip(new javafx.scene.control.Tooltip(MainMenu.withShortcut("Log in to Kite", MainMenu.LOGIN)));
        setLeft(left);
        setCenter(right);
        clockBar = new ClockStatusLine(services.clockOffsets());
        setBottom(clockBar);
        reminders = new ReminderNotifications(sessions.preferences().reminders(), kiteClock,
                () -> List.copyOf(profileList.list.getItems()), reminder -> {
                    // Selecting sets the profile at once (its form fills later); the login reads the stored secret.
                    if (reminder.profile() != null) profileList.show(profileList.list.getItems(), reminder.profile().id());
                    login();
                }, desktop, () -> sessions.preferences().osNotifications(), services.background());
        every(javafx.util.Duration.seconds(2), clockBar::refresh);
        every(javafx.util.Duration.seconds(15), this::checkReminders);
        every(javafx.util.Duration.seconds(1), this::showTitle);
        showCard(welcome);

        profileList.onSelect(row -> select(row.profile()));
        profileList.add.setOnAction(e -> addProfile());
        profileList.delete.setOnAction(e -> deleteProfile());
        profileList.makeDefault.setOnAction(e -> makeDefault());
        profilePanel.login.setOnAction(e -> login());
        profilePanel.save.setOnAction(e -> saveProfile());
        profilePanel.export.setOnAction(e -> chooseExport());
        profilePanel.redirectHelp.setOnAction(e -> showCard(redirectHelp));
        profilePanel.login.setDisable(true);

        livenessTimer = every(javafx.util.Duration.minutes(sessions.preferences().livenessMinutes()), this::checkAllLive);
        start();
    }

    private Timeline every(javafx.util.Duration period, Runnable action) {
        Timeline timer = new Timeline(new KeyFrame(period, e -> action.run()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        timers.add(timer);
        return timer;
    }

    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title;
    }

    private void showTitle() {
        ActiveSession session = tokenView.session();
        if (session == null || session.isExpired(kiteClock) || profile == null) {
            title.set("Kite Session Manager");
        } else {
            title.set(profile.name() + " \u00b7 " + Countdown.format(session.remaining(kiteClock))
                    + " left \u2013 Kite Session Manager");
        }
    }

    /** Every 15 s: what fell due since the last look (expiry at 06:00 IST, the pre-market nudge). */
    void checkReminders() { // package-private: tests step it instead of waiting for the 15 s timer
        reminders.check(getScene() == null ? null : getScene().getWindow());
    }

    /** Stops timers and the built-in simulator; the window is closing. */
    public void shutdown() {
        timers.forEach(Timeline::stop);
        profileList.stop();
        profilePanel.showDemo(null);
        tokenView.stop();
        browser.stop();
        if (simulator != null) simulator.close();
    }

    // --- start-up and the list ---------------------------------------------------------------

    private void start() {
        sessions.loadProblem().ifPresent(problem -> explanation.show(new Explanation(ErrorLayer.LOCAL,
                "A problem with the settings file", problem,
                List.of("Check the profiles below and Preferences; re-enter what is missing or was reset."),
                FixAction.NONE, null)));
        if (sessions.settings().profiles.isEmpty()) {
            startDemo();
        } else {
            AppSettings s = sessions.settings();
            refresh(s.lastProfileId != null ? s.lastProfileId : s.defaultProfileId);
            checkAllLive();
            s.profiles.stream().findFirst().ifPresent(first -> tasks.run(() -> {
                measureClock(first);
                return null;
            }, ignored -> { }));
        }
    }

    private void startDemo() {
        tasks.run(() -> {
            if (simulator == null) simulator = services.demo().start();
            var account = simulator.account();
            KiteProfile demo = new KiteProfile(KiteProfile.DEMO_ID, "Demo (built-in Kite simulator)", account.apiKey(),
                    account.redirectUrl(), account.userId(), simulator.baseUrl(), simulator.baseUrl());
            sessions.setDemo(demo, account.apiSecret(), account.password(), account.totpSecretBase32());
            measureClock(demo);
            return KiteProfile.DEMO_ID;
        }, this::refresh);
    }

    /** Re-reads every profile's status off the FX thread, then shows it, selecting {@code selectId}. */
    private void refresh(String selectId) {
        tasks.run(sessions::statuses, rows -> profileList.show(rows, selectId));
    }

    private void select(KiteProfile chosen) {
        profile = chosen;
        savedProfileSelected.set(!chosen.isDemo());
        profilePanel.showDemo(chosen.isDemo() && simulator != null ? simulator.account() : null);
        AppSettings.TokenExport export = sessions.settings().exports.get(chosen.id());
        profilePanel.exportInfo.setText(export == null ? "" : "On each login the token is written to " + export.path()
                + " (" + export.format().name().toLowerCase() + ").");
        tasks.run(() -> new Selected(sessions.apiSecret(chosen).isPresent(), sessions.loginSecrets(chosen).any(),
                sessions.session(chosen)), selected -> {
            if (profile != chosen) return; // the person moved on meanwhile
            profilePanel.fill(chosen, selected.secretStored ? sessions.describeSecrets(chosen) : null,
                    selected.loginSecretsStored);
            profilePanel.showProblem(notice);
            notice = "";
            profilePanel.login.setDisable(false);
            browser.warmUp(); // a profile can log in now: get WebKit ready (once) while the person reaches for Login
            if (selected.session.isPresent()) {
                tokenView.stop();
                showCard(tokenView);
                tokenView.show(selected.session.get());
            } else {
                tokenView.stop();
                showCard(welcome);
            }
        });
        if (!chosen.isDemo()) tasks.run(() -> {
            sessions.rememberLastProfile(chosen.id());
            return null;
        }, ignored -> { });
    }

    private record Selected(boolean secretStored, boolean loginSecretsStored, Optional<ActiveSession> session) {}

    private void addProfile() {
        boolean firstOwnApp = sessions.settings().profiles.isEmpty();
        profileList.list.getSelectionModel().clearSelection();
        profile = KiteProfile.forKite("My Kite app", "", RedirectUrlCheck.SUGGESTED, null);
        savedProfileSelected.set(false);
        profilePanel.showDemo(null);
        profilePanel.fill(profile, null, false);
        profilePanel.name.requestFocus();
        tokenView.stop();
        // The first own app: the redirect URL is what people get wrong, so its help comes first.
        showCard(firstOwnApp ? redirectHelp : welcome);
    }

    private void saveProfile() {
        String apiKey = profilePanel.apiKey.getText().strip();
        String redirect = profilePanel.redirectUrl.getText().strip();
        String typedSecret = profilePanel.apiSecret.getText();
        // A stored secret may stay as it is; a new profile needs one typed.
        Optional<String> problem = ProfileInput.problem(apiKey,
                profilePanel.secretStored() && typedSecret.isEmpty() ? "stored" : typedSecret, redirect);
        if (profilePanel.name.getText().isBlank()) problem = Optional.of("Give the profile a name, e.g. the account it logs in to.");
        if (problem.isPresent()) {
            profilePanel.showProblem(problem.get());
            return;
        }
        String userId = profilePanel.userId.getText().strip();
        // One-click secrets: unticked forgets them; a blank field keeps what is stored.
        String password = profilePanel.oneClick.isSelected() ? emptyToNull(profilePanel.kitePassword.getText()) : "";
        String totp = "";
        if (profilePanel.oneClick.isSelected()) {
            String typedTotp = profilePanel.totpSecret.getText().strip();
            try {
                totp = typedTotp.isEmpty() ? null : TotpSecret.normalize(typedTotp);
            } catch (IllegalArgumentException e) {
                profilePanel.showProblem(e.getMessage());
                return;
            }
        }
        String loginPassword = password;
        String loginTotp = totp;
        KiteProfile edited = profile.withApp(profilePanel.name.getText().strip(), apiKey, redirect,
                userId.isEmpty() ? null : userId);
        Runnable save = () -> tasks.run(() -> {
            sessions.saveProfile(edited, typedSecret);
            sessions.saveLoginSecrets(edited, loginPassword, loginTotp);
            return edited.id();
        }, id -> {
            profile = edited;
            notice = "Saved.";
            refresh(id);
        });
        // The demo keeps its secrets in memory: no passphrase for it.
        if (edited.isDemo()) save.run();
        else services.secretsGate().whenUnlocked(save);
    }

    private void deleteProfile() {
        ProfileStatus row = profileList.selected();
        if (row == null) return;
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete \u201c" + row.profile().name() + "\u201d? Its api_secret and any saved token are removed from this"
                        + " computer. The Kite app itself is not touched.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Delete this profile?");
        confirm.initOwner(getScene().getWindow());
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isEmpty()) return;
        tasks.run(() -> {
            sessions.deleteProfile(row.profile());
            return null;
        }, ignored -> {
            if (sessions.profiles().isEmpty()) startDemo();
            else refresh(null);
        });
    }

    private void makeDefault() {
        ProfileStatus row = profileList.selected();
        if (row == null) return;
        tasks.run(() -> {
            sessions.setDefault(row.profile());
            return row.profile().id();
        }, this::refresh);
    }

    private void chooseExport() {
        if (profile == null || profile.isDemo()) return;
        File file = desktop.chooseExportFile(getScene().getWindow());
        if (file == null) return;
        AppSettings.ExportFormat format = file.getName().endsWith(".env") ? AppSettings.ExportFormat.ENV
                : AppSettings.ExportFormat.JSON;
        KiteProfile target = profile;
        tasks.run(() -> {
            sessions.setExport(target, new AppSettings.TokenExport(file.getAbsolutePath(), format));
            return target;
        }, this::select);
    }

    // --- login ---------------------------------------------------------------------------

    private void login() {
        if (profile == null) return;
        KiteProfile target = profile;
        if (sessions.profile(target.id()).isEmpty()) {
            profilePanel.showProblem("Save the profile first, then log in.");
            return;
        }
        String typed = profilePanel.apiSecret.getText();
        // Measured alongside, not before: the code is needed only at the 2FA step, seconds later,
        // and a dead network must not hold the login page back.
        tasks.run(() -> {
            measureClock(target);
            return null;
        }, ignored -> { });
        tasks.run(() -> new LoginInputs(typed.isEmpty() ? sessions.apiSecret(target).orElse("") : typed, sessions.loginSecrets(target)),
                inputs -> startLogin(target, inputs.apiSecret(), inputs.loginSecrets()));
    }

    /**
     * One cheap unauthenticated request to the profile's API host: its Date header (read by the
     * clock probe on the shared client) measures this computer's clock before the 2FA step.
     * Offline, nothing is measured and the login goes on.
     */
    private void measureClock(KiteProfile target) {
        okhttp3.Request ping = new okhttp3.Request.Builder().url(target.apiBase()).head().build();
        try (okhttp3.Response ignored = services.http().newCall(ping).execute()) {
            // The answer itself does not matter; the probe has read its Date.
        } catch (java.io.IOException | IllegalArgumentException e) {
            // Offline or a malformed address: "not measured" stays true, and the login shows why.
        }
    }

    /** What a login needs from the secret store, read off the FX thread. */
    private record LoginInputs(String apiSecret, SessionService.LoginSecrets loginSecrets) {}

    private void startLogin(KiteProfile target, String secret, SessionService.LoginSecrets loginSecrets) {
        Optional<String> problem = ProfileInput.problem(target.apiKey(), secret, target.redirectUrl());
        profilePanel.showProblem(problem.orElse(""));
        if (problem.isPresent()) return;
        explanation.hide();
        retry = this::login;
        KiteClient client;
        LoginAttempt flow;
        try {
            client = new KiteClient(target.apiBase(), services.http());
            flow = new LoginAttempt(target, secret, client, sessions.expiry(), services.clock(),
                    services.background(), FX, new LoginAttempt.Listener() {
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
                            tasks.run(() -> sessions.recordLogin(target, session), exportProblem -> {
                                exportProblem.ifPresent(tokenView::setStatus);
                                refresh(target.id());
                            });
                        }

                        @Override
                        public void failed(Explanation why) {
                            explanation.show(why);
                            showWelcome();
                        }
                    });
        } catch (IllegalArgumentException badAddress) {
            // A hand-edited Kite address (plain http to another machine, say): said in words, not thrown on the FX thread.
            profilePanel.showProblem(badAddress.getMessage());
            return;
        }
        AutofillPlan autofill = new AutofillPlan(flow.loginOrigin(), target.userId(), loginSecrets.password().orElse(null),
                loginSecrets.totpSecret().orElse(null), services.clockOffsets()::correctedNow);
        showCard(browser);
        browser.start(flow, autofill,
                rejection -> explanation.show(explainer.explainLoginRejection(rejection,
                        services.clock().instant().atZone(ZoneId.systemDefault()), services.clockOffsets().best())),
                this::loginPageFailed, profilePanel::showProblem);
    }

    private void loginPageFailed(String url) {
        browser.stop();
        explanation.show(new Explanation(ErrorLayer.LOGIN, "The Kite login page did not load",
                "The embedded browser could not open " + (url == null ? "the login page" : url.replaceAll("\\?.*", ""))
                        + ". This computer may be offline, or a firewall or proxy blocks kite.zerodha.com.",
                List.of("Check that this computer is online.", "Try again."), FixAction.RELOGIN, null));
        showWelcome();
    }

    // --- the session ---------------------------------------------------------------------

    private void setClipboardClear(int seconds) {
        tasks.run(() -> {
            sessions.setClipboardClearSeconds(seconds);
            return null;
        }, ignored -> { });
    }

    private void copyToken(ActiveSession session) {
        int seconds = sessions.settings().clipboardClearSeconds;
        clipboard.copy(session.accessToken(), Duration.ofSeconds(seconds));
        tokenView.setStatus("Access token copied to the clipboard"
                + (seconds > 0 ? "; it is cleared in " + seconds + " s if still there." : "."));
    }

    private void verify() {
        if (profile == null) return;
        KiteProfile target = profile;
        tokenView.setStatus("Checking the session with Kite\u2026");
        retry = this::verify;
        tasks.run(() -> sessions.check(target), result -> {
            refresh(target.id());
            if (result.verdict() == LivenessVerdict.LIVE) {
                tokenView.setStatus("Session is live: Kite accepted the token.");
            } else if (result.explanation() != null) {
                tokenView.setStatus(result.verdict() == LivenessVerdict.OFFLINE
                        ? "Could not reach Kite to check; the token is kept." : "Kite refused the session: see above.");
                explanation.show(result.explanation());
            }
        });
    }

    /**
     * The timer's round: every profile with a token that may be live is checked quietly; the
     * list shows the outcome, and a refusal of the profile on screen is explained at once.
     */
    private void checkAllLive() {
        tasks.run(() -> {
            Map<String, Explanation> refused = new java.util.HashMap<>();
            for (ProfileStatus row : sessions.statuses()) {
                if (!row.state(services.clock().instant()).isLive()) continue;
                SessionService.CheckResult result = sessions.check(row.profile());
                if (result.verdict() == LivenessVerdict.REFUSED) refused.put(row.profile().id(), result.explanation());
            }
            return refused;
        }, refused -> {
            if (profile != null && refused.containsKey(profile.id())) explanation.show(refused.get(profile.id()));
            refresh(profile == null ? null : profile.id());
        });
    }

    private void logout() {
        if (profile == null) return;
        KiteProfile target = profile;
        tasks.run(() -> sessions.logout(target), result -> {
            if (result.done()) {
                tokenView.stop();
                showCard(welcome);
                refresh(target.id());
                return;
            }
            Explanation why = result.problem();
            List<String> fixes = new ArrayList<>(why.fixes());
            fixes.add("Or forget the token on this computer only; Kite keeps it valid until its expiry.");
            explanation.show(new Explanation(why.layer(), "Could not log out on Kite: " + why.title().toLowerCase(),
                    why.why() + " The token is kept until you decide.", fixes, FixAction.FORGET_LOCALLY, why.kiteMessage()));
        });
    }

    private void forgetLocally() {
        if (profile == null) return;
        KiteProfile target = profile;
        tasks.run(() -> {
            sessions.forgetSession(target);
            return null;
        }, ignored -> {
            tokenView.stop();
            showCard(welcome);
            refresh(target.id());
        });
    }

    private void sessionExpired() {
        ActiveSession session = tokenView.session();
        if (session != null) explanation.show(explainer.explainExpired(session.expiresAt()));
        refresh(profile == null ? null : profile.id());
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
            case FORGET_LOCALLY -> forgetLocally();
            case CHECK_LOGIN_DETAILS -> (profilePanel.oneClick.isSelected() ? profilePanel.kitePassword : profilePanel.userId)
                    .requestFocus();
            case OPEN_KITE_RESET -> openKiteReset();
            case NONE -> { }
        }
    }

    /** Kite's reset unblocks a real account; the demo's simulator is no Kite account, so nothing real opens. */
    private void openKiteReset() {
        if (profile != null && profile.isDemo()) {
            profilePanel.showProblem("The demo logs in to the built-in simulator, not to Kite: there is no Kite account"
                    + " to reset, so Kite's reset page was not opened. For a real profile it opens "
                    + LoginRejection.KITE_RESET_PAGE + ".");
            return;
        }
        desktop.browse(LoginRejection.KITE_RESET_PAGE);
    }

    // --- the menu bar --------------------------------------------------------------------------

    private MainMenu.Actions menuActions() {
        return new MainMenu.Actions() {
            @Override
            public void preferences() {
                showPreferences();
            }

            @Override
            public void openLogsFolder() {
                desktop.openFolder(desktop.logsFolder());
            }

            @Override
            public void quit() {
                desktop.quit();
            }

            @Override
            public void addProfile() {
                MainWindow.this.addProfile();
            }

            @Override
            public void makeDefault() {
                MainWindow.this.makeDefault();
            }

            @Override
            public void exportToken() {
                chooseExport();
            }

            @Override
            public void deleteProfile() {
                MainWindow.this.deleteProfile();
            }

            @Override
            public void login() {
                MainWindow.this.login();
            }

            @Override
            public void copyToken() {
                ActiveSession session = tokenView.session();
                if (session != null) MainWindow.this.copyToken(session);
            }

            @Override
            public void verify() {
                MainWindow.this.verify();
            }

            @Override
            public void logout() {
                MainWindow.this.logout();
            }

            @Override
            public void redirectHelp() {
                showCard(redirectHelp);
            }

            @Override
            public void clearLoginCookies() {
                MainWindow.this.clearLoginCookies();
            }

            @Override
            public void about() {
                new AboutDialog(getScene().getWindow(), desktop, sessions.secretStore().describe()).show();
            }
        };
    }

    /**
     * Forgets Kite's login cookies and the login browser's stored data: the next login starts
     * as on a new browser. An open login is closed first, since it runs on those cookies.
     */
    private void clearLoginCookies() {
        if (browser.isVisible()) showWelcome();
        boolean cookiesCleared = LoginWebData.clearCookies();
        tasks.run(() -> {
            browser.webData().clearFolder();
            return null;
        }, ignored -> profilePanel.showProblem(cookiesCleared
                ? "Login cookies cleared, and Kite's page data removed from disk: the next login starts without them"
                        + " (page data still in memory goes when the app quits)."
                : "The login browser's data was cleared; its cookies last until the app quits (they are kept in memory only)."));
    }

    private void showPreferences() {
        PreferencesDialog dialog = new PreferencesDialog(getScene().getWindow(), sessions.preferences(),
                desktop.notifier().describe());
        dialog.showAndWait().ifPresent(chosen -> tasks.run(() -> {
            sessions.savePreferences(chosen);
            return chosen;
        }, saved -> {
            tasks.run(() -> Themes.resolve(saved.theme(), com.kitesession.desktop.ColorScheme::ofThisDesktop), Themes::apply);
            reminders.setReminders(saved.reminders());
            livenessTimer.stop();
            timers.remove(livenessTimer);
            livenessTimer = every(javafx.util.Duration.minutes(saved.livenessMinutes()), this::checkAllLive);
        }));
    }

    // --- cards and plumbing ----------------------------------------------------------------

    private void buildWelcome() {
        welcome.getStyleClass().add("welcome");
        welcome.setId("welcome");
        Label title = new Label("Today's Kite session in one click");
        title.getStyleClass().add("welcome-title");
        title.setWrapText(true);
        Label steps = new Label("1. Choose or add your Kite app on the left (the demo works out of the box).\n"
                + "2. Press Log in to Kite and log in as usual: user ID, password, 2FA code.\n"
                + "3. The app catches the request_token, exchanges it, and shows your access token"
                + " with a countdown to its 06:00 IST expiry. It remembers it, checks it stays live,"
                + " and hands it to your scripts (Copy, an export file, or `kite-session token`).");
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

    /** A disk or keychain failure of a background task, in plain words. */
    private void showLocalFailure(Throwable cause) {
        explanation.show(new Explanation(ErrorLayer.LOCAL, "Could not read or save this computer's data",
                cause instanceof com.kitesession.secrets.SecretStoreException || cause instanceof java.io.IOException
                        ? cause.getMessage() : "An unexpected " + cause.getClass().getSimpleName() + " happened.",
                List.of("Check the disk has space and the app's folder is writable.", "Try again."),
                FixAction.NONE, null));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The system clipboard as {@link ClipboardGuard} sees it (FX thread only). */
    private static final class SystemClipboard implements ClipboardGuard.Clipboard {
        @Override
        public Optional<String> text() {
            return Optional.ofNullable(Clipboard.getSystemClipboard().getString());
        }

        @Override
        public void setText(String text) {
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
        }

        @Override
        public void clear() {
            Clipboard.getSystemClipboard().clear();
        }
    }
}
