package io.sagashop.payment;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sagashop.payment.processor.TestCardToken;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI paymentServiceOpenApi() {
        // Built from the enum so the documented tokens can never drift from the ones the
        // processor knows.
        String tokens = Arrays.stream(TestCardToken.values())
            .map(token -> "- `" + token.token() + "`: " + token.behaviour())
            .collect(Collectors.joining("\n"));
        return new OpenAPI().info(new Info().title("Saga Shop payment service").version("v1").description("""
                Payments per order against a simulated card processor, and their refunds. Every write is \
                idempotent on the order id.

                Test card tokens (`paymentToken`) of the simulated processor:
                """ + tokens + """


                Any other token of 1 to 255 letters, digits, `_` or `-` is declined: 422 `card-declined` \
                with `declineCode` `UNKNOWN_TOKEN`, recorded like every decline. A token of another shape \
                is refused with 400.
                """));
    }

}
