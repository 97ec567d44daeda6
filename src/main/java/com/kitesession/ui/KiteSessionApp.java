package com.kitesession.ui;

import com.kitesession.kite.KiteClient;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.SettingsStore;
import java.time.Clock;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: real clock, settings in the OS's config folder, demo simulator on demand. */
public final class KiteSessionApp extends Application {
    private MainWindow window;
    private AppServices services;

    @Override
    public void start(Stage stage) {
        services = new AppServices(Clock.systemUTC(), TokenExpiry.documented(), SettingsStore.atDefaultLocation(),
                AppServices.newBackgroundExecutor(), KiteClient.defaultHttpClient(),
                () -> KiteSimulator.start(SimulatorConfig.builder().build()));
        window = new MainWindow(services);
        stage.setTitle("Kite Session Manager");
        stage.setScene(createScene(window));
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        stage.show();
    }

    /** The scene with the app's stylesheet; tests build theirs the same way. */
    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window, 1100, 760);
        scene.getStylesheets().add(KiteSessionApp.class.getResource("/css/app.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (window != null) window.shutdown();
        if (services != null) services.background().shutdownNow();
    }
}
