package com.kitesession.ui;

import static com.kitesession.ui.Controls.caption;

import com.kitesession.session.ProfileForm;
import com.kitesession.session.RedirectUrlCheck;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A profile's settings, in the detail pane (Edit profile, or Add): name, api_key, api_secret,
 * registered redirect URL, Kite user id, the opt-in one-click secrets, and the export file. It
 * shows the model's draft and hands a {@link ProfileForm} to Save; the checks are the form's.
 */
final class ProfileEditor extends VBox {
    private final TextField name = field("profile-name-field", null);
    private final TextField apiKey = field("api-key", "api_key");
    private final PasswordField apiSecret = secret("api-secret");
    private final TextField redirectUrl = field("redirect-url", RedirectUrlCheck.SUGGESTED);
    private final TextField userId = field("kite-user-id", "optional, e.g. AB1234");
    private final CheckBox oneClick = new CheckBox("One-click login: remember my Kite password and TOTP secret");
    private final PasswordField kitePassword = secret("kite-password");
    private final PasswordField totpSecret = secret("totp-secret");
    private final TextField afterLogin = field("after-login", "optional, e.g. systemctl --user restart mybot");
    private final Label title = new Label();
    private final Label secretNote = caption("");
    private final Label redirectCheck = caption("");
    private final Label exportInfo = caption("");
    private final Button export = new Button("Export token to a file\u2026");

    ProfileEditor(MainModel model, WindowCommands commands) {
        getStyleClass().add("profile-editor");
        setId("profile-editor");
        title.getStyleClass().add("welcome-title");
        redirectCheck.setId("redirect-url-check");
        redirectUrl.textProperty().addListener((obs, old, typed) -> showRedirectCheck(typed));
        exportInfo.setId("export-info");
        export.setId("export-token");
        export.setOnAction(e -> commands.exportToken());
        oneClick.setId("one-click");
        oneClick.setWrapText(true);
        Label oneClickNote = caption("Opt-in. Kept in the same secret store as the api_secret. The app fills the Kite"
                + " page and you press the button: Zerodha requires a person to log in at least once a day.");
        VBox oneClickFields = new VBox(6, labelled("Kite password", kitePassword),
                labelled("TOTP secret (as shown when enabling external TOTP)", totpSecret), oneClickNote);
        oneClickFields.visibleProperty().bind(oneClick.selectedProperty());
        oneClickFields.managedProperty().bind(oneClick.selectedProperty());

        Label afterLoginNote = caption("Run after each login, without a shell. The command receives KITE_API_KEY,"
                + " KITE_ACCESS_TOKEN, KITE_USER_ID, KITE_LOGIN_TIME and KITE_EXPIRES_AT in its environment and the token"
                + " as one line on standard input, never as an argument. It is stopped after 60 s.");
        afterLoginNote.setId("after-login-note");

        Hyperlink redirectHelp = new Hyperlink("What is this?");
        redirectHelp.setId("redirect-help-link");
        redirectHelp.getStyleClass().add("caption");
        redirectHelp.setOnAction(e -> commands.redirectHelp());
        Label redirectLabel = caption("Redirect URL (as registered)");
        redirectLabel.setLabelFor(redirectUrl);
        HBox redirectCaption = new HBox(4, redirectLabel, redirectHelp);
        redirectCaption.setAlignment(Pos.CENTER_LEFT);

        Button save = new Button("Save");
        save.setId("save-profile");
        save.getStyleClass().add("accent");
        // Neither default nor cancel button: the scene's Enter and Escape reach them even from the
        // Kite login page on another card.
        save.setOnAction(e -> commands.saveProfile(form()));
        Button close = new Button("Back");
        close.setId("close-editor");
        close.setOnAction(e -> commands.closeEditor());

        getChildren().addAll(title, labelled("Name", name), labelled("API key", apiKey), labelled("API secret", apiSecret),
                secretNote, new VBox(2, redirectCaption, redirectUrl, redirectCheck), labelled("Kite user ID", userId),
                oneClick, oneClickFields, labelled("Run after login", afterLogin), afterLoginNote, new HBox(8, save, close), new NoticeLabel("editor-notice", model.noticeProperty()),
                export, exportInfo, profileActions(model, commands));
        model.draftProperty().addListener((obs, old, draft) -> fill(draft));
        model.editorFocusProperty().addListener((obs, old, field) -> focus(field));
        fill(model.draftProperty().get());
    }

