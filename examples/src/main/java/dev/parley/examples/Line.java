package dev.parley.examples;

/**
 * One line of client output: its text, its tone (which a terminal may show in colour) and an
 * optional span to emphasise, such as the user's own name. Immutable.
 *
 * @param tone     what kind of line this is
 * @param text     the plain text, without any terminal escape codes
 * @param boldFrom the start of the emphasised span, or -1 for none
 * @param boldTo   the end (exclusive) of the emphasised span, or -1 for none
 */
record Line(Tone tone, String text, int boldFrom, int boldTo) {

    /** What a line reports. */
    enum Tone {
        /** A chat message. */
        MESSAGE,
        /** Information from the server or the client. */
        INFO,
        /** An error from the server or the client. */
        ERROR,
        /** A change of the connection status. */
        STATUS
    }

    static Line of(Tone tone, String text) {
        return new Line(tone, text, -1, -1);
    }

    @Override
    public String toString() {
        return text;
    }
}
