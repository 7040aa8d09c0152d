package io.sagashop.payment.processor;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A simulated card processor that authorizes and captures in one call. The test token
 * decides the outcome, and any other token is declined as one the processor never issued;
 * operator-injected faults come first, as an outage would hit before the issuer is asked.
 */
@Component
public class CardProcessor {

    private static final Logger log = LoggerFactory.getLogger(CardProcessor.class);

    private final ProcessorFaults faults;

    private final ProcessorAttempts attempts;

    private final SimulatedProcessorProperties properties;

    CardProcessor(ProcessorFaults faults, ProcessorAttempts attempts, SimulatedProcessorProperties properties) {
        this.faults = faults;
        this.attempts = attempts;
        this.properties = properties;
    }

    /**
     * Charges the card behind {@code token}. Run it inside the caller's transaction: the
     * flaky token's attempt is counted there, and the caller commits that count even when
     * the charge fails as unavailable.
     * @throws ProcessorUnavailableException when the processor cannot answer; nothing was
     * charged
     */
    public ChargeDecision charge(UUID orderId, String token, long amountCents, String currency) {
        simulateLatency(orderId);
        if (faults.takeFailure()) {
            log.warn("Processor call for order {} failed by an injected fault", orderId);
            throw new ProcessorUnavailableException(orderId, "injected fault");
        }
        ChargeDecision decision = TestCardToken.of(token)
            .map(testToken -> decide(orderId, testToken))
            .orElseGet(() -> ChargeDecision.declined(DeclineCode.UNKNOWN_TOKEN));
        if (decision.isApproved()) {
            log.info("Processor approved {} cents {} for order {}", amountCents, currency, orderId);
        }
        else {
            log.info("Processor declined {} cents {} for order {}: {}", amountCents, currency, orderId,
                    decision.declineCode());
        }
        return decision;
    }

    private ChargeDecision decide(UUID orderId, TestCardToken token) {
        return switch (token) {
            case VISA -> ChargeDecision.approved();
            case DECLINED -> ChargeDecision.declined(DeclineCode.CARD_DECLINED);
            case INSUFFICIENT_FUNDS -> ChargeDecision.declined(DeclineCode.INSUFFICIENT_FUNDS);
            case FLAKY -> flaky(orderId);
        };
    }

    private ChargeDecision flaky(UUID orderId) {
        int attempt = attempts.recordAttempt(orderId);
        if (attempt <= properties.flakyFailures()) {
            log.warn("Flaky processor unavailable for order {} (attempt {} of {} failing)", orderId, attempt,
                    properties.flakyFailures());
            throw new ProcessorUnavailableException(orderId, "flaky test token, attempt " + attempt);
        }
        return ChargeDecision.approved();
    }

    private void simulateLatency(UUID orderId) {
        int latencyMillis = faults.latencyMillis();
        if (latencyMillis == 0) {
            return;
        }
        // Blocking is how a slow provider behaves; the service runs requests on virtual
        // threads, so it is cheap.
        try {
            Thread.sleep(latencyMillis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ProcessorUnavailableException(orderId, "interrupted while waiting for the processor");
        }
    }

}
