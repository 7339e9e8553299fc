/** The writers of generated code: the item (one part per concern) and the importer, through one source-file writer. */
package io.timport.processor.writing;
