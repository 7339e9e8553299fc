/**
 * The processor's contract with the runtime: every runtime type and member generated code uses, named once, and
 * checked against the runtime by a test.
 */
package io.timport.processor.runtime;
