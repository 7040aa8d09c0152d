package io.sagashop.customer.account;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

class CreditLimitExceededException extends ProblemException {

    CreditLimitExceededException(UUID customerId, long amountCents, long creditLimitCents) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "credit-limit-exceeded",
                "Order amount of %d cents exceeds the credit limit of %d cents".formatted(amountCents,
                        creditLimitCents),
                Map.of("customerId", customerId, "amountCents", amountCents, "creditLimitCents", creditLimitCents));
    }

}
