package com.kitesession.ui;

import com.kitesession.perf.Milestones;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.web.WebView;
import javafx.stage.Window;

/**
 * The build's training run for the app image's class-data archive ({@code packaging/cds/train.sh}):
 * with {@code -Dkite.session.cdsTraining=true} the window plays a person's first start on the demo
 * profile (press Log in to Kite, confirm the Kite page the autofill filled, see the token view) and
 * the process exits, so that {@code -XX:DumpLoadedClassList} lists the classes such a start loads
 * (the class list the image and the .deb ship; make-cds-archive.sh dumps the archive from it). Exit
 * 0 once the token view shows; 1 if it does not within {@link #DEADLINE_MS} (the build then ships no
 * class list and no archive). It listens to {@link Milestones}, as the benchmark does, and changes
 * nothing else in the app.
 */
public final class CdsTraining {
    public static final String PROPERTY = "kite.session.cdsTraining";
    static final long DEADLINE_MS = 45_000;

    private final IntConsumer exit;
    private Scene scene;
    private boolean pressed;
    private boolean confirmed;
    private boolean done;

    CdsTraining(IntConsumer exit) {
        this.exit = exit;
    }

    /** With -Dkite.session.cdsTraining=true: trains on this launch of the window, and ends the process. */
    public static void installIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) return;
        CdsTraining training = new CdsTraining(System::exit);
        Milestones.install(training::onMark);
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(DEADLINE_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("CDS training: no token view within " + DEADLINE_MS / 1000 + " s");
            System.exit(1);
        }, "cds-training-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    /** The window's marks; three of them start the person's next step. */
    void onMark(String name, long nanoTime) {
        switch (name) {
            case "app.stage-shown" -> Platform.runLater(this::pressLoginWhenEnabled);
            case "login.autofilled" -> Platform.runLater(this::confirmKitePage);
            case "token.shown" -> Platform.runLater(this::finish);
            default -> { }
        }
    }

    private void pressLoginWhenEnabled() {
        scene = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow().getScene();
        Button login = (Button) scene.lookup("#login");
        if (!login.isDisabled()) {
            press(login);
        } else {
            login.disabledProperty().addListener((obs, was, disabled) -> {
                if (!disabled) press(login);
            });
        }
    }

    private void press(Button login) {
        if (pressed) return;
        pressed = true;
        login.fire();
    }

    /** The first Kite page (user id and password, filled by the autofill) waits for the person's click; the 2FA page submits itself. */
    private void confirmKitePage() {
        if (confirmed) return;
        confirmed = true;
        WebView view = (WebView) scene.lookup("#login-webview");
        view.getEngine().executeScript("document.querySelector('button[type=submit]').click()");
    }

    private void finish() {
        if (done) return;
        done = true;
        Node token = scene.lookup("#token-view");
        int code = token != null && token.isVisible() ? 0 : 1;
        // Not on the FX thread: exiting runs the shutdown hooks, and writes the archive, while JavaFX still answers.
        new Thread(() -> exit.accept(code), "cds-training-exit").start();
    }
}
