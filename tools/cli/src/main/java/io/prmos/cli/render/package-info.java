/**
 * How results look on stdout: text for people, one JSON document per command for scripts.
 * Depends on the client records; knows nothing of picocli.
 */
package io.prmos.cli.render;
