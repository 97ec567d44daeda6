package com.kitesession.ui;

import com.kitesession.clock.KiteClockPing;
import com.kitesession.desktop.ColorScheme;
import com.kitesession.explain.ErrorExplainer;
import com.kitesession.service.ClipboardGuard;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.BorderPane;
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
    private final Timeline heartbeat;
    private WindowCommands commands;
    private long ticks;
    /** The profile whose login a request just started, until its card shows (or {@link #STARTING} passes). */
    private String loginStarting;
    private long loginStartingSince;
    private static final long STARTING = 15_000_000_000L;

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

        reminders = new ReminderNotifications(sessions.preferences().reminders(), kiteClock,
                () -> List.copyOf(model.rows()), reminder -> {
                    if (reminder.profile() != null) commands.select(reminder.profile().id());
                    commands.login();
                }, desktop, () -> sessions.preferences().osNotifications(), services.background());
        model.preferencesProperty().addListener((obs, old, chosen) -> {
            reminders.setReminders(chosen.reminders());
            tasks.create(() -> Themes.resolve(chosen.theme(), ColorScheme::ofThisDesktop)).onSuccess(Themes::apply).run();
        });
        model.card.addListener((obs, old, shown) -> loginStarting = null);
        heartbeat = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        heartbeat.setCycleCount(Timeline.INDEFINITE);
        heartbeat.play();
        commands.start();
    }

    /** The one timer: the model's "now" each second, the clock line every 2 s, reminders every 15 s. */
    private void tick() {
        ticks++;
        model.tick(kiteClock.instant());
        if (ticks % 2 == 0) clockBar.refresh();
        if (ticks % 15 == 0) checkReminders();
    }

    /**
     * Selects the profile and starts its login, as {@code kite-session login} asks (handed over by
     * the command, or given to the window as it starts). While the list is still loading, once it
     * has loaded; the login starts when the profile's details are read, as after a click. The
     * window says a script is waiting; a request for the profile whose login is already open (or
     * starting) changes nothing: the waiting commands share that login.
     */
    public void requestLogin(String profileId) {
        if (model.rows.isEmpty()) {
            model.rows.addListener(new ListChangeListener<ProfileStatus>() {
                @Override
                public void onChanged(Change<? extends ProfileStatus> change) {
                    model.rows.removeListener(this);
                    // Once the list has shown itself (it selects the remembered profile), not in the middle of it.
                    Platform.runLater(() -> requestLogin(profileId));
                }
            });
            return;
        }
        if (model.rows.stream().noneMatch(row -> row.profile().id().equals(profileId))) {
            model.notice.set(MainModel.Notice.problem("The command line asked to log in to a profile this window does"
                    + " not list (added since it opened?). Restart Kite Session Manager, then log in again."));
            return;
        }
        announceWaiting(profileId);
        if (loginUnderway(profileId)) return;
        loginStarting = profileId;
        loginStartingSince = System.nanoTime();
        commands.select(profileId);
        if (model.canLogin.get() && profileId.equals(model.selectedId.get())) {
            commands.login();
            return;
        }
        model.canLogin.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> property, Boolean was, Boolean ready) {
                if (!ready) return;
                model.canLogin.removeListener(this);
                // After the selection has shown itself (it goes home), not in the middle of it.
                if (profileId.equals(model.selectedId.get())) Platform.runLater(commands::login);
            }
        });
    }

    private boolean loginUnderway(String profileId) {
        if (!profileId.equals(model.selectedId.get())) return false;
        MainModel.Card shown = model.card.get();
        if (shown == MainModel.Card.LOGIN || shown == MainModel.Card.BROWSER_LOGIN || shown == MainModel.Card.BUSY) return true;
        return profileId.equals(loginStarting) && System.nanoTime() - loginStartingSince < STARTING;
    }

    /** "A script is waiting…": on the notice line and as a notification over the window. */
    private void announceWaiting(String profileId) {
        String name = model.rows.stream().filter(row -> row.profile().id().equals(profileId))
                .map(row -> row.profile().name()).findFirst().orElse(profileId);
        String text = "A script is waiting for a fresh Kite session (profile " + name + ")";
        model.notice.set(MainModel.Notice.info(text + "."));
        if (owner() == null) return; // not on screen yet: the notice line says it
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
        heartbeat.stop();
        browser.stop();
        profiles.close();
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
