/**
 * One picocli command class per {@code prm} subcommand; each parses its options and delegates to
 * {@code local}, {@code scaffold}, {@code client} and {@code render}. The only package that knows picocli
 * apart from the root.
 */
package io.prmos.cli.command;
