package dev.parley.api;

/** The KTN {@code names} request: list the usernames currently logged in. */
public record NamesRequest() implements Request {

    @Override
    public String name() {
        return "names";
    }

    @Override
    public Object content() {
        return null;
    }
}
