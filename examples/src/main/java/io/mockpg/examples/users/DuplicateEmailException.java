package io.mockpg.examples.users;

/** A user with this email address already exists. */
public class DuplicateEmailException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String email;

    public DuplicateEmailException(String email, Throwable cause) {
        super("a user with email " + email + " already exists", cause);
        this.email = email;
    }

    public String email() {
        return email;
    }
}
