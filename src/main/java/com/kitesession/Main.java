package com.kitesession;

import com.kitesession.cli.CliContext;
import com.kitesession.cli.ExchangeCommand;
import com.kitesession.cli.StatusCommand;
import com.kitesession.cli.TokenCommand;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.secrets.SecretStores;
import com.kitesession.storage.AppPaths;
import com.kitesession.cli.SimCommand;
import com.kitesession.ui.KiteSessionApp;
import java.util.Arrays;
import javafx.application.Application;

/**
 * Entry point of {@code kite-session.jar}: no arguments opens the window; {@code sim} runs the
 * built-in Kite simulator; {@code exchange} swaps a request_token for an access token.
 * (A plain main class, not the Application itself, so the fat jar starts on the class path.)
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(KiteSessionApp.class);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (args[0]) {
            case "sim" -> SimCommand.run(rest, System.out, System.err);
            case "exchange" -> ExchangeCommand.run(rest, System.getenv(), System.out, System.err);
            case "token" -> TokenCommand.run(rest, cliContext(), System.out, System.err);
            case "status" -> StatusCommand.run(rest, cliContext(), System.out, System.err);
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("Unknown command: " + args[0] + "\n" + USAGE);
                yield 2;
            }
        };
        System.exit(exit);
    }

    /**
     * The store the window uses. An encrypted secrets file (no system keychain) is unlocked with
     * KITE_SESSION_PASSPHRASE; without it, commands that need a token say so and exit 5.
     */
    private static CliContext cliContext() {
        return CliContext.forThisMachine(() -> {
            SecretStore secrets = SecretStores.chooseForThisMachine(AppPaths.configFolder());
            String passphrase = System.getenv("KITE_SESSION_PASSPHRASE");
            if (secrets instanceof EncryptedFileSecretStore file && file.exists() && passphrase == null) {
                System.err.println("Note: secrets are in " + file.describe() + " (no system keychain here);"
                        + " set KITE_SESSION_PASSPHRASE to its passphrase to read them.");
            }
            if (secrets instanceof EncryptedFileSecretStore file && file.exists() && passphrase != null) {
                try {
                    file.unlock(passphrase.toCharArray());
                } catch (SecretStoreException e) {
                    System.err.println("KITE_SESSION_PASSPHRASE did not unlock " + file.describe() + ": " + e.getMessage());
                }
            }
            return secrets;
        });
    }

    static final String USAGE = """
            usage: java -jar kite-session.jar                      open the window
                   java -jar kite-session.jar sim [--port N] [--now ISO-8601-instant] [--skew 45s]
                   KITE_API_SECRET=... java -jar kite-session.jar exchange --api-key K --request-token T [--api-base URL]
                   java -jar kite-session.jar token [--profile NAME] [--check]
                   java -jar kite-session.jar status [--json]""";
}
