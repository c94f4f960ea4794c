package io.mockpg.internal.upstream;

/** A message that does not have its type's layout: the connection it came on is unusable (08P01). */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }
}
