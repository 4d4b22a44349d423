/**
 * Support for {@code prm test}: on a throw-away kernel started by the CLI with
 * {@code prm.test-support.enabled=true}, a platform operator may write fixture records and inject
 * events of any module as the system, and read a tenant's records and events unfiltered, to set up
 * scenarios and check their effects. Off (404) everywhere else; refused at start unless the engine
 * listens on loopback only. May depend on {@code store}, {@code events}, {@code validation} and {@code registry}.
 */
package io.prmos.engine.testsupport;
