package com.kitesession.ui;

import com.kitesession.desktop.AppInfo;
import com.kitesession.storage.AppPaths;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > About: version, what the app is, where its data lives, and the links a trader needs. */
final class AboutDialog extends Dialog<Void> {
    static final String KITE_CONNECT_DOCS = "https://kite.trade/docs/connect/v3/user/";
    static final String DEVELOPER_CONSOLE = "https://developers.kite.trade/apps";

    AboutDialog(Window owner, DesktopBridge desktop, String secretsDescription) {
        initOwner(owner);
        setTitle("About " + AppInfo.NAME);
        setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        getDialogPane().setId("about");
        Label what = new Label("Logs in to Kite Connect once a day in one click: catches the request_token, exchanges it,"
                + " counts down to the 06:00 IST expiry, and explains errors of both layers.");
        what.setWrapText(true);
        Hyperlink docs = link("Kite Connect login flow (docs)", KITE_CONNECT_DOCS, desktop);
        docs.setId("about-docs");
        Hyperlink console = link("Your Kite apps (developers.kite.trade)", DEVELOPER_CONSOLE, desktop);
        console.setId("about-console");
        Label data = caption("Settings: " + AppPaths.configFolder() + "\nLogs: " + desktop.logsFolder()
                + "\nSecrets: " + secretsDescription);
        data.setId("about-data");
        Label runtime = caption("Java " + System.getProperty("java.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "?") + ", " + System.getProperty("os.name"));
        VBox content = new VBox(8, what, docs, console, data, runtime);
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private static Hyperlink link(String text, String uri, DesktopBridge desktop) {
        Hyperlink link = new Hyperlink(text);
        link.setOnAction(e -> desktop.browse(uri));
        return link;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setWrapText(true);
        return label;
    }
}
