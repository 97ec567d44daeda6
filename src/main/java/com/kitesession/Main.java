package com.kitesession;

import com.kitesession.cli.CliContext;
import com.kitesession.cli.CommandInput;
import com.kitesession.cli.ExchangeCommand;
import com.kitesession.cli.ProfileCommand;
import com.kitesession.cli.LoginCommand;
import com.kitesession.cli.LoginSurroundings;
import com.kitesession.cli.SimCommand;
import com.kitesession.cli.StatusCommand;
import com.kitesession.cli.TokenCommand;
import com.kitesession.desktop.Autostart;
import com.kitesession.desktop.LibcEnvironment;
import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.RenderingChoice;
import com.kitesession.desktop.SingleInstance;
import com.kitesession.desktop.WindowLauncher;
import com.kitesession.kite.KiteClient;
import com.kitesession.logging.AppLogs;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.secrets.SecretStores;
import com.kitesession.storage.AppPaths;
import com.kitesession.ui.CdsTraining;
import com.kitesession.ui.KiteSessionApp;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Entry point of {@code kite-session.jar}: no arguments opens the window ({@code --minimised}: iconified); {@code sim} runs the
 * built-in Kite simulator; {@code exchange} swaps a request_token for an access token;
 * {@code token}, {@code status} and {@code profile} read (and {@code profile} changes) the window's store.
 * (A plain main class, not the Application itself, so the fat jar starts on the class path.)
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final Set<String> COMMANDS = Set.of("sim", "exchange", "token", "status", "profile", "login");

    private Main() {}

    public static void main(String[] args) {
        if (isWindowLaunch(args)) {
            window(args);
            return;
        }
        // Only a known command's name: an unknown first argument could be anything (a pasted token).
        startLogs(AppLogs.COMMAND_LINE, COMMANDS.contains(args[0]) ? args[0] : "other command");
        System.exit(runCommand(args, System.out, System.err));
    }

    /**
     * Runs the command and returns its exit code. Whatever escapes a command (a bad system
     * property, a date past what java.time can count, a bug of ours) becomes one line and exit 1:
     * a stack trace scares a trader and may carry a value that should stay private.
     */
    static int runCommand(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out, err);
        } catch (SetupProblem e) {
            err.println("kite-session: " + e.getMessage());
            return 1;
        } catch (RuntimeException | Error e) {
            LOG.severe("The command " + (COMMANDS.contains(args[0]) ? args[0] : "given")
                    + " stopped on an internal error: " + e.getClass().getName());
            err.println("kite-session: an internal error (" + e.getClass().getSimpleName() + ") stopped the command."
                    + " Nothing secret was printed; the log file has the time it happened.");
            return 1;
        }
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "sim" -> SimCommand.run(rest, out, err);
            case "exchange" -> ExchangeCommand.run(rest, System.getenv(), System.in, out, err, KiteClient.defaultHttpClient());
            case "token" -> TokenCommand.run(rest, cliContext(err), loginSurroundings(), out, err);
            case "status" -> StatusCommand.run(rest, cliContext(err), out, err);
            case "profile" -> ProfileCommand.run(rest, cliContext(err), CommandInput.ofThisProcess(), out, err);
            case "login" -> LoginCommand.run(rest, cliContext(err), loginSurroundings(), out, err);
            case "help", "--help", "-h" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> {
                err.println("Unknown command: " + args[0] + "\n" + USAGE);
                yield 2;
            }
        };
    }

    /**
     * The arguments that open the window (none, {@code --minimised} as the autostart entry gives,
     * or `login`'s request); every other launch is a command.
     */
    static boolean isWindowLaunch(String[] args) {
        return args.length == 0 || List.of(args).equals(List.of(Autostart.MINIMISED))
                || LoginRequest.profileIn(List.of(args)).isPresent();
    }

    /** What `login` finds on this machine: its environment, standard input, the window's folder and launcher. */
    private static LoginSurroundings loginSurroundings() {
        return new LoginSurroundings(System.getenv(), System.getProperty("os.name", ""), System.in,
                AppPaths.configFolder(), WindowLauncher.sameAsThisProcess(Main.class.getName()));
    }

    /**
     * One window per settings folder: a second launch hands its arguments to the running window
     * (which comes to the front) and exits 0, so a launcher never opens two windows on one store.
     * Commands are not single-instance: they run beside the window.
     */
    private static void window(String[] args) {
        SingleInstance.Outcome instance = null;
        Exception unsure = null;
        try {
            instance = SingleInstance.acquire(AppPaths.configFolder(), List.of(args), KiteSessionApp::onSecondLaunch);
        } catch (IOException | RuntimeException e) {
            unsure = e;
        }
        if (instance instanceof SingleInstance.Secondary) {
            System.out.println("Kite Session Manager is already running: its window was brought to the front.");
            System.exit(0);
        }
        startLogs(AppLogs.WINDOW, "window");
        if (unsure != null) {
            // An unwritable folder, or a running window that never answered: open anyway. The store's
            // own lock still keeps two windows from losing each other's changes.
            LOG.warning("Could not make sure this is the only window (" + unsure.getClass().getSimpleName() + ": "
                    + unsure.getMessage() + "); opening anyway.");
        }
        if (instance instanceof SingleInstance.Primary primary) {
            if (primary.tookOver()) {
                LOG.info("The previous window had not closed cleanly (it crashed or was killed); this one took over.");
            }
            // Also on a kill or a logout of the desktop session: leave nothing stale behind.
            Runtime.getRuntime().addShutdownHook(new Thread(primary::close, "kite-session-single-instance-close"));
        }
        chooseRendering();
        CdsTraining.installIfAsked(); // the build's training run for the app image's archive, never a person's start
        KiteSessionApp.prepare(); // the settings and the keychain probe, while the toolkit starts
        try {
            Application.launch(KiteSessionApp.class, args);
        } finally {
            if (instance instanceof SingleInstance.Primary primary) primary.close();
        }
    }

    /**
     * Software rendering where no GPU can be used (see {@link RenderingChoice}): both settings are
     * read when the toolkit starts, so they are made before it. System.getenv() is read first, so
     * child processes keep the environment this process was given.
     */
    private static void chooseRendering() {
        RenderingChoice choice = RenderingChoice.decide(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty(RenderingChoice.PRISM_ORDER), Path.of("/dev"));
        LOG.info("Rendering: " + (choice.software() ? "software" : "JavaFX's choice") + " (" + choice.reason() + ")");
        if (!choice.software()) return;
        System.setProperty(RenderingChoice.PRISM_ORDER, RenderingChoice.SOFTWARE_ORDER);
        if (!LibcEnvironment.setIfUnset(RenderingChoice.GDK_GL, RenderingChoice.GDK_GL_OFF)) {
            LOG.info("Could not set " + RenderingChoice.GDK_GL + "; GTK may still load OpenGL.");
        }
    }

    /** Log files for this run; without them (a read-only home) the app runs all the same, quietly. */
    private static void startLogs(String files, String what) {
        try {
            AppLogs.install(AppLogs.defaultFolder(), files);
        } catch (IOException | RuntimeException e) {
            return;
        }
        LOG.info(AppLogs.startLine(what));
    }

    /**
     * The store the window uses. An encrypted secrets file (no system keychain) is unlocked with
     * KITE_SESSION_PASSPHRASE; without it, commands that need a token say so and exit 5.
     */
    private static CliContext cliContext(PrintStream err) {
        return CliContext.forThisMachine(() -> {
            SecretStore secrets;
            try {
                secrets = SecretStores.chooseForThisMachine(AppPaths.configFolder());
            } catch (IllegalArgumentException e) {
                throw new SetupProblem(e.getMessage()); // names the -D setting and the choices, nothing stored
            }
            String passphrase = System.getenv("KITE_SESSION_PASSPHRASE");
            if (secrets instanceof EncryptedFileSecretStore file && file.exists() && passphrase == null) {
                err.println("Note: secrets are in " + file.describe() + " (no system keychain here);"
                        + " set KITE_SESSION_PASSPHRASE to its passphrase to read them.");
            }
            if (secrets instanceof EncryptedFileSecretStore file && file.exists() && passphrase != null) {
                try {
                    file.unlock(passphrase.toCharArray());
                } catch (SecretStoreException e) {
                    err.println("KITE_SESSION_PASSPHRASE did not unlock " + file.describe() + ": " + e.getMessage());
                }
            }
            return secrets;
        });
    }

    /** A setting this launch was given that cannot work; its message is a plain sentence safe to print. */
    private static final class SetupProblem extends RuntimeException {
        SetupProblem(String message) {
            super(message, null, false, false);
        }
    }

    static final String USAGE = usage(System.getProperty("jpackage.app-path") != null ? "kite-session" : "java -jar kite-session.jar");

    /** The usage text, with the command as this copy is started: the installed launcher, or the jar. */
    static String usage(String command) {
        return """
                usage: CMD [--minimised]        open the window (minimised: as at login)
                       CMD sim [--port N] [--now ISO-8601-instant] [--skew 45s] [--login-page spa|spa-userid|classic|renamed]
                       KITE_API_SECRET=... CMD exchange --api-key K --request-token T|- [--api-base URL]
                       CMD token [--profile NAME] [--check | --wait [--timeout 15m]]
                       CMD status [--json]
                       CMD profile add --name NAME --api-key KEY --redirect-url URL [--user-id ID] [--default]
                               (the api_secret on standard input or in KITE_API_SECRET, never as an argument)
                       CMD profile list [--json]
                       CMD profile remove NAME|ID [--yes]
                       CMD login [--profile NAME] [--browser] [--timeout 10m]""".replace("CMD", command);
    }
}
