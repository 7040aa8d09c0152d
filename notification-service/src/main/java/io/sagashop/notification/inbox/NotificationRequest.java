package io.sagashop.notification.inbox;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What to tell which shopper, and how; the order and kind come from the path. */
record NotificationRequest(@NotNull UUID customerId, @NotNull NotificationChannel channel,
        // PostgreSQL cannot store NUL in text: refuse it here rather than fail in the
        // database.
        @NotBlank @Size(max = 1000) @Pattern(regexp = "[^\\x00]*",
                message = "must not contain NUL characters") String message) {
}
