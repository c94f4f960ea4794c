package io.mockpg.junit5;

import io.mockpg.internal.record.Recorder;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.upstream.UpstreamUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.commons.PreconditionViolationException;

/**
 * Record once, replay forever (docs/recording.md): with {@code -Dmockpg.record=URL}, a class
 * whose only script is {@code classpath:NAME} talks to the PostgreSQL at URL through a recorder,
 * which writes {@code ${mockpg.record.dir}/NAME} (default {@code src/test/resources}) when the
 * class ends. Without the property the class replays that script as usual.
 */
final class RecordOnce implements AutoCloseable {
    static final String URL_PROPERTY = "mockpg.record";
    static final String DIR_PROPERTY = "mockpg.record.dir";
    private static final String DEFAULT_DIR = "src/test/resources";

    private final Recorder recorder;
    private final int port;

    private RecordOnce(Recorder recorder, int port) {
        this.recorder = recorder;
        this.port = port;
    }

    /** The script to record, when the property asks for recording and the class has exactly one classpath script. */
    static Optional<String> scriptName(ServerSettings settings) {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank() || settings.scripts().size() != 1
                || !(settings.scripts().get(0) instanceof ScriptSpec.Location location)
                || !location.location().startsWith(ScriptLoader.CLASSPATH_PREFIX)) {
            return Optional.empty();
        }
        String name = location.location().substring(ScriptLoader.CLASSPATH_PREFIX.length());
        return Optional.of(name.startsWith("/") ? name.substring(1) : name);
    }

    static RecordOnce start(String scriptName, String owner) {
        Path out = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR)).resolve(scriptName);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            UpstreamUrl url = UpstreamUrl.parse(System.getProperty(URL_PROPERTY), System.getenv());
            Recorder recorder = new Recorder(url, out, "junit5", warning -> System.err.println("mockpg: warning: "
                    + warning));
            int port = recorder.start("127.0.0.1", 0, false).getPort();
            return new RecordOnce(recorder, port);
        } catch (IOException | RuntimeException e) {
            throw new PreconditionViolationException("mockpg: cannot record " + out + " for " + owner + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreconditionViolationException("mockpg: interrupted while starting the recorder for " + owner, e);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/mockpg";
    }

    /** Stops the recorder, which writes the script. */
    @Override
    public void close() {
        try {
            recorder.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
