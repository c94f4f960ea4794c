package io.mockpg.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The server side of one SASL SCRAM-SHA-256 exchange (RFC 5802, RFC 7677) as PostgreSQL runs it:
 * AuthenticationSASL offers {@link #mechanisms()}; the client's SASLInitialResponse data goes to
 * {@link #handleClientFirst}, its SASLResponse data to {@link #handleClientFinal}.
 *
 * <p>Like PostgreSQL, the user name inside the SCRAM message is ignored (the startup user is
 * authoritative) and channel binding is not offered: gs2 flag {@code n} and {@code y} are
 * accepted, {@code p} is refused. Malformed input yields a {@link ScramResult.Failure}, never
 * an exception. One instance per connection; not thread-safe.
 */
public final class ScramSha256Server {

    /** The only mechanism offered; the -PLUS variant would need tls-server-end-point binding. */
    public static final String MECHANISM = "SCRAM-SHA-256";

    private static final int SERVER_NONCE_BYTES = 18;
    private static final int PROOF_LENGTH = 32;
    private static final String MALFORMED = "malformed SCRAM message";

    private enum State { AWAITING_CLIENT_FIRST, AWAITING_CLIENT_FINAL, DONE }

    private final String user;
    private final ScramVerifier verifier;
    private final String serverNonce;
    private State state = State.AWAITING_CLIENT_FIRST;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /**
     * @param user     the startup user, named in the failure message
     * @param verifier the user's stored verifier (see {@link ScramVerifierCache})
     * @param random   source of the server nonce
     */
    public ScramSha256Server(String user, ScramVerifier verifier, SecureRandom random) {
        this(user, verifier, randomNonce(random));
    }

    /** With a fixed server nonce, for reproducing published exchanges. */
    ScramSha256Server(String user, ScramVerifier verifier, String serverNonce) {
        this.user = Objects.requireNonNull(user, "user");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.serverNonce = serverNonce;
    }

    /** The mechanism names to list in AuthenticationSASL. */
    public List<String> mechanisms() {
        return List.of(MECHANISM);
    }

    /** Whether the client's chosen mechanism (from SASLInitialResponse) is one offered. */
    public boolean supports(String mechanism) {
        return MECHANISM.equals(mechanism);
    }

    /**
     * Reads the client-first-message; on success the challenge holds the server-first-message
     * {@code r=CLIENTNONCE+SERVERNONCE,s=SALT,i=ITERATIONS}.
     */
    public ScramResult handleClientFirst(byte[] clientFirstMessage) {
        if (state != State.AWAITING_CLIENT_FIRST) {
            return fail(protocolViolation("unexpected SCRAM client-first-message"));
        }
        try {
            readClientFirst(utf8(clientFirstMessage));
        } catch (Rejection rejection) {
            return fail(rejection.failure);
        } catch (RuntimeException e) {
            return fail(malformed("Could not parse client-first-message."));
        }
        nonce = nonce + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
                + ",i=" + verifier.iterations();
        state = State.AWAITING_CLIENT_FINAL;
        return new ScramResult.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the client-final-message and checks its proof; on success the result holds the
     * server-final-message {@code v=SERVERSIGNATURE}.
     */
    public ScramResult handleClientFinal(byte[] clientFinalMessage) {
        if (state != State.AWAITING_CLIENT_FINAL) {
            return fail(protocolViolation("unexpected SCRAM client-final-message"));
        }
        try {
            return verifyClientFinal(utf8(clientFinalMessage));
        } catch (Rejection rejection) {
            return fail(rejection.failure);
        } catch (RuntimeException e) {
            return fail(malformed("Could not parse client-final-message."));
        } finally {
            state = State.DONE;
        }
    }

    private void readClientFirst(String message) throws Rejection {
        // gs2-header: cbind-flag "," [authzid] ","
        if (message.isEmpty()) {
            throw new Rejection(malformed("Empty client-first-message."));
        }
        char flag = message.charAt(0);
        if (flag == 'p') {
            throw new Rejection(malformed("The client selected SCRAM-SHA-256 without channel binding,"
                    + " but the SCRAM message includes channel binding data."));
        }
        if ((flag != 'n' && flag != 'y') || message.length() < 2 || message.charAt(1) != ',') {
            throw new Rejection(malformed("Unexpected channel-binding flag in client-first-message."));
        }
        if (message.startsWith("a=", 2)) {
            throw new Rejection(new ScramResult.Failure("0A000",
                    "client uses authorization identity, but it is not supported", null));
        }
        if (message.length() < 3 || message.charAt(2) != ',') {
            throw new Rejection(malformed("Expected ',' after the channel-binding flag."));
        }
        gs2Header = message.substring(0, 3);
        clientFirstBare = message.substring(3);
        if (clientFirstBare.startsWith("m=")) {
            throw new Rejection(new ScramResult.Failure("0A000",
                    "client requires an unsupported SCRAM extension", null));
        }
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2) {
            throw new Rejection(malformed("client-first-message lacks the user name or the nonce."));
        }
        attributeValue(attributes[0], 'n'); // ignored: the startup user is authoritative
        nonce = attributeValue(attributes[1], 'r');
        if (nonce.isEmpty() || !isPrintable(nonce)) {
            throw new Rejection(malformed("Empty or non-printable nonce in client-first-message."));
        }
        for (int i = 2; i < attributes.length; i++) {
            anyAttribute(attributes[i]); // extensions are allowed and ignored
        }
    }

    private ScramResult verifyClientFinal(String message) throws Rejection {
        String[] attributes = message.split(",", -1);
        if (attributes.length < 3) {
            throw new Rejection(malformed("client-final-message lacks channel binding, nonce or proof."));
        }
        byte[] channelBinding = Base64.getDecoder().decode(attributeValue(attributes[0], 'c'));
        if (!MessageDigest.isEqual(channelBinding, gs2Header.getBytes(StandardCharsets.UTF_8))) {
            throw new Rejection(protocolViolation("SCRAM channel binding check failed"));
        }
        if (!nonce.equals(attributeValue(attributes[1], 'r'))) {
            throw new Rejection(malformed("Nonce does not match."));
        }
        for (int i = 2; i < attributes.length - 1; i++) {
            anyAttribute(attributes[i]);
        }
        byte[] proof = Base64.getDecoder().decode(attributeValue(attributes[attributes.length - 1], 'p'));
        if (proof.length != PROOF_LENGTH) {
            throw new Rejection(malformed("Malformed proof in client-final-message."));
        }
        String withoutProof = message.substring(0, message.lastIndexOf(",p="));
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);

        byte[] clientKey = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] ^= proof[i]; // ClientKey = ClientProof XOR ClientSignature
        }
        if (!MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey())) {
            return new ScramResult.Failure("28P01",
                    "password authentication failed for user \"" + user + "\"", null);
        }
        byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new ScramResult.Success(serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private ScramResult fail(ScramResult.Failure failure) {
        state = State.DONE;
        return failure;
    }

    private static String attributeValue(String attribute, char name) throws Rejection {
        if (attribute.length() < 2 || attribute.charAt(0) != name || attribute.charAt(1) != '=') {
            throw new Rejection(malformed("Expected attribute \"" + name + "\"."));
        }
        return attribute.substring(2);
    }

    private static void anyAttribute(String attribute) throws Rejection {
        if (attribute.length() < 2 || !Character.isLetter(attribute.charAt(0)) || attribute.charAt(1) != '=') {
            throw new Rejection(malformed("Malformed attribute."));
        }
    }

    /** RFC 5802 "printable": %x21-2B / %x2D-7E, i.e. visible ASCII except ','. */
    private static boolean isPrintable(String value) {
        return value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',');
    }

    private static String utf8(byte[] bytes) throws Rejection {
        if (bytes == null) {
            throw new Rejection(malformed("Missing SCRAM message."));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejection(malformed("SCRAM message is not valid UTF-8."));
        }
    }

    private static String randomNonce(SecureRandom random) {
        byte[] raw = new byte[SERVER_NONCE_BYTES];
        random.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static ScramResult.Failure malformed(String detail) {
        return new ScramResult.Failure("08P01", MALFORMED, detail);
    }

    private static ScramResult.Failure protocolViolation(String message) {
        return new ScramResult.Failure("08P01", message, null);
    }

    /** Carries a failure out of the parsing helpers. */
    private static final class Rejection extends Exception {
        final ScramResult.Failure failure;

        Rejection(ScramResult.Failure failure) {
            super(failure.detail() != null ? failure.detail() : failure.message(), null, false, false);
            this.failure = failure;
        }
    }
}
