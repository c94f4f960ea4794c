package io.mockpg.internal.server.auth;

import io.mockpg.internal.auth.Md5Password;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** md5: AuthenticationMD5Password with a random salt, then "md5" + md5(md5(password + user) + salt). */
final class Md5Exchange implements AuthExchange {
    private final String user;
    private final String password;
    private final byte[] salt;

    /** @param password the user's password, or null to accept any response */
    Md5Exchange(String user, String password, SecureRandom random) {
        this.user = user;
        this.password = password;
        this.salt = new Md5Password(random).salt();
    }

    @Override
    public Outcome start(ByteBuf out) {
        BackendMessages.authenticationMd5Password(out, salt);
        return Outcome.CONTINUE;
    }

    @Override
    public Outcome onPassword(byte[] payload, ByteBuf out) {
        int end = payload.length > 0 && payload[payload.length - 1] == 0 ? payload.length - 1 : payload.length;
        String response = new String(payload, 0, end, StandardCharsets.UTF_8);
        return password == null || Md5Password.verify(user, password, salt, response) ? Outcome.OK : Outcome.FAILED;
    }
}
