package dev.parley.spi;

/** What a registered user may do on the whole server. */
public enum AccountRole {
    /** A registered user. */
    USER,
    /** A server administrator: moderates every room and changes settings at run time. */
    ADMIN
}
