package com.kitesession.ui;

import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretStoreException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * Where no system keychain answers, secrets live in an encrypted file: this asks for its
 * passphrase once per run (or sets it, the first time). The key derivation is deliberately
 * slow, so it runs off the FX thread.
 */
final class PassphraseDialog {
    private final EncryptedFileSecretStore store;
    private final Executor background;
    private final Runnable onUnlocked;

    PassphraseDialog(EncryptedFileSecretStore store, Executor background, Runnable onUnlocked) {
        this.store = store;
        this.background = background;
        this.onUnlocked = onUnlocked;
    }

    void show() {
        boolean first = !store.exists();
        Stage stage = new Stage();
        stage.setTitle("Kite Session Manager: unlock secrets");
        stage.initModality(Modality.APPLICATION_MODAL);
        Label intro = new Label(first
                ? "No system keychain answers on this computer, so your api_secret and tokens are kept in an "
                        + store.describe() + ". Choose a passphrase for it. It cannot be"
                        + " recovered: if you forget it, you enter your api_secret again."
                : "Enter the passphrase that unlocks your saved api_secret and tokens (" + store.describe() + ").");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("passphrase");
        passphrase.setPromptText("passphrase");
        PasswordField repeat = new PasswordField();
        repeat.setId("passphrase-repeat");
        repeat.setPromptText("repeat the passphrase");
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        ProgressIndicator working = new ProgressIndicator();
        working.setVisible(false);
        working.setPrefSize(22, 22);
        Button ok = new Button(first ? "Create" : "Unlock");
        ok.setDefaultButton(true);
        ok.setId("unlock");
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> stage.close());
        VBox root = new VBox(10, intro, passphrase);
        if (first) root.getChildren().add(repeat);
        root.getChildren().addAll(problem, new HBox(8, ok, cancel, working));
        root.setPadding(new Insets(18));
        root.setPrefWidth(480);

        ok.setOnAction(e -> {
            char[] typed = passphrase.getText().toCharArray();
            if (first && typed.length < 8) {
                problem.setText("Use at least 8 characters.");
                return;
            }
            if (first && !passphrase.getText().equals(repeat.getText())) {
                problem.setText("The two passphrases differ.");
                return;
            }
            ok.setDisable(true);
            working.setVisible(true);
            CompletableFuture.runAsync(() -> {
                try {
                    store.unlock(typed);
                } catch (SecretStoreException ex) {
                    throw new CompletionException(ex);
                } finally {
                    Arrays.fill(typed, '\0');
                }
            }, background).whenCompleteAsync((done, error) -> {
                ok.setDisable(false);
                working.setVisible(false);
                if (error == null) {
                    stage.close();
                    // A closed window's scene keeps its animations: the spinner's and the password
                    // field's caret blink would hold JavaFX's pulse at 60 a second for the whole run.
                    stage.setScene(null);
                    onUnlocked.run();
                } else {
                    problem.setText(error.getCause() != null ? error.getCause().getMessage() : "Could not unlock.");
                    passphrase.clear();
                }
            }, Platform::runLater);
        });
        stage.setScene(new Scene(root, 480, Region.USE_COMPUTED_SIZE));
        stage.sizeToScene();
        // Some window managers open a window at its minimum size: make that minimum readable.
        stage.setMinWidth(480);
        stage.setMinHeight(first ? 280 : 220);
        stage.show();
    }
}
