package com.kitesession.ui;

import static com.kitesession.ui.Controls.button;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left of the window: the list of sessions with their live countdowns, Log in for the
 * selected one, what the last action said, the demo card, and the profile buttons. A profile's
 * settings open in the detail pane (Edit profile), not here.
 */
final class Sidebar extends VBox {
    Sidebar(MainModel model, WindowCommands commands) {
        super(10);
        getStyleClass().add("sidebar");
        setId("sidebar");
        setPadding(new Insets(14, 16, 16, 16));
        Label title = new Label("Kite sessions");
        title.getStyleClass().add("sidebar-title");
        ProfileListView list = new ProfileListView(model, commands::select);
        VBox.setVgrow(list, Priority.ALWAYS);

        Button login = new Button("Log in to Kite");
        login.setId("login");
        // Not the default button: Enter in the Kite page (submitting its form) would also fire it
        // and restart the login under the person's feet.
        login.getStyleClass().addAll("accent", "login-button");
        login.setMaxWidth(Double.MAX_VALUE);
        login.disableProperty().bind(model.canLoginProperty().not());
        login.setTooltip(new Tooltip(MainMenu.withShortcut("Log in to Kite", MainMenu.LOGIN)));
        login.setOnAction(e -> commands.login());

        Button loginBrowser = button("Log in with my browser", "login-browser", commands::loginWithBrowser);
        loginBrowser.setMaxWidth(Double.MAX_VALUE);
        loginBrowser.disableProperty().bind(model.canLoginProperty().not());
        loginBrowser.setTooltip(new Tooltip(MainMenu.withShortcut("Log in in your usual browser; the app catches the"
                + " redirect or takes the pasted address", MainMenu.LOGIN_BROWSER)));

        NoticeLabel notice = new NoticeLabel("notice", model.noticeProperty());
        // While the editor is open it shows the same line next to Save.
        notice.getStyleClass().add("sidebar-notice");
        VBox noticeBox = new VBox(notice);
        noticeBox.visibleProperty().bind(Bindings.notEqual(MainModel.Card.EDIT_PROFILE, model.cardProperty()));
        noticeBox.managedProperty().bind(noticeBox.visibleProperty());

        Button add = button("Add\u2026", "add-profile", commands::addProfile);
        Button edit = button("Edit profile", "edit-profile", commands::editProfile);
        edit.disableProperty().bind(model.draftProperty().isNull());
        // Make default and Delete are in the editor and the Profile menu: rarer, and one is destructive.
        FlowPane buttons = new FlowPane(6, 6, add, edit);

        getChildren().addAll(title, list, buttons, login, loginBrowser, noticeBox, new DemoCard(model));
    }
}
