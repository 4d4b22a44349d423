/**
 * Where the CLI keeps its state ({@code $XDG_CONFIG_HOME/prm}: the default server and the
 * credentials, 0600) and how it gets tokens. Depends only on the {@code http} package.
 */
package io.prmos.cli.auth;
