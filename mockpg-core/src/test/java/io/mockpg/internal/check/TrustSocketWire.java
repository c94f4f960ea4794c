package io.mockpg.internal.check;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A test's {@link ProbeWire}: a plain socket to a trust-authenticated role, so the probe's
 * query protocol is tested on its own against the real PostgreSQL.
 */
final class TrustSocketWire implements ProbeWire {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private TrustSocketWire(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /** postgresql://USER@HOST:PORT/DB for a role that needs no password. */
    static TrustSocketWire open(String url) {
        URI uri = URI.create(url);
        try {
            TrustSocketWire wire = new TrustSocketWire(new Socket(uri.getHost(), uri.getPort()));
            wire.startup(uri.getUserInfo().split(":")[0], uri.getPath().substring(1));
            return wire;
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + uri.getHost() + ":" + uri.getPort() + ": "
                    + e.getMessage(), e);
        }
    }

    private void startup(String user, String database) throws IOException {
        byte[] body = ("user\0" + user + "\0database\0" + database + "\0\0").getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer message = java.nio.ByteBuffer.allocate(8 + body.length);
        message.putInt(8 + body.length).putInt(196608).put(body);
        send(message.array());
        for (BackendFrame frame = receive(); frame.type() != 'Z'; frame = receive()) {
            if (frame.type() == 'E') {
                throw new IOException("login refused: " + frame.error().message());
            }
        }
    }

    @Override
    public void send(byte[] messages) throws IOException {
        out.write(messages);
        out.flush();
    }

    @Override
    public BackendFrame receive() throws IOException {
        byte type = in.readByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new BackendFrame(type, body);
    }

    @Override
    public int startupRoundTrips() {
        return 1;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
