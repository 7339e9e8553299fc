/** The processor's one reporter and its catalogue of messages: every diagnostic says the rule, the culprit and the fix. */
package io.timport.processor.diagnostics;
