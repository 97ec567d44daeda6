package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.clock.KiteClockPing;
import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.Explanation;
import com.kitesession.explain.LoginRejection;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteTime;
import com.kitesession.login.AutofillPlan;
import com.kitesession.login.LoginAttempt;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.service.ClipboardGuard;
import com.kitesession.service.Preferences;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.SimClient;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model and the presenters as the window wires them, without the toolkit: a real simulator
 * and session service on one {@link SimulatorClock} fixed at 10:00 IST (a Monday), every
 * executor synchronous (a presenter call has finished all its work when it returns), and fakes
 * only for the ports: the login surface, the dialogs and the clipboard.
 * <p>
 * A test saves what the window should find at start, then calls {@link #open()}.
 */
abstract class PresenterTestBase {
    static final Instant TEN_AM_IST = ist("2026-11-23T10:00:00");

    @TempDir
    Path home;

    final SimulatorClock clock = SimulatorClock.fixedAt(TEN_AM_IST);
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final RecordingSurface surface = new RecordingSurface();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final RecordingAutostart autostart = new RecordingAutostart();
    final FakeClipboard clipboard = new FakeClipboard();
    /** What the clipboard guard asked to run later, in order. */
    final List<Later> later = new ArrayList<>();
    /** Failures no handler took: the window would explain them; a test expects none unless it says so. */
    final List<Throwable> unhandled = new ArrayList<>();
    KiteSimulator simulator;
    SessionService sessions;
    OkHttpClient http;
    MainModel model;
    ProfilesPresenter profiles;
    LoginPresenter login;
    BrowserLoginPresenter browserLogin;
    SessionPresenter session;
    WindowCommands commands;

    static Instant ist(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), KiteTime.IST).toInstant();
    }

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = KiteSimulator.start(SimulatorConfig.builder().clock(clock).account(simulatorAccount()).build());
        http = KiteClient.defaultHttpClient();
        sessions = newSessions();
    }

    /** The simulator's account: its redirect URL is where the simulator sends a finished login. */
    DemoAccount simulatorAccount() {
        return DemoAccount.standard();
    }

    /** The session service over this test's settings folder and secrets, as a fresh start reads them. */
    SessionService newSessions() {
        return new SessionService(new AppSettingsStore(home.resolve("settings")), secrets, http, clock);
    }

    @AfterEach
    void stopAll() {
        if (profiles != null) profiles.close();
        simulator.close();
        assertEquals(List.of(), unhandled, "failures that reached the default handler");
    }

    /** Builds the model, presenters and commands as {@link MainWindow} does, and starts them. */
    void open() {
        AppServices services = new AppServices(clock, sessions, new SameThreadExecutor(), http, () -> simulator);
        model = new MainModel(clock.instant(), sessions.preferences());
        ErrorExplainer explainer = new ErrorExplainer();
        UiTasks tasks = new UiTasks(Runnable::run, Runnable::run, cause -> {
            unhandled.add(cause);
            model.explain(explainer.explainLocalFailure(cause));
        });
        KiteClockPing clockPing = new KiteClockPing(http);
        profiles = new ProfilesPresenter(model, services, tasks, clockPing, explainer, dialogs);
        LoginAttempts attempts = new LoginAttempts(model, services, tasks, Runnable::run, profiles::refresh);
        login = new LoginPresenter(model, services, tasks, attempts, surface, clockPing, explainer, dialogs);
        browserLogin = new BrowserLoginPresenter(model, sessions, tasks, Runnable::run, attempts, explainer, dialogs,
                browserWait());
        ClipboardGuard guard = new ClipboardGuard(clipboard, (delay, task) -> later.add(new Later(delay, task)));
        session = new SessionPresenter(model, sessions, tasks, guard, explainer, profiles::refresh);
        commands = new WindowCommands(model, profiles, login, browserLogin, session, sessions, tasks, dialogs, autostart);
        commands.start();
    }

    DemoAccount account() {
        return simulator.account();
    }

    /** A profile for the simulator's app, as a person would save it (no Kite user id, no one-click secrets). */
    KiteProfile simProfile(String id, String name) {
        return new KiteProfile(id, name, account().apiKey(), account().redirectUrl(), null, simulator.baseUrl(),
                simulator.baseUrl());
    }

    KiteProfile saveSimProfile(String id, String name) throws Exception {
        KiteProfile profile = simProfile(id, name);
        sessions.saveProfile(profile, account().apiSecret());
        return profile;
    }

    /** Saves the simulator's profile "a" and opens the window on it. */
    KiteProfile openOnSavedProfile() throws Exception {
        KiteProfile a = saveSimProfile("a", "Account A");
        open();
        return a;
    }

    /**
     * Logs the shown profile in as the window does: Log in opens the surface, a person logs in on
     * Kite's pages (SimClient), and the surface reports the redirect to the attempt.
     */
    ActiveSession logInShownProfile() {
        int started = surface.starts.size();
        commands.login();
        assertEquals(started + 1, surface.starts.size(), "the login page was opened");
        String redirect = new SimClient(simulator).login(account(), null);
        assertTrue(surface.lastAttempt().onNavigation(redirect), "the redirect was caught: " + redirect);
        ActiveSession shown = model.sessionProperty().get();
        assertNotNull(shown, "logged in");
        return shown;
    }

    /** Moves Kite's clock and the window's shared second together. */
    void tickTo(Instant instant) {
        clock.setInstant(instant);
        model.tick(instant);
    }

    MainModel.Card card() {
        return model.cardProperty().get();
    }

    Explanation explanation() {
        return model.explanationProperty().get();
    }

    /** An ExecutorService that runs each task before {@code execute} returns, until shut down. */
    static final class SameThreadExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            if (shutdown) throw new RejectedExecutionException("shut down");
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }

    /** One {@link LoginSurface#start} call, with what the surface hands back to the presenter. */
    record Start(LoginAttempt attempt, AutofillPlan autofill, Consumer<LoginRejection> onRejection,
            Consumer<String> onLoadFailure, Consumer<String> onNotice) {}

    /** The login surface as the presenter sees it; the test plays the browser. */
    static final class RecordingSurface implements LoginSurface {
        final List<Start> starts = new ArrayList<>();
        int stops;
        int warmUps;
        int storedDataClears;
        boolean cookiesReachable = true;

        @Override
        public void start(LoginAttempt attempt, AutofillPlan autofill, Consumer<LoginRejection> onRejection,
                Consumer<String> onLoadFailure, Consumer<String> onNotice) {
            starts.add(new Start(attempt, autofill, onRejection, onLoadFailure, onNotice));
        }

        LoginAttempt lastAttempt() {
            return starts.get(starts.size() - 1).attempt();
        }

        Start lastStart() {
            return starts.get(starts.size() - 1);
        }

        @Override
        public void stop() {
            stops++;
        }

        @Override
        public void warmUp() {
            warmUps++;
        }

        @Override
        public boolean clearCookies() {
            return cookiesReachable;
        }

        @Override
        public void clearStoredData() {
            storedDataClears++;
        }
    }

    /** Dialogs answered as the test scripts them; what was asked is recorded. */
    static final class ScriptedDialogs implements WindowDialogs {
        boolean confirmDelete;
        final List<String> deleteQuestions = new ArrayList<>();
        File exportFile;
        final List<String> browsed = new ArrayList<>();
        Preferences preferences;
        /** What the dialog was opened with. */
        Preferences shownPreferences;

        @Override
        public boolean confirmDelete(String profileName) {
            deleteQuestions.add(profileName);
            return confirmDelete;
        }

        @Override
        public Optional<File> chooseExportFile() {
            return Optional.ofNullable(exportFile);
        }

        @Override
        public Optional<Preferences> editPreferences(Preferences current, String trayProblem) {
            shownPreferences = current;
            return Optional.ofNullable(preferences);
        }

        @Override
        public void showAbout(String secretStore) {
        }

        @Override
        public void openLogsFolder() {
        }

        @Override
        public void browse(String url) {
            browsed.add(url);
        }

        @Override
        public void quit() {
        }
    }

    /** A clipboard that holds one text. */
    static final class FakeClipboard implements ClipboardGuard.Clipboard {
        String text;

        @Override
        public Optional<String> text() {
            return Optional.ofNullable(text);
        }

        @Override
        public void setText(String text) {
            this.text = text;
        }

        @Override
        public void clear() {
            text = null;
        }
    }

    /** A task the clipboard guard scheduled. */
    record Later(Duration delay, Runnable task) {}

    /** How long the browser road waits; a test of its timeout makes it short. */
    Duration browserWait() {
        return BrowserLoginPresenter.WAIT;
    }
}
