/**
 * What each error code means and what a client does about it: {@link io.timport.errors.ErrorCatalogue} holds every
 * code the sources list, by level (a request's {@code ErrorCode}, an item's {@code ResultCode}), each with its
 * {@link io.timport.errors.ErrorClass}: transient, throttled, re-sign, wait, permanent, fatal, a bug on our side, or
 * unknown. The import engine's decisions start here.
 */
package io.timport.errors;
