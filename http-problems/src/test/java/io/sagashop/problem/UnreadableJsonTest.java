package io.sagashop.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;

import io.sagashop.problem.json.StrictJsonReading;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** What every API answers for a body it cannot read, read as every API reads it. */
class UnreadableJsonTest {

    enum Colour {

        RED, GREEN

    }

    record Line(String sku, Integer quantity) {
    }

    record Basket(List<Line> lines, Colour colour, Boolean gift) {
    }

    private static final JsonMapper STRICT = strictMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    a word for a quantity   | {"lines":[{"sku":"A","quantity":"x"}]}            | lines[0].quantity | must be a whole number
                    a number in quotes      | {"lines":[{"sku":"A","quantity":"2"}]}            | lines[0].quantity | must be a whole number
                    a fraction              | {"lines":[{"sku":"A","quantity":2.9}]}            | lines[0].quantity | must be a whole number
                    a huge number           | {"lines":[{"sku":"A","quantity":99999999999}]}    | lines[0].quantity | is out of range
                    a number for a string   | {"lines":[{"sku":123,"quantity":2}]}              | lines[0].sku      | must be a string
                    a string for a boolean  | {"lines":[],"gift":"yes"}                         | gift              | must be a boolean
                    a number for an enum    | {"lines":[],"colour":0}                           | colour            | must be one of [RED, GREEN]
                    an unknown constant     | {"lines":[],"colour":"BLUE"}                      | colour            | must be one of [RED, GREEN]
                    a number for a line     | {"lines":[1]}                                     | lines[0]          | must be an object
                    an unknown property     | {"lines":[{"sku":"A","quantity":1,"price":1}]}    | lines[0].price    | is not a known property
                    a property twice        | {"lines":[{"sku":"A","sku":"B","quantity":1}]}    | lines[0].sku      | is given more than once
                    """)
    void aFieldThatCannotBeReadIsNamedWithTheReason(String what, String body, String field, String reason) {
        ProblemDetail problem = UnreadableJson.problem(failure(body)).toProblemDetail();

        assertThat(problem.getType()).hasToString("urn:sagashop:problem:invalid-request");
        assertThat(problem.getTitle()).isEqualTo("Invalid request");
        assertThat(problem.getDetail()).isEqualTo(field + " " + reason);
        assertThat(problem.getProperties()).containsEntry("errors", List.of(new InvalidField(field, reason)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    content after the object | {"lines":[]}{}   | Request body is not valid JSON: unexpected content after the object
                    a body cut short         | {"lines": [      | Request body is not valid JSON: it ends before the JSON is complete
                    a stray character        | {"lines": [}     | Request body is not valid JSON: unexpected character at line 1, column 12
                    an array for the basket  | [{"lines":[]}]   | Request body must be a JSON object
                    """)
    void aBodyThatCannotBeReadIsNamedAsTheBody(String what, String body, String detail) {
        ProblemDetail problem = UnreadableJson.problem(failure(body)).toProblemDetail();

        assertThat(problem.getType()).hasToString("urn:sagashop:problem:malformed-request");
        assertThat(problem.getTitle()).isEqualTo("Malformed request");
        assertThat(problem.getDetail()).isEqualTo(detail);
        assertThat(problem.getProperties()).containsEntry("errors", List.of(new InvalidField("body", detail)));
    }

    @Test
    void aFailureThatIsNotJacksonsIsAnUnreadableBody() {
        assertThat(UnreadableJson.problem(null).getMessage()).isEqualTo("Request body is missing or unreadable");
    }

    private static JacksonException failure(String body) {
        return catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(body, Basket.class));
    }

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJsonReading().customize(builder);
        return builder.build();
    }

}
