package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.cli.CliContext;
import com.kitesession.cli.LoginCommand;
import com.kitesession.cli.LoginSurroundings;
import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.SingleInstance;
import com.kitesession.kite.KiteClient;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.storage.AppSettingsStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * {@code kite-session login} without {@code --browser}, as the window sees it: the request to log
 * in to one profile selects it and opens Kite's login; end to end, the command hands the request
 * to this window over the single-instance port (as {@link KiteSessionApp#bringToFront} passes it
 * on), the person logs in here, and the command prints the token the window stored.
 */
class CommandLineLoginTest extends WindowTestBase {
    @TempDir
    Path instanceFolder;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        saveProfiles(sessions, "Alpha", "Beta");
    }

    @SuppressWarnings("unchecked")
    private String selectedId(FxRobot robot) {
        return onFx(() -> {
            ListView<ProfileStatus> list = robot.lookup("#profile-list").queryAs(ListView.class);
            ProfileStatus row = list.getSelectionModel().getSelectedItem();
            return row == null ? null : row.profile().id();
        });
    }

    private void requestLogin(String profileId) {
        onFx(() -> {
            window.requestLogin(profileId);
            return null;
        });
    }

    @Test
    void aLoginRequestSelectsTheProfileAndOpensKitesLogin(FxRobot robot) {
        waitUntil(() -> "alpha".equals(selectedId(robot)), "the first profile selected at start");
        requestLogin("beta");
        waitUntil(() -> visible(robot, "#login-webview"), "the Kite login page");
        assertEquals("beta", selectedId(robot));
    }

    @Test
    void aRequestForAProfileThisWindowDoesNotListIsSaid(FxRobot robot) {
        waitUntil(() -> "alpha".equals(selectedId(robot)), "the list");
        requestLogin("gone");
        waitUntil(() -> visible(robot, "#notice") && text(robot, "#notice").contains("does not list"), "the notice");
        assertFalse(visible(robot, "#login-webview"));
    }

    @Test
    void theCommandHandsTheRequestToThisWindowAndPrintsTheTokenItStores(FxRobot robot) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (SingleInstance.Primary running = (SingleInstance.Primary) SingleInstance.acquire(instanceFolder, List.of(),
                args -> LoginRequest.profileIn(args).ifPresent(id -> Platform.runLater(() -> window.requestLogin(id))))) {
            CliContext cli = new CliContext(new AppSettingsStore(sessions().dataFolder()), sessions().secretStore(), clock,
                    KiteClient.defaultHttpClient());
            LoginSurroundings ssh = new LoginSurroundings(Map.of(), "Linux", InputStream.nullInputStream(), instanceFolder,
                    windowArgs -> {
                        throw new IOException("no window may be started: one runs");
                    });
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> LoginCommand.run(
                    new String[] {"--profile", "Beta", "--timeout", "2m"}, cli, ssh,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));

            typeLogin(robot);
            waitUntil(() -> visible(robot, "#token-view"), "the token view");
            ActiveSession shown = onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
            assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
            assertEquals(shown.accessToken() + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
            assertEquals("beta", selectedId(robot));
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.startsWith("Kite Session Manager is running: its window now shows the Kite login for 'Beta'."),
                    said);
            assertFalse(said.contains(shown.accessToken()));
        }
    }
}
