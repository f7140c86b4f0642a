/**
 * Builds servers and clients: start at {@link dev.parley.engine.Parley}. Embedding applications
 * add their own requests with {@link dev.parley.engine.Command}.
 */
package dev.parley.engine;
