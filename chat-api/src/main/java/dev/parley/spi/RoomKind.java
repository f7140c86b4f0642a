package dev.parley.spi;

/** The two kinds of conversation with more than two people. */
public enum RoomKind {
    /** A named room that anyone may join (unless banned); members are whoever is in it now. */
    ROOM,
    /** A group: members are a stored list, joined by invitation or approval, with a size limit. */
    GROUP
}
