package io.sagashop.payment.payment;

import io.sagashop.payment.processor.TestCardToken;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a token as clients send it ({@code tok_visa}), not as the Java constant's name.
 */
@Converter
class TestCardTokenConverter implements AttributeConverter<TestCardToken, String> {

    @Override
    public String convertToDatabaseColumn(TestCardToken token) {
        return token == null ? null : token.token();
    }

    @Override
    public TestCardToken convertToEntityAttribute(String token) {
        return token == null ? null : TestCardToken.fromToken(token);
    }

}
