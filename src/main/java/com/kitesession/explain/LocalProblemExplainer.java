package com.kitesession.explain;

import com.kitesession.logging.LogRedactor;
import com.kitesession.secrets.SecretStoreException;
import java.io.IOException;
import java.util.List;

/**
 * Problems of this computer, not of Kite: the settings file, the keychain or the encrypted
 * secrets file, the disk. Logging in again fixes none of them, so no explanation offers it.
 */
final class LocalProblemExplainer {
    private LocalProblemExplainer() {}

    static Explanation settingsProblem(String problem) {
        return new Explanation(ErrorLayer.LOCAL, "A problem with the settings file", problem,
                List.of("Check the profiles in the list and Preferences; re-enter what is missing or was reset."),
                FixAction.NONE, null);
    }

    static Explanation localFailure(Throwable cause) {
        return new Explanation(ErrorLayer.LOCAL, "Could not read or save this computer's data", describe(cause),
                List.of("Check the disk has space and the app's folder is writable.", "Try again."),
                FixAction.NONE, null);
    }

    /**
     * Only a SecretStoreException's or an IOException's message is shown: those are written to be
     * read (a file name, "the keychain is locked"). Any other exception's message could hold
     * anything, a token included, so it is named by its class alone. A shown message is still
     * masked as the logs are: an IOException from a library may quote a URL.
     */
    private static String describe(Throwable cause) {
        String message = cause instanceof SecretStoreException || cause instanceof IOException ? cause.getMessage() : null;
        if (message == null || message.isBlank()) return "An unexpected " + cause.getClass().getSimpleName() + " happened.";
        return LogRedactor.redact(message);
    }
}
