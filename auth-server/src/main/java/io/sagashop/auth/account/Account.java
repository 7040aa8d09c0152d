package io.sagashop.auth.account;

import java.util.UUID;

/**
 * A person who can sign in: the subject that tokens name them by, the email they sign in
 * with, and what the tokens say about them.
 */
public record Account(UUID subject, String email, String passwordHash, String displayName, Role role) {

}
