/**
 * Notifications: per user, unread until marked read, counted for the bell of the UI shell and streamed
 * live to the recipient's open pages. Sent by people (API), tasks and agents ({@code kernel.notify}).
 */
package io.prmos.engine.notifications;
