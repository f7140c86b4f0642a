package dev.parley.api;

/** The KTN {@code help} request: ask for a text listing the supported requests. */
public record HelpRequest() implements Request {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Object content() {
        return null;
    }
}
