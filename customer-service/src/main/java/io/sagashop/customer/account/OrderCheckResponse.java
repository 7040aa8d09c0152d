package io.sagashop.customer.account;

import java.util.UUID;

/** Only approvals are answered with 200; a declined check is a 422 problem saying why. */
record OrderCheckResponse(UUID customerId, long amountCents, long creditLimitCents, boolean approved) {
}
