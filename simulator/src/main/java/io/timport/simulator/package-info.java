/**
 * An embedded simulator of Tencent Cloud Chat's REST API for tests and demos: {@link io.timport.simulator.ChatSimulator}
 * is a real HTTP server on 127.0.0.1 that checks every request as the API documents (query, UserSig, admin, rate,
 * body), serves {@code friend_import}, the account APIs, {@code friend_get} and {@code friend_check}, stores what it
 * imports, and can misbehave on purpose ({@link io.timport.simulator.Fault}, stalls, silent loss). Configured with
 * {@link io.timport.simulator.SimulatorConfig}; observed through {@link io.timport.simulator.SimulatorStats} and the
 * stored relations. It checks requests with its own code, not timport's runtime, so that the two cannot agree on one
 * mistake.
 */
package io.timport.simulator;
