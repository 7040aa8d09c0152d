package io.sagashop.auth.signin;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import io.sagashop.auth.account.AccountRepository;

/**
 * Token buckets in memory, one per client address and one per account email tried. An
 * idle bucket is forgotten once it would be full again (so forgetting it loses nothing),
 * and the number of buckets is bounded.
 */
@Component
class SignInRateLimiter {

    private final Buckets byAddress;

    private final Buckets byAccount;

    SignInRateLimiter(SignInLimitsProperties limits) {
        this.byAddress = new Buckets(limits.perAddress(), limits.trackedKeys());
        this.byAccount = new Buckets(limits.perAccount(), limits.trackedKeys());
    }

    /**
     * Counts one attempt from this address for this email (which may be blank).
     * @return empty when the attempt may go on, otherwise how long to wait
     */
    Optional<Duration> tryAttempt(String address, String email) {
        Bucket addressBucket = this.byAddress.of(address);
        ConsumptionProbe fromAddress = addressBucket.tryConsumeAndReturnRemaining(1);
        if (!fromAddress.isConsumed()) {
            return Optional.of(Duration.ofNanos(fromAddress.getNanosToWaitForRefill()));
        }
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        ConsumptionProbe forAccount = this.byAccount.of(AccountRepository.normalize(email))
            .tryConsumeAndReturnRemaining(1);
        if (!forAccount.isConsumed()) {
            // No password was tried, so the address gets its attempt back.
            addressBucket.addTokens(1);
            return Optional.of(Duration.ofNanos(forAccount.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    private static final class Buckets {

        private final Cache<String, Bucket> buckets;

        private final Bandwidth bandwidth;

        Buckets(SignInLimitsProperties.Limit limit, int trackedKeys) {
            this.bandwidth = Bandwidth.builder()
                .capacity(limit.attempts())
                .refillGreedy(limit.attempts(), limit.period())
                .build();
            this.buckets = Caffeine.newBuilder().maximumSize(trackedKeys).expireAfterAccess(limit.period()).build();
        }

        Bucket of(String key) {
            return this.buckets.get(key, unused -> Bucket.builder().addLimit(this.bandwidth).build());
        }

    }

}
