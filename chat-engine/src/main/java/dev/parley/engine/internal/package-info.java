/**
 * The engine's internals. Not API; may change without notice.
 */
package dev.parley.engine.internal;
