/**
 * A throw-away kernel for {@code prm test} and {@code prm certify}: the packaged engine started as a
 * child process on a free loopback port with the local profile (embedded PostgreSQL and identity
 * provider), test support on, only the module under test and its required modules' contracts
 * installed, everything in a temporary folder; stopped and deleted when the command ends. Depends on
 * {@code http} and {@code deps}.
 */
package io.prmos.cli.kernel;
