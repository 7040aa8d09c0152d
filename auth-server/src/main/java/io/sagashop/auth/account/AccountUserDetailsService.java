package io.sagashop.auth.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs people in by email. The principal is Spring Security's own {@link User} (named by
 * the email) because Spring Authorization Server stores it with each authorization and
 * reads it back through an allow-list of known types; the token customizer turns it into
 * the account's subject and claims.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = this.accounts.findByEmail(email)
            .orElseThrow(() -> new UsernameNotFoundException("No account signs in with this email"));
        return User.withUsername(account.email()).password(account.passwordHash()).roles(account.role().name()).build();
    }

}
