package io.mockpg.internal.check;

/** Opens a probe's session to the database a URL names. */
@FunctionalInterface
public interface ProbeConnector {

    /**
     * @param url a libpq connection URI (docs/checking.md)
     * @throws IllegalArgumentException when the URL is malformed
     * @throws IllegalStateException    when the database cannot be reached or refuses the login, with the reason
     */
    SchemaProbe open(String url);
}
