package com.kitesession.ui;

import com.kitesession.session.KiteProfile;

/**
 * What the profile editor shows: the profile, whether it is saved yet, where its api_secret is
 * kept (null: none stored), whether one-click secrets are stored, and the export line. Secrets
 * themselves never enter it; the editor's secret fields start empty. {@code afterLogin}: the
 * command run after each login, "" for none.
 */
record ProfileDraft(KiteProfile profile, boolean saved, String secretStoredIn, boolean loginSecretsStored,
        String exportInfo, String afterLogin) {

    ProfileDraft(KiteProfile profile, boolean saved, String secretStoredIn, boolean loginSecretsStored, String exportInfo) {
        this(profile, saved, secretStoredIn, loginSecretsStored, exportInfo, "");
    }

    static ProfileDraft unsaved(KiteProfile profile) {
        return new ProfileDraft(profile, false, null, false, "");
    }

    boolean secretStored() {
        return secretStoredIn != null;
    }

    /** The demo's app is fixed: only one-click can be switched, to try typing (and mistyping) the code. */
    boolean appEditable() {
        return !profile.isDemo();
    }
}
