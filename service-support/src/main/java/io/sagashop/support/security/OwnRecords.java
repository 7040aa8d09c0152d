package io.sagashop.support.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A rule for the lists a service keeps per customer: the saga reads any customer's, a
 * person's delegated token only the list of its own subject. The gateway checks ownership
 * first; this keeps a shopper's own token from listing another customer's records
 * straight at the service. Customer ids, unlike the keyed order ids, are known.
 */
public final class OwnRecords {

    private OwnRecords() {
    }

    /**
     * @param customerParameter the query parameter naming the customer whose records are
     * listed
     */
    public static AuthorizationManager<RequestAuthorizationContext> ofTheSagaOrTheSubject(String customerParameter) {
        return (authentication, context) -> new AuthorizationDecision(
                allowed(authentication.get(), context.getRequest().getParameter(customerParameter)));
    }

    private static boolean allowed(Authentication caller, String customerId) {
        if (caller == null || !caller.isAuthenticated()) {
            return false;
        }
        boolean saga = caller.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(Authorities.SAGA::equals);
        boolean shop = caller.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(Authorities.SHOP::equals);
        return saga || shop && customerId != null && customerId.equalsIgnoreCase(caller.getName());
    }

}
