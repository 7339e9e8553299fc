/**
 * The bulk import engine: any number of (From_Account, item) records imported at the app's full rate, losing
 * nothing, explaining every failure, and able to resume. {@link io.timport.bulk.BulkImporter} (and the generated
 * {@code XImporter}, the same engine typed for your item) takes {@link io.timport.bulk.ImportRecord}s, from your own
 * data or a JSONL file ({@link io.timport.bulk.JsonlInput}), and returns an {@link io.timport.bulk.ImportReport};
 * {@link io.timport.bulk.ImporterBuilder} holds every setting, {@link io.timport.bulk.ProgressListener} and
 * {@link io.timport.bulk.ImportListener} watch a run. The engine's parts (package-private) are described in the
 * guide's "How timport is built".
 */
package io.timport.bulk;
