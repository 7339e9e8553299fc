/**
 * A JUnit 5 extension that runs the Chat simulator for a test class: {@link
 * io.timport.simulator.junit.ChatSimulatorExtension}. Needs {@code junit-jupiter-api} on the class path (the
 * simulator artifact declares it {@code provided}).
 */
package io.timport.simulator.junit;
