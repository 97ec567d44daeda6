package com.kitesession.secrets;

import com.kitesession.storage.AppSettingsStore;
import java.nio.file.Path;

/**
 * Started, and killed at a random moment, by CrashDuringWriteTest: writes settings and secrets
 * in a loop, each write holding a counter, and says on stdout which writes completed. Args:
 * folder, first counter; passphrase in the environment.
 */
public final class KilledWriterProcess {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        AppSettingsStore settings = new AppSettingsStore(folder);
        EncryptedFileSecretStore secrets = new EncryptedFileSecretStore(folder.resolve("secrets.enc"), EncryptedFileSecretStoreTest.FAST);
        secrets.unlock(System.getenv("KITE_TEST_PASSPHRASE").toCharArray());
        System.out.println("ready");
        System.out.flush();
        for (long n = Long.parseLong(args[1]); ; n++) {
            String value = String.valueOf(n);
            settings.update(s -> s.putProfile(CrashDuringWriteTest.counterProfile(value)));
            System.out.println("settings " + n);
            System.out.flush();
            secrets.store(CrashDuringWriteTest.COUNTER, value);
            System.out.println("secret " + n);
            System.out.flush();
        }
    }
}
