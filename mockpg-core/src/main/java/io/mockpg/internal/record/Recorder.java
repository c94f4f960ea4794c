package io.mockpg.internal.record;

import io.mockpg.internal.protocol.codec.StartupDecoder;
import io.mockpg.internal.respond.builtin.BuiltinServer;
import io.mockpg.internal.respond.builtin.Builtins;
import io.mockpg.internal.script.TlsConfig;
import io.mockpg.internal.server.channel.EpollTransport;
import io.mockpg.internal.server.tls.TlsContexts;
import io.mockpg.internal.upstream.UpstreamConnector;
import io.mockpg.internal.upstream.UpstreamSession;
import io.mockpg.internal.upstream.UpstreamUrl;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mockpg record}: listens like the server, forwards every client session to the
 * upstream PostgreSQL through a {@link RecordingConnection}, and writes what it saw as a script
 * (docs/recording.md) after each session ends and when it stops.
 */
public final class Recorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    /** How long the start waits for the upstream to close the connection that asked for its startup facts. */
    private static final Duration PROBE_CLOSE = Duration.ofSeconds(2);

    private final UpstreamUrl url;
    private final Path out;
    private final String mockpgVersion;
    private final Recording recording = new Recording();
    private final ColumnTypes columnTypes;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mockpg-script-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean writeQueued = new AtomicBoolean();
    private EventLoopGroup loops;
    private UpstreamConnector connector;
    private Channel listening;
    private String host;

    /**
     * @param warnings where a column of a type scripts cannot express is reported (stderr)
     */
    public Recorder(UpstreamUrl url, Path out, String mockpgVersion, Consumer<String> warnings) {
        this.url = url;
        this.out = out;
        this.mockpgVersion = mockpgVersion;
        this.columnTypes = new ColumnTypes(warnings);
    }

    /**
     * Connects once to the upstream (its startup facts go in the script's {@code server}),
     * writes the empty script, then listens.
     *
     * @throws io.mockpg.internal.upstream.UpstreamException when the upstream cannot be reached or refuses
     * @throws IOException when the script cannot be written or the port cannot be bound
     */
    public InetSocketAddress start(String host, int port, boolean nativeTransport) throws IOException,
            InterruptedException {
        this.host = host;
        boolean epoll = nativeTransport && EpollTransport.available();
        // half the CPUs: the recorder shares the host with the upstream and the clients it sits between,
        // and a busier loop wakes less often (docs/performance.md, the recorder's fourth run)
        int loopCount = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        loops = epoll ? EpollTransport.newGroup(loopCount) : new NioEventLoopGroup(loopCount);
        connector = UpstreamConnector.on(loops, epoll ? EpollTransport.socketChannel() : NioSocketChannel.class);
        CompletableFuture<SslContext> tls = CompletableFuture.supplyAsync(
                () -> TlsContexts.forConfig(TlsConfig.SELF_SIGNED), writer);
        UpstreamSession probe = awaitUpstream();
        recording.serverFacts(probe.serverVersion(), probe.parameters());
        // its slot free before the first client comes: an upstream at its connection limit would refuse that client
        probe.closeAndAwait(PROBE_CLOSE);
        writeScript();
        Builtins builtins = new Builtins(new BuiltinServer(recording.snapshot().serverVersion(), Map.of(), host, () -> 0,
                null));
        RecorderContext context = new RecorderContext(url, connector, recording, new StatementTemplates(builtins), columnTypes,
                tls, this::sessionEnded);
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops)
                .channel(epoll ? EpollTransport.serverChannel() : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        // after the startup packet the bytes come through as read: RecordingConnection forwards them so
                        channel.pipeline().addLast("startup", new StartupDecoder(ChannelInboundHandlerAdapter::new))
                                .addLast("recording", new RecordingConnection(context));
                    }
                });
        try {
            listening = bootstrap.bind(host, port).sync().channel();
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        return (InetSocketAddress) listening.localAddress();
    }

    private UpstreamSession awaitUpstream() throws InterruptedException {
        try {
            return connector.connect(url).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void sessionEnded() {
        // coalesced: sessions ending together cause one write
        if (writeQueued.compareAndSet(false, true)) {
            writer.execute(() -> {
                writeQueued.set(false);
                try {
                    writeScript();
                } catch (IOException e) {
                    log.error("cannot write {}: {}", out, e.getMessage());
                }
            });
        }
    }

    /** Writes the script as recorded so far, atomically. */
    public synchronized void writeScript() throws IOException {
        ScriptWriter.writeAtomically(out, ScriptWriter.render(header(), recording.snapshot()));
    }

    private List<String> header() {
        return List.of("Recorded by mockpg " + mockpgVersion + " (mockpg record) on " + started,
                "from PostgreSQL at " + url.address() + ", database " + url.database() + ".",
                "Replay it with: java -jar mockpg.jar --script " + out.getFileName());
    }

    /** Stops listening, closes every session, and writes the script one last time. */
    @Override
    public void close() throws IOException {
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeScript();
    }

    /** What was recorded so far. */
    Recording recording() {
        return recording;
    }

    public String host() {
        return host;
    }
}
