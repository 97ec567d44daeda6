package com.kitesession.ui;

import com.kitesession.clock.KiteClockPing;
import com.kitesession.desktop.ColorScheme;
import com.kitesession.desktop.OsNotifier;
import com.kitesession.explain.ErrorExplainer;
import com.kitesession.service.ClipboardGuard;
import com.kitesession.service.SessionService;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The main window, assembled: the menu bar, the sidebar of sessions, the detail pane, the clock
 * line. It builds the {@link MainModel}, the presenters and the {@link WindowCommands} they share,
 * binds the views to them, and keeps the one timer: each second it moves the model's "now".
 */
public final class MainWindow extends BorderPane {
    private static final Executor FX = Platform::runLater;

    private final MainModel model;
    private final ProfilesPresenter profiles;
    private final LoginBrowser browser;
    private final ReminderNotifications reminders;
    private final ClockStatusLine clockBar;
    private final Clock kiteClock;
    /**
     * The one timer: a plain thread, not a JavaFX Timeline. A running Timeline keeps JavaFX's pulse
     * at 60 a second while the window only needs one (idle, it cost 2-5 % of a core).
     */
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kite-session-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final LoginRequests loginRequests;
    private final TrayPresenter tray;
    private WindowCommands commands;
    private long ticks;

    public MainWindow(AppServices services, DesktopBridge desktop) {
        SessionService sessions = services.sessions();
        // Kite's time as best measured: the token dies by Kite's clock, so countdowns and reminders follow it.
        kiteClock = services.clockOffsets().correctedClock();
        model = new MainModel(kiteClock.instant(), sessions.preferences());
        ErrorExplainer explainer = new ErrorExplainer();
        UiTasks tasks = new UiTasks(services.background(), FX, cause -> model.explain(explainer.explainLocalFailure(cause)));
        WindowDialogs dialogs = new DesktopDialogs(desktop, this::owner);
        KiteClockPing clockPing = new KiteClockPing(services.http());
        browser = new LoginBrowser(() -> commands.cancelLogin(), desktop::browse, new LoginWebData(
                sessions.dataFolder().resolve("webview"), () -> sessions.settings().loginUserAgent));
        profiles = new ProfilesPresenter(model, services, tasks, clockPing, explainer, dialogs);
        LoginAttempts attempts = new LoginAttempts(model, services, tasks, FX, profiles::refresh);
        LoginPresenter login = new LoginPresenter(model, services, tasks, attempts, browser, clockPing, explainer, dialogs);
        BrowserLoginPresenter browserLogin = new BrowserLoginPresenter(model, sessions, tasks, FX, attempts, explainer,
                dialogs, BrowserLoginPresenter.WAIT);
        SessionPresenter session = new SessionPresenter(model, sessions, tasks, systemClipboard(), explainer,
                profiles::refresh);
        commands = new WindowCommands(model, profiles, login, browserLogin, session, sessions, tasks, dialogs,
                desktop.autostart());

        getStyleClass().add("main-window");
        ProfileEditor editor = new ProfileEditor(model, commands);
        RedirectHelpView redirectHelp = new RedirectHelpView(commands::closeRedirectHelp);
        redirectHelp.bindTo(editor.redirectUrlProperty());
        TokenView dashboard = new TokenView(model, commands, services.clockOffsets(), ZoneId.systemDefault(),
                sessions.settings().clipboardClearSeconds);
        setTop(new MainMenu(commands, model));
        setLeft(scrolling(new Sidebar(model, commands), "sidebar-scroll", 330, 280));
        setCenter(new DetailPane(model, commands, Map.of(MainModel.Card.LOGIN, browser, MainModel.Card.TOKEN, dashboard,
                MainModel.Card.BROWSER_LOGIN, scrolling(new BrowserLoginView(model, commands), "browser-login-scroll", -1, 0),
                MainModel.Card.REDIRECT_HELP, redirectHelp,
                MainModel.Card.EDIT_PROFILE, scrolling(editor, "editor-scroll", -1, 0))));
        clockBar = new ClockStatusLine(services.clockOffsets(), "clock-offset");
        setBottom(clockBar);

        loginRequests = new LoginRequests(model, commands, this::notifyOverWindow);
        tray = new TrayPresenter(model, desktop.tray(), new TrayActions(session), services.background(), FX);
        reminders = new ReminderNotifications(sessions.preferences().reminders(), kiteClock,
                () -> List.copyOf(model.rows()), reminder -> {
                    if (reminder.profile() != null) commands.select(reminder.profile().id());
                    commands.login();
                }, (title, text) -> {
                    // "Also show reminders as desktop notifications": the OS's (notify-send, osascript); where
                    // it has none, or only a tray balloon (Windows), the app's own icon's balloon when it is there.
                    if (!sessions.preferences().osNotifications()) return;
                    OsNotifier notifier = desktop.notifier();
                    boolean byIcon = (notifier == OsNotifier.NONE || notifier.viaTray()) && tray.remind(title, text);
                    if (!byIcon) services.background().execute(() -> notifier.notify(title, text));
                });
        model.preferencesProperty().addListener((obs, old, chosen) -> {
            reminders.setReminders(chosen.reminders());
            tasks.create(() -> Themes.resolve(chosen.theme(), ColorScheme::ofThisDesktop)).onSuccess(Themes::apply).run();
        });
        // On the second of Kite's clock, so the countdowns change together with it.
        long toNextSecond = 1000 - Math.floorMod(kiteClock.millis(), 1000L);
        heartbeat.scheduleAtFixedRate(() -> Platform.runLater(this::tick), toNextSecond, 1000, TimeUnit.MILLISECONDS);
        commands.start();
        tray.start();
    }

