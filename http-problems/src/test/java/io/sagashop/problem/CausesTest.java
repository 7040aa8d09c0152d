package io.sagashop.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsTheExceptionOrItsFirstCauseOfAType() {
        var refused = new ConnectException("Connection refused");
        var wrapped = new IllegalStateException("call failed", new UncheckedIOException("io", refused));

        assertThat(Causes.find(wrapped, ConnectException.class)).isSameAs(refused);
        assertThat(Causes.find(refused, ConnectException.class)).isSameAs(refused);
        assertThat(Causes.find(wrapped, RuntimeException.class)).isSameAs(wrapped);
        assertThat(Causes.find(wrapped, ArithmeticException.class)).isNull();
    }

}
