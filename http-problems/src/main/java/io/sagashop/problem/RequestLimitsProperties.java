package io.sagashop.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send, under the same key in the gateway and every service.
 * JSON bodies here are small (an order has at most 50 short lines), so anything larger is
 * refused before it is parsed.
 */
@ConfigurationProperties("sagashop.http")
public record RequestLimitsProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
