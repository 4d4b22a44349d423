/**
 * Module folders on disk and their offline validation with {@code prm-metadata}'s loader and
 * module-set compiler. No network, no picocli.
 */
package io.prmos.cli.local;
