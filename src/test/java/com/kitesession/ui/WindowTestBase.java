package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;

import com.kitesession.clock.ClockOffsets;
import com.kitesession.desktop.ColorScheme;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteTime;
import com.kitesession.otp.Totp;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.secrets.SecretStore;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.LoginPageStyle;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.WebPage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutorService;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real window against a Kite simulator on 127.0.0.1, both on one {@link SimulatorClock}
 * fixed at 10:00 IST, so countdowns can be checked to the second. Fresh settings folder and
 * in-memory secrets per test.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
    /** The 2FA field of Kite's single-page login, which the simulator serves by default. */
    static final String CODE_FIELD = "form.twofa-form input";
    static final Instant TEN_AM_IST = ZonedDateTime.of(LocalDateTime.parse("2026-11-23T10:00:00"), KiteTime.IST).toInstant();

    @TempDir
    static Path home;

    final SimulatorClock clock = SimulatorClock.fixedAt(TEN_AM_IST);
    KiteSimulator simulator;
    ExecutorService background;
    MainWindow window;
    RecordingDesktop desktop;
    /** The window's clock readings: a test may record what another probe (NTP) measured. */
    ClockOffsets clockOffsets;
    private SessionService sessions;
    /** This run's settings folder, as {@code -Dkite.session.home} names it to a command. */
    Path settingsFolder;

    /**
     * Saved state the window should find at start. By default one profile for the simulator's
     * app with no Kite user id and no login secrets: nothing is autofilled, the test types.
     * Override with nothing to get the demo profile.
     */
    void beforeWindow(SessionService sessions) throws Exception {
        sessions.saveProfile(new KiteProfile("sim", "Simulator", account().apiKey(), account().redirectUrl(), null,
                simulator.baseUrl(), simulator.baseUrl()), account().apiSecret());
    }

    /** One profile per name for the simulator's app, id the name in lower case, no Kite user id: the test types. */
    void saveProfiles(SessionService sessions, String... names) throws Exception {
        for (String name : names) {
            sessions.saveProfile(new KiteProfile(name.toLowerCase(), name, account().apiKey(), account().redirectUrl(),
                    null, simulator.baseUrl(), simulator.baseUrl()), account().apiSecret());
        }
    }

    /** The window's secrets: in memory by default (no other process can read them). */
    SecretStore secretStore(Path settingsFolder) throws Exception {
        return new InMemorySecretStore();
    }

    /** The desktop's tray: none by default (closing the window would end the app). */
    FakeTray tray() {
        return FakeTray.missing("This test's desktop has no tray.");
    }

    /** The simulator's login page: Kite's single-page login by default. */
    LoginPageStyle loginPage() {
        return LoginPageStyle.SPA;
    }

    /** The simulator's account (its redirect URL is what the simulator sends the login to). */
    DemoAccount simulatorAccount() {
        return DemoAccount.standard();
    }

    /** "This computer's" clock; the simulator's by default. A test may skew it. */
    Clock appClock() {
        return clock;
    }

    /** Opens the window; each test class calls it from its own {@code @Start} (TestFX finds only declared ones). */
    void open(Stage stage) throws Exception {
        simulator = KiteSimulator.start(SimulatorConfig.builder().clock(clock).loginPage(loginPage())
                .account(simulatorAccount()).build());
        background = AppServices.newBackgroundExecutor();
        Clock app = appClock();
        ClockOffsets offsets = new ClockOffsets(app);
        clockOffsets = offsets;
        OkHttpClient http = AppServices.probing(KiteClient.defaultHttpClient(), offsets, app);
        settingsFolder = home.resolve("run" + System.nanoTime());
        sessions = new SessionService(new AppSettingsStore(settingsFolder), secretStore(settingsFolder), http, app);
        beforeWindow(sessions);
        desktop = new RecordingDesktop(home.resolve("logs"));
        desktop.tray = tray();
        window = new MainWindow(new AppServices(app, sessions, background, http, () -> simulator, Runnable::run, offsets),
                desktop);
        Themes.apply(ColorScheme.LIGHT);
        stage.setScene(KiteSessionApp.createScene(window));
        // TestFX reuses one stage: undo what an earlier test did to it, so keys reach this window.
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            window.shutdown();
            return null;
        });
        background.shutdownNow();
        simulator.close();
    }

    /**
     * Types the simulator account's user id, password and current 2FA code into the login page
     * the window shows, like a person would. The caller has opened it (Log in, or a shortcut).
     */
    WebPage typeLogin(FxRobot robot) {
        WebPage.waitUntil(() -> visible(robot, "#login-webview"), "the Kite login page");
        WebPage page = new WebPage(robot,
                robot.lookup("#login-webview").queryAs(WebView.class));
        page.type("#userid", account().userId());
        page.type("#password", account().password());
        page.click("button[type=submit]");
        page.type(CODE_FIELD, Totp.code(account().totpSecretBase32(), clock.instant()));
        return page;
    }

    /**
     * Opens the Kite login page and writes {@code refusal} into it, as Kite shows its refusals (in
     * the page, without a navigation); the simulator on this branch does not use these words yet.
     */
    WebPage openLoginShowing(FxRobot robot, String refusal) {
        WebPage.waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot,
                WebPage.loginView(robot));
        page.waitFor("#userid");
        page.script("document.body.insertAdjacentHTML('beforeend', '<p>" + refusal + "</p>')");
        return page;
    }

    /**
     * Presses the explanation's fix button. Fired, not clicked: a long explanation scrolls within
     * half the window, so the button may sit below its visible part.
     */
    static void pressFix(FxRobot robot) {
        onFx(() -> {
            robot.lookup("#explanation-action").queryButton().fire();
            return null;
        });
    }

    /** The window's session service (settings and secrets as saved). */
    SessionService sessions() {
        return sessions;
    }

    DemoAccount account() {
        return simulator.account();
    }

    static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    /** Shown only if it and every parent are visible (cards hide their whole subtree). */
    static boolean visible(FxRobot robot, String id) {
        return onFx(() -> {
            Node node = robot.lookup(id).tryQuery().orElse(null);
            if (node == null || node.getScene() == null) return false;
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) return false;
            }
            return true;
        });
    }
}
