/**
 * The {@code prm} entry point: the picocli root command, the exit codes and the one-line failure
 * type every command throws. Depends on everything below it; nothing below depends on picocli
 * except the {@code command} package.
 */
package io.prmos.cli;
