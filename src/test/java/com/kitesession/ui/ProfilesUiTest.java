package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kitesession.kite.KiteClient;
import com.kitesession.otp.Totp;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.WebPage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.ListView;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Two saved profiles: log in to one, the list shows both states; logout returns it to "not logged in". */
@ExtendWith(ApplicationExtension.class)
class ProfilesUiTest {
    private static final Instant TEN_AM_IST = ZonedDateTime.of(LocalDateTime.parse("2026-11-23T10:00:00"), TokenExpiry.IST).toInstant();

    @TempDir
    static Path home;

    private final SimulatorClock clock = SimulatorClock.fixedAt(TEN_AM_IST);
    private KiteSimulator simulator;
    private ExecutorService background;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        simulator = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        DemoAccount account = simulator.account();
        SessionService sessions = new SessionService(new AppSettingsStore(home.resolve("run" + System.nanoTime())),
                new InMemorySecretStore(), KiteClient.defaultHttpClient(), clock);
        for (String name : new String[] {"Alpha", "Beta"}) {
            sessions.saveProfile(new KiteProfile(name.toLowerCase(), name, account.apiKey(), account.redirectUrl(),
                    account.userId(), simulator.baseUrl(), simulator.baseUrl()), account.apiSecret());
        }
        background = AppServices.newBackgroundExecutor();
        window = new MainWindow(new AppServices(clock, sessions, background, KiteClient.defaultHttpClient(), () -> simulator));
        stage.setScene(KiteSessionApp.createScene(window));
        stage.show();
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

    @SuppressWarnings("unchecked")
    private String rowText(FxRobot robot, String name) {
        return onFx(() -> {
            ListView<ProfileStatus> list = robot.lookup("#profile-list").queryAs(ListView.class);
            for (ProfileStatus row : list.getItems()) {
                if (row.profile().name().equals(name)) return ProfileListView.stateText(row, clock.instant());
            }
            return "(no row)";
        });
    }

    @Test
    void loginShowsBothStatesAndLogoutReturnsToNotLoggedIn(FxRobot robot) {
        waitUntil(() -> rowText(robot, "Alpha").equals("not logged in") && rowText(robot, "Beta").equals("not logged in"),
                "both profiles listed");
        robot.clickOn("Alpha");
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "Alpha selected");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, robot.lookup("#login-webview").queryAs(WebView.class));
        DemoAccount account = simulator.account();
        page.type("#userid", account.userId());
        page.type("#password", account.password());
        page.click("button[type=submit]");
        page.type("#totp", Totp.code(account.totpSecretBase32(), clock.instant()));

        waitUntil(() -> rowText(robot, "Alpha").equals("active, 20:00:00 left"), "Alpha active in the list");
        assertEquals("not logged in", rowText(robot, "Beta"));

        robot.clickOn("#logout");
        waitUntil(() -> rowText(robot, "Alpha").equals("not logged in"), "Alpha logged out");
        assertEquals("not logged in", rowText(robot, "Beta"));
    }
}
