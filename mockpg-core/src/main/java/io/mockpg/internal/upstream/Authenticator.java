package io.mockpg.internal.upstream;

import io.mockpg.internal.auth.Md5Password;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client's half of PostgreSQL's password authentication (PostgreSQL documentation,
 * "Password Authentication" and "SASL Authentication"): cleartext, MD5 and SCRAM-SHA-256, the
 * last through the SCRAM library pgjdbc uses. One instance per connection.
 */
final class Authenticator {
    private final UpstreamUrl url;
    private ScramConversation scram;

    Authenticator(UpstreamUrl url) {
        this.url = url;
    }

    /**
     * Writes the answer to an authentication request to {@code out}; writes nothing for
     * AuthenticationOk and SASLFinal (after checking the server's signature).
     */
    void respond(BackendMessage.Authentication request, ByteBuf out) {
        switch (request.code()) {
            case BackendMessage.Authentication.OK -> {
            }
            case BackendMessage.Authentication.CLEARTEXT_PASSWORD -> FrontendMessages.password(out, password("password"));
            case BackendMessage.Authentication.MD5_PASSWORD -> FrontendMessages.password(out,
                    Md5Password.expectedResponse(url.user(), password("md5"), Arrays.copyOf(request.data(), 4)));
            case BackendMessage.Authentication.SASL -> saslStart(request.data(), out);
            case BackendMessage.Authentication.SASL_CONTINUE -> saslContinue(request.data(), out);
            case BackendMessage.Authentication.SASL_FINAL -> saslFinal(request.data());
            default -> throw new UpstreamException("upstream " + url.address() + " asks for authentication method "
                    + request.code() + ", which is not supported (trust, password, md5, scram-sha-256 are)");
        }
    }

    private String password(String method) {
        if (url.password() == null) {
            throw new UpstreamException("upstream " + url.address() + " asks for a password (" + method
                    + ") and none was given: put it in the URL or in PGPASSWORD");
        }
        return url.password();
    }

    private void saslStart(byte[] data, ByteBuf out) {
        List<String> mechanisms = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                if (i > start) {
                    mechanisms.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        String password = password("scram-sha-256");
        try {
            scram = new ScramConversation(mechanisms, password);
        } catch (IllegalArgumentException e) {
            throw new UpstreamException("upstream " + url.address() + " offers SASL mechanisms " + mechanisms
                    + ", none of which is supported (SCRAM-SHA-256 is)");
        } catch (NoClassDefFoundError | IncompatibleClassChangeError e) {
            throw new UpstreamException("upstream " + url.address() + " asks for SCRAM-SHA-256, which needs "
                    + "com.ongres.scram:scram-client 3.x on the class path (an optional dependency of mockpg-core)");
        }
        FrontendMessages.saslInitialResponse(out, scram.mechanism(), scram.clientFirst());
    }

    private void saslContinue(byte[] data, ByteBuf out) {
        try {
            FrontendMessages.saslResponse(out, scram().clientFinal(data));
        } catch (IllegalStateException e) {
            throw new UpstreamException("upstream " + url.address() + ": " + e.getMessage());
        }
    }

    private void saslFinal(byte[] data) {
        try {
            scram().verify(data);
        } catch (IllegalStateException e) {
            throw new UpstreamException("upstream " + url.address() + ": " + e.getMessage());
        }
    }

    private ScramConversation scram() {
        if (scram == null) {
            throw new UpstreamException("upstream " + url.address() + " continued a SASL exchange it never started");
        }
        return scram;
    }
}
