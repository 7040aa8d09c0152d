package io.sagashop.gateway.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send; the same key the services use. An order has at most
 * 50 short lines, so anything larger is refused before it is parsed.
 */
@ConfigurationProperties("sagashop.http")
record RequestLimitsProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
