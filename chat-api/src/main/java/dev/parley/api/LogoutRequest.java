package dev.parley.api;

/** The KTN {@code logout} request: log out and disconnect. */
public record LogoutRequest() implements Request {

    @Override
    public String name() {
        return "logout";
    }

    @Override
    public Object content() {
        return null;
    }
}
