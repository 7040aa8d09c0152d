package io.sagashop.auth.signin;

/**
 * A seeded account as the sign-in page presents it: who they are and which story of the
 * shop they show.
 */
record DemoAccount(String email, String name, String role, String story) {

}
