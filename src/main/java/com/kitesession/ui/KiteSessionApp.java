package com.kitesession.ui;

import com.kitesession.clock.ClockOffsets;
import com.kitesession.desktop.Autostart;
import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.OsNotifier;
import com.kitesession.desktop.SystemBrowser;
import com.kitesession.logging.AppLogs;
import com.kitesession.perf.Milestones;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.service.SessionService;
import com.kitesession.sim.ClockSkew;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppPaths;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The JavaFX application: the real clock, settings and secrets in the OS's usual places (the
 * keychain, or an encrypted file unlocked once per run), the demo simulator on demand.
 */
public final class KiteSessionApp extends Application {
    private static final Logger LOG = Logger.getLogger(KiteSessionApp.class.getName());
    /** The running app, for hand-offs from a second launch; null before start and after stop. */
    private static volatile KiteSessionApp running;
    private Stage stage;
    private MainWindow window;
    private AppServices services;
    /** The start's I/O, begun by {@link #prepare()} before the toolkit; taken by {@link #start}. */
    private static volatile StartupWork early;
    /** The window's icon, decoded in the background. */
    private CompletableFuture<List<Image>> icon;
    /** A login the command line asked for before the window was open (FX thread only). */
    private String pendingLogin;

    /**
     * A second launch handed over its arguments (see {@link com.kitesession.desktop.SingleInstance});
     * called on a background thread. Before the app has started there is nothing to bring forward:
     * the window is about to open by itself.
     */
    public static void onSecondLaunch(List<String> args) {
        KiteSessionApp app = running;
        if (app == null) return;
        try {
            Platform.runLater(() -> app.bringToFront(args));
        } catch (IllegalStateException e) {
            // The toolkit has shut down: the app is closing.
        }
    }

    /**
     * On the FX thread, when a second launch handed over {@code args}: shows this window in front,
     * and starts the login {@code kite-session login} asked for ({@link LoginRequest}). While the
     * window is not open yet (settings loading, the passphrase asked) it opens by itself, and
     * starts that login once open.
     */
    public void bringToFront(List<String> args) {
        LoginRequest.profileIn(args).ifPresent(this::requestLogin);
        // A login autostart finding the window already open leaves it where it is.
        if (window != null && !Autostart.minimisedIn(args)) toFront(stage);
    }

    private void requestLogin(String profileId) {
        LOG.info(() -> "The command line asked for a login to profile " + profileId);
        if (window != null) window.requestLogin(profileId);
        else pendingLogin = profileId;
    }

    /** Un-minimises, shows and raises the stage, and asks for the keyboard focus. */
    public static void toFront(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /**
     * Begins reading the settings, choosing the secret store and building the HTTP client before
     * JavaFX starts (call it just before {@code Application.launch}): the toolkit's start and that
     * I/O then overlap. Without it, {@link #start} begins the same work itself. First it sets WebKit's
     * one GC marker in the environment ({@link WebKitWarmUp#oneGcMarker()}), which must happen
     * before those threads and the toolkit read it.
     */
    public static void prepare() {
        WebKitWarmUp.oneGcMarker(); // before the threads below start
        early = StartupWork.begin();
    }

    @Override
    public void start(Stage stage) {
        Milestones.mark("app.start");
        this.stage = stage;
        running = this;
        // Started by `kite-session login` with no window running: its request is the launch's arguments.
        LoginRequest.profileIn(getParameters().getRaw()).ifPresent(this::requestLogin);
        LOG.info(() -> "Window starting: JavaFX " + System.getProperty("javafx.runtime.version"));
        StartupWork work = early != null ? early : StartupWork.begin();
        early = null;
        // The window's icon is decoded off the FX thread, and handed to the window once it shows.
        icon = CompletableFuture.supplyAsync(() -> windowIcon(System.getProperty("os.name", "")), work.background);
        // The window opens when the settings are read and the secret store chosen (off the FX thread).
        work.settings.whenCompleteAsync((settings, error) -> {
            if (error != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR, "Kite Session Manager could not read its settings folder "
                        + AppPaths.configFolder() + ". Check that it exists and is yours, then start again.");
                alert.setHeaderText("Could not start");
                alert.showAndWait();
                Platform.exit();
                return;
            }
            Themes.apply(settings.scheme());
            ready(stage, work.background, work.http.join(), work.offsets, work.clock, settings.sessions());
        }, Platform::runLater);
    }

