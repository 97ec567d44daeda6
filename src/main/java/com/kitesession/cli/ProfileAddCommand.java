package com.kitesession.cli;

import com.kitesession.kite.KiteHosts;
import com.kitesession.kite.LoopbackHosts;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileForm;
import com.kitesession.session.RedirectUrlCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * {@code profile add --name NAME --api-key KEY --redirect-url URL [--user-id ID] [--default]
 * [--simulator BASE_URL]}: saves a new profile through the window's own service, after the window's
 * own checks ({@link ProfileForm#problem}). The api_secret is taken from {@code KITE_API_SECRET}
 * when set, else typed unseen at a terminal, else read from the first line of standard input.
 * {@code --simulator} points the profile at a Kite simulator on this computer instead of Kite, to
 * try scripts and recipes end to end; only a loopback address is taken.
 */
final class ProfileAddCommand {
    private static final Logger LOG = Logger.getLogger(ProfileAddCommand.class.getName());
    static final String USAGE = "kite-session profile add --name NAME --api-key KEY --redirect-url URL [--user-id ID] [--default]"
            + " [--simulator BASE_URL]";
    static final String SECRET_ENV = "KITE_API_SECRET";
    private static final List<String> REQUIRED = List.of("--name", "--api-key", "--redirect-url");

    private ProfileAddCommand() {}

    static int run(String[] args, CliContext context, CommandInput input, PrintStream out, PrintStream err) {
        if (Arrays.stream(args).anyMatch(a -> a.equals("--api-secret") || a.startsWith("--api-secret="))) {
            return usage(err, "--api-secret is refused: an argument shows in the process list and the shell history."
                    + " Pipe the secret in on standard input (e.g. from your password manager), type it when asked,"
                    + " or set " + SECRET_ENV + ".");
        }
        CommandFlags flags;
        try {
            flags = CommandFlags.parse(args, Set.of("--name", "--api-key", "--redirect-url", "--user-id", "--simulator"),
                    Set.of("--default"));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        List<String> missing = REQUIRED.stream().filter(f -> !flags.has(f)).toList();
        if (missing.size() == 1) return usage(err, missing.get(0) + " is missing");
        if (!missing.isEmpty()) {
            return usage(err, String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1)
                    + " are missing");
        }
        String name = flags.value("--name").strip();
        ProfileForm typed = new ProfileForm(name, flags.value("--api-key"), null, flags.value("--redirect-url"),
                flags.value("--user-id", ""), false, "", "");
        // Everything but the secret first (a form with a stored secret skips that check), so nobody
        // types the secret only to hear that the api_key is wrong.
        Optional<String> problem = typed.problem(true);
        if (problem.isPresent()) return usage(err, problem.get());
        Optional<String> simulator = Optional.ofNullable(flags.value("--simulator", null)).map(String::strip);
        Optional<String> notSimulator = simulator.flatMap(ProfileAddCommand::simulatorProblem);
        if (notSimulator.isPresent()) return usage(err, notSimulator.get());

        SessionService service = context.sessionService();
        service.loadProblem().ifPresent(p -> err.println("Note: " + p));
        Optional<KiteProfile> same = service.settings().profiles.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
        if (same.isPresent()) {
            return usage(err, "a profile is already called '" + same.get().name() + "' (id " + same.get().id()
                    + "); choose another --name, or remove that one first with `kite-session profile remove`");
        }
        int secretsOpen = openSecrets(context, input.env(), err);
        if (secretsOpen != ProfileCommand.OK) return secretsOpen;

        String secret;
        try {
            secret = secret(input, name, err);
        } catch (IOException e) {
            return usage(err, "standard input could not be read, so there is no api_secret");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        ProfileForm complete = new ProfileForm(typed.name(), typed.apiKey(), secret, typed.redirectUrl(), typed.userId(),
                false, "", "");
        problem = complete.problem(false);
        if (problem.isPresent()) return usage(err, problem.get());
        KiteProfile blank = simulator.map(base -> KiteProfile.forSimulator("", "", "", null, base))
                .orElseGet(() -> KiteProfile.forKite("", "", "", null));
        return save(service, complete.applyTo(blank), complete, flags.has("--default"), context, out, err);
    }

    /**
     * Why {@code base} cannot be a simulator's address, or empty: http(s) on this computer only, since
     * the profile's login page, its api_secret's checksum and its tokens all go there.
     */
    static Optional<String> simulatorProblem(String base) {
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) return Optional.of("--simulator takes the simulator's base URL, e.g. http://127.0.0.1:18765"
                + " (`kite-session sim` prints it)");
        if (!LoopbackHosts.isLoopback(url.host())) {
            return Optional.of("--simulator takes an address on this computer (127.0.0.1, localhost or [::1]), not "
                    + url.host() + ": the profile's login and api_secret checksum would go there");
        }
        return Optional.empty();
    }

    private static int save(SessionService service, KiteProfile profile, ProfileForm form, boolean makeDefault,
            CliContext context, PrintStream out, PrintStream err) {
        try {
            service.saveProfile(profile, form.apiSecretToSave());
            if (makeDefault) service.setDefault(profile);
        } catch (SecretStoreException e) {
            err.println("The api_secret could not be saved in the " + context.secrets().describe() + ": " + e.getMessage()
                    + ProfileCommand.unlockHint(context.secrets()) + " Nothing was saved.");
            return ProfileCommand.SECRETS_UNREADABLE;
        } catch (IOException e) {
            err.println("The profile could not be written to the settings in " + service.dataFolder() + " ("
                    + e.getClass().getSimpleName() + "). Check that the folder is yours and writable, then try again.");
            return ProfileCommand.FAILED;
        }
        LOG.info(() -> "profile add: saved profile " + profile.id());
        RedirectUrlCheck.Result redirect = RedirectUrlCheck.check(profile.redirectUrl());
        if (redirect.verdict() == RedirectUrlCheck.Verdict.WARN) redirect.notes().forEach(n -> err.println("Note: " + n));
        boolean isDefault = profile.id().equals(service.settings().defaultProfileId);
        out.println("Saved profile '" + profile.name() + "' with id " + profile.id()
                + (isDefault ? ", the default profile." : ".")
                + (KiteHosts.API_BASE.equals(profile.apiBase()) ? "" : " It logs in to the Kite simulator at " + profile.apiBase()
                        + ", not to Kite."));
        return ProfileCommand.OK;
    }

    /**
     * The secret: KITE_API_SECRET when set (said on stderr, so it is never taken by surprise),
     * else typed unseen at a terminal, else the first line of standard input. "" when none came.
     */
    private static String secret(CommandInput input, String name, PrintStream err) throws IOException {
        String fromEnv = input.env().get(SECRET_ENV);
        if (fromEnv != null) {
            err.println("Using the api_secret in " + SECRET_ENV + ".");
            return fromEnv;
        }
        if (input.terminal().isPresent()) {
            char[] typed = input.terminal().get().readHidden("api_secret of the Kite Connect app for '" + name
                    + "' (not shown as you type): ");
            if (typed == null) return "";
            try {
                return new String(typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
        return StandardInput.firstLine(input.stdin(), "an api_secret");
    }

    /**
     * An encrypted secrets file must be open before the secret is asked for. The first time (no
     * file yet), KITE_SESSION_PASSPHRASE sets its passphrase, as the window's first save does.
     */
    private static int openSecrets(CliContext context, Map<String, String> env, PrintStream err) {
        if (!(context.secrets() instanceof EncryptedFileSecretStore file) || file.isUnlocked()) return ProfileCommand.OK;
        String passphrase = env.get(ProfileCommand.PASSPHRASE_ENV);
        if (file.exists() || passphrase == null || passphrase.isEmpty()) {
            err.println((file.exists() ? "The secrets are in " + file.describe() + ", which is locked."
                    : "This computer has no system keychain, so secrets go in " + file.describe() + ", which does not exist yet.")
                    + " Set " + ProfileCommand.PASSPHRASE_ENV + " to " + (file.exists() ? "its passphrase"
                    : "the passphrase it should have (the window will ask for the same one)") + ". Nothing was saved.");
            return ProfileCommand.SECRETS_UNREADABLE;
        }
        char[] chars = passphrase.toCharArray();
        try {
            file.unlock(chars);
            err.println("Created " + file.describe() + " with the passphrase in " + ProfileCommand.PASSPHRASE_ENV
                    + "; the window will ask for the same one.");
            return ProfileCommand.OK;
        } catch (SecretStoreException e) {
            err.println("Could not create " + file.describe() + ": " + e.getMessage() + " Nothing was saved.");
            return ProfileCommand.SECRETS_UNREADABLE;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static int usage(PrintStream err, String problem) {
        return ProfileCommand.usage(err, "add", problem, USAGE
                + "\n       (the api_secret comes on standard input or in " + SECRET_ENV + ", never as an argument)");
    }
}
