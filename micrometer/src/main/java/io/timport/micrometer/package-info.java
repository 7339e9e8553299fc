/** Micrometer meters for timport imports ({@link io.timport.micrometer.TimportMetrics}), usable with or without Spring. */
package io.timport.micrometer;
