package com.kitesession.cli;

import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretStore;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code profile add|list|remove}: the window's profiles from the command line, for a computer
 * without a display or a script that sets one up. Same store, same checks as the window's editor.
 * The api_secret never comes as an argument (process lists and shell history show those): it is
 * read from standard input, typed unseen at a terminal, or taken from {@code KITE_API_SECRET}.
 * Exit codes: 0 ok (also when the person declines to remove); 2 usage, a bad value, an unknown or
 * duplicate profile, or no terminal to confirm on; 5 the secret store is locked or unreadable;
 * 1 the settings could not be written, or an internal error.
 */
public final class ProfileCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SECRETS_UNREADABLE = 5;
    static final String PASSPHRASE_ENV = "KITE_SESSION_PASSPHRASE";
    static final String USAGE_TEXT = String.join("\n",
            "usage: " + ProfileAddCommand.USAGE,
            "       " + ProfileListCommand.USAGE,
            "       " + ProfileRemoveCommand.USAGE,
            "The api_secret is read from standard input (typed unseen at a terminal) or from KITE_API_SECRET,"
                    + " never from an argument.");

    private ProfileCommand() {}

    public static int run(String[] args, CliContext context, CommandInput input, PrintStream out, PrintStream err) {
        if (args.length == 0) return usage(err, "say what to do: add, list or remove");
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "add" -> ProfileAddCommand.run(rest, context, input, out, err);
                case "list" -> ProfileListCommand.run(rest, context, out, err);
                case "remove" -> ProfileRemoveCommand.run(rest, context, input, out, err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE_TEXT);
                    yield OK;
                }
                default -> usage(err, "unknown subcommand " + args[0] + "; use add, list or remove");
            };
        } catch (RuntimeException e) {
            // A bug of ours: a plain line, never a stack trace (and never a message that might hold a secret).
            err.println("profile: an internal error (" + e.getClass().getSimpleName() + ") stopped the command.");
            return FAILED;
        }
    }

    /** The problem and the usage of every subcommand; exit 2. */
    static int usage(PrintStream err, String problem) {
        err.println("profile: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    /** The problem and one subcommand's usage; exit 2. */
    static int usage(PrintStream err, String subcommand, String problem, String usage) {
        err.println("profile " + subcommand + ": " + problem);
        err.println("usage: " + usage);
        return USAGE;
    }

    /** What to do about a store that could not be read or written: for a locked encrypted file, the variable to set. */
    static String unlockHint(SecretStore secrets) {
        return secrets instanceof EncryptedFileSecretStore file && !file.isUnlocked()
                ? " Set " + PASSPHRASE_ENV + " to the passphrase of " + file.describe() + " (the one the window asks for)."
                : "";
    }
}
