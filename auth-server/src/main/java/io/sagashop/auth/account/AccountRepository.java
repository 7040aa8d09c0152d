package io.sagashop.auth.account;

import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account signed in with this address, compared case-insensitively as the table
     * stores addresses lower-case.
     */
    public Optional<Account> findByEmail(String email) {
        return this.jdbc
            .sql("SELECT subject, email, password_hash, display_name, role FROM account WHERE email = :email")
            .param("email", normalize(email))
            .query(Account.class)
            .optional();
    }

    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

}
