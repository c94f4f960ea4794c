package io.mockpg;

import io.mockpg.script.Script;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running mockpg server (SPEC §7): a PostgreSQL wire-protocol server answering from scripts.
 *
 * <pre>{@code
 * try (MockPgServer server = MockPgServer.builder().script("classpath:shop.yaml").start()) {
 *     String url = server.jdbcUrl();
 *     ...
 *     server.verify(1, "SELECT * FROM users WHERE id = $1");
 * }
 * }</pre>
 */
public final class MockPgServer implements AutoCloseable {

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port. */
    public int port() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public String host() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** {@code jdbc:postgresql://HOST:PORT/DB}, DB the first allowed database or "mockpg". */
    public String jdbcUrl() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Every statement received, in arrival order. */
    public List<JournalEntry> journal() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The statements no rule answered. */
    public List<JournalEntry> unmatched() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * AssertionError unless exactly {@code count} received statements match {@code sql} by
     * the same normalized matching as a rule's match.sql; the message lists what was received.
     */
    public void verify(int count, String sql) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** AssertionError with the near-miss report if any statement went unmatched. */
    public void verifyNoUnmatched() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Adds rules ahead of the existing ones: "classpath:x.yaml" or a file path. */
    public MockPgServer addScript(String location) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public MockPgServer addScript(Path file) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public MockPgServer addScript(Script script) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public MockPgServer addScriptYaml(String yaml) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Empties the journal, resets scenarios, rule counters and removes added scripts. */
    public void reset() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Drains and stops the server (SPEC §5.9). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Configures and starts a server. */
    public static final class Builder {
        int port = 0;
        String host = "127.0.0.1";
        final List<Object> scripts = new ArrayList<>();
        Duration drainTimeout = Duration.ofSeconds(5);
        int maxMessageSize = 64 * 1024 * 1024;

        Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** A script: "classpath:x.yaml" or a file path. Later scripts take precedence. */
        public Builder script(String location) {
            scripts.add(location);
            return this;
        }

        public Builder script(Path file) {
            scripts.add(file);
            return this;
        }

        public Builder script(Script script) {
            scripts.add(script);
            return this;
        }

        /** A script given inline as YAML text. */
        public Builder scriptYaml(String yaml) {
            scripts.add(new InlineYaml(yaml));
            return this;
        }

        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = timeout;
            return this;
        }

        /** Largest accepted frontend message; larger ones get 08P01. Default 64 MiB. */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public MockPgServer start() {
            throw new UnsupportedOperationException("not yet implemented");
        }

        record InlineYaml(String yaml) {
        }
    }
}
