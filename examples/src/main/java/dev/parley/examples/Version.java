package dev.parley.examples;

import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints: Parley's version from the jar's manifest. Thread-safe. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"Parley " + (version == null ? "(development build, not from parley.jar)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