    /** What the tray icon's menu does to this window. */
    private final class TrayActions implements TrayPresenter.Actions {
        private final SessionPresenter session;

        TrayActions(SessionPresenter session) {
            this.session = session;
        }

        @Override
        public void showWindow() {
            if (owner() instanceof Stage stage) KiteSessionApp.toFront(stage);
        }

        @Override
        public void hideWindow() {
            if (owner() != null) owner().hide();
        }

        @Override
        public void keepRunningWhenHidden(boolean on) {
            Platform.setImplicitExit(!on);
        }

        @Override
        public void logIn(String profileId) {
            loginRequests.logIn(profileId);
        }

        @Override
        public void copyToken(String profileId, Consumer<String> outcome) {
            session.copyTokenOf(profileId, outcome);
        }

        @Override
        public void quit() {
            commands.quit();
        }
    }

    /**
     * The one timer: the model's "now" each second, the clock line every 2 s, reminders every 15 s.
     * Hidden in the tray or minimised, nothing on screen shows seconds: "now" moves every 15 s (the
     * tooltip and the title show minutes; the liveness round and the expiry need no finer), so a
     * waiting app does not repaint a window nobody sees every second.
     */
    private void tick() {
        ticks++;
        boolean hidden = owner() != null && (!owner().isShowing() || owner() instanceof Stage stage && stage.isIconified());
        if (!hidden || ticks % 15 == 0) model.tick(kiteClock.instant());
        if (!hidden && ticks % 2 == 0) clockBar.refresh();
        if (ticks % 15 == 0) checkReminders();
    }

    /**
     * Selects the profile and starts its login, as {@code kite-session login} and {@code token
     * --wait} ask (handed over by the command, or given to the window as it starts); the window
     * says a script is waiting.
     */
    public void requestLogin(String profileId) {
        loginRequests.scriptWaits(profileId);
    }

    /**
     * The window's close button: true when the window only hid itself in the tray (the app keeps
     * running); false when the app should end as usual.
     */
    public boolean closeToTray() {
        return tray.closeToTray();
    }

    /** Started at login, minimised: once the tray icon is there, the window hides in it. */
    public void startMinimised() {
        tray.startHidden();
    }

    private void notifyOverWindow(String text) {
        if (owner() == null || !owner().isShowing()) return; // the notice line says it
        Notifications.create().owner(owner()).title("Kite Session Manager").text(text)
                .hideAfter(Duration.seconds(30)).showInformation();
    }

    public ReadOnlyStringProperty titleProperty() {
        return model.titleProperty();
    }

    /** What fell due since the last look (expiry at 06:00 IST, the pre-market nudge). */
    void checkReminders() { // package-private: tests step it instead of waiting for the 15 s tick
        reminders.check(owner());
    }

    /** Stops the timer, the login page and the built-in simulator; the window is closing. */
    public void shutdown() {
        heartbeat.shutdownNow();
        browser.stop();
        profiles.close();
        tray.close();
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static ScrollPane scrolling(Node content, String style, double prefWidth, double minWidth) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(style);
        // The sidebar fills the height, so its list grows with the window.
        if (prefWidth > 0) {
            scroll.setPrefWidth(prefWidth);
            scroll.setFitToHeight(true);
        }
        scroll.setMinWidth(minWidth);
        return scroll;
    }

    /** The system clipboard, cleared later on a JavaFX timer (FX thread only). */
    private static ClipboardGuard systemClipboard() {
        return new ClipboardGuard(new ClipboardGuard.Clipboard() {
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
        }, (delay, task) -> {
            PauseTransition wait = new PauseTransition(Duration.millis(delay.toMillis()));
            wait.setOnFinished(e -> task.run());
            wait.play();
        });
    }
}