    /** The same text as the redirect-URL help edits. */
    StringProperty redirectUrlProperty() {
        return redirectUrl.textProperty();
    }

    private ProfileForm form() {
        return new ProfileForm(name.getText(), apiKey.getText(), apiSecret.getText(), redirectUrl.getText(),
                userId.getText(), oneClick.isSelected(), kitePassword.getText(), totpSecret.getText(), afterLogin.getText());
    }

    private void fill(ProfileDraft draft) {
        if (draft == null) return;
        title.setText(draft.saved() ? "Edit \u201c" + draft.profile().name() + "\u201d" : "Add a Kite app");
        name.setText(draft.profile().name());
        apiKey.setText(draft.profile().apiKey());
        redirectUrl.setText(draft.profile().redirectUrl());
        userId.setText(draft.profile().userId() == null ? "" : draft.profile().userId());
        afterLogin.setText(draft.afterLogin());
        apiSecret.clear();
        kitePassword.clear();
        totpSecret.clear();
        oneClick.setSelected(draft.loginSecretsStored());
        String kept = draft.loginSecretsStored() ? "saved; type to replace" : "";
        kitePassword.setPromptText(kept);
        totpSecret.setPromptText(draft.loginSecretsStored() ? kept : "base32 key or otpauth:// link");
        apiSecret.setPromptText(draft.secretStored() ? "saved; type to replace" : "api_secret");
        secretNote.setText(draft.secretStored()
                ? "The api_secret is kept in " + draft.secretStoredIn() + ", never in the settings file or logs."
                : "Enter the api_secret once; it is kept in the system keychain (or the encrypted file), never in logs.");
        for (Node n : new Node[] {name, apiKey, apiSecret, redirectUrl, userId, afterLogin, export}) n.setDisable(!draft.appEditable());
        export.setDisable(!draft.appEditable() || !draft.saved());
        exportInfo.setText(draft.exportInfo());
    }

    private void focus(MainModel.EditorField field) {
        if (field == null) return;
        switch (field) {
            case NAME -> name.requestFocus();
            case API_KEY -> apiKey.requestFocus();
            case API_SECRET -> apiSecret.requestFocus();
            case LOGIN_DETAILS -> (oneClick.isSelected() ? kitePassword : userId).requestFocus();
            case AFTER_LOGIN -> afterLogin.requestFocus();
        }
    }

    /** Only problems show under the field; the help page says what a good address will catch. */
    private void showRedirectCheck(String typed) {
        boolean fine = typed == null || typed.isBlank() || RedirectUrlCheck.check(typed).verdict() == RedirectUrlCheck.Verdict.OK;
        redirectCheck.setVisible(!fine);
        redirectCheck.setManaged(!fine);
        if (!fine) RedirectHelpView.showCheck(redirectCheck, typed);
    }

    /** Rarer actions on a saved profile, apart from Save. */
    private static Node profileActions(MainModel model, WindowCommands commands) {
        Button makeDefault = new Button("Make default");
        makeDefault.setId("make-default");
        makeDefault.setOnAction(e -> commands.makeDefault());
        Button delete = new Button("Delete profile\u2026");
        delete.setId("delete-profile");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> commands.deleteProfile());
        HBox actions = new HBox(8, makeDefault, delete);
        actions.getStyleClass().add("profile-actions");
        actions.visibleProperty().bind(model.savedProfileSelectedProperty());
        actions.managedProperty().bind(actions.visibleProperty());
        return actions;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        if (prompt != null) field.setPromptText(prompt);
        return field;
    }

    private static PasswordField secret(String id) {
        PasswordField field = new PasswordField();
        field.setId(id);
        return field;
    }

    private static VBox labelled(String caption, Node input) {
        Label label = caption(caption);
        label.setLabelFor(input);
        return new VBox(2, label, input);
    }
}
