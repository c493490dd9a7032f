package io.surge.ticketing.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A number field takes a JSON integer and nothing that Jackson would otherwise bend into one. */
class StrictJsonUnitTests {

    record Reserve(Integer quantity, Boolean flag) {
    }

    private final JsonMapper mapper = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJsonAutoConfiguration().strictJsonScalars().customize(builder);
        return builder.build();
    }

    @Test
    void integersAreTakenAsTheyAre() {
        assertThat(mapper.readValue("{\"quantity\":2}", Reserve.class).quantity()).isEqualTo(2);
        assertThat(mapper.readValue("{\"quantity\":null}", Reserve.class).quantity()).isNull();
    }

    @Test
    void fractionsStringsBooleansAndBlanksAreNotNumbers() {
        for (String value : new String[] {"2.9", "1.0000000000000001", "\"5\"", "true", "\"\"", "\"  \""}) {
            assertThatThrownBy(() -> mapper.readValue("{\"quantity\":" + value + "}", Reserve.class))
                    .as(value).isInstanceOf(JacksonException.class);
        }
        assertThatThrownBy(() -> mapper.readValue("{\"flag\":1}", Reserve.class)).isInstanceOf(JacksonException.class);
    }
}
