package org.lectern.node.user;

/**
 * A user to create in bulk (see {@link UserDirectory#createAll}).
 *
 * @param rawPassword their password, or null for an unusable one (they cannot log in until one is set)
 */
public record NewUser(String login, String name, String rawPassword) {
}
