package com.kitesession.storage;

import com.kitesession.kite.KiteHosts;
import com.kitesession.session.KiteProfile;
import java.nio.file.Path;

/** Run in a second JVM by AppSettingsStoreTest: adds N profiles to the settings in a folder. */
public final class SettingsWriterProcess {
    public static void main(String[] args) throws Exception {
        AppSettingsStore store = new AppSettingsStore(Path.of(args[0]));
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            String id = args[1] + "-" + i;
            store.update(s -> s.profiles.add(new KiteProfile(id, id, "k", "http://127.0.0.1/r", null,
                    KiteHosts.LOGIN_BASE, KiteHosts.API_BASE)));
        }
    }
}
