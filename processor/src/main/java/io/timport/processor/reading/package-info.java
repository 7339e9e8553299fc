/** Reading an interface into the model, checking every rule on the exact element (keywords and tags in {@code Keywords}). */
package io.timport.processor.reading;
