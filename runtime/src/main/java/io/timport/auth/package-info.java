/**
 * UserSig v2, Tencent's signed admin credential: {@link io.timport.auth.UserSig} signs one, and
 * {@link io.timport.auth.UserSigCache} keeps one per client and renews it before it expires. A UserSig is a bearer
 * credential: timport never prints one.
 */
package io.timport.auth;
