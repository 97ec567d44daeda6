package com.kitesession.service;

import com.kitesession.secrets.SecretStore;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a profile's data lives: its entry in the list, its secrets and its remembered session.
 * {@link SessionService} chooses one per profile, in one place: the saved settings with this
 * machine's secret store, or this run's memory for the demo, which so never writes either and
 * never needs the passphrase.
 */
interface ProfileStore {
    /** The profiles kept here, in the order they were added. */
    List<KiteProfile> profiles();

    /** Their secrets; every one that passes through is masked in the logs. */
    SecretStore secrets();

    /** For the person: where the secrets are kept ("the Linux Secret Service", ...). */
    String describeSecrets();

    /** Adds the profile, or replaces the one with its id. */
    void putProfile(KiteProfile profile) throws IOException;

    /** Removes the profile and all that is remembered for it, except its secrets: the caller deletes those. */
    void removeProfile(KiteProfile profile) throws IOException;

    /** Makes it the profile the command line uses when none is named, where that is remembered. */
    void makeDefault(KiteProfile profile) throws IOException;

    /** The remembered session, or null. */
    SessionRecord session(KiteProfile profile);

    /**
     * Remembers a fresh login (its token is in {@link #secrets()} already); returns a problem
     * with the token export for scripts, if any: the login itself stands.
     */
    Optional<String> rememberLogin(KiteProfile profile, ActiveSession session, SessionRecord record) throws IOException;

    /** Changes the remembered session, if there is one. */
    void changeSession(KiteProfile profile, UnaryOperator<SessionRecord> change) throws IOException;

    void forgetSession(KiteProfile profile) throws IOException;
}
