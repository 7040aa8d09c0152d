package io.sagashop.auth.signin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the sign-in page shows besides the form: the demo accounts and their shared
 * password, for a demo; a real deployment has neither and sets
 * {@code sagashop.auth.sign-in-page.demo-accounts} to an empty list.
 *
 * @param shopUrl the shop, where a person who opened this page directly goes once signed
 * in (a client's sign-in returns to the client instead)
 * @param demoPassword the password of every demo account, shown beside them
 * @param demoAccounts the seeded accounts to list
 */
@ConfigurationProperties("sagashop.auth.sign-in-page")
record SignInPageProperties(String shopUrl, String demoPassword, List<DemoAccount> demoAccounts) {

    SignInPageProperties {
        demoAccounts = (demoAccounts != null) ? List.copyOf(demoAccounts) : List.of();
    }

}