    private void ready(Stage stage, ExecutorService background, OkHttpClient http, ClockOffsets offsets, Clock clock,
            SessionService sessions) {
        Milestones.mark("app.settings-ready");
        AppServices.SecretsGate gate = action -> {
            if (sessions.secretStore() instanceof EncryptedFileSecretStore file && !file.isUnlocked()) {
                new PassphraseDialog(file, background, action).show();
            } else {
                action.run();
            }
        };
        services = new AppServices(clock, sessions, background, http,
                () -> KiteSimulator.start(demoSimulatorConfig()), gate, offsets);
        // Saved profiles need their secrets at once; the demo needs none, so it never asks.
        if (sessions.settings().profiles.isEmpty()) {
            open(stage, sessions);
        } else {
            gate.whenUnlocked(() -> open(stage, sessions));
        }
    }

    private void open(Stage stage, SessionService sessions) {
        SystemBrowser browser = new SystemBrowser(System.getenv(), System.getProperty("os.name"));
        DesktopBridge desktop = new SystemDesktop(getHostServices(), browser, AppLogs.folder(), OsNotifier.forThisMachine(),
                () -> {
                    StagePlacement.remember(stage, sessions);
                    Platform.exit();
                });
        window = new MainWindow(services, desktop);
        Milestones.mark("app.window-built");
        if (pendingLogin != null) window.requestLogin(pendingLogin);
        pendingLogin = null;
        stage.titleProperty().bind(window.titleProperty());
        stage.setScene(createScene(window));
        StagePlacement.place(stage, sessions.settings().window);
        stage.setOnCloseRequest(e -> {
            StagePlacement.remember(stage, sessions);
            // With the tray icon there, closing hides the window and the app goes on.
            if (window.closeToTray()) e.consume();
        });
        double width = stage.getWidth();
        double height = stage.getHeight();
        stage.show();
        // Started at login (Preferences > Start at login): open, then minimised to the taskbar or dock,
        // and hidden in the tray once its icon is there.
        if (Autostart.minimisedIn(getParameters().getRaw())) {
            stage.setIconified(true);
            window.startMinimised();
        }
        StagePlacement.settle(stage, width, height);
        // After the show, not in it: JavaFX scales the icon on the FX thread, and that waits until
        // the window is on the screen (the demo's simulator is still starting then).
        icon.thenAcceptAsync(stage.getIcons()::setAll, Platform::runLater);
        Milestones.mark("app.stage-shown");
    }

    /**
     * The one size JavaFX gives the window system: of a stage's icons it takes the one nearest 32 px
     * on Windows and 128 px elsewhere, and scales it to that size on the FX thread (WindowStage's
     * setIcons), a pixel loop that cost about 40 ms at start from the 256 px one. So only that size
     * is decoded and the scale is one to one. The larger icons of taskbars, docks and menus come
     * from the installed package (.desktop, .ico, .icns).
     */
    static String windowIconResource(String osName) {
        return "/icons/kite-session-" + (osName.startsWith("Windows") ? 32 : 128) + ".png";
    }

    private static List<Image> windowIcon(String osName) {
        var icon = KiteSessionApp.class.getResource(windowIconResource(osName));
        return icon == null ? List.of() : List.of(new Image(icon.toExternalForm()));
    }

    /**
     * The demo's simulator. {@code -Dkite.demo.skew=90s} (or -90s, 2m) runs its clock off real
     * time, to see the clock measurement, the 2FA explanation and the corrected one-click code.
     */
    private static SimulatorConfig demoSimulatorConfig() {
        String skew = System.getProperty("kite.demo.skew");
        SimulatorConfig.Builder config = SimulatorConfig.builder();
        if (skew != null && !skew.isBlank()) {
            config.clock(SimulatorClock.startingAt(Instant.now().plus(ClockSkew.parse(skew.strip()))));
        }
        return config.build();
    }

    /** The scene with the app's stylesheet; tests build theirs the same way. */
    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window, 1100, 760);
        scene.getStylesheets().add(KiteSessionApp.class.getResource("/css/app.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        running = null;
        if (window != null) window.shutdown();
        if (services != null) services.background().shutdownNow();
    }
}
