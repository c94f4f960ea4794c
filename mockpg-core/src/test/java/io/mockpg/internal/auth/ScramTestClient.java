package io.mockpg.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The client side of SCRAM-SHA-256 (RFC 5802), written independently of the server code. */
final class ScramTestClient {

    private final String password;
    private final String gs2Header;
    private final String clientFirstBare;
    private String serverFirst;
    private String clientFinalWithoutProof;
    private byte[] saltedPassword;

    ScramTestClient(String user, String password, String clientNonce, String gs2Header) {
        this.password = password;
        this.gs2Header = gs2Header;
        this.clientFirstBare = "n=" + user + ",r=" + clientNonce;
    }

    ScramTestClient(String user, String password, String clientNonce) {
        this(user, password, clientNonce, "n,,");
    }

    byte[] clientFirst() {
        return (gs2Header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** The client-final-message answering {@code serverFirstMessage}. */
    byte[] clientFinal(byte[] serverFirstMessage) {
        serverFirst = new String(serverFirstMessage, StandardCharsets.UTF_8);
        Map<String, String> attributes = attributes(serverFirst);
        byte[] salt = Base64.getDecoder().decode(attributes.get("s"));
        int iterations = Integer.parseInt(attributes.get("i"));
        saltedPassword = ScramVerifier.saltedPassword(password, salt, iterations);
        String channelBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        clientFinalWithoutProof = "c=" + channelBinding + ",r=" + attributes.get("r");
        byte[] clientKey = ScramVerifier.hmac(saltedPassword, "Client Key");
        byte[] clientSignature = ScramVerifier.hmac(ScramVerifier.sha256(clientKey), authMessage());
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        return (clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The server-final-message a server knowing the password must send. */
    String expectedServerFinal() {
        byte[] serverKey = ScramVerifier.hmac(saltedPassword, "Server Key");
        return "v=" + Base64.getEncoder().encodeToString(ScramVerifier.hmac(serverKey, authMessage()));
    }

    private byte[] authMessage() {
        return (clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> attributes(String message) {
        Map<String, String> attributes = new HashMap<>();
        for (String part : message.split(",")) {
            attributes.put(part.substring(0, 1), part.substring(2));
        }
        return attributes;
    }
}
