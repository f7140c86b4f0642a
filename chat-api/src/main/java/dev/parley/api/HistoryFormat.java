package dev.parley.api;

/** How a server writes the content of a {@code history} response. */
public enum HistoryFormat {
    /** A list of {@code message} objects: the documented KTN form and the default. */
    OBJECTS,
    /** A list of JSON strings, each a serialized {@code message} object: some KTN clients accept only this. */
    STRINGS
}
