package io.cardex.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the {@link TestStack} and the {@link SecuredStack} once every test of the run has finished. */
public final class StackSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestStack.stop();
        SecuredStack.stop();
    }
}
